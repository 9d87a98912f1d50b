import { z } from "zod";
import {
  emailSchema,
  httpUrlSchema,
  optionalText,
  orgParams,
  postalCodeSchema,
  requiredText,
  slugSchema,
} from "./common";
import { organisationKinds, roles } from "./roles";

export const stateRulesSchema = z.object({
  maxChildrenAtOnce: z.number().int().min(1).max(10),
  maxContractsPerWeek: z.number().int().min(1).max(30).nullable(),
  maxChildrenPerWeek: z.number().int().min(1).max(30).nullable(),
  maxChildrenAtOnceCareGroup: z.number().int().min(1).max(20),
  maxCaregiversPerCareGroup: z.number().int().min(1).max(10),
  trainingUnitsPerYear: z.number().int().min(0).max(200),
  trainingUnitsPerLicencePeriod: z.number().int().min(0).max(1000).nullable(),
  maxCarryOverUnits: z.number().int().min(0).max(1000).nullable(),
  firstAidRefreshMonths: z.number().int().min(1).max(120),
  infectionProtectionRefreshMonths: z.number().int().min(1).max(120),
  criminalRecordRefreshMonths: z.number().int().min(1).max(240),
  licenceMaxYears: z.number().int().min(1).max(10),
  qhbPhase2WithinMonths: z.number().int().min(1).max(120),
  reminderLeadDays: z.number().int().min(1).max(365),
  // Settings saved before this rule existed lack it; they keep the behaviour they had (refresher only while valid).
  refresherNeedsValidCertificate: z.boolean().default(true),
});

export const statePresetSchema = z.object({
  id: z.enum(["NRW", "SH", "custom"]),
  label: z.object({ de: z.string(), en: z.string() }),
  source: z.string().max(4000),
  sourceDate: z.iso.date(),
  rules: stateRulesSchema,
});

export const publicOrganisation = z.object({
  slug: z.string(),
  kind: z.enum(organisationKinds),
  name: z.string(),
  description: z.string(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  town: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  hasMap: z.boolean(),
});
export type PublicOrganisation = z.infer<typeof publicOrganisation>;

export const organisationSettings = publicOrganisation.extend({
  id: z.uuid(),
  statePreset: statePresetSchema,
  requireMfaForStaff: z.boolean(),
});
export type OrganisationSettings = z.infer<typeof organisationSettings>;

export const updateOrganisationBody = z.object({
  name: requiredText(160),
  description: optionalText(4000),
  street: z.string().trim().max(160).nullable(),
  postalCode: postalCodeSchema.nullable(),
  town: z.string().trim().max(100).nullable(),
  email: emailSchema.nullable(),
  phone: z.string().trim().max(40).nullable(),
  website: httpUrlSchema.nullable(),
  statePreset: statePresetSchema,
  requireMfaForStaff: z.boolean(),
});

export const createOrganisationBody = z.object({
  slug: slugSchema,
  kind: z.enum(organisationKinds),
  name: requiredText(160),
  presetId: z.enum(["NRW", "SH", "custom"]),
  adminEmail: emailSchema,
});

export const myMembership = z.object({
  organisationId: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  roles: z.array(z.enum(roles)),
});
export type MyMembership = z.infer<typeof myMembership>;

export const memberEntry = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  /** Shown only to staff, or when the member allows it. */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(z.enum(roles)),
  status: z.enum(["active", "left"]),
  joinedOn: z.string(),
  isContactVisible: z.boolean(),
});
export type MemberEntry = z.infer<typeof memberEntry>;

export const updateMembershipBody = z.object({
  roles: z.array(z.enum(roles)).min(1, "v.roles"),
  status: z.enum(["active", "left"]),
});

export const updateMyMembershipBody = z.object({ isContactVisible: z.boolean() });

export const createInvitationBody = z.object({
  email: emailSchema,
  roles: z.array(z.enum(roles)).min(1, "v.roles"),
});

export const invitationStates = ["open", "expired", "accepted", "withdrawn"] as const;
export type InvitationState = (typeof invitationStates)[number];

export const invitationEntry = z.object({
  id: z.string(),
  email: z.string(),
  roles: z.array(z.enum(roles)),
  state: z.enum(invitationStates),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  /** When it was withdrawn. */
  withdrawnAt: z.string().nullable(),
});
export type InvitationEntry = z.infer<typeof invitationEntry>;

/** An invitation is named by the hash of its token (43 characters, base64url), never by the token. */
export const invitationParams = orgParams.extend({ id: z.string().regex(/^[\w-]{43}$/) });
