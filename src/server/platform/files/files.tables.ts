import { customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Raw bytes. node-postgres hands bytea back as a Buffer, PGlite as a Uint8Array; both become a Buffer here so
 * callers see one type whichever database is behind it.
 */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Uploaded files, kept in the database so that every app server behind the load balancer sees them and a
 * backup of the database is a backup of the files. The owning record points here, not the other way round,
 * so a file has no meaning of its own. `organisation_id` has no foreign key: the platform does not depend
 * on the organisations module (as with the audit log).
 */
export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    /** Hex SHA-256 of the bytes: the ETag of downloads and a check that what comes back is what went in. */
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdByUserId: uuid("created_by_user_id"),
  },
  (t) => [index("files_organisation_idx").on(t.organisationId)],
);
