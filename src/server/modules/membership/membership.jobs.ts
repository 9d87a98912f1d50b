import type { Job } from "../../platform/jobs/scheduler";
import { eraseDueApplications } from "./membership.service";

/** Hourly: unconfirmed applications whose link ran out and declined ones past the retention period go. */
export const eraseApplicationsJob: Job = {
  name: "membership.eraseApplications",
  everyMs: 60 * 60 * 1000,
  run: eraseDueApplications,
};
