import { Loader } from "@mantine/core";
import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { RouteObject } from "react-router";
import type { WebModule } from "../../app/module-types";

/** Pages load when first opened, so the public pages and the sign-in stay small. */
function page(load: () => Promise<{ default: ComponentType }>): RouteObject["element"] {
  const Page: LazyExoticComponent<ComponentType> = lazy(load);
  return (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  );
}

function PageLoader() {
  const { t } = useTranslation();
  return <Loader role="status" aria-label={t("common.loading")} m="md" />;
}

const registryRoles = ["admin", "coordinator", "youthOffice"] as const;
const registryKinds = ["coordinationOffice", "youthOffice"] as const;

export const caregiversModule: WebModule = {
  orgRoutes: [
    {
      path: "tagespflegepersonen",
      element: page(() => import("./pages/registry-page").then((m) => ({ default: m.RegistryPage }))),
    },
    {
      path: "tagespflegepersonen/neu",
      element: page(() =>
        import("./pages/caregiver-new-page").then((m) => ({ default: m.CaregiverNewPage })),
      ),
    },
    {
      path: "tagespflegepersonen/import",
      element: page(() => import("./pages/import-page").then((m) => ({ default: m.ImportPage }))),
    },
    {
      path: "tagespflegepersonen/:id",
      element: page(() =>
        import("./pages/caregiver-detail-page").then((m) => ({ default: m.CaregiverDetailPage })),
      ),
    },
    {
      path: "fristen",
      element: page(() =>
        import("./pages/deadline-board-page").then((m) => ({ default: m.DeadlineBoardPage })),
      ),
    },
    {
      path: "mein-profil",
      element: page(() => import("./pages/my-profile-page").then((m) => ({ default: m.MyProfilePage }))),
    },
    {
      path: "karte",
      element: page(() => import("./pages/map-optin-page").then((m) => ({ default: m.MapOptInPage }))),
    },
  ],
  nav: [
    {
      path: "tagespflegepersonen",
      labelKey: "registry.nav.caregivers",
      roles: registryRoles,
      kinds: registryKinds,
    },
    { path: "fristen", labelKey: "registry.nav.deadlines", roles: registryRoles, kinds: registryKinds },
    {
      path: "mein-profil",
      labelKey: "registry.nav.myProfile",
      roles: ["caregiver"],
      kinds: ["coordinationOffice"],
    },
    {
      path: "karte",
      labelKey: "map.nav.myMap",
      roles: ["member", "board", "caregiver", "admin"],
      kinds: ["association"],
    },
  ],
};
