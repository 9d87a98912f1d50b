import type { MyMembership } from "../../contracts/organisations";
import { announcementsModule } from "../modules/announcements/module";
import { caregiversModule } from "../modules/caregivers/module";
import { eventsModule } from "../modules/events/module";
import { exhibitionModule } from "../modules/exhibition/module";
import { identityModule } from "../modules/identity/module";
import { membershipModule } from "../modules/membership/module";
import { messagesModule } from "../modules/messages/module";
import { organisationsModule } from "../modules/organisations/module";
import { placementModule } from "../modules/placement/module";
import { privacyModule } from "../modules/privacy/module";
import { siteModule } from "../modules/site/module";
import { substitutionModule } from "../modules/substitution/module";
import { surveysModule } from "../modules/surveys/module";
import { trainingModule } from "../modules/training/module";
import { votesModule } from "../modules/votes/module";
import type { NavItem, WebModule } from "./module-types";

/** Every web module; the router and the navigation are built from this list. */
export const webModules: WebModule[] = [
  identityModule,
  organisationsModule,
  caregiversModule,
  privacyModule,
  messagesModule,
  placementModule,
  trainingModule,
  eventsModule,
  siteModule,
  exhibitionModule,
  membershipModule,
  announcementsModule,
  surveysModule,
  votesModule,
  substitutionModule,
];

/** The navigation entries a membership's roles and organisation kind may see, in their order. */
export function navItemsFor(membership: MyMembership | null): NavItem[] {
  if (!membership) return [];
  return webModules
    .flatMap((m) => m.nav ?? [])
    .filter((item) => item.roles.some((r) => membership.roles.includes(r)))
    .filter((item) => !item.kinds || item.kinds.includes(membership.kind))
    .sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
}
