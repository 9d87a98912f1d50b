import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";

const staff = ["admin", "coordinator"] as const;
const office = ["coordinationOffice"] as const;

export const placementModule: WebModule = {
  publicRoutes: [
    {
      path: "o/:slug/anfrage",
      element: lazyPage(() =>
        import("./pages/public-request-page").then((m) => ({ default: m.PublicRequestPage })),
      ),
    },
    {
      path: "anfrage/bestaetigen/:token",
      element: lazyPage(() => import("./pages/confirm-page").then((m) => ({ default: m.ConfirmPage }))),
    },
  ],
  orgRoutes: [
    {
      path: "anfragen",
      element: lazyPage(() =>
        import("./pages/my-requests-page").then((m) => ({ default: m.MyRequestsPage })),
      ),
    },
    {
      path: "anfragen/:id",
      element: lazyPage(() => import("./pages/my-request-page").then((m) => ({ default: m.MyRequestPage }))),
    },
    {
      path: "anfragen/:id/aendern",
      element: lazyPage(() =>
        import("./pages/my-request-edit-page").then((m) => ({ default: m.MyRequestEditPage })),
      ),
    },
    {
      path: "vermittlung",
      element: lazyPage(() => import("./pages/board-page").then((m) => ({ default: m.BoardPage }))),
    },
    {
      path: "vermittlung/berichte",
      element: lazyPage(() => import("./pages/reports-page").then((m) => ({ default: m.ReportsPage }))),
    },
    {
      path: "vermittlung/vertraege",
      element: lazyPage(() => import("./pages/contracts-page").then((m) => ({ default: m.ContractsPage }))),
    },
    {
      path: "vermittlung/kriterien",
      element: lazyPage(() => import("./pages/criteria-page").then((m) => ({ default: m.CriteriaPage }))),
    },
    {
      path: "vermittlung/runden",
      element: lazyPage(() => import("./pages/rounds-page").then((m) => ({ default: m.RoundsPage }))),
    },
    {
      path: "vermittlung/runden/:id",
      element: lazyPage(() => import("./pages/round-page").then((m) => ({ default: m.RoundPage }))),
    },
    {
      path: "meine-runde",
      element: lazyPage(() => import("./pages/my-round-page").then((m) => ({ default: m.MyRoundPage }))),
    },
    {
      path: "vermittlung/:id",
      element: lazyPage(() =>
        import("./pages/request-detail-page").then((m) => ({ default: m.RequestDetailPage })),
      ),
    },
  ],
  nav: [
    {
      path: "vermittlung",
      labelKey: "placement.nav.board",
      roles: staff,
      kinds: office,
      order: 20,
      group: "placement",
    },
    {
      path: "anfragen",
      labelKey: "placement.nav.myRequests",
      roles: ["parent"],
      kinds: office,
      order: 10,
      group: "placement",
    },
    {
      path: "vermittlung/runden",
      labelKey: "rounds.nav.rounds",
      roles: staff,
      kinds: office,
      order: 21,
      group: "placement",
    },
    {
      path: "vermittlung/berichte",
      labelKey: "placementReports.nav",
      roles: ["admin", "coordinator", "youthOffice"],
      kinds: office,
      order: 22,
      group: "placement",
    },
    {
      path: "vermittlung/vertraege",
      labelKey: "placement.contracts.nav",
      roles: staff,
      kinds: office,
      order: 23,
      group: "placement",
    },
    {
      path: "meine-runde",
      labelKey: "rounds.nav.myRound",
      roles: ["caregiver"],
      kinds: office,
      order: 30,
      group: "placement",
    },
  ],
};
