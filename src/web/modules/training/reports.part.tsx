import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";

/** Reports on the training offer for staff and the youth office. */
export const reportsPart: WebModule = {
  orgRoutes: [
    {
      path: "fortbildungen/berichte",
      element: lazyPage(() => import("./pages/reports-page").then((m) => ({ default: m.ReportsPage }))),
    },
  ],
  nav: [
    {
      path: "fortbildungen/berichte",
      labelKey: "trainingReports.title",
      roles: ["admin", "coordinator", "board", "youthOffice"],
      kinds: ["coordinationOffice", "association"],
      order: 58,
      group: "training",
    },
  ],
};
