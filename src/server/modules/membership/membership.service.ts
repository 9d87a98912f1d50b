import type { Locale } from "../../../contracts/i18n";
import type {
  ApplicationBody,
  ApplicationEntry,
  MembershipFormInfo,
  RegisterEntry,
  RegisterQuery,
} from "../../../contracts/membership";
import type { Role } from "../../../contracts/roles";
import { declinedErasureCutoff, leftMemberErasureCutoffDay } from "../../../core/membership/applications";
import { writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import { formatCsv, formatGermanDate } from "../../platform/csv";
import type { Executor } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import { composeMail } from "../../platform/mail/mailer";
import { isRobot } from "../../platform/public-form";
import type { Platform, ServiceContext } from "../../platform/types";
import { findUserNames } from "../identity/identity.queries";
import * as identity from "../identity/identity.service";
import { findOrganisationSummaries, listRegisterMemberships } from "../organisations/organisations.queries";
import * as organisations from "../organisations/organisations.service";
import { presentApplication, presentMembership, presentPendingApplication } from "./membership.presenter";
import * as repo from "./membership.repository";

/** The organisation of a membership route; only associations take members by application. */
function associationOf(ctx: ServiceContext): OrganisationScope {
  const org = ctx.organisation;
  if (org?.kind !== "association") throw new AppError("notFound", 404);
  return org;
}

/** What the public form shows: the association's name and its statutes and privacy notice, if linked. */
export async function getFormInfo(ctx: ServiceContext): Promise<MembershipFormInfo> {
  const org = associationOf(ctx);
  const settings = await repo.findSettings(ctx.platform.db, org.id);
  return {
    organisationName: org.name,
    statutesUrl: settings?.statutesUrl ?? null,
    privacyUrl: settings?.privacyUrl ?? null,
  };
}

/** The board sets where its statutes and privacy notice are published; the form links to them. */
export async function updateSettings(
  ctx: ServiceContext,
  input: { statutesUrl: string; privacyUrl: string },
): Promise<MembershipFormInfo> {
  const org = associationOf(ctx);
  const values = { statutesUrl: input.statutesUrl || null, privacyUrl: input.privacyUrl || null };
  await ctx.platform.db.transaction(async (tx) => {
    await repo.saveSettings(tx, org.id, { ...values, updatedAt: ctx.platform.now() });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "membership.settingsUpdated",
      entityType: "organisation",
      entityId: org.id,
      details: values,
      ip: ctx.ip,
    });
  });
  return getFormInfo(ctx);
}

/**
 * Takes an application from the public form. It waits, unconfirmed and unseen by the board, until the link
 * mailed to the address is used. Whatever happens the caller hears "accepted": a filled-in honeypot and a
 * fourth unconfirmed application for the same address are dropped without a word, so that the form tells
 * a bot nothing and cannot be used to flood someone's mailbox.
 */
export async function submitApplication(ctx: ServiceContext, input: ApplicationBody): Promise<void> {
  const org = associationOf(ctx);
  if (isRobot(input)) return;
  const { platform } = ctx;
  const now = platform.now();
  const link = repo.applicationLinks.issue(now);
  const isQueued = await platform.db.transaction(async (tx) => {
    if (!(await repo.hasRoomForApplication(tx, org.id, input.email, now))) return false;
    const settings = await repo.findSettings(tx, org.id);
    const row = await repo.insertApplication(tx, {
      organisationId: org.id,
      status: "unconfirmed",
      name: input.name,
      email: input.email,
      phone: input.phone,
      postalCode: input.postalCode,
      town: input.town,
      isActiveCaregiver: input.isActiveCaregiver,
      places: input.isActiveCaregiver ? input.places : null,
      contactPreference: input.contactPreference,
      locale: ctx.locale,
      statutesUrl: settings?.statutesUrl ?? null,
      privacyUrl: settings?.privacyUrl ?? null,
      consentedAt: now,
      confirmationTokenHash: link.tokenHash,
      confirmationExpiresAt: link.expiresAt,
      createdAt: now,
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "membership.applicationSubmitted",
      entityType: "membershipApplication",
      entityId: row.id,
      ip: ctx.ip,
    });
    const mail = composeMail(
      ctx.locale,
      "membershipConfirm",
      { name: input.name, organisation: org.name },
      `${platform.env.PUBLIC_URL}/mitglied-werden/bestaetigen/${link.token}`,
    );
    await platform.mailer.queue(tx, { to: input.email, organisationId: org.id, ...mail });
    return true;
  });
  if (isQueued) platform.mailer.kick();
}

/**
 * Confirms the applicant's address with the link from the mail (single use): the application goes to the
 * board, and the association's inbox hears of it.
 */
