import { roles } from "../../../contracts/roles";
import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";
import { EVENT_KINDS, STAFF_ROLES } from "./api";

/**
 * Meetings and events: the public calendar with guest registration, the members' dates with registration,
 * and the staff's planning of single events and series with registrations, attendance and minutes.
 */
export const eventsModule: WebModule = {
  publicRoutes: [
    {
      path: "o/:slug/termine",
      element: lazyPage(() =>
        import("./pages/public-calendar-page").then((m) => ({ default: m.PublicCalendarPage })),
      ),
    },
    {
      path: "o/:slug/termine/:eventId",
      element: lazyPage(() =>
        import("./pages/public-event-page").then((m) => ({ default: m.PublicEventPage })),
      ),
    },
    {
      path: "termine/bestaetigen/:token",
      element: lazyPage(() =>
        import("./pages/guest-confirm-page").then((m) => ({ default: m.GuestConfirmPage })),
      ),
    },
    {
      path: "termine/anmeldung/:token",
      element: lazyPage(() =>
        import("./pages/guest-registration-page").then((m) => ({ default: m.GuestRegistrationPage })),
      ),
    },
  ],
  orgRoutes: [
    {
      path: "termine",
      element: lazyPage(() =>
        import("./pages/member-events-page").then((m) => ({ default: m.MemberEventsPage })),
      ),
    },
    {
      path: "termine/:id",
      element: lazyPage(() =>
        import("./pages/member-event-page").then((m) => ({ default: m.MemberEventPage })),
      ),
    },
    {
      path: "termine/verwalten",
      element: lazyPage(() =>
        import("./pages/admin-events-page").then((m) => ({ default: m.AdminEventsPage })),
      ),
    },
    {
      path: "termine/verwalten/neu",
      element: lazyPage(() => import("./pages/event-edit-page").then((m) => ({ default: m.EventEditPage }))),
    },
    {
      path: "termine/verwalten/:id",
      element: lazyPage(() =>
        import("./pages/admin-event-page").then((m) => ({ default: m.AdminEventPage })),
      ),
    },
    {
      path: "termine/verwalten/:id/bearbeiten",
      element: lazyPage(() => import("./pages/event-edit-page").then((m) => ({ default: m.EventEditPage }))),
    },
    {
      path: "termine/verwalten/reihe/:seriesId",
      element: lazyPage(() =>
        import("./pages/admin-series-page").then((m) => ({ default: m.AdminSeriesPage })),
      ),
    },
    {
      path: "termine/verwalten/reihe/:seriesId/bearbeiten",
      element: lazyPage(() => import("./pages/event-edit-page").then((m) => ({ default: m.EventEditPage }))),
    },
  ],
  nav: [
    {
      // Every member sees the dates meant for her (the API filters by audience); staff plan them below.
      path: "termine",
      labelKey: "events.member.nav",
      roles,
      kinds: EVENT_KINDS,
      order: 30,
      group: "community",
    },
    {
      path: "termine/verwalten",
      labelKey: "events.admin.nav",
      roles: STAFF_ROLES,
      kinds: EVENT_KINDS,
      order: 31,
      group: "community",
    },
  ],
};
