import { writeAudit } from "../../platform/audit/audit";
import type { Job } from "../../platform/jobs/scheduler";
import type { Platform } from "../../platform/types";
import * as repo from "./placement.repository";

const JOB_NAME = "placement.expireUnconfirmed";

/**
 * Deletes requests whose confirmation link ran out unused: nobody confirmed that the address is theirs, so the
 * data (a child's name and birth date, perhaps typed by a stranger) must not stay. Idempotent by nature: a
 * second run finds nothing left to delete. Each organisation's log says how many went, never whose.
 */
export async function deleteExpiredRequests(platform: Platform): Promise<number> {
  const deleted = await repo.deleteExpiredUnconfirmed(platform.db, platform.now());
  let total = 0;
  for (const [organisationId, count] of deleted) {
    total += count;
    await writeAudit(platform.db, {
      organisationId,
      actorUserId: null,
      action: "placement.unconfirmedExpired",
      entityType: "placementRequest",
      details: { count },
    });
  }
  return total;
}

export const expireUnconfirmedJob: Job = {
  name: JOB_NAME,
  everyMs: 60 * 60 * 1000,
  run: deleteExpiredRequests,
};
