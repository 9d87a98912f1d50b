import type { Job } from "../platform/jobs/scheduler";
import { deadlineReminderJob } from "./caregivers/caregivers.jobs";

/** The periodic jobs of all modules. */
export const jobs: Job[] = [deadlineReminderJob];