export async function confirmApplication(ctx: ServiceContext, token: string) {
  const { platform } = ctx;
  const result = await platform.db.transaction(async (tx) => {
    const row = await repo.confirmByToken(tx, token, platform.now());
    const [org] = await findOrganisationSummaries(tx, [row.organisationId]);
    if (!org) throw new AppError("tokenInvalid", 404);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: null,
      action: "membership.applicationConfirmed",
      entityType: "membershipApplication",
      entityId: row.id,
      ip: ctx.ip,
    });
    if (org.email) {
      const mail = composeMail(
        "de",
        "membershipBoardNotice",
        { name: "Vorstand", applicant: row.name, organisation: org.name },
        `${platform.env.PUBLIC_URL}/app/${org.slug}/mitgliedsantraege`,
      );
      await platform.mailer.queue(tx, { to: org.email, organisationId: org.id, ...mail });
    }
    return { organisationName: org.name, organisationSlug: org.slug, isMailed: Boolean(org.email) };
  });
  if (result.isMailed) platform.mailer.kick();
  return { organisationName: result.organisationName, organisationSlug: result.organisationSlug };
}

async function deciderNames(db: Executor, rows: repo.ApplicationRow[]) {
  return findUserNames(
    db,
    rows.flatMap((row) => (row.decidedByUserId ? [row.decidedByUserId] : [])),
  );
}

/** The board's list of applications in one state; unconfirmed ones are never shown. */
export async function listApplications(
  ctx: ServiceContext,
  status: "pending" | "approved" | "declined",
): Promise<ApplicationEntry[]> {
  const org = associationOf(ctx);
  const rows = await repo.listApplications(ctx.platform.db, org.id, [status]);
  const names = await deciderNames(ctx.platform.db, rows);
  return rows.map((row) => presentApplication(row, names.get(row.decidedByUserId ?? "") ?? null));
}

/** Locks a pending application of the association; decided ones answer 409, unknown or unconfirmed 404. */
async function lockPending(tx: Executor, org: OrganisationScope, id: string) {
  const row = await repo.lockApplication(tx, org.id, id);
  if (!row || row.status === "unconfirmed") throw new AppError("notFound", 404);
  if (row.status !== "pending") throw new AppError("conflict", 409);
  return row;
}

async function queueDecisionMail(
  tx: Executor,
  platform: Platform,
  org: OrganisationScope,
  row: repo.ApplicationRow,
  key: "membershipApproved" | "membershipDeclined",
  message: string,
) {
  const t = translator(row.locale);
  const mail = composeMail(row.locale, key, {
    name: row.name,
    organisation: org.name,
    message: message ? t("mail.membershipMessage", { message }) : "",
  });
  await platform.mailer.queue(tx, { to: row.email, organisationId: org.id, ...mail });
}

/**
 * Approves an application: the person becomes a member (role member, plus caregiver when she said she is an
 * active day-care person and the board agrees), joining today, and gets the platform's invitation to set her
 * password (or, with an account already, to join with it). Both mails are in her language.
 */
export async function approveApplication(
  ctx: ServiceContext,
  id: string,
  input: { isCaregiver: boolean; message: string },
): Promise<void> {
  const org = associationOf(ctx);
  const { platform } = ctx;
  await platform.db.transaction(async (tx) => {
    const row = await lockPending(tx, org, id);
    if (input.isCaregiver && !row.isActiveCaregiver) throw new AppError("validation", 400);
    const roles: Role[] = input.isCaregiver ? ["member", "caregiver"] : ["member"];
    const existing = await identity.findUserByEmail(tx, row.email);
    const userId =
      existing?.id ??
      (
        await identity.insertUser(tx, {
          email: row.email,
          name: row.name,
          passwordHash: null,
          locale: row.locale,
        })
      ).id;
    if (existing && !existing.passwordHash)
      await identity.updateUser(tx, existing.id, { locale: row.locale });
    const { membershipId } = await organisations.admitMember(tx, org.id, userId, roles);
    await repo.updateApplication(tx, org.id, row.id, {
      status: "approved",
      decidedAt: platform.now(),
      decidedByUserId: ctx.actor?.userId ?? null,
      decisionMessage: input.message || null,
      membershipId,
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "membership.applicationApproved",
      entityType: "membershipApplication",
      entityId: row.id,
      details: { membershipId, roles },
      ip: ctx.ip,
    });
    await queueDecisionMail(tx, platform, org, row, "membershipApproved", input.message);
    await organisations.inviteWithin(tx, ctx, { email: row.email, roles });
  });
  platform.mailer.kick();
}

/**
 * Declines an application with an optional message, mailed in the applicant's language. Her data stays for
 * the retention period (questions, objections) and is then deleted by the job below.
 */
