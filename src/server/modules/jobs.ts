import type { Job } from "../platform/jobs/scheduler";

/** The periodic jobs of all modules. */
export const jobs: Job[] = [];
