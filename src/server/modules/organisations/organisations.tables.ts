import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { OrganisationKind, Role } from "../../../contracts/roles";
import type { StatePreset } from "../../../core/organisations/presets";
import { users } from "../identity/identity.tables";

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    kind: text("kind").$type<OrganisationKind>().notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    street: text("street"),
    postalCode: text("postal_code"),
    town: text("town"),
    email: text("email"),
    phone: text("phone"),
    website: text("website"),
    /** The federal-state rules in force here: a copy of a preset, editable, with its source and date. */
    statePreset: jsonb("state_preset").$type<StatePreset>().notNull(),
    requireMfaForStaff: boolean("require_mfa_for_staff").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organisations_slug_idx").on(t.slug)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roles: text("roles").array().$type<Role[]>().notNull(),
    status: text("status", { enum: ["active", "left"] })
      .notNull()
      .default("active"),
    joinedOn: date("joined_on").notNull().default(sql`current_date`),
    /** The day the membership ended (status "left"); the association's records keep it. */
    leftOn: date("left_on"),
    /** Why the board ended the membership; null when she left herself. */
    leaveReason: text("leave_reason"),
    /** Whether other members see this person's phone and e-mail in the directory. */
    isContactVisible: boolean("is_contact_visible").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("memberships_org_user_idx").on(t.organisationId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);
