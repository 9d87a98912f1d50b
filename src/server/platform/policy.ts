import type { OrganisationKind, Role } from "../../contracts/roles";

/**
 * Who may use a route. `roles` is checked against the actor's membership in the organisation named by the
 * route's `:orgSlug`; `kinds` limits a capability to some kinds of organisation (the map is for
 * associations).
 */
export type PermissionRule =
  | { access: "public" }
  | { access: "authenticated" }
  | { access: "platformAdmin" }
  | { access: "organisation"; roles: readonly Role[]; kinds?: readonly OrganisationKind[] };

const registry = new Map<string, PermissionRule>();

export const anyMember: readonly Role[] = [
  "admin",
  "coordinator",
  "board",
  "caregiver",
  "substitute",
  "parent",
  "youthOffice",
  "member",
  "trainer",
];

/**
 * Registers one domain's permission table and returns the permission names, so that routes refer to
 * permissions by constant rather than by string.
 */
export function definePolicy<const D extends string, const P extends Record<string, PermissionRule>>(
  domain: D,
  rules: P,
): { [K in keyof P & string]: `${D}.${K}` } {
  const names = {} as Record<string, string>;
  for (const [action, rule] of Object.entries(rules)) {
    const name = `${domain}.${action}`;
    registry.set(name, rule);
    names[action] = name;
  }
  return names as { [K in keyof P & string]: `${D}.${K}` };
}

export function findPermission(name: string): PermissionRule | undefined {
  return registry.get(name);
}

/** Every registered permission; the authorization tests walk this table. */
export function listPermissions(): [string, PermissionRule][] {
  return [...registry.entries()];
}

/** Whether a membership's roles grant a permission (for record-level decisions inside services). */
export function hasPermission(
  membership: { roles: readonly Role[] } | null | undefined,
  permission: string,
  kind?: OrganisationKind,
): boolean {
  const rule = registry.get(permission);
  if (!rule || !membership) return false;
  if (rule.access !== "organisation") return rule.access === "public" || rule.access === "authenticated";
  if (rule.kinds && kind && !rule.kinds.includes(kind)) return false;
  return membership.roles.some((role) => rule.roles.includes(role));
}

export const role = {
  public: { access: "public" } as const,
  authenticated: { access: "authenticated" } as const,
  platformAdmin: { access: "platformAdmin" } as const,
  of: (roles: readonly Role[], kinds?: readonly OrganisationKind[]): PermissionRule =>
    kinds ? { access: "organisation", roles, kinds } : { access: "organisation", roles },
};
