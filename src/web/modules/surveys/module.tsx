import { roles } from "../../../contracts/roles";
import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";
import { OpenSurveysBadge } from "./components/open-surveys-badge";

/** Anonymous satisfaction surveys: invitations to answer, and for the office and the board building and results. */
export const surveysModule: WebModule = {
  publicRoutes: [
    {
      path: "umfrage",
      element: lazyPage(() =>
        import("./pages/link-answer-page").then((m) => ({ default: m.LinkAnswerPage })),
      ),
    },
  ],
  orgRoutes: [
    {
      path: "umfragen",
      element: lazyPage(() => import("./pages/surveys-page").then((m) => ({ default: m.SurveysPage }))),
    },
    {
      path: "umfragen/:id",
      element: lazyPage(() => import("./pages/survey-page").then((m) => ({ default: m.SurveyPage }))),
    },
    {
      path: "umfragen/:id/ergebnisse",
      element: lazyPage(() => import("./pages/results-page").then((m) => ({ default: m.ResultsPage }))),
    },
    {
      path: "umfragen/:id/antworten",
      element: lazyPage(() =>
        import("./pages/member-answer-page").then((m) => ({ default: m.MemberAnswerPage })),
      ),
    },
  ],
  nav: [
    {
      path: "umfragen",
      labelKey: "surveys.nav",
      roles,
      kinds: ["coordinationOffice", "association"],
      order: 62,
      group: "community",
      Badge: OpenSurveysBadge,
    },
  ],
};
