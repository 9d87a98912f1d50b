import { z } from "zod";
import { COURSE_CATEGORIES } from "../core/training/catalogue";
import { isoDateSchema, optionalText, orgParams, requiredText, uuidSchema } from "./common";

/**
 * Training records (issue 4): attendance per session, assessments, practice hours, completion, certificates
 * and their public verification. Units (UE of 45 minutes) are multiples of 0.5; the server checks the rules
 * of core/training and answers with field errors that name the rule.
 *
 * Routes (prefix /api/orgs/:orgSlug/training; [S] staff = admin/coordinator/board, [T] staff or a trainer
 * assigned to the run, [M] any member for herself):
 *   GET    /attendance                                        [T] attendanceRunsResponse
 *   GET    /courses/:courseId/attendance                      [T] attendanceSheet
 *   PUT    /courses/:courseId/sessions/:sessionId/attendance  [T] sessionAttendanceBody → attendanceSheet
 *   GET    /courses/:courseId/results                         [S] runResults
 *   POST   /courses/:courseId/participants/:participantId/assessments  [S] assessmentInput → 201 participantResult
 *   POST   /courses/:courseId/participants/:participantId/practice     [S] practiceEntryInput → 201 participantResult
 *   POST   /courses/:courseId/practice/:entryId/confirm       [S] practiceConfirmBody → participantResult
 *   DELETE /courses/:courseId/practice/:entryId               [S] participantResult (unconfirmed only, else 409)
 *   POST   /courses/:courseId/certificates                    [S] issueCertificatesBody → issueCertificatesResponse
 *   GET    /certificates?courseId&participantId&includeInactive  [S] certificatesResponse
 *   GET    /certificates/:certificateId/pdf                   [S] application/pdf
 *   POST   /certificates/:certificateId/reissue               [S] reissueBody → 201 certificateDto
 *   POST   /certificates/:certificateId/revoke                [S] revokeBody → certificateDto
 *   GET    /my-certificates                                   [M] myCertificatesResponse
 *   GET    /my-certificates/:certificateId/pdf                [M] application/pdf
 * Public: GET /api/public/certificates/:code → publicCertificate; 400 `verificationCodeMistyped`, 404 unknown,
 * 429 after 30 checks a minute from one address.
 * Errors: 409 `sessionNotStarted`, `participantIncomplete` (details.participantIds), `practiceEntryConfirmed`,
 * `certificateNotCurrent`; 403 for a trainer on a run she does not teach.
 */

export const attendanceStatuses = ["present", "excused", "absent"] as const;
export type AttendanceStatusDto = (typeof attendanceStatuses)[number];
export const assessmentKinds = ["phaseAssessment", "colloquium"] as const;
export const placeKinds = ["kita", "dayCare"] as const;
export const certificateStatuses = ["issued", "superseded", "revoked"] as const;
/** The state a certificate has today; "expiresSoon" within the organisation's reminder lead time. */
export const certificateStates = ["valid", "expiresSoon", "expired", "superseded", "revoked"] as const;
/** What the public verification page shows. */
export const publicCertificateStatuses = ["valid", "expired", "superseded", "revoked"] as const;

/**
 * Paths of the web pages that mails and the PDF link to. The participant's certificates live under
 * `/app/<orgSlug>/<MY_CERTIFICATES_PATH>`; the public check of a code under `/<VERIFY_PATH>/<CODE>`.
 */
export const MY_CERTIFICATES_PATH = "meine-zertifikate";
export const VERIFY_PATH = "zertifikat";

const units = z.number().min(0).max(1000);

// ---------------------------------------------------------------------------------------------------------
// Params

export const runParams = orgParams.extend({ courseId: uuidSchema });
export const sessionParams = runParams.extend({ sessionId: uuidSchema });
export const participantParams = runParams.extend({ participantId: uuidSchema });
export const practiceEntryParams = runParams.extend({ entryId: uuidSchema });
export const certificateParams = orgParams.extend({ certificateId: uuidSchema });
/** The code as typed or scanned: the server normalises it (case, hyphens, O/0, I/L/1). */
export const verifyParams = z.object({ code: z.string().max(40) });

