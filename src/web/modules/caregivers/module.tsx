import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";

const registryRoles = ["admin", "coordinator", "youthOffice"] as const;
const registryKinds = ["coordinationOffice", "youthOffice"] as const;

export const caregiversModule: WebModule = {
  orgRoutes: [
    {
      path: "tagespflegepersonen",
      element: lazyPage(() => import("./pages/registry-page").then((m) => ({ default: m.RegistryPage }))),
    },
    {
      path: "tagespflegepersonen/neu",
      element: lazyPage(() =>
        import("./pages/caregiver-new-page").then((m) => ({ default: m.CaregiverNewPage })),
      ),
    },
    {
      path: "tagespflegepersonen/import",
      element: lazyPage(() => import("./pages/import-page").then((m) => ({ default: m.ImportPage }))),
    },
    {
      path: "tagespflegepersonen/:id",
      element: lazyPage(() =>
        import("./pages/caregiver-detail-page").then((m) => ({ default: m.CaregiverDetailPage })),
      ),
    },
    {
      path: "fristen",
      element: lazyPage(() =>
        import("./pages/deadline-board-page").then((m) => ({ default: m.DeadlineBoardPage })),
      ),
    },
    {
      path: "mein-profil",
      element: lazyPage(() => import("./pages/my-profile-page").then((m) => ({ default: m.MyProfilePage }))),
    },
    {
      path: "karte",
      element: lazyPage(() => import("./pages/map-optin-page").then((m) => ({ default: m.MapOptInPage }))),
    },
  ],
  nav: [
    {
      path: "tagespflegepersonen",
      labelKey: "registry.nav.caregivers",
      roles: registryRoles,
      kinds: registryKinds,
      group: "registry",
    },
    {
      path: "fristen",
      labelKey: "registry.nav.deadlines",
      roles: registryRoles,
      kinds: registryKinds,
      group: "registry",
    },
    {
      path: "mein-profil",
      labelKey: "registry.nav.myProfile",
      roles: ["caregiver"],
      kinds: ["coordinationOffice"],
      group: "registry",
    },
    {
      path: "karte",
      labelKey: "map.nav.myMap",
      roles: ["member", "board", "caregiver", "admin"],
      kinds: ["association"],
      group: "community",
    },
  ],
};
