import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { applicationStatuses, contactPreferences } from "../../../contracts/membership";
import { users } from "../identity/identity.tables";
import { memberships, organisations } from "../organisations/organisations.tables";

/**
 * A membership application to an association, sent through its public form without an account. It stays
 * `unconfirmed` (invisible to the board) until the link mailed to the address is used; declined applications
 * lose their personal data after the retention period (core/membership/applications.ts).
 */
export const membershipApplications = pgTable(
  "membership_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    status: text("status", { enum: applicationStatuses }).notNull().default("unconfirmed"),
    name: text("name").notNull(),
    email: text("email").notNull(),
    phone: text("phone").notNull().default(""),
    postalCode: text("postal_code").notNull().default(""),
    town: text("town").notNull().default(""),
    isActiveCaregiver: boolean("is_active_caregiver").notNull(),
    places: integer("places"),
    contactPreference: text("contact_preference", { enum: contactPreferences }).notNull(),
    /** The applicant's language: every mail to her is written in it. */
    locale: text("locale", { enum: ["de", "en"] }).notNull(),
    /** The statutes and privacy notice as linked on the form when she consented (null: none published). */
    statutesUrl: text("statutes_url"),
    privacyUrl: text("privacy_url"),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull(),
    confirmationTokenHash: text("confirmation_token_hash"),
    confirmationExpiresAt: timestamp("confirmation_expires_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decisionMessage: text("decision_message"),
    membershipId: uuid("membership_id").references(() => memberships.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("membership_applications_org_status_idx").on(t.organisationId, t.status, t.createdAt),
    uniqueIndex("membership_applications_token_idx").on(t.confirmationTokenHash),
  ],
);

/** The association's links to its statutes and privacy notice, shown on the application form. */
export const membershipSettings = pgTable("membership_settings", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  statutesUrl: text("statutes_url"),
  privacyUrl: text("privacy_url"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
