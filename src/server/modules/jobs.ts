import type { Job } from "../platform/jobs/scheduler";
import { deadlineReminderJob } from "./caregivers/caregivers.jobs";
import { eventReminderJob, extendSeriesJob } from "./events/events.jobs";
import { unpublishExpiredPhotosJob } from "./exhibition/exhibition.jobs";
import { eraseApplicationsJob } from "./membership/membership.jobs";
import { expireOffersJob, expireUnconfirmedJob } from "./placement/placement.jobs";
import { roundReminderJob } from "./placement/rounds.jobs";
import { eraseCareNotesJob } from "./substitution/care-notes.jobs";
import { surveyJob } from "./surveys/surveys.jobs";
import { certificateReminderJob } from "./training/training.jobs";
import { voteTimesJob } from "./votes/votes.jobs";

/** The periodic jobs of all modules. */
export const jobs: Job[] = [
  deadlineReminderJob,
  expireUnconfirmedJob,
  eraseApplicationsJob,
  expireOffersJob,
  roundReminderJob,
  certificateReminderJob,
  eventReminderJob,
  extendSeriesJob,
  unpublishExpiredPhotosJob,
  voteTimesJob,
  surveyJob,
  eraseCareNotesJob,
];
