import { definePolicy, role } from "../../platform/policy";

/**
 * Photo exhibitions belong to the public website, so whoever writes the website (site.policy.ts) runs them.
 * Consents name the people shown, often children: only these staff see them, never the public.
 */
export const exhibitionPolicy = definePolicy("exhibition", {
  manage: role.of(["admin", "coordinator", "board"]),
  /** Published exhibitions and the photos whose consents hold today, with their images. */
  readPublic: role.public,
});
