import { AppError } from "../../platform/errors";
import type { Job } from "../../platform/jobs/scheduler";
import type { Platform } from "../../platform/types";
import { findOrganisationSummaries } from "../organisations/organisations.queries";
import { closeNow, openNow } from "./lifecycle.service";
import * as repo from "./votes.repository";

/**
 * Opens votes whose opening time has come and closes those whose closing time has passed, each in its own
 * transaction under the vote's row lock (a vote opened or closed by hand meanwhile is left alone).
 */
export async function runVoteTimes(platform: Platform): Promise<number> {
  const now = platform.now();
  const due = await repo.listDueVotes(platform.db, now);
  const orgIds = [...due.toOpen, ...due.toClose].map((v) => v.organisationId);
  const orgs = new Map((await findOrganisationSummaries(platform.db, orgIds)).map((o) => [o.id, o]));
  let changed = 0;
  for (const [list, status, act] of [
    [due.toOpen, "scheduled", openNow],
    [due.toClose, "open", closeNow],
  ] as const) {
    for (const { id, organisationId } of list) {
      const org = orgs.get(organisationId);
      if (!org) continue;
      const done = await platform.db
        .transaction(async (tx) => {
          const vote = await repo.findVote(tx, organisationId, id, "update");
          if (vote?.status !== status) return false;
          await act(tx, platform, org, vote, { userId: null, ip: null });
          return true;
        })
        .catch((error: unknown) => {
          // An election that reaches its opening time without candidates stays scheduled until staff act.
          if (error instanceof AppError) return false;
          throw error;
        });
      if (done) changed += 1;
    }
  }
  if (changed > 0) platform.mailer.kick();
  return changed;
}

export const voteTimesJob: Job = {
  name: "votes.openAndClose",
  everyMs: 60 * 1000,
  run: runVoteTimes,
};
