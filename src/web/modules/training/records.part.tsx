import { roles } from "../../../contracts/roles";
import { MY_CERTIFICATES_PATH, VERIFY_PATH } from "../../../contracts/training-records";
import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";
import { STAFF_ROLES } from "./booking-api";

/** Offices and associations train; youth offices do not (training.policy.ts). */
const kinds = ["coordinationOffice", "association"] as const;

const runsPage = (name: "TrainerRunsPage" | "StaffRunsPage") =>
  lazyPage(() => import("./pages/records-runs-page").then((m) => ({ default: m[name] })));

/** Attendance on a phone, assessments, practice hours, certificates and their public verification. */
export const recordsPart: WebModule = {
  publicRoutes: [
    {
      path: VERIFY_PATH,
      element: lazyPage(() => import("./pages/verify-page").then((m) => ({ default: m.VerifyPage }))),
    },
    {
      path: `${VERIFY_PATH}/:code`,
      element: lazyPage(() => import("./pages/verify-page").then((m) => ({ default: m.VerifyPage }))),
    },
  ],
  orgRoutes: [
    { path: "fortbildungen/anwesenheit", element: runsPage("TrainerRunsPage") },
    {
      path: "fortbildungen/anwesenheit/:courseId",
      element: lazyPage(() => import("./pages/attendance-page").then((m) => ({ default: m.AttendancePage }))),
    },
    { path: "fortbildungen/abschluesse", element: runsPage("StaffRunsPage") },
    {
      path: "fortbildungen/abschluesse/:courseId",
      element: lazyPage(() => import("./pages/completion-page").then((m) => ({ default: m.CompletionPage }))),
    },
    {
      path: MY_CERTIFICATES_PATH,
      element: lazyPage(() =>
        import("./pages/my-certificates-page").then((m) => ({ default: m.MyCertificatesPage })),
      ),
    },
  ],
  nav: [
    {
      path: "fortbildungen/anwesenheit",
      labelKey: "trainingRecords.web.nav.myCourses",
      roles: ["trainer"],
      kinds,
      order: 44,
      group: "training",
    },
    {
      path: "fortbildungen/abschluesse",
      labelKey: "trainingRecords.web.nav.results",
      roles: STAFF_ROLES,
      kinds,
      order: 45,
      group: "training",
    },
    {
      path: MY_CERTIFICATES_PATH,
      labelKey: "trainingRecords.web.nav.myCertificates",
      // Every member may book a run meant for her (readOwnTraining), staff included: whoever can attend can
      // hold a certificate.
      roles,
      kinds,
      order: 46,
      group: "training",
    },
  ],
};
