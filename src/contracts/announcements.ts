import { z } from "zod";
import { orgIdParams, requiredText, uuidSchema } from "./common";

/**
 * The groups an announcement can go to. `parentsOfCaregiver` are the parents with an active care contract
 * with one day-care person.
 */
export const audienceKinds = ["members", "caregivers", "parents", "parentsOfCaregiver", "board"] as const;
export type AudienceKind = (typeof audienceKinds)[number];

export const audienceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(["members", "caregivers", "parents", "board"]) }),
  z.object({ kind: z.literal("parentsOfCaregiver"), caregiverUserId: uuidSchema }),
]);
export type Audience = z.infer<typeof audienceSchema>;

export const createAnnouncementBody = z.object({
  title: requiredText(150),
  body: requiredText(10_000),
  /** Essential announcements are mailed to everyone, also to those who turned announcement mails off. */
  isEssential: z.boolean().default(false),
  audience: audienceSchema,
});
export type CreateAnnouncementBody = z.infer<typeof createAnnouncementBody>;

export const announcementCreated = z.object({
  id: z.uuid(),
  recipientCount: z.number().int(),
  mailCount: z.number().int(),
});

export const announcementEntry = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  isEssential: z.boolean(),
  audience: z.enum(audienceKinds),
  /** For `parentsOfCaregiver`: whose children's parents. */
  caregiverName: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  /** Null when the viewer is not among the recipients (a writer looking at what was sent). */
  isRead: z.boolean().nullable(),
  /** Only for those who may write announcements. */
  recipientCount: z.number().int().nullable(),
});
export type AnnouncementEntry = z.infer<typeof announcementEntry>;

export const announcementParams = orgIdParams;
export const unreadResponse = z.object({ count: z.number().int() });

export const mailSettingBody = z.object({ isNonEssentialMailOff: z.boolean() });
export type MailSetting = z.infer<typeof mailSettingBody>;

export const myMailSetting = z.object({
  slug: z.string(),
  name: z.string(),
  isNonEssentialMailOff: z.boolean(),
});
export type MyMailSetting = z.infer<typeof myMailSetting>;
