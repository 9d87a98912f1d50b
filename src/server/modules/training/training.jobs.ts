import { reminderStagesDue } from "../../../core/caregivers/deadlines";
import type { StateRules } from "../../../core/organisations/presets";
import { todayIso } from "../../../core/shared/dates";
import { REGISTRY_KIND_OF_CATEGORY } from "../../../core/training/account";
import { latestCertificate } from "../../../core/training/certificates";
import { formatGermanDate } from "../../platform/csv";
import { translator } from "../../platform/i18n";
import type { Job } from "../../platform/jobs/scheduler";
import { composeMail } from "../../platform/mail/mailer";
import type { Platform } from "../../platform/types";
import { findTrainingRegistryPeople } from "../caregivers/caregivers.queries";
import { findOrganisationSummaries } from "../organisations/organisations.queries";
import { nextRunFinder } from "./account.queries";
import * as repo from "./account.repository";

const JOB_NAME = "training.certificateReminders";
/** The stage stored for "the certificate has lapsed" (the other stages are days before the last valid day). */
const OVERDUE_STAGE = -1;

/** The registry's stages: the organisation's lead time, then a month, then a week (caregivers.jobs.ts). */
function stagesOf(rules: StateRules): number[] {
  return [...new Set([rules.reminderLeadDays, 30, 7])].filter((days) => days <= rules.reminderLeadDays);
}

/**
 * Reminds day-care persons before a certificate lapses, with a direct link to the next matching run. First aid
 * and infection protection of someone in the registry are left to the registry's own deadline reminder
 * (caregivers.jobs.ts, which links the run through account.queries.ts), so one lapse means one mail; this job
 * covers the rest: other certificates with an end (data protection, BGW …) and members without a registry
 * entry. Only her latest certificate of a category is reminded of: a renewal ends the old one's reminders.
 * Each stage is recorded in the transaction that queues its mail, so it goes out once.
 */
export async function sendCertificateReminders(platform: Platform): Promise<number> {
  const { db } = platform;
  const today = todayIso(platform.now());
  const t = translator("de");
  const certificates = await repo.listCertificatesWithEnd(db);
  const byOrganisation = new Map<string, repo.ExpiringCertificate[]>();
  for (const c of certificates)
    byOrganisation.set(c.organisationId, [...(byOrganisation.get(c.organisationId) ?? []), c]);
  const organisations = new Map(
    (await findOrganisationSummaries(db, [...byOrganisation.keys()])).map((o) => [o.id, o]),
  );
  let queued = 0;
  for (const [organisationId, ofOrganisation] of byOrganisation) {
    const organisation = organisations.get(organisationId);
    if (!organisation) continue;
    const userIds = [...new Set(ofOrganisation.flatMap((c) => (c.userId ? [c.userId] : [])))];
    // Left people are no longer the registry's to remind; everyone else there gets the registry's mail.
    const inRegistry = new Set(
      (await findTrainingRegistryPeople(db, organisationId, { userIds }))
        .filter((p) => p.status !== "left")
        .map((p) => p.userId),
    );
    const findRun = await nextRunFinder(db, organisation, today, platform.env.PUBLIC_URL);
    const byParticipant = new Map<string, repo.ExpiringCertificate[]>();
    for (const c of ofOrganisation)
      byParticipant.set(c.participantId, [...(byParticipant.get(c.participantId) ?? []), c]);
    for (const held of byParticipant.values()) {
      for (const category of new Set(held.map((c) => c.category))) {
        const latest = latestCertificate(held, category);
        if (!latest) continue;
        if (REGISTRY_KIND_OF_CATEGORY[category] && inRegistry.has(latest.userId)) continue;
        const stage = reminderStagesDue(latest.validUntil, today, stagesOf(organisation.rules));
        if (stage === null) continue;
        const stored = stage === "overdue" ? OVERDUE_STAGE : stage;
        if (!(await repo.markReminderSent(db, organisationId, latest.key, stored))) continue;
        const run = await findRun({
          userId: latest.userId,
          kind: category,
          basedOn: latest.completedOn,
          dueOn: latest.validUntil,
        });
        const next = run
          ? t(run.freePlaces > 0 ? "trainingAccount.mail.nextRun" : "trainingAccount.mail.nextRunFull", {
              course: run.title,
              date: formatGermanDate(run.startsOn),
            })
          : t("trainingAccount.mail.noRun");
        const mail = composeMail(
          "de",
          stage === "overdue" ? "trainingCertificateExpired" : "trainingCertificateExpiring",
          {
            name: latest.name,
            organisation: organisation.name,
            title: latest.title,
            category: t(`trainingAccount.categories.${category}`),
            validUntil: formatGermanDate(latest.validUntil),
            next,
            action: t(run ? "trainingAccount.mail.bookRun" : "trainingAccount.mail.openAccount"),
          },
          run?.url ?? `${platform.env.PUBLIC_URL}/app/${organisation.slug}/fortbildungskonto`,
        );
        await platform.mailer.queue(db, { to: latest.email, organisationId, ...mail });
        queued++;
      }
    }
  }
  return queued;
}

export const certificateReminderJob: Job = {
  name: JOB_NAME,
  everyMs: 60 * 60 * 1000,
  run: sendCertificateReminders,
};
