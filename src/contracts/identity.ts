import { z } from "zod";
import { emailSchema, passwordSchema, requiredText } from "./common";
import { organisationKinds, roles } from "./roles";

export const loginBody = z.object({
  email: emailSchema,
  password: z.string().min(1, "v.required").max(200),
});

export const mfaBody = z.object({
  code: z.string().trim().min(6, "v.required").max(40),
});

export const membershipSummary = z.object({
  organisationId: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(organisationKinds),
  roles: z.array(z.enum(roles)),
});

export const sessionResponse = z.object({
  user: z
    .object({
      id: z.uuid(),
      email: z.string(),
      name: z.string(),
      phone: z.string().nullable(),
      locale: z.enum(["de", "en"]),
      isPlatformAdmin: z.boolean(),
      hasMfa: z.boolean(),
    })
    .nullable(),
  isMfaPending: z.boolean(),
  csrfToken: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const loginResponse = z.object({
  status: z.enum(["signedIn", "mfaRequired"]),
  csrfToken: z.string(),
});

export const passwordResetRequestBody = z.object({ email: emailSchema });
export const passwordResetConfirmBody = z.object({
  token: z.string().min(10).max(200),
  password: passwordSchema,
});
export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, "v.required").max(200),
  newPassword: passwordSchema,
});

export const invitationInfoResponse = z.object({
  email: z.string(),
  organisationName: z.string(),
  roles: z.array(z.enum(roles)),
  hasAccount: z.boolean(),
});
export const acceptInvitationBody = z.object({
  token: z.string().min(10).max(200),
  name: requiredText(120),
  password: passwordSchema,
});
export const acceptInvitationResponse = z.object({
  organisationSlug: z.string(),
  csrfToken: z.string(),
});

export const updateProfileBody = z.object({
  name: requiredText(120),
  phone: z.string().trim().max(40).nullable(),
  locale: z.enum(["de", "en"]),
});

export const mfaSetupResponse = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
});
export const mfaEnableBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "v.required"),
});
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export const mfaDisableBody = z.object({ password: z.string().min(1, "v.required").max(200) });

export const sessionListResponse = z.array(
  z.object({
    /** A short prefix of the stored hash: enough to name the session, useless as a credential. */
    id: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    userAgent: z.string().nullable(),
    /** The address the session was started from. */
    ip: z.string().nullable(),
    isCurrent: z.boolean(),
  }),
);
export type SessionList = z.infer<typeof sessionListResponse>;

export const sessionParams = z.object({ id: z.string().regex(/^[\w-]{12}$/) });
export const endSessionResponse = z.object({
  /** True when the ended session was the caller's own: the cookie is cleared, the person is signed out. */
  isSignedOut: z.boolean(),
});
