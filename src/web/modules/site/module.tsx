import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";
import { SITE_WRITERS } from "./roles";

/**
 * The organisation's public website (pages, news, contact, map) and the writers' pages. Every page loads
 * on its own; the editor comes only with the writers' pages, so the public pages stay small on a phone.
 */
export const siteModule: WebModule = {
  publicRoutes: [
    {
      path: "o/:slug/seite/:pageSlug",
      element: lazyPage(() => import("./pages/public-page")),
    },
    { path: "o/:slug/neuigkeiten", element: lazyPage(() => import("./pages/news-page")) },
    { path: "o/:slug/neuigkeiten/:postSlug", element: lazyPage(() => import("./pages/post-page")) },
    { path: "o/:slug/kontakt", element: lazyPage(() => import("./pages/contact-page")) },
    { path: "o/:slug/karte", element: lazyPage(() => import("./pages/map-page")) },
  ],
  orgRoutes: [
    { path: "website", element: lazyPage(() => import("./pages/site-admin-page")) },
    { path: "website/seiten/neu", element: lazyPage(() => import("./pages/page-edit-page")) },
    { path: "website/seiten/:id", element: lazyPage(() => import("./pages/page-edit-page")) },
    { path: "website/neuigkeiten/neu", element: lazyPage(() => import("./pages/post-edit-page")) },
    { path: "website/neuigkeiten/:id", element: lazyPage(() => import("./pages/post-edit-page")) },
  ],
  nav: [{ path: "website", labelKey: "site.admin.nav", roles: SITE_WRITERS, order: 70, group: "community" }],
};
