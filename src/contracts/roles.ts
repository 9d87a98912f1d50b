/** Roles a membership can carry; permissions derive from them in each domain's policy table. */
export const roles = [
  "admin",
  "coordinator",
  "board",
  "caregiver",
  "substitute",
  "parent",
  "youthOffice",
  "member",
  /** Teaches courses of the organisation; marks attendance of the runs assigned to her. */
  "trainer",
] as const;
export type Role = (typeof roles)[number];

/** Roles that work with other people's data; an organisation can require two-factor sign-in for them. */
export const staffRoles: readonly Role[] = ["admin", "coordinator", "board", "youthOffice"];

export const organisationKinds = ["coordinationOffice", "association", "youthOffice"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
