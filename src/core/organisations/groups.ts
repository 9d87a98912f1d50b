import type { Role } from "../../contracts/roles";

/**
 * The groups of an organisation's members that announcements, surveys, votes and events address, and the
 * roles that make someone part of each. One table, so that "the day-care persons" means the same people
 * wherever it is chosen: employed substitutes are day-care persons too.
 */
export const MEMBER_GROUP_ROLES = {
  /** Every active member, whatever her roles. */
  members: null,
  board: ["board"],
  caregivers: ["caregiver", "substitute"],
  parents: ["parent"],
} as const satisfies Record<string, readonly Role[] | null>;

export type MemberGroup = keyof typeof MEMBER_GROUP_ROLES;

/** Whether someone with these roles belongs to the group. */
export function isInGroup(group: MemberGroup, roles: readonly Role[]): boolean {
  const wanted: readonly Role[] | null = MEMBER_GROUP_ROLES[group];
  return wanted === null ? roles.length > 0 : roles.some((role) => wanted.includes(role));
}