// ---------------------------------------------------------------------------------------------------------
// Attendance

/** The runs the caller may mark: all runs of the organisation for staff, her assigned runs for a trainer. */
export const attendanceRun = z.object({
  id: z.uuid(),
  title: z.string(),
  category: z.enum(COURSE_CATEGORIES),
  status: z.enum(["draft", "published", "cancelled"]),
  startsOn: z.string(),
  endsOn: z.string(),
  units,
  sessionCount: z.number().int(),
  /** Past sessions (up to today) without a record for every confirmed participant. */
  sessionsToRecord: z.number().int(),
  confirmedParticipants: z.number().int(),
});
export type AttendanceRunDto = z.infer<typeof attendanceRun>;
export const attendanceRunsResponse = z.array(attendanceRun);

export const attendanceSession = z.object({
  id: z.uuid(),
  date: z.string(),
  from: z.string(),
  to: z.string(),
  units,
  place: z.string(),
  /** Not started yet: cannot be marked. */
  isFuture: z.boolean(),
});
export type AttendanceSessionDto = z.infer<typeof attendanceSession>;

export const attendanceRecordDto = z.object({
  sessionId: z.uuid(),
  participantId: z.uuid(),
  status: z.enum(attendanceStatuses),
  lateUnits: units,
  earlyLeaveUnits: units,
  /** Units attended in this session (its UE minus late and early-leave UE; 0 unless present). */
  attendedUnits: units,
  recordedAt: z.string(),
});
export type AttendanceRecordDto = z.infer<typeof attendanceRecordDto>;

/** core `summariseAttendance` for one participant. */
export const attendanceSummaryDto = z.object({
  plannedUnits: units,
  attendedUnits: units,
  excusedUnits: units,
  missedUnits: units,
  unrecordedSessionIds: z.array(z.uuid()),
  upcomingSessionIds: z.array(z.uuid()),
  lastAttendedOn: z.string().nullable(),
  /** The least UE she must attend (minimum share of the course, rounded up to half units). */
  requiredUnits: units,
});
export type AttendanceSummaryDto = z.infer<typeof attendanceSummaryDto>;

export const attendanceParticipant = z.object({
  participantId: z.uuid(),
  name: z.string(),
  summary: attendanceSummaryDto,
});
export type AttendanceParticipantDto = z.infer<typeof attendanceParticipant>;

/** Sessions × confirmed participants; `records` holds only what was recorded. */
export const attendanceSheet = z.object({
  course: z.object({
    id: z.uuid(),
    title: z.string(),
    category: z.enum(COURSE_CATEGORIES),
    units,
    minAttendancePercent: z.number().int(),
    startsOn: z.string(),
    endsOn: z.string(),
  }),
  today: z.string(),
  sessions: z.array(attendanceSession),
  participants: z.array(attendanceParticipant),
  records: z.array(attendanceRecordDto),
});
export type AttendanceSheet = z.infer<typeof attendanceSheet>;

const halfUnits = z
  .number({ error: "v.trainingHalfUnits" })
  .min(0, "v.trainingHalfUnits")
  .max(100, "v.trainingHalfUnits")
  .default(0);

export const attendanceEntryInput = z.object({
  participantId: uuidSchema,
  status: z.enum(attendanceStatuses),
  /** UE missed by arriving late, in half units; only when present. */
  lateUnits: halfUnits,
  /** UE missed by leaving early, in half units; only when present. */
  earlyLeaveUnits: halfUnits,
});
export type AttendanceEntryInput = z.infer<typeof attendanceEntryInput>;

/**
 * One session at once, as the trainer marks it on the phone. Each listed participant's record is replaced;
 * participants not listed keep theirs. Every listed participant must hold a confirmed place in the run.
 * Field errors name `records.<index>.lateUnits` etc.
 */
