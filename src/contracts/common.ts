import { z } from "zod";

/** Shared field schemas; messages "v.<key>" are translated by the server and the web client. */
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email("v.email"));
export const passwordSchema = z.string().min(10, "v.passwordTooShort").max(200);
export const isoDateSchema = z.iso.date("v.date");
/** The hidden field of the public forms: people leave it empty, robots fill it (server: platform/public-form). */
export const honeypotField = z.string().max(500).default("");
export const postalCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{5}$/, "v.postalCode");
export const slugSchema = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "v.slug");
export const requiredText = (max = 200) => z.string().trim().min(1, "v.required").max(max);
export const optionalText = (max = 2000) => z.string().trim().max(max);
export const httpUrlSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^(https?:\/\/|mailto:|tel:)/i, "v.url");
export const uuidSchema = z.uuid();

export const idParams = z.object({ id: uuidSchema });
export const orgParams = z.object({ orgSlug: z.string().min(1).max(60) });
export const orgIdParams = orgParams.extend({ id: uuidSchema });

export const okResponse = z.object({ ok: z.literal(true) });