export async function declineApplication(ctx: ServiceContext, id: string, input: { message: string }) {
  const org = associationOf(ctx);
  const { platform } = ctx;
  await platform.db.transaction(async (tx) => {
    const row = await lockPending(tx, org, id);
    await repo.updateApplication(tx, org.id, row.id, {
      status: "declined",
      decidedAt: platform.now(),
      decidedByUserId: ctx.actor?.userId ?? null,
      decisionMessage: input.message || null,
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "membership.applicationDeclined",
      entityType: "membershipApplication",
      entityId: row.id,
      ip: ctx.ip,
    });
    await queueDecisionMail(tx, platform, org, row, "membershipDeclined", input.message);
  });
  platform.mailer.kick();
}

function matches(entry: RegisterEntry, query: RegisterQuery): boolean {
  if (query.status !== "all" && entry.status !== query.status) return false;
  const needle = query.q.toLocaleLowerCase("de");
  if (!needle) return true;
  return [entry.name, entry.email, entry.phone ?? ""].some((v) => v.toLocaleLowerCase("de").includes(needle));
}

/**
 * The member register: applications waiting for the board ("applied"), active members and those who left,
 * with joining and leaving dates, filtered by status and a search in name, e-mail and phone.
 */
export async function listRegister(ctx: ServiceContext, query: RegisterQuery): Promise<RegisterEntry[]> {
  const org = associationOf(ctx);
  const { db } = ctx.platform;
  const [pending, members] = await Promise.all([
    repo.listApplications(db, org.id, ["pending"]),
    listRegisterMemberships(db, org.id),
  ]);
  const entries = [...pending.map(presentPendingApplication), ...members.map(presentMembership)];
  return entries.filter((entry) => matches(entry, query));
}

/** The register as CSV for the board's spreadsheet (the same filter as on screen), in the caller's language. */
export async function exportRegisterCsv(ctx: ServiceContext, query: RegisterQuery): Promise<string> {
  const entries = await listRegister(ctx, query);
  const t = translator(ctx.locale);
  const date = (iso: string | null) => (iso ? formatGermanDate(iso) : "");
  const header = [
    "name",
    "email",
    "phone",
    "status",
    "roles",
    "appliedOn",
    "joinedOn",
    "leftOn",
    "leaveReason",
  ].map((key) => t(`membership.csv.${key}`));
  const rows = entries.map((e) => [
    e.name,
    e.email,
    e.phone ?? "",
    t(`membership.status.${e.status}`),
    e.roles.map((r) => t(`roles.${r}`)).join(", "),
    date(e.appliedOn),
    date(e.joinedOn),
    date(e.leftOn),
    e.leaveReason ?? "",
  ]);
  await writeAudit(ctx.platform.db, {
    organisationId: associationOf(ctx).id,
    actorUserId: ctx.actor?.userId ?? null,
    action: "membership.registerExported",
    entityType: "membership",
    details: { count: rows.length, status: query.status },
    ip: ctx.ip,
  });
  return formatCsv(header, rows);
}

/**
 * The board ends a membership, with a reason: the row stays as "left" with the date and reason for the
 * association's records; her account and her other organisations stay. An admin's membership is ended only
 * by an admin. She hears of it in her language.
 */
export async function endMembership(
  ctx: ServiceContext,
  membershipId: string,
  reason: string,
): Promise<void> {
  const org = associationOf(ctx);
  const { platform } = ctx;
  const target = (await listRegisterMemberships(platform.db, org.id)).find((m) => m.id === membershipId);
  if (!target) throw new AppError("notFound", 404);
  if (target.roles.includes("admin") && !ctx.membership?.roles.includes("admin"))
    throw new AppError("forbidden", 403);
  const locale: Locale = (await identity.findUserById(platform.db, target.userId))?.locale ?? "de";
  await organisations.removeMember(ctx, membershipId, reason, async (tx) => {
    const mail = composeMail(locale, "membershipEnded", {
      name: target.name,
      organisation: org.name,
      reason,
    });
    await platform.mailer.queue(tx, { to: target.email, organisationId: org.id, ...mail });
  });
  platform.mailer.kick();
}

/**
 * Deletes application data that may not stay (privacy: delete when the purpose ends): unconfirmed
 * applications whose link ran out, declined ones past the retention period, and those of members who left
 * longer ago than that (core/membership/applications.ts). The audit log keeps only
 * how many, never whose.
 */
export async function eraseDueApplications(platform: Platform): Promise<number> {
  const now = platform.now();
  const deleted = await repo.deleteDueApplications(
    platform.db,
    now,
    declinedErasureCutoff(now),
    leftMemberErasureCutoffDay(now),
  );
  let total = 0;
  for (const [organisationId, counts] of deleted) {
    total += counts.unconfirmed + counts.declined + counts.left;
    await writeAudit(platform.db, {
      organisationId,
      actorUserId: null,
      action: "membership.applicationsErased",
      entityType: "membershipApplication",
      details: counts,
    });
  }
  return total;
}
