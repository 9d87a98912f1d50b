import { reminderDue } from "../../../core/events/reminders";
import { todayIso } from "../../../core/shared/dates";
import type { Job } from "../../platform/jobs/scheduler";
import type { Platform } from "../../platform/types";
import { findOrganisationSummaries } from "../organisations/organisations.queries";
import { EventMailer } from "./events.context";
import * as repo from "./events.repository";
import { extendSeries } from "./events.service";

/**
 * Reminds everyone with a place the day before (from the local day before until the start). The mark and the
 * mail are written in the job's one transaction, so a registration is reminded once, whatever the number of
 * runs or servers (the scheduler's advisory lock lets one work at a time).
 */
export async function sendEventReminders(platform: Platform): Promise<number> {
  const now = platform.now();
  const today = todayIso(now);
  // Starts up to two days ahead cover "the local day before" in every zone offset; reminderDue decides.
  const candidates = await repo.listReminderCandidates(
    platform.db,
    now,
    new Date(now.getTime() + 2 * 86_400_000),
  );
  const due = candidates.filter(({ event, registration }) =>
    reminderDue(
      {
        date: event.date,
        startsAt: event.startsAt.toISOString(),
        eventStatus: event.status,
        registrationStatus: registration.status,
        remindedAt: registration.remindedAt?.toISOString() ?? null,
      },
      today,
      now.toISOString(),
    ),
  );
  const organisations = new Map(
    (await findOrganisationSummaries(platform.db, [...new Set(due.map((d) => d.event.organisationId))])).map(
      (o) => [o.id, o],
    ),
  );
  let sent = 0;
  for (const { event, registration, participant } of due) {
    const org = organisations.get(event.organisationId);
    if (!org) continue;
    if (!(await repo.markReminded(platform.db, registration.id, now))) continue;
    const mailer = new EventMailer(platform.db, platform, org);
    await mailer.loadLocales([participant]);
    await mailer.send(participant, event, "eventReminder");
    sent += 1;
  }
  return sent;
}

export const eventReminderJob: Job = {
  name: "events.reminders",
  everyMs: 15 * 60 * 1000,
  run: sendEventReminders,
};

/** Keeps a year of every running series as dates (registrations need rows). */
export const extendSeriesJob: Job = {
  name: "events.extendSeries",
  everyMs: 6 * 60 * 60 * 1000,
  run: extendSeries,
};
