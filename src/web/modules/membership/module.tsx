import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";
import { MANAGERS } from "./api";

const associations = ["association"] as const;

/** Membership of an association: the public application, its confirmation, the board's pages. */
export const membershipModule: WebModule = {
  publicRoutes: [
    {
      path: "o/:slug/mitglied-werden",
      element: lazyPage(() =>
        import("./pages/application-page").then((m) => ({ default: m.ApplicationPage })),
      ),
    },
    {
      path: "mitglied-werden/bestaetigen/:token",
      element: lazyPage(() => import("./pages/confirm-page").then((m) => ({ default: m.ConfirmPage }))),
    },
  ],
  orgRoutes: [
    {
      path: "mitgliedsantraege",
      element: lazyPage(() =>
        import("./pages/applications-page").then((m) => ({ default: m.ApplicationsPage })),
      ),
    },
    {
      path: "mitgliederliste",
      element: lazyPage(() => import("./pages/register-page").then((m) => ({ default: m.RegisterPage }))),
    },
  ],
  nav: [
    {
      path: "mitgliedsantraege",
      labelKey: "membership.nav.applications",
      roles: MANAGERS,
      kinds: associations,
      order: 81,
      group: "organisation",
    },
    {
      path: "mitgliederliste",
      labelKey: "membership.nav.register",
      roles: MANAGERS,
      kinds: associations,
      order: 82,
      group: "organisation",
    },
  ],
};
