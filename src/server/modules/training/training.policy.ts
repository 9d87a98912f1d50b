import { anyMember, definePolicy, role } from "../../platform/policy";

/** Both coordination offices and associations train day-care persons; youth offices do not run courses. */
const trainers = ["coordinationOffice", "association"] as const;
/** Staff who run the catalogue: coordinators in an office, the board in an association. */
const staff = ["admin", "coordinator", "board"] as const;

export const trainingPolicy = definePolicy("training", {
  /** The public catalogue on the organisation's page lists runs whose audience is the public. */
  readPublicCatalogue: role.public,
  /** A guest books a public run with name and e-mail; the place is held only once the link is clicked. */
  bookAsGuest: role.public,
  /** The e-mailed link is the credential. */
  confirmGuest: role.public,
  /** The calendar feed's secret token is the credential (calendar apps cannot sign in). */
  readCalendarFeed: role.public,
  /** Her personal calendar feed spans all her organisations, so it belongs to the account. */
  manageCalendarFeed: role.authenticated,
  /** A certificate is confirmed by its code to anyone who holds it: name, course, date, validity only. */
  verifyCertificate: role.public,
  /** Members see the runs meant for them; the service filters by audience. */
  readCatalogue: role.of(anyMember, trainers),
  /** Members book and cancel for themselves (the service finds her by her account). */
  bookOwn: role.of(anyMember, trainers),
  readOwnTraining: role.of(anyMember, trainers),
  /** A day-care person uploads a certificate from another provider for her training account. */
  uploadExternal: role.of(["caregiver", "substitute", "member"], trainers),
  manageCourses: role.of(staff, trainers),
  manageBookings: role.of(staff, trainers),
  /** Trainers mark attendance of the runs they are assigned to (the service checks the assignment). */
  recordAttendance: role.of([...staff, "trainer"], trainers),
  issueCertificates: role.of(staff, trainers),
  reviewExternal: role.of(staff, trainers),
  /** Training accounts of all day-care persons: who is behind, inviting a group to a run. */
  readAccounts: role.of([...staff, "youthOffice"], trainers),
  readReports: role.of([...staff, "youthOffice"], trainers),
});