export const sessionAttendanceBody = z.object({
  records: z.array(attendanceEntryInput).min(1, "v.required").max(200),
});
export type SessionAttendanceBody = z.infer<typeof sessionAttendanceBody>;

// ---------------------------------------------------------------------------------------------------------
// Results: assessments, practice hours, completion

export const assessmentDto = z.object({
  id: z.uuid(),
  kind: z.enum(assessmentKinds),
  passed: z.boolean(),
  on: z.string(),
  recordedAt: z.string(),
});
export type AssessmentDto = z.infer<typeof assessmentDto>;

export const assessmentInput = z.object({
  kind: z.enum(assessmentKinds),
  passed: z.boolean(),
  on: isoDateSchema,
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const practiceEntryDto = z.object({
  id: z.uuid(),
  placeKind: z.enum(placeKinds),
  placeName: z.string(),
  from: z.string(),
  to: z.string(),
  hours: z.number(),
  confirmedOn: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type PracticeEntryDto = z.infer<typeof practiceEntryDto>;

/** Hours in quarter hours; a confirmation, when given, needs the day and who confirmed. */
export const practiceEntryInput = z
  .object({
    placeKind: z.enum(placeKinds),
    placeName: requiredText(160),
    from: isoDateSchema,
    to: isoDateSchema,
    hours: z.number({ error: "v.trainingPracticeHours" }),
    confirmedOn: isoDateSchema.nullable().default(null),
    confirmedBy: optionalText(160).nullable().default(null),
  })
  .refine((e) => e.confirmedOn === null || (e.confirmedBy ?? "").length > 0, {
    message: "v.required",
    path: ["confirmedBy"],
  });
export type PracticeEntryInput = z.infer<typeof practiceEntryInput>;

export const practiceConfirmBody = z.object({
  confirmedOn: isoDateSchema,
  confirmedBy: requiredText(160),
});
export type PracticeConfirmBody = z.infer<typeof practiceConfirmBody>;

/**
 * core `MissingRequirement`: codes with figures, translated on the web
 * (`trainingRecords.missing.<code>` with the figures as parameters).
 */
export const missingRequirement = z.discriminatedUnion("code", [
  z.object({ code: z.literal("sessionsUpcoming"), sessions: z.number().int() }),
  z.object({ code: z.literal("attendanceNotRecorded"), sessions: z.number().int() }),
  z.object({
    code: z.literal("attendanceBelowMinimum"),
    requiredUnits: units,
    attendedUnits: units,
    missingUnits: units,
  }),
  z.object({ code: z.literal("assessmentMissing"), assessment: z.enum(assessmentKinds) }),
  z.object({
    code: z.literal("assessmentFailed"),
    assessment: z.enum(assessmentKinds),
    attempts: z.number().int(),
  }),
  z.object({
    code: z.literal("practiceHoursMissing"),
    placeKind: z.enum(placeKinds),
    requiredHours: z.number(),
    confirmedHours: z.number(),
    unconfirmedHours: z.number(),
    missingHours: z.number(),
  }),
]);
export type MissingRequirementDto = z.infer<typeof missingRequirement>;

export const completionDto = z.object({
  isComplete: z.boolean(),
  missing: z.array(missingRequirement),
  requiredUnits: units,
  attendedUnits: units,
  completedOn: z.string().nullable(),
});
export type CompletionDto = z.infer<typeof completionDto>;

export const certificateDto = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  /** Null when the run was deleted later; what was printed stays below. */
  courseId: z.uuid().nullable(),
  category: z.enum(COURSE_CATEGORIES),
  participantName: z.string(),
  courseTitle: z.string(),
  units,
  startedOn: z.string(),
  completedOn: z.string(),
  validUntil: z.string().nullable(),
  countsTowardsObligation: z.boolean(),
  /** Printed form "XXXX-XXXX-XXXX". */
  verificationCode: z.string(),
  /** `${PUBLIC_URL}/zertifikat/<CODE>`, the address the QR code holds. */
  verificationUrl: z.string(),
  status: z.enum(certificateStatuses),
  state: z.enum(certificateStates),
  replacesId: z.uuid().nullable(),
  issuedAt: z.string(),
});
export type CertificateDto = z.infer<typeof certificateDto>;

/** One confirmed participant of a run with everything that decides her certificate. */
export const participantResult = z.object({
  participantId: z.uuid(),
  name: z.string(),
  email: z.string(),
  attendance: attendanceSummaryDto,
  assessments: z.array(assessmentDto),
  practice: z.array(practiceEntryDto),
  completion: completionDto,
  /** Her current (issued) certificate of this run, if any. */
  certificate: certificateDto.nullable(),
});
export type ParticipantResultDto = z.infer<typeof participantResult>;

export const runResults = z.object({
  course: z.object({
    id: z.uuid(),
    title: z.string(),
    category: z.enum(COURSE_CATEGORIES),
    units,
    minAttendancePercent: z.number().int(),
    assessments: z.array(z.enum(assessmentKinds)),
    practiceHours: z.object({ kita: z.number(), dayCare: z.number() }),
    startsOn: z.string(),
    endsOn: z.string(),
  }),
  today: z.string(),
  participants: z.array(participantResult),
});
export type RunResults = z.infer<typeof runResults>;

// ---------------------------------------------------------------------------------------------------------
// Certificates

/**
 * Without `participantIds` every complete participant of the run without a current certificate gets one.
 * With them, exactly those: an incomplete one refuses the whole request (409 `participantIncomplete`,
 * `details.participantIds`), nothing is issued.
 */
export const issueCertificatesBody = z.object({
  participantIds: z.array(uuidSchema).min(1, "v.required").max(200).optional(),
});
export type IssueCertificatesBody = z.infer<typeof issueCertificatesBody>;

export const issueCertificatesResponse = z.object({
  issued: z.array(certificateDto),
  /** Participants left out: not complete yet (only without a selection) or already holding a certificate. */
  skipped: z.array(z.object({ participantId: z.uuid(), reason: z.enum(["incomplete", "alreadyIssued"]) })),
});
export type IssueCertificatesResponse = z.infer<typeof issueCertificatesResponse>;

export const certificatesQuery = z.object({
  courseId: uuidSchema.optional(),
  participantId: uuidSchema.optional(),
  /** Superseded and revoked ones too (the history); default only issued ones. */
  includeInactive: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});
export type CertificatesQuery = z.infer<typeof certificatesQuery>;
export const certificatesResponse = z.array(certificateDto);

/** A corrected name: a new certificate with a new code, the old one superseded. */
export const reissueBody = z.object({ participantName: requiredText(160) });
export type ReissueBody = z.infer<typeof reissueBody>;

/** Withdraws a certificate issued in error; the reason goes into the audit log. */
export const revokeBody = z.object({ reason: requiredText(500) });
export type RevokeBody = z.infer<typeof revokeBody>;

/** The participant's own certificates across her runs of this organisation (newest first, history included). */
export const myCertificatesResponse = z.array(certificateDto.omit({ participantId: true }));
export type MyCertificateDto = z.infer<typeof myCertificatesResponse>[number];

// ---------------------------------------------------------------------------------------------------------
// Public verification

/** Only what the holder would show anyway: no ids, no e-mail, no units. */
export const publicCertificate = z.object({
  participantName: z.string(),
  courseTitle: z.string(),
  organisationName: z.string(),
  completedOn: z.string(),
  validUntil: z.string().nullable(),
  status: z.enum(publicCertificateStatuses),
  /** The normalised code in printed form, so the page can show what was checked. */
  verificationCode: z.string(),
});
export type PublicCertificate = z.infer<typeof publicCertificate>;
