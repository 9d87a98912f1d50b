import { anyMember, definePolicy, role } from "../../platform/policy";

/** Coordination offices and associations hold meetings and events; youth offices do not. */
const hosts = ["coordinationOffice", "association"] as const;
/** Who plans events: the board in an association, coordinators in an office, and admins. */
const staff = ["admin", "coordinator", "board"] as const;

export const eventsPolicy = definePolicy("events", {
  /** The website's dates, one public event, its calendar file and the organisation's feed. */
  readPublic: role.public,
  /** A guest registers for a public event with name and e-mail; the place is held only once confirmed. */
  registerAsGuest: role.public,
  /** The e-mailed link is the credential (to confirm, and later to see or cancel the registration). */
  guestLink: role.public,
  /** Members see the events of their audience; the service filters. Organisers (any member) manage theirs. */
  read: role.of(anyMember, hosts),
  register: role.of(anyMember, hosts),
  manage: role.of(staff, hosts),
});
