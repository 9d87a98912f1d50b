import type { Job } from "../../platform/jobs/scheduler";
import { eraseEndedCareNotes } from "./care-notes.service";

/** Hourly (idempotent): care notes go once their contract has ended, because their purpose ended with it. */
export const eraseCareNotesJob: Job = {
  name: "substitution.eraseCareNotes",
  everyMs: 60 * 60 * 1000,
  run: eraseEndedCareNotes,
};
