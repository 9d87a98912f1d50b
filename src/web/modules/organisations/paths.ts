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
