import type { Role } from "../../../contracts/roles";

/**
 * Pages inside an organisation (relative to /app/:orgSlug) that this module links to. Registry, deadlines,
 * own profile and map belong to the caregivers module; keep these in step with its routes.
 */
export const orgPaths = {
  home: "",
  members: "mitglieder",
  settings: "einstellungen",
  registry: "tagespflegepersonen",
  deadlines: "fristen",
  myProfile: "mein-profil",
  myMap: "karte",
} as const;

/** Who sees the settings page: admins edit it, coordinators and the board look the state rules up there. */
export const settingsReaders: readonly Role[] = ["admin", "coordinator", "board"];
