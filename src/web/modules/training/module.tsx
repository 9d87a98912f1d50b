import type { WebModule } from "../../app/module-types";
import { accountPart } from "./account.part";
import { bookingPart } from "./booking.part";
import { recordsPart } from "./records.part";
import { reportsPart } from "./reports.part";

/**
 * Qualification and further training, in parts with pages of their own: the catalogue and booking,
 * attendance and certificates, the training accounts, and the reports.
 */
const parts: WebModule[] = [bookingPart, recordsPart, accountPart, reportsPart];

export const trainingModule: WebModule = {
  publicRoutes: parts.flatMap((part) => part.publicRoutes ?? []),
  appRoutes: parts.flatMap((part) => part.appRoutes ?? []),
  orgRoutes: parts.flatMap((part) => part.orgRoutes ?? []),
  nav: parts.flatMap((part) => part.nav ?? []),
};
