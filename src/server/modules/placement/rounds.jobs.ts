import { addDays } from "../../../core/shared/dates";
import type { Job } from "../../platform/jobs/scheduler";
import { markDone } from "../../platform/jobs/scheduler";
import type { Platform } from "../../platform/types";
import { findOrganisationSummaries } from "../organisations/organisations.queries";
import { formatDate, queueRequestMail, todayOf } from "./placement.service";
import * as rounds from "./rounds.repository";

const JOB_NAME = "placement.roundReminder";
/** Families hear this many days before the deadline that their ranking is still missing. */
export const REMINDER_DAYS_BEFORE = 2;

/**
 * Reminds the families of an open round who have suggestions but have not ranked them, once, a few days
 * before the deadline: without a ranking the nearest caregiver counts, which may not be the one they want.
 */
export async function remindUnrankedFamilies(platform: Platform): Promise<number> {
  const db = platform.db;
  const today = todayOf(platform);
  let sent = 0;
  for (const round of await rounds.listOpenRoundsAll(db)) {
    if (round.rankingClosedAt !== null || round.deadline < today) continue;
    if (addDays(today, REMINDER_DAYS_BEFORE) < round.deadline) continue;
    if (!(await markDone(db, JOB_NAME, round.id))) continue;
    const [org] = await findOrganisationSummaries(db, [round.organisationId]);
    if (!org) continue;
    const ranks = await rounds.listParentRanks(db, org.id);
    const suggested = await rounds.countSuggestionsByRequest(db, org.id);
    for (const request of await rounds.listRoundRequests(db, org.id, round.latestWantedStart)) {
      const count = suggested.get(request.id) ?? 0;
      if (count === 0 || (ranks.get(request.id)?.length ?? 0) > 0) continue;
      await queueRequestMail(db, platform, org, request, "placementRoundReminder", {
        round: round.title,
        deadline: formatDate(round.deadline, request.locale),
        count,
      });
      sent++;
    }
  }
  return sent;
}

export const roundReminderJob: Job = {
  name: JOB_NAME,
  everyMs: 60 * 60 * 1000,
  run: remindUnrankedFamilies,
};
