import { roles } from "../../../contracts/roles";
import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";
import { VOTE_KINDS } from "./api";

/**
 * Votes and elections: the members' list and ballot, results with the record, the meeting's presence,
 * proxies and projector, the parent-council election's candidacies, and the staff's forms and settings.
 */
export const votesModule: WebModule = {
  orgRoutes: [
    {
      path: "abstimmungen",
      element: lazyPage(() => import("./pages/votes-page").then((m) => ({ default: m.VotesPage }))),
    },
    {
      path: "abstimmungen/neu",
      element: lazyPage(() => import("./pages/vote-edit-page").then((m) => ({ default: m.VoteEditPage }))),
    },
    {
      path: "abstimmungen/einstellungen",
      element: lazyPage(() => import("./pages/settings-page").then((m) => ({ default: m.VoteSettingsPage }))),
    },
    {
      path: "abstimmungen/sitzung/:eventId",
      element: lazyPage(() => import("./pages/meeting-page").then((m) => ({ default: m.MeetingPage }))),
    },
    {
      path: "abstimmungen/:id",
      element: lazyPage(() => import("./pages/vote-page").then((m) => ({ default: m.VotePage }))),
    },
    {
      path: "abstimmungen/:id/bearbeiten",
      element: lazyPage(() => import("./pages/vote-edit-page").then((m) => ({ default: m.VoteEditPage }))),
    },
    {
      path: "abstimmungen/:id/beamer",
      element: lazyPage(() => import("./pages/projector-page").then((m) => ({ default: m.ProjectorPage }))),
    },
  ],
  nav: [
    {
      // Everyone sees the votes she is entitled to (the API filters); staff create them from the same page.
      path: "abstimmungen",
      labelKey: "votesWeb.nav",
      roles,
      kinds: VOTE_KINDS,
      order: 34,
      group: "community",
    },
  ],
};
