import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";
import { CARE_ROLES, FAMILY_ROLES, OFFICE_ROLES } from "./api";

const office = ["coordinationOffice"] as const;

/**
 * Substitution: the day-care person reports an absence, the office confirms the proposed covers on its
 * board and sets up tandems, substitutes and Kitas, parents answer, and the covering person sees her children.
 */
export const substitutionModule: WebModule = {
  orgRoutes: [
    {
      path: "vertretung",
      element: lazyPage(() => import("./pages/board-page").then((m) => ({ default: m.BoardPage }))),
    },
    {
      path: "vertretung/regelungen",
      element: lazyPage(() => import("./pages/setup-page").then((m) => ({ default: m.SetupPage }))),
    },
    {
      path: "vertretung/auswertung",
      element: lazyPage(() => import("./pages/evaluation-page").then((m) => ({ default: m.EvaluationPage }))),
    },
    {
      path: "vertretung/melden",
      element: lazyPage(() => import("./pages/report-page").then((m) => ({ default: m.ReportPage }))),
    },
    {
      path: "vertretung/vertretungskinder",
      element: lazyPage(() => import("./pages/my-covers-page").then((m) => ({ default: m.MyCoversPage }))),
    },
    {
      path: "vertretung/kalender",
      element: lazyPage(() => import("./pages/calendar-page").then((m) => ({ default: m.CalendarPage }))),
    },
    {
      path: "vertretung/mein-kalender",
      element: lazyPage(() => import("./pages/calendar-page").then((m) => ({ default: m.MyCalendarPage }))),
    },
    {
      path: "vertretung/meine",
      element: lazyPage(() => import("./pages/family-page").then((m) => ({ default: m.FamilyPage }))),
    },
  ],
  nav: [
    {
      path: "vertretung",
      labelKey: "substitution.nav.board",
      roles: OFFICE_ROLES,
      kinds: office,
      order: 24,
      group: "placement",
    },
    {
      path: "vertretung/kalender",
      labelKey: "substitutionCalendar.nav.office",
      roles: OFFICE_ROLES,
      kinds: office,
      order: 24.5,
      group: "placement",
    },
    {
      path: "vertretung/regelungen",
      labelKey: "substitution.nav.setup",
      roles: OFFICE_ROLES,
      kinds: office,
      order: 25,
      group: "placement",
    },
    {
      path: "vertretung/auswertung",
      labelKey: "substitution.nav.evaluation",
      roles: OFFICE_ROLES,
      kinds: office,
      order: 26,
      group: "placement",
    },
    {
      path: "vertretung/meine",
      labelKey: "substitution.nav.family",
      roles: FAMILY_ROLES,
      kinds: office,
      order: 11,
      group: "placement",
    },
    {
      path: "vertretung/melden",
      labelKey: "substitution.nav.report",
      roles: CARE_ROLES,
      kinds: office,
      order: 31,
      group: "placement",
    },
    {
      path: "vertretung/vertretungskinder",
      labelKey: "substitution.nav.myCovers",
      roles: CARE_ROLES,
      kinds: office,
      order: 32,
      group: "placement",
    },
    {
      path: "vertretung/mein-kalender",
      labelKey: "substitutionCalendar.nav.own",
      roles: CARE_ROLES,
      kinds: office,
      order: 32.5,
      group: "placement",
    },
  ],
};
