import type {
  AnnouncementEntry,
  Audience,
  CreateAnnouncementBody,
  MyMailSetting,
} from "../../../contracts/announcements";
import { todayIso } from "../../../core/shared/dates";
import { writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import { composeMail } from "../../platform/mail/mailer";
import { hasPermission } from "../../platform/policy";
import type { ServiceContext } from "../../platform/types";
import { findCaregiverIdOfUser } from "../caregivers/caregivers.queries";
import { findMailRecipients, findUserNames } from "../identity/identity.queries";
import { listGroupMemberIds } from "../organisations/organisations.queries";
import * as organisations from "../organisations/organisations.service";
import { listContractParents } from "../placement/placement.queries";
import { announcementsPolicy } from "./announcements.policy";
import * as repo from "./announcements.repository";

function scopeOf(ctx: ServiceContext): OrganisationScope {
  if (!ctx.organisation) throw new AppError("notFound", 404);
  return ctx.organisation;
}

function userOf(ctx: ServiceContext): string {
  if (!ctx.actor) throw new AppError("unauthenticated", 401);
  return ctx.actor.userId;
}

/**
 * The accounts an announcement reaches, exactly: active members of the group; for the parents of one
 * day-care person's children, the parents with an active care contract with her (see `listContractParents`).
 */
async function resolveAudience(
  tx: Executor,
  ctx: ServiceContext,
  org: OrganisationScope,
  audience: Audience,
): Promise<string[]> {
  if (audience.kind !== "parentsOfCaregiver") return listGroupMemberIds(tx, org.id, audience.kind);
  const caregivers = new Set(await listGroupMemberIds(tx, org.id, "caregivers"));
  if (!caregivers.has(audience.caregiverUserId)) throw new AppError("validation", 400);
  const caregiverId = await findCaregiverIdOfUser(tx, org.id, audience.caregiverUserId);
  if (!caregiverId) return [];
  const parents = await listContractParents(tx, org.id, todayIso(ctx.platform.now()), caregiverId);
  return parents.map((parent) => parent.userId);
}

/**
 * Sends an announcement: it appears in the app of every recipient (unread), and goes by mail, in each
 * recipient's language, to those who have not turned off mails for announcements that are not essential.
 * Essential announcements are mailed to everyone in the group.
 */
export async function createAnnouncement(ctx: ServiceContext, input: CreateAnnouncementBody) {
  const org = scopeOf(ctx);
  const authorId = userOf(ctx);
  const { platform } = ctx;
  const result = await platform.db.transaction(async (tx) => {
    const recipients = [...new Set(await resolveAudience(tx, ctx, org, input.audience))];
    const optedOut = input.isEssential
      ? new Set<string>()
      : await repo.findMailOptOuts(tx, org.id, recipients);
    const mailed = recipients.filter((id) => !optedOut.has(id));
    const now = platform.now();
    const row = await repo.insertAnnouncement(tx, {
      organisationId: org.id,
      authorUserId: authorId,
      title: input.title,
      body: input.body,
      isEssential: input.isEssential,
      audience: input.audience.kind,
      caregiverUserId: input.audience.kind === "parentsOfCaregiver" ? input.audience.caregiverUserId : null,
      recipientCount: recipients.length,
      mailCount: mailed.length,
      createdAt: now,
    });
    await repo.insertRecipients(
      tx,
      recipients.map((userId) => ({
        announcementId: row.id,
        organisationId: org.id,
        userId,
        isMailed: !optedOut.has(userId),
      })),
    );
    await queueMails(tx, ctx, org, mailed, {
      title: input.title,
      body: input.body,
      isEssential: input.isEssential,
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: authorId,
      action: "announcements.sent",
      entityType: "announcement",
      entityId: row.id,
      details: {
        audience: input.audience.kind,
        isEssential: input.isEssential,
        recipients: recipients.length,
        mailed: mailed.length,
      },
      ip: ctx.ip,
    });
    return { id: row.id, recipientCount: recipients.length, mailCount: mailed.length };
  });
  if (result.mailCount > 0) platform.mailer.kick();
  return result;
}

async function queueMails(
  tx: Executor,
  ctx: ServiceContext,
  org: OrganisationScope,
  userIds: string[],
  content: { title: string; body: string; isEssential: boolean },
) {
  if (userIds.length === 0) return;
  const people = await findMailRecipients(tx, userIds);
  const author = ctx.actor?.name ?? org.name;
  const link = `${ctx.platform.env.PUBLIC_URL}/app/${org.slug}/mitteilungen`;
  for (const person of people) {
    const locale = person.locale;
    const t = translator(locale);
    const mail = composeMail(
      locale,
      content.isEssential ? "announcementEssential" : "announcement",
      {
        name: person.name,
        organisation: org.name,
        author,
        title: content.title,
        text: content.body,
        optOut: content.isEssential ? "" : t("mail.announcementOptOut"),
      },
      link,
    );
    await ctx.platform.mailer.queue(tx, { to: person.email, organisationId: org.id, ...mail });
  }
}

/** The announcements the caller sees (received ones; all of them for those who write announcements). */
export async function listAnnouncements(ctx: ServiceContext): Promise<AnnouncementEntry[]> {
  const org = scopeOf(ctx);
  const userId = userOf(ctx);
  const { db } = ctx.platform;
  const isWriter = hasPermission(ctx.membership, announcementsPolicy.write, org.kind);
  const rows = await repo.listVisible(db, org.id, userId, isWriter);
  const names = await findUserNames(
    db,
    rows.flatMap(({ announcement: a }) =>
      [a.authorUserId, a.caregiverUserId].filter((id): id is string => !!id),
    ),
  );
  return rows.map(({ announcement: a, recipientUserId, readAt }) => ({
    id: a.id,
    title: a.title,
    body: a.body,
    isEssential: a.isEssential,
    audience: a.audience,
    caregiverName: a.caregiverUserId ? (names.get(a.caregiverUserId) ?? null) : null,
    authorName: a.authorUserId ? (names.get(a.authorUserId) ?? null) : null,
    createdAt: a.createdAt.toISOString(),
    isRead: recipientUserId ? readAt !== null : null,
    recipientCount: isWriter ? a.recipientCount : null,
  }));
}

export async function countUnread(ctx: ServiceContext): Promise<{ count: number }> {
  return { count: await repo.countUnread(ctx.platform.db, scopeOf(ctx).id, userOf(ctx)) };
}

/** Marks an announcement read for the caller; one she did not receive answers 404. */
export async function markRead(ctx: ServiceContext, id: string): Promise<void> {
  const isMarked = await repo.markRead(ctx.platform.db, scopeOf(ctx).id, id, userOf(ctx), ctx.platform.now());
  if (!isMarked) throw new AppError("notFound", 404);
}

/** The caller turns mails for non-essential announcements of this organisation off or on again. */
export async function updateMailSetting(ctx: ServiceContext, isNonEssentialMailOff: boolean): Promise<void> {
  const org = scopeOf(ctx);
  const userId = userOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    await repo.saveMailSetting(tx, org.id, userId, isNonEssentialMailOff, ctx.platform.now());
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: userId,
      action: "announcements.mailSettingChanged",
      entityType: "membership",
      entityId: ctx.membership?.id ?? null,
      details: { isNonEssentialMailOff },
      ip: ctx.ip,
    });
  });
}

/** The caller's mail choice in each of her organisations, for her account page. */
export async function listMyMailSettings(ctx: ServiceContext): Promise<MyMailSetting[]> {
  const userId = userOf(ctx);
  const [memberships, settings] = await Promise.all([
    organisations.listMyMemberships(ctx),
    repo.listMailSettingsOfUser(ctx.platform.db, userId),
  ]);
  const offIn = new Set(settings.filter((s) => s.isNonEssentialMailOff).map((s) => s.organisationId));
  return memberships.map((m) => ({
    slug: m.slug,
    name: m.name,
    isNonEssentialMailOff: offIn.has(m.organisationId),
  }));
}
