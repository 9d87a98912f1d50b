import { anyMember, definePolicy, role } from "../../platform/policy";

/** Coordination offices and associations ask their people; youth offices do not run these surveys. */
const askers = ["coordinationOffice", "association"] as const;

/**
 * Coordinators (offices), the board (associations) and admins create surveys and read their results. Every
 * member sees and answers the surveys she is invited to; the mailed link answers without signing in.
 */
export const surveysPolicy = definePolicy("surveys", {
  manage: role.of(["admin", "coordinator", "board"], askers),
  answer: role.of(anyMember, askers),
  /** The mailed single-use link is the credential. */
  answerByLink: role.public,
});
