import { z } from "zod";
import {
  emailSchema,
  httpUrlSchema,
  isoDateSchema,
  optionalText,
  orgIdParams,
  postalCodeSchema,
  requiredText,
  uuidSchema,
} from "./common";

export const qualificationKinds = [
  "qhbPhase1",
  "qhbPhase2",
  "firstAid",
  "infectionProtection",
  "criminalRecordCheck",
  "other",
] as const;
export const deadlineKinds = [
  "licenceExpiry",
  "firstAid",
  "infectionProtection",
  "criminalRecordCheck",
  "qhbPhase2",
] as const;
export const deadlineStates = ["ok", "dueSoon", "overdue", "missing"] as const;
export const employmentKinds = ["selfEmployed", "employed"] as const;
export const caregiverStatuses = ["active", "paused", "left"] as const;

/** Minutes of the day, 0–1440; weekday 0 = Monday … 6 = Sunday (as in core/caregivers/capacity). */
export const timeRangeSchema = z
  .object({
    weekday: z.number().int().min(0).max(6),
    start: z.number().int().min(0).max(1439),
    end: z.number().int().min(1).max(1440),
  })
  .refine((r) => r.start < r.end, { message: "v.timeRange", path: ["end"] });

export const capacitySlotSchema = z
  .object({
    weekday: z.number().int().min(0).max(6),
    start: z.number().int().min(0).max(1439),
    end: z.number().int().min(1).max(1440),
    places: z.number().int().min(1).max(10),
  })
  .refine((r) => r.start < r.end, { message: "v.timeRange", path: ["end"] });

export const licenceInput = z
  .object({
    number: requiredText(60),
    issuer: requiredText(160),
    validFrom: isoDateSchema,
    validTo: isoDateSchema,
    /** Defaults to the organisation's rule (children present at once) when left out. */
    maxChildren: z.number().int().min(1).max(10).optional(),
    conditions: optionalText(2000).default(""),
  })
  .refine((l) => l.validFrom < l.validTo, { message: "v.dateOrder", path: ["validTo"] });
export const licence = z.object({
  id: z.uuid(),
  number: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  maxChildren: z.number().int(),
  conditions: z.string(),
});

export const capacityProfileInput = z.object({
  effectiveFrom: isoDateSchema,
  slots: z.array(capacitySlotSchema).max(50),
});
export const capacityProfile = capacityProfileInput.extend({ id: z.uuid() });

export const qualificationInput = z.object({
  kind: z.enum(qualificationKinds),
  title: optionalText(200).default(""),
  completedOn: isoDateSchema,
  /** Only for the criminal-record check: whether a relevant entry exists. */
  hasRelevantEntry: z.boolean().nullable().default(null),
  note: optionalText(1000).default(""),
});
export const qualification = z.object({
  id: z.uuid(),
  kind: z.enum(qualificationKinds),
  title: z.string(),
  completedOn: z.string(),
  hasRelevantEntry: z.boolean().nullable(),
  note: z.string(),
});

export const deadline = z.object({
  kind: z.enum(deadlineKinds),
  dueOn: z.string().nullable(),
  state: z.enum(deadlineStates),
  basedOn: z.string().nullable(),
  hasRelevantEntry: z.boolean().optional(),
});
export type DeadlineDto = z.infer<typeof deadline>;

const caregiverFields = {
  firstName: requiredText(80),
  lastName: requiredText(80),
  email: emailSchema.nullable(),
  phone: z.string().trim().max(40).nullable(),
  street: z.string().trim().max(160).nullable(),
  postalCode: postalCodeSchema,
  town: requiredText(100),
  employment: z.enum(employmentKinds),
  languages: z.array(z.string().trim().min(1).max(40)).max(20),
  hasPets: z.boolean(),
  petsNote: optionalText(300),
  meals: optionalText(1000),
  pedagogy: optionalText(4000),
  hasInclusionExperience: z.boolean(),
  ageMinMonths: z.number().int().min(0).max(168),
  ageMaxMonths: z.number().int().min(1).max(168),
  careGroupName: z.string().trim().max(160).nullable(),
  hasPhotoConsent: z.boolean(),
  status: z.enum(caregiverStatuses),
};

export const caregiverInput = z
  .object(caregiverFields)
  .refine((c) => c.ageMinMonths < c.ageMaxMonths, { message: "v.ageRange", path: ["ageMaxMonths"] });
export type CaregiverInput = z.infer<typeof caregiverInput>;

/** What a day-care person may change in her own record: everything but the status (licences are separate). */
export const myProfileInput = z
  .object(caregiverFields)
  .omit({ status: true })
  .refine((c) => c.ageMinMonths < c.ageMaxMonths, { message: "v.ageRange", path: ["ageMaxMonths"] });
export type MyProfileInput = z.infer<typeof myProfileInput>;

/**
 * How far an exact point may lie from its postal code's centre. On the mainland no postal-code centre is
 * more than about 18 km from its nearest neighbour (GeoNames table), so a real address lies well within
 * 30 km of its own centre; further away means a mistyped coordinate or a click in the wrong town.
 */
export const locationMaxDistanceKm = 30;

/** A point in Germany (with a margin around its bounding box), in decimal degrees. */
export const geoPointSchema = z.object({
  lat: z.number({ error: "v.latitude" }).min(47, "v.latitude").max(55.5, "v.latitude"),
  lon: z.number({ error: "v.longitude" }).min(5.5, "v.longitude").max(15.5, "v.longitude"),
});

/** Sets the care address's exact point; null goes back to the postal code's centre. */
export const locationInput = z.object({ point: geoPointSchema.nullable() });
export type LocationInput = z.infer<typeof locationInput>;
export const locationPrecisions = ["postalCode", "manual"] as const;

