import { roles } from "../../../contracts/roles";
import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";
import { UnreadNavBadge } from "./components/unread-nav-badge";

/** Announcements of the board or the office to groups of people, in the app and by mail. */
export const announcementsModule: WebModule = {
  orgRoutes: [
    {
      path: "mitteilungen",
      element: lazyPage(() =>
        import("./pages/announcements-page").then((m) => ({ default: m.AnnouncementsPage })),
      ),
    },
  ],
  nav: [{ path: "mitteilungen", labelKey: "announcements.nav", roles, order: 5, Badge: UnreadNavBadge }],
};
