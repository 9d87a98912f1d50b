import type { Role } from "../../../contracts/roles";

/** Who writes the website (site.policy.ts): the board of an association, coordinators and admins. */
export const SITE_WRITERS: readonly Role[] = ["admin", "coordinator", "board"];
