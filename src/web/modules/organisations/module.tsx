import { roles } from "../../../contracts/roles";
import type { WebModule } from "../../app/module-types";
import { LandingPage } from "./pages/landing-page";
import { MembersPage } from "./pages/members-page";
import { OrgHomePage } from "./pages/org-home-page";
import { PublicOrganisationPage } from "./pages/public-org-page";
import { SettingsPage } from "./pages/settings-page";
import { orgPaths, settingsReaders } from "./paths";

const allRoles = roles;

export const organisationsModule: WebModule = {
  publicRoutes: [
    { index: true, element: <LandingPage /> },
    { path: "o/:slug", element: <PublicOrganisationPage /> },
  ],
  orgRoutes: [
    { index: true, element: <OrgHomePage /> },
    { path: orgPaths.members, element: <MembersPage /> },
    { path: orgPaths.settings, element: <SettingsPage /> },
  ],
  nav: [
    { path: orgPaths.home, labelKey: "organisations.nav.home", roles: allRoles, order: 0 },
    {
      path: orgPaths.members,
      labelKey: "organisations.nav.members",
      roles: allRoles,
      order: 80,
      group: "organisation",
    },
    {
      path: orgPaths.settings,
      labelKey: "organisations.nav.settings",
      roles: settingsReaders,
      order: 90,
      group: "organisation",
    },
  ],
};
