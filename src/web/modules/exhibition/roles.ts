import type { Role } from "../../../contracts/roles";

/** Who runs the exhibitions and sees the consents (exhibition.policy.ts): the website's writers. */
export const EXHIBITION_MANAGERS: readonly Role[] = ["admin", "coordinator", "board"];
