import { z } from "zod";
import { COURSE_CATEGORIES } from "../core/training/catalogue";
import { isoDateSchema, optionalText, orgParams, requiredText, uuidSchema } from "./common";

/**
 * Training accounts (ADR 0008): UE against the organisation's obligation, QHB progress, every certificate with
 * its state, certificates from other providers, who is behind, and inviting a group to a run.
 */

export const courseCategorySchema = z.enum(COURSE_CATEGORIES);

/**
 * A day-care person's account is reached through her registry record when she has one, otherwise through her
 * training participant record (a member of an association without a registry entry).
 */
export const personKinds = ["caregiver", "participant"] as const;
export const personRef = z.object({ kind: z.enum(personKinds), id: uuidSchema });
export type PersonRef = z.infer<typeof personRef>;
export const accountParams = orgParams.extend({ kind: z.enum(personKinds), id: uuidSchema });

const units = z.number();

const yearBalance = z.object({
  year: z.number().int(),
  requiredUnits: units,
  carriedInUnits: units,
  earnedUnits: units,
  shortfallUnits: units,
  surplusUnits: units,
  carryOutUnits: units,
  isBinding: z.boolean(),
});
const periodBalance = z.object({
  validFrom: z.string(),
  validTo: z.string(),
  requiredUnits: units,
  carriedInUnits: units,
  earnedUnits: units,
  shortfallUnits: units,
  surplusUnits: units,
  carryOutUnits: units,
});

const qhbPhase = z.object({
  requiredUnits: units,
  attendedUnits: units,
  practice: z.object({
    kita: z.object({ requiredHours: z.number(), confirmedHours: z.number() }),
    dayCare: z.object({ requiredHours: z.number(), confirmedHours: z.number() }),
  }),
  assessments: z.array(z.object({ kind: z.enum(["phaseAssessment", "colloquium"]), passed: z.boolean() })),
  completedOn: z.string().nullable(),
});

export const certificateStates = ["valid", "expiresSoon", "expired"] as const;
/** "registry": a completion entered by hand in the registry before or outside this module (first aid etc.). */
export const certificateSources = ["internal", "external", "registry"] as const;

export const accountCertificate = z.object({
  id: z.string(),
  source: z.enum(certificateSources),
  category: courseCategorySchema,
  title: z.string(),
  provider: z.string().nullable(),
  units: units,
  completedOn: z.string(),
  validUntil: z.string().nullable(),
  countsTowardsObligation: z.boolean(),
  state: z.enum(certificateStates),
  /** False for an older certificate of a category that a newer one has replaced. */
  isLatest: z.boolean(),
});
export type AccountCertificate = z.infer<typeof accountCertificate>;

export const externalStatuses = ["pending", "accepted", "rejected"] as const;
export const externalCertificate = z.object({
  id: uuidSchema,
  category: courseCategorySchema,
  provider: z.string(),
  title: z.string(),
  units: units,
  completedOn: z.string(),
  status: z.enum(externalStatuses),
  hasFile: z.boolean(),
  uploadedAt: z.string(),
  reviewedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  countsTowardsObligation: z.boolean(),
  rejectionReason: z.string().nullable(),
});
export type ExternalCertificateDto = z.infer<typeof externalCertificate>;

export const trainingAccountDto = z.object({
  person: z.object({
    ref: personRef.nullable(),
    name: z.string(),
    isInRegistry: z.boolean(),
  }),
  today: z.string(),
  obligation: z.object({
    mode: z.enum(["yearly", "licencePeriod"]),
    unitsPerYear: units,
    unitsPerLicencePeriod: units.nullable(),
    maxCarryOverUnits: units.nullable(),
  }),
  licences: z.array(z.object({ validFrom: z.string(), validTo: z.string() })),
  account: z.object({
    years: z.array(yearBalance),
    periods: z.array(periodBalance),
    currentYear: yearBalance.nullable(),
    currentPeriod: periodBalance.nullable(),
    overdueUnits: units,
    expectedByTodayUnits: units.nullable(),
    isBehind: z.boolean(),
  }),
  qhb: z.object({
    phase1: qhbPhase,
    phase2: qhbPhase,
    attendedUnits: units,
    requiredUnits: units,
    isComplete: z.boolean(),
    phase2DueOn: z.string().nullable(),
  }),
  certificates: z.array(accountCertificate),
  uploads: z.array(externalCertificate),
});
export type TrainingAccountDto = z.infer<typeof trainingAccountDto>;

/** How a category stands for one person: her latest certificate's state, or "missing". */
export const categoryStates = ["valid", "expiresSoon", "expired", "missing"] as const;

