import { z } from "zod";
import { consentGivers, consentProblemKinds, consentScopes } from "../core/exhibition/consent";
import { siteSlugPattern } from "../core/site/slugs";
import { isoDateSchema, optionalText, orgParams, requiredText, uuidSchema } from "./common";

/** Photo exhibitions: galleries of photos with captions; every photo records the consent of the people shown. */

/** What the browser may send; the server reads the type from the bytes and re-encodes every image. */
export const exhibitionImageContentTypes = ["image/jpeg", "image/png", "image/webp"] as const;
/** Phone cameras write 3–8 MB; the original is discarded after resizing, so the limit only guards the server. */
export const exhibitionImageMaxBytes = 15 * 1024 * 1024;
/** Long edge of the stored image and of its thumbnail, in pixels. */
export const exhibitionImageMaxEdge = 2048;
export const exhibitionThumbMaxEdge = 480;

const exhibitionSlug = z.string().trim().min(1).max(80).regex(siteSlugPattern, "v.slug");

export const exhibitionParams = orgParams.extend({ id: uuidSchema });
export const exhibitionPhotoParams = orgParams.extend({ photoId: uuidSchema });
export const exhibitionConsentParams = exhibitionPhotoParams.extend({ consentId: uuidSchema });
export const publicExhibitionParams = orgParams.extend({ exhibitionSlug: z.string().min(1).max(120) });
export const publicExhibitionPhotoParams = publicExhibitionParams.extend({ photoId: uuidSchema });
export const imageSizeQuery = z.object({ size: z.enum(["large", "thumb"]).default("large") });

export const exhibitionInput = z.object({
  title: requiredText(160),
  /** Left out when an exhibition is created (made from the title). */
  slug: exhibitionSlug.optional(),
  description: optionalText(2000),
  isPublished: z.boolean(),
  position: z.number().int().min(0).max(999),
});
export type ExhibitionInput = z.infer<typeof exhibitionInput>;

/** The text of a photo; the alt text is required, since a blind visitor hears it instead of seeing the photo. */
export const photoTextInput = z.object({
  caption: optionalText(500),
  altText: requiredText(300),
  credit: optionalText(120),
});
export type PhotoTextInput = z.infer<typeof photoTextInput>;

/** The upload carries the image as its body and the texts in the query string. */
export const photoUploadQuery = photoTextInput.extend({
  caption: optionalText(500).default(""),
  credit: optionalText(120).default(""),
});

export const photoUpdateInput = photoTextInput.extend({
  position: z.number().int().min(0).max(9999),
  noIdentifiablePeople: z.boolean(),
});
export type PhotoUpdateInput = z.infer<typeof photoUpdateInput>;

export const photoPublishInput = z.object({ isPublished: z.boolean() });

export const consentInput = z
  .object({
    personName: requiredText(120),
    givenBy: z.enum(consentGivers),
    guardianName: optionalText(120),
    givenOn: isoDateSchema,
    scopes: z.array(z.enum(consentScopes)).min(1, "v.consentScopes").max(consentScopes.length),
    validUntil: isoDateSchema.nullable(),
  })
  .refine((c) => c.givenBy !== "guardian" || c.guardianName.length > 0, {
    path: ["guardianName"],
    message: "v.guardianNameRequired",
  })
  .refine((c) => c.validUntil === null || c.validUntil >= c.givenOn, {
    path: ["validUntil"],
    message: "v.dateOrder",
  });
export type ConsentInput = z.infer<typeof consentInput>;

export const consentWithdrawInput = z.object({ reason: optionalText(500) });

export const consentProblem = z.object({
  kind: z.enum(consentProblemKinds),
  personName: z.string().nullable(),
});
export type ConsentProblemDto = z.infer<typeof consentProblem>;

export const exhibitionConsent = z.object({
  id: uuidSchema,
  personName: z.string(),
  givenBy: z.enum(consentGivers),
  guardianName: z.string(),
  givenOn: z.string(),
  scopes: z.array(z.enum(consentScopes)),
  validUntil: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string(),
  createdAt: z.string(),
});
export type ExhibitionConsent = z.infer<typeof exhibitionConsent>;

export const exhibitionPhoto = z.object({
  id: uuidSchema,
  exhibitionId: uuidSchema,
  caption: z.string(),
  altText: z.string(),
  credit: z.string(),
  position: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  isPublished: z.boolean(),
  noIdentifiablePeople: z.boolean(),
  /** Whether the consents allow the online exhibition today, and why not. */
  publishable: z.boolean(),
  problems: z.array(consentProblem),
  /** Published and allowed: what the public sees now. */
  isVisible: z.boolean(),
  imageUrl: z.string(),
  thumbUrl: z.string(),
  consents: z.array(exhibitionConsent),
});
export type ExhibitionPhoto = z.infer<typeof exhibitionPhoto>;

export const exhibitionSummary = z.object({
  id: uuidSchema,
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  isPublished: z.boolean(),
  position: z.number().int(),
  photoCount: z.number().int(),
  visibleCount: z.number().int(),
  updatedAt: z.string(),
});
export type ExhibitionSummary = z.infer<typeof exhibitionSummary>;

export const exhibitionDetail = exhibitionSummary.extend({ photos: z.array(exhibitionPhoto) });
export type ExhibitionDetail = z.infer<typeof exhibitionDetail>;

/** What the public sees of a photo: no consent, no names, nothing about who is shown. */
export const publicExhibitionPhoto = z.object({
  id: uuidSchema,
  caption: z.string(),
  altText: z.string(),
  credit: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  imageUrl: z.string(),
  thumbUrl: z.string(),
});
export type PublicExhibitionPhoto = z.infer<typeof publicExhibitionPhoto>;

export const publicExhibitionSummary = z.object({
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  photoCount: z.number().int(),
  cover: publicExhibitionPhoto.nullable(),
});
export type PublicExhibitionSummary = z.infer<typeof publicExhibitionSummary>;

export const publicExhibitionList = z.object({
  organisationName: z.string(),
  exhibitions: z.array(publicExhibitionSummary),
});
export type PublicExhibitionList = z.infer<typeof publicExhibitionList>;

export const publicExhibition = z.object({
  organisationName: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  photos: z.array(publicExhibitionPhoto),
});
export type PublicExhibition = z.infer<typeof publicExhibition>;
