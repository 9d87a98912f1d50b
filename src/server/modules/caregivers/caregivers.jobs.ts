import { computeDeadlines, reminderStagesDue } from "../../../core/caregivers/deadlines";
import type { StateRules } from "../../../core/organisations/presets";
import { todayIso } from "../../../core/shared/dates";
import { formatGermanDate } from "../../platform/csv";
import { translator } from "../../platform/i18n";
import type { Job } from "../../platform/jobs/scheduler";
import { markDone } from "../../platform/jobs/scheduler";
import { composeMail } from "../../platform/mail/mailer";
import type { Platform } from "../../platform/types";
import { findOrganisationSummaries } from "../organisations/organisations.queries";
import { nextRunFinder } from "../training/account.queries";
import * as repo from "./caregivers.repository";

const JOB_NAME = "caregivers.deadlineReminders";

/** Reminder stages in days before the due date: the organisation's lead time, then a month, then a week. */
function stagesOf(rules: StateRules): number[] {
  return [...new Set([rules.reminderLeadDays, 30, 7])].filter((days) => days <= rules.reminderLeadDays);
}

/**
 * Mails each active day-care person about her deadlines: once per reminder stage (e.g. 90, 30 and 7 days
 * before) and once when a deadline has passed. A stage is marked done in the same transaction as its mail
 * is queued, so a crash sends nothing twice, and a missed run sends the stage due now on the next one.
 */
export async function sendDeadlineReminders(platform: Platform): Promise<number> {
  const { db } = platform;
  const today = todayIso(platform.now());
  const t = translator("de");
  const targets = await repo.listReminderTargets(db);
  const byOrganisation = new Map<string, typeof targets>();
  for (const target of targets) {
    const group = byOrganisation.get(target.organisationId);
    if (group) group.push(target);
    else byOrganisation.set(target.organisationId, [target]);
  }
  const organisations = new Map(
    (await findOrganisationSummaries(db, [...byOrganisation.keys()])).map((o) => [o.id, o]),
  );
  let queued = 0;
  for (const [organisationId, people] of byOrganisation) {
    const organisation = organisations.get(organisationId);
    // Deleted between the two reads: its people went with it (cascade), so nobody is left to remind.
    if (!organisation) continue;
    const rules = organisation.rules;
    // One after the other: inside the job's transaction there is a single connection anyway.
    const licences = await repo.listLatestLicences(db, organisationId);
    const qualifications = await repo.listLatestQualifications(db, organisationId);
    // First aid and infection protection are taught as courses: the reminder links the next matching run.
    const findRun = await nextRunFinder(db, organisation, today, platform.env.PUBLIC_URL);
    const licenceOf = new Map(licences.map((l) => [l.caregiverId, l]));
    const qualificationsOf = new Map<string, repo.LatestQualification[]>();
    for (const q of qualifications)
      qualificationsOf.set(q.caregiverId, [...(qualificationsOf.get(q.caregiverId) ?? []), q]);
    for (const person of people) {
      if (!person.email) continue;
      const licence = licenceOf.get(person.id);
      const deadlines = computeDeadlines(
        {
          licence: licence ? { validFrom: licence.validFrom, validTo: licence.validTo } : null,
          qualifications: (qualificationsOf.get(person.id) ?? []).map((q) => ({
            kind: q.kind,
            completedOn: q.completedOn,
          })),
        },
        rules,
        today,
      );
      for (const deadline of deadlines) {
        const stage = reminderStagesDue(deadline.dueOn, today, stagesOf(rules));
        if (stage === null || deadline.dueOn === null) continue;
        const key = `${person.id}:${deadline.kind}:${deadline.dueOn}:${stage}`;
        if (!(await markDone(db, JOB_NAME, key))) continue;
        const run =
          deadline.kind === "firstAid" || deadline.kind === "infectionProtection"
            ? await findRun({
                userId: person.userId,
                kind: deadline.kind,
                basedOn: deadline.basedOn,
                dueOn: deadline.dueOn,
              })
            : null;
        const params = {
          name: `${person.firstName} ${person.lastName}`,
          deadline: t(`deadlines.kinds.${deadline.kind}`),
          dueOn: formatGermanDate(deadline.dueOn),
          organisation: organisation.name,
        };
        const mail = run
          ? composeMail(
              "de",
              stage === "overdue" ? "deadlineOverdueWithRun" : "deadlineReminderWithRun",
              { ...params, course: run.title, runDate: formatGermanDate(run.startsOn) },
              run.url,
            )
          : composeMail(
              "de",
              stage === "overdue" ? "deadlineOverdue" : "deadlineReminder",
              params,
              `${platform.env.PUBLIC_URL}/app/${organisation.slug}/mein-profil`,
            );
        await platform.mailer.queue(db, { to: person.email, organisationId, ...mail });
        queued++;
      }
    }
  }
  return queued;
}

export const deadlineReminderJob: Job = {
  name: JOB_NAME,
  everyMs: 60 * 60 * 1000,
  run: sendDeadlineReminders,
};
