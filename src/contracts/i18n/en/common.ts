import type { common as de, organisationKinds as deKinds, roles as deRoles } from "../de/common";

export const roles: typeof deRoles = {
  admin: "Admin",
  coordinator: "Coordinator",
  board: "Board",
  caregiver: "Day-care person",
  substitute: "Substitute",
  parent: "Parent",
  youthOffice: "Youth office",
  member: "Member",
};

export const organisationKinds: typeof deKinds = {
  coordinationOffice: "Coordination office",
  association: "Association",
  youthOffice: "Youth office",
};

export const common: typeof de = {
  appName: "KTP-Netz",
  tagline: "Family day care, connected",
  skipToContent: "Skip to content",
  language: "Language",
  languageName: "English",
  switchLanguage: "Deutsch",
  save: "Save",
  saved: "Saved.",
  cancel: "Cancel",
  delete: "Delete",
  edit: "Edit",
  add: "Add",
  back: "Back",
  close: "Close",
  loading: "Loading …",
  search: "Search",
  none: "No entries.",
  yes: "Yes",
  no: "No",
  optional: "optional",
  signIn: "Sign in",
  signOut: "Sign out",
  menu: "Menu",
  account: "My account",
  organisation: "Organisation",
  switchOrganisation: "Switch organisation",
  home: "Home",
  notFoundTitle: "Page not found",
  notFoundText: "This page does not exist (any more).",
  errorTitle: "Something went wrong",
  retry: "Try again",
  privacy: "Privacy",
  imprint: "Imprint",
};