export const accountSummary = z.object({
  ref: personRef,
  name: z.string(),
  hasEmail: z.boolean(),
  isInRegistry: z.boolean(),
  mode: z.enum(["yearly", "licencePeriod"]),
  /** UE held in the current year or licence period (earned plus carried in); null without an obligation. */
  heldUnits: units.nullable(),
  requiredUnits: units.nullable(),
  shortfallUnits: units,
  expectedByTodayUnits: units.nullable(),
  overdueUnits: units,
  isBehind: z.boolean(),
  /**
   * Paused in the registry (parental leave, a break): she cares for no children, so the "behind" filters
   * leave her out and nobody chases her; her figures show again the day she returns.
   */
  isPaused: z.boolean(),
  /** Latest certificate per category she has one of (and the registry's first aid / infection protection). */
  certificates: z.array(
    z.object({
      category: courseCategorySchema,
      state: z.enum(certificateStates),
      validUntil: z.string().nullable(),
    }),
  ),
  pendingUploads: z.number().int(),
});
export type AccountSummary = z.infer<typeof accountSummary>;

const queryFlag = z.enum(["true", "false"]).transform((value) => value === "true");

export const accountListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  /** With `certificate`: the category whose certificate is missing, expired or expiring. */
  category: courseCategorySchema.optional(),
  certificate: z.enum(["missing", "expired", "expiring", "notValid"]).optional(),
  overdue: queryFlag.optional(),
  shortfall: queryFlag.optional(),
  behind: queryFlag.optional(),
});
export type AccountListQuery = z.infer<typeof accountListQuery>;
export const accountListResponse = z.object({ items: z.array(accountSummary), today: z.string() });

/** Published runs that start after today, for the invitation. */
export const invitableRun = z.object({
  id: uuidSchema,
  title: z.string(),
  category: courseCategorySchema,
  isRefresher: z.boolean(),
  startsOn: z.string(),
  endsOn: z.string(),
  freePlaces: z.number().int(),
  capacity: z.number().int(),
});
export const invitableRunsQuery = z.object({ category: courseCategorySchema.optional() });
export const invitableRunsResponse = z.array(invitableRun);

export const invitationBody = z.object({
  runId: uuidSchema,
  people: z.array(personRef).min(1, "v.required").max(500),
  /** A line from the coordinator, added to the mail. */
  note: optionalText(1000).default(""),
});
export type InvitationBody = z.infer<typeof invitationBody>;
export const invitationResponse = z.object({
  sent: z.number().int(),
  /** People without an e-mail address: nobody could be told. */
  withoutEmail: z.array(z.object({ ref: personRef, name: z.string() })),
  /** People the run's audience does not admit (e.g. a members' run for someone without an account). */
  notAdmitted: z.array(z.object({ ref: personRef, name: z.string() })),
});

/** An upload's details; the file (PDF, JPEG or PNG) follows as the raw body of a second request. */
export const externalUploadBody = z.object({
  category: courseCategorySchema,
  provider: requiredText(200),
  title: requiredText(200),
  units: z.number().positive("v.externalUnits").max(1000, "v.externalUnits"),
  completedOn: isoDateSchema,
});
export type ExternalUploadBody = z.infer<typeof externalUploadBody>;

export const externalFileContentTypes = ["application/pdf", "image/jpeg", "image/png"] as const;
/** A phone photo or a scanned PDF of a certificate; more than a few MB is a mistake, not a certificate. */
export const externalFileMaxBytes = 5 * 1024 * 1024;

export const externalParams = orgParams.extend({ id: uuidSchema });

export const reviewQuery = z.object({ status: z.enum([...externalStatuses, "all"]).default("pending") });
export const reviewItem = externalCertificate.extend({
  person: z.object({ ref: personRef.nullable(), name: z.string(), participantId: uuidSchema }),
  /** Validity the category gives, in months, as the acceptance form suggests it; null: never expires. */
  defaultValidityMonths: z.number().int().nullable(),
  defaultCountsTowardsObligation: z.boolean(),
});
export type ReviewItem = z.infer<typeof reviewItem>;
export const reviewListResponse = z.array(reviewItem);

export const acceptBody = z.object({
  /** Months from completion; null: never expires; left out: the category's validity. */
  validityMonths: z
    .number()
    .int("v.externalValidity")
    .min(1, "v.externalValidity")
    .max(240, "v.externalValidity")
    .nullable()
    .optional(),
  countsTowardsObligation: z.boolean().optional(),
});
export type AcceptBody = z.infer<typeof acceptBody>;
export const rejectBody = z.object({ reason: requiredText(1000) });
export type RejectBody = z.infer<typeof rejectBody>;
