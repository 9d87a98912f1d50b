import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";

export const privacyPaths = { audit: "protokoll" } as const;

export const privacyModule: WebModule = {
  orgRoutes: [
    {
      path: privacyPaths.audit,
      element: lazyPage(() => import("./pages/audit-page").then((m) => ({ default: m.AuditPage }))),
    },
  ],
  nav: [
    {
      path: privacyPaths.audit,
      labelKey: "privacy.nav.audit",
      roles: ["admin"],
      order: 85,
      group: "organisation",
    },
  ],
};
