import type { Job } from "../../platform/jobs/scheduler";
import { runSurveyJob } from "./surveys.service";

/** Closes surveys after their last day and reminds three days before it; harmless to run more often. */
export const surveyJob: Job = {
  name: "surveys.closeAndRemind",
  everyMs: 60 * 60 * 1000,
  run: (platform) => runSurveyJob(platform),
};
