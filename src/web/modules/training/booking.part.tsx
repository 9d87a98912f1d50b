import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";
import { PARTICIPANT_ROLES, STAFF_ROLES } from "./booking-api";

/** Youth offices run no courses (training.policy.ts). */
const trainers = ["coordinationOffice", "association"] as const;

/** The catalogue, course runs with their sessions, booking with a waiting list, guest booking. */
export const bookingPart: WebModule = {
  publicRoutes: [
    {
      path: "o/:slug/fortbildungen",
      element: lazyPage(() =>
        import("./pages/public-catalogue-page").then((m) => ({ default: m.PublicCataloguePage })),
      ),
    },
    {
      path: "fortbildung/bestaetigen/:token",
      element: lazyPage(() =>
        import("./pages/guest-confirm-page").then((m) => ({ default: m.GuestConfirmPage })),
      ),
    },
  ],
  orgRoutes: [
    {
      path: "fortbildungen",
      element: lazyPage(() => import("./pages/catalogue-page").then((m) => ({ default: m.CataloguePage }))),
    },
    {
      path: "fortbildungen/:id",
      element: lazyPage(() =>
        import("./pages/catalogue-course-page").then((m) => ({ default: m.CatalogueCoursePage })),
      ),
    },
    {
      path: "fortbildungen/meine",
      element: lazyPage(() =>
        import("./pages/my-training-page").then((m) => ({ default: m.MyTrainingPage })),
      ),
    },
    {
      path: "fortbildungen/verwalten",
      element: lazyPage(() =>
        import("./pages/courses-admin-page").then((m) => ({ default: m.CoursesAdminPage })),
      ),
    },
    {
      path: "fortbildungen/verwalten/neu",
      element: lazyPage(() =>
        import("./pages/course-edit-page").then((m) => ({ default: m.CourseEditPage })),
      ),
    },
    {
      path: "fortbildungen/verwalten/:id",
      element: lazyPage(() =>
        import("./pages/course-admin-page").then((m) => ({ default: m.CourseAdminPage })),
      ),
    },
    {
      path: "fortbildungen/verwalten/:id/bearbeiten",
      element: lazyPage(() =>
        import("./pages/course-edit-page").then((m) => ({ default: m.CourseEditPage })),
      ),
    },
  ],
  nav: [
    {
      path: "fortbildungen",
      labelKey: "training.web.nav.catalogue",
      roles: [...PARTICIPANT_ROLES, ...STAFF_ROLES],
      kinds: trainers,
      order: 40,
      group: "training",
    },
    {
      path: "fortbildungen/meine",
      labelKey: "training.web.nav.mine",
      roles: PARTICIPANT_ROLES,
      kinds: trainers,
      order: 41,
      group: "training",
    },
    {
      path: "fortbildungen/verwalten",
      labelKey: "training.web.nav.admin",
      roles: STAFF_ROLES,
      kinds: trainers,
      order: 42,
      group: "training",
    },
  ],
};
