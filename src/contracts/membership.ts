import { z } from "zod";
import {
  emailSchema,
  honeypotField,
  httpUrlSchema,
  optionalText,
  orgIdParams,
  postalCodeSchema,
  requiredText,
} from "./common";
import { roles } from "./roles";

/** How an applicant prefers to be reached by the association. */
export const contactPreferences = ["email", "phone", "any"] as const;
export type ContactPreference = (typeof contactPreferences)[number];

/**
 * Where an application stands: `unconfirmed` until the applicant's mailbox answers (the board does not see
 * it), then `pending` until the board decides.
 */
export const applicationStatuses = ["unconfirmed", "pending", "approved", "declined"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** What the public form needs to know about the association. */
export const membershipFormInfo = z.object({
  organisationName: z.string(),
  statutesUrl: z.string().nullable(),
  privacyUrl: z.string().nullable(),
});
export type MembershipFormInfo = z.infer<typeof membershipFormInfo>;

const consent = z.boolean().refine((value) => value, "v.consentRequired");

/** The public membership application form. `website` is a honeypot: people leave it empty, bots fill it. */
export const applicationBody = z.object({
  name: requiredText(120),
  email: emailSchema,
  phone: optionalText(40).default(""),
  postalCode: z.union([postalCodeSchema, z.literal("")]).default(""),
  town: optionalText(100).default(""),
  isActiveCaregiver: z.boolean(),
  places: z.number().int().min(1, "v.placesInvalid").max(10, "v.placesInvalid").nullable().default(null),
  contactPreference: z.enum(contactPreferences),
  acceptsStatutes: consent,
  acceptsPrivacy: consent,
  website: honeypotField,
});
export type ApplicationBody = z.infer<typeof applicationBody>;

export const applicationConfirmParams = z.object({ token: z.string().min(10).max(200) });
export const applicationConfirmedResponse = z.object({
  organisationName: z.string(),
  organisationSlug: z.string(),
});
export type ApplicationConfirmedResponse = z.infer<typeof applicationConfirmedResponse>;

export const applicationEntry = z.object({
  id: z.uuid(),
  status: z.enum(applicationStatuses),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  postalCode: z.string(),
  town: z.string(),
  isActiveCaregiver: z.boolean(),
  places: z.number().nullable(),
  contactPreference: z.enum(contactPreferences),
  locale: z.enum(["de", "en"]),
  /** What she consented to: the links shown at the time (null: the association had published none). */
  statutesUrl: z.string().nullable(),
  privacyUrl: z.string().nullable(),
  consentedAt: z.string(),
  confirmedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionMessage: z.string().nullable(),
  createdAt: z.string(),
});
export type ApplicationEntry = z.infer<typeof applicationEntry>;

export const applicationListQuery = z.object({
  status: z.enum(["pending", "approved", "declined"]).default("pending"),
});

export const applicationParams = orgIdParams;

export const approveApplicationBody = z.object({
  /** Adds the caregiver role to "member"; only offered when she said she is an active day-care person. */
  isCaregiver: z.boolean().default(false),
  message: optionalText(2000).default(""),
});
export const declineApplicationBody = z.object({ message: optionalText(2000).default("") });

/** The board's links to the statutes and the privacy notice, shown on the form and stored with consent. */
export const membershipSettingsBody = z.object({
  statutesUrl: z.union([httpUrlSchema, z.literal("")]),
  privacyUrl: z.union([httpUrlSchema, z.literal("")]),
});

export const registerStatuses = ["applied", "active", "left"] as const;
export type RegisterStatus = (typeof registerStatuses)[number];

export const registerQuery = z.object({
  status: z.enum(["all", ...registerStatuses]).default("all"),
  q: z.string().trim().max(100).default(""),
});
export type RegisterQuery = z.infer<typeof registerQuery>;

/** A line of the member register: a membership, or a confirmed application still waiting for the board. */
export const registerEntry = z.object({
  /** The membership's id, or the application's id while `applied`. */
  id: z.uuid(),
  status: z.enum(registerStatuses),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  roles: z.array(z.enum(roles)),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  leaveReason: z.string().nullable(),
  appliedOn: z.string().nullable(),
});
export type RegisterEntry = z.infer<typeof registerEntry>;

export const endMembershipBody = z.object({ reason: requiredText(500) });
