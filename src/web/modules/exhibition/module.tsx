import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";
import { EXHIBITION_MANAGERS } from "./roles";

/**
 * Photo exhibitions: the public gallery on the organisation's website, and the staff's pages with the
 * upload and the consents. Every page loads on its own, so a visitor's phone never loads the editor.
 */
export const exhibitionModule: WebModule = {
  publicRoutes: [
    { path: "o/:slug/ausstellung", element: lazyPage(() => import("./pages/public-exhibitions-page")) },
    {
      path: "o/:slug/ausstellung/:exhibitionSlug",
      element: lazyPage(() => import("./pages/public-exhibition-page")),
    },
  ],
  orgRoutes: [
    { path: "ausstellungen", element: lazyPage(() => import("./pages/exhibitions-page")) },
    { path: "ausstellungen/:id", element: lazyPage(() => import("./pages/exhibition-edit-page")) },
  ],
  nav: [
    {
      path: "ausstellungen",
      labelKey: "exhibition.nav",
      roles: EXHIBITION_MANAGERS,
      order: 71,
      group: "community",
    },
  ],
};
