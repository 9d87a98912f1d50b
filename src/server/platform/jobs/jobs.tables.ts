import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Marks a piece of scheduled work as done once, so that a job can run again without repeating it. */
export const jobMarks = pgTable(
  "job_marks",
  {
    job: text("job").notNull(),
    key: text("key").notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.job, t.key] })],
);
