import type { WebModule } from "../../app/module-types";
import { lazyPage } from "../../components/lazy-page";
import { ACCOUNT_READER_ROLES, ACCOUNT_STAFF_ROLES, DAY_CARE_ROLES } from "./account-api";

/** Youth offices run no courses (training.policy.ts). */
const trainers = ["coordinationOffice", "association"] as const;

/** Training accounts, external certificates and the coordinators' view of who is behind. */
export const accountPart: WebModule = {
  orgRoutes: [
    {
      path: "fortbildungskonto",
      element: lazyPage(() => import("./pages/my-account-page").then((m) => ({ default: m.MyAccountPage }))),
    },
    {
      path: "fortbildungskonten",
      element: lazyPage(() => import("./pages/accounts-page").then((m) => ({ default: m.AccountsPage }))),
    },
    {
      path: "fortbildungskonten/bescheinigungen",
      element: lazyPage(() =>
        import("./pages/external-review-page").then((m) => ({ default: m.ExternalReviewPage })),
      ),
    },
    {
      path: "fortbildungskonten/:kind/:id",
      element: lazyPage(() =>
        import("./pages/accounts-page").then((m) => ({ default: m.PersonAccountPage })),
      ),
    },
  ],
  nav: [
    {
      path: "fortbildungskonto",
      labelKey: "trainingAccount.nav.mine",
      roles: DAY_CARE_ROLES,
      kinds: trainers,
      order: 42,
      group: "training",
    },
    {
      path: "fortbildungskonten",
      labelKey: "trainingAccount.nav.accounts",
      roles: ACCOUNT_READER_ROLES,
      kinds: trainers,
      order: 45,
      group: "training",
    },
    {
      path: "fortbildungskonten/bescheinigungen",
      labelKey: "trainingAccount.nav.review",
      roles: ACCOUNT_STAFF_ROLES,
      kinds: trainers,
      order: 46,
      group: "training",
    },
  ],
};
