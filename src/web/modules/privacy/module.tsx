import { type ComponentType, lazy, Suspense } from "react";
import type { RouteObject } from "react-router";
import type { WebModule } from "../../app/module-types";
import { Loading } from "../../components/loading";

/** The page loads when first opened; only admins ever need it. */
function page(load: () => Promise<{ default: ComponentType }>): RouteObject["element"] {
  const Page = lazy(load);
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

export const privacyPaths = { audit: "protokoll" } as const;

export const privacyModule: WebModule = {
  orgRoutes: [
    {
      path: privacyPaths.audit,
      element: page(() => import("./pages/audit-page").then((m) => ({ default: m.AuditPage }))),
    },
  ],
  nav: [{ path: privacyPaths.audit, labelKey: "privacy.nav.audit", roles: ["admin"], order: 85 }],
};
