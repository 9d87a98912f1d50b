import { definePolicy, role } from "../../platform/policy";

/** Only coordination offices arrange substitution; associations and youth offices answer 404. */
const hosts = ["coordinationOffice"] as const;

export const substitutionPolicy = definePolicy("substitution", {
  /** The board, arrangements, Kitas, play groups, settings, hours and the model report. */
  manage: role.of(["admin", "coordinator"], hosts),
  /**
   * Her own absences, the children she covers and, where the office allows it, her tandem's covers. The
   * service finds her registry entry by her account and refuses an account without one.
   */
  own: role.of(["caregiver", "substitute"], hosts),
  /** Parents see who covers their children and answer; the service finds the children by her account. */
  family: role.of(["parent"], hosts),
});
