/** Error codes the API answers with; the web client translates them with the key `errors.<code>`. */
export const errorCodes = [
  "validation",
  "unauthenticated",
  "forbidden",
  "notFound",
  "conflict",
  "csrf",
  "rateLimited",
  "invalidCredentials",
  "mfaRequired",
  "mfaInvalid",
  "mfaSetupRequired",
  "tokenInvalid",
  "invitationWithdrawn",
  "invitationReplaced",
  "emailTaken",
  "slugTaken",
  "lastAdmin",
  "importInvalid",
  "requestClosed",
  "emailMismatch",
  "placeTaken",
  "placeUnavailable",
  "offerClosed",
  "offerExpired",
  "offerPending",
  "roundOpenExists",
  "roundNotOpen",
  "rankingOpen",
  "rankingClosed",
  "runRunning",
  "noRun",
  "roundStale",
  "orderMismatch",
  "trainingCourseNotBookable",
  "trainingCourseNotEditable",
  "trainingAlreadyBooked",
  "trainingAlreadyBookedInSeries",
  "trainingBookingClosed",
  "trainingPrerequisitesMissing",
  "trainingFullCourseRequired",
  "trainingBookingNotActive",
  "trainingCancellationDeadlinePassed",
  "trainingDifferentSeries",
  "trainingCapacityBelowConfirmed",
  "trainingNobodyWaiting",
  "trainingNoFreePlace",
  "trainingGuestLinkUsed",
  "trainingGuestLinkExpired",
  "verificationCodeMistyped",
  "sessionNotStarted",
  "participantIncomplete",
  "practiceEntryConfirmed",
  "certificateNotCurrent",
  "externalDecided",
  "internal",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Field problems for validation errors: path like "licence.validTo" and a translated message. */
    fields?: { path: string; message: string }[];
    details?: Record<string, unknown>;
  };
}