export const caregiverParams = orgIdParams;

/**
 * The photo is sent as the raw request body. Only these types, recognised by their bytes, are accepted;
 * 2 MB is plenty for a portrait and keeps the database small.
 */
export const photoContentTypes = ["image/jpeg", "image/png", "image/webp"] as const;
export const photoMaxBytes = 2 * 1024 * 1024;
export const licenceParams = orgIdParams.extend({ licenceId: uuidSchema });
export const capacityProfileParams = orgIdParams.extend({ profileId: uuidSchema });
export const qualificationParams = orgIdParams.extend({ qualificationId: uuidSchema });

/** Creating a person may include the licence and the first capacity profile in one step. */
export const createCaregiverBody = z.object({
  caregiver: caregiverInput,
  licence: licenceInput.nullable().default(null),
  capacity: capacityProfileInput.nullable().default(null),
});

export const caregiverListItem = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  town: z.string(),
  postalCode: z.string(),
  employment: z.enum(employmentKinds),
  status: z.enum(caregiverStatuses),
  licenceValidTo: z.string().nullable(),
  maxChildren: z.number().int().nullable(),
  worstDeadlineState: z.enum(deadlineStates),
});
export type CaregiverListItem = z.infer<typeof caregiverListItem>;

export const caregiverListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(caregiverStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const caregiverListResponse = z.object({ items: z.array(caregiverListItem), total: z.number().int() });

export const caregiverDetail = z.object({
  id: z.uuid(),
  /**
   * Today on the server's calendar (Europe/Berlin). The deadlines, the licence in force and this week's
   * places count from it, so a phone whose clock is wrong shows the same days as the office.
   */
  today: z.string(),
  ...caregiverFields,
  /** The point placement measures distances from: set by hand ("manual") or the postal code's centre. */
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  locationPrecision: z.enum(locationPrecisions).nullable(),
  /** The centre of her postal code, for the map's "reset" and the plausibility check shown while editing. */
  postalCodeCentre: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  hasAccount: z.boolean(),
  /** Whether a photo can be fetched from `…/photo`; never true without consent. */
  hasPhoto: z.boolean(),
  licences: z.array(licence),
  capacityProfiles: z.array(capacityProfile),
  qualifications: z.array(qualification),
  deadlines: z.array(deadline),
  /** Places, children present and free places per weekday segment for the week of today. */
  week: z.array(
    z.object({
      weekday: z.number().int(),
      start: z.number().int(),
      end: z.number().int(),
      places: z.number().int(),
      present: z.number().int(),
      free: z.number().int(),
    }),
  ),
});
export type CaregiverDetail = z.infer<typeof caregiverDetail>;

export const deadlineBoardQuery = z.object({
  kind: z.enum(deadlineKinds).optional(),
  state: z.enum(["dueSoon", "overdue", "missing", "attention"]).optional(),
  q: z.string().trim().max(100).optional(),
});
export const deadlineBoardItem = z.object({
  caregiverId: z.uuid(),
  name: z.string(),
  town: z.string(),
  kind: z.enum(deadlineKinds),
  dueOn: z.string().nullable(),
  state: z.enum(deadlineStates),
  daysLeft: z.number().int().nullable(),
});
export const deadlineBoardResponse = z.object({
  items: z.array(deadlineBoardItem),
  counts: z.object({ ok: z.number(), dueSoon: z.number(), overdue: z.number(), missing: z.number() }),
});

/** CSV import: the columns of the template, in this order. */
export const csvColumns = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "street",
  "postalCode",
  "town",
  "employment",
  "languages",
  "licenceNumber",
  "licenceIssuer",
  "licenceValidFrom",
  "licenceValidTo",
  "maxChildren",
  "firstAidOn",
  "infectionProtectionOn",
  "criminalRecordCheckOn",
  "qhbPhase1On",
  "qhbPhase2On",
] as const;
export type CsvColumn = (typeof csvColumns)[number];
export const importBody = z.object({ csv: z.string().min(1).max(2_000_000), commit: z.boolean() });
export const importRowError = z.object({
  column: z.string(),
  message: z.string(),
  /** The row is a person already in the registry: who, so that the preview can link to her. */
  duplicateOf: z.object({ caregiverId: z.uuid(), name: z.string() }).optional(),
  /** The row repeats an earlier line of the same file. */
  sameAsLine: z.number().int().optional(),
});
export type ImportRowError = z.infer<typeof importRowError>;
export const importReportRow = z.object({
  line: z.number().int(),
  name: z.string(),
  errors: z.array(importRowError),
});
export type ImportReportRow = z.infer<typeof importReportRow>;
export const importResponse = z.object({
  rows: z.array(importReportRow),
  validCount: z.number().int(),
  errorCount: z.number().int(),
  imported: z.number().int(),
});

/** The association's opt-in map. */
export const mapEntryInput = z.object({
  displayName: requiredText(80),
  postalCode: postalCodeSchema,
  town: requiredText(100),
  contactUrl: httpUrlSchema.nullable(),
});
export const myMapEntry = mapEntryInput.extend({ lat: z.number(), lon: z.number() }).nullable();
export const publicMapEntry = z.object({
  id: z.uuid(),
  displayName: z.string(),
  town: z.string(),
  contactUrl: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
});
/** Where map tiles come from and the attributions the tile and postal-code licences require. */
export const mapTilesResponse = z.object({
  tileUrl: z.string(),
  tileAttribution: z.string(),
  dataAttribution: z.string(),
});
export const publicMapResponse = mapTilesResponse.extend({ entries: z.array(publicMapEntry) });
