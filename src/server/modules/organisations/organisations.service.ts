import type { Locale } from "../../../contracts/i18n";
import type {
  InvitationEntry,
  MemberEntry,
  OrganisationSettings,
  PublicOrganisation,
} from "../../../contracts/organisations";
import { type Role, staffRoles } from "../../../contracts/roles";
import { findPreset } from "../../../core/organisations/presets";
import { todayIso } from "../../../core/shared/dates";
import { writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import { hashToken, randomToken } from "../../platform/crypto";
import type { Executor } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import { composeMail } from "../../platform/mail/mailer";
import type { Platform, ServiceContext } from "../../platform/types";
import * as identity from "../identity/identity.service";
import {
  invitationRoles,
  presentInvitation,
  presentPublic,
  presentSettings,
} from "./organisations.presenter";
import * as repo from "./organisations.repository";

const INVITATION_DAYS = 14;

function scopeOf(ctx: ServiceContext): OrganisationScope {
  if (!ctx.organisation) throw new AppError("notFound", 404);
  return ctx.organisation;
}

/** Resolves `:orgSlug` and the caller's membership for the authorization hook. */
export function scopeResolver(platform: Platform) {
  return async (slug: string, userId: string | null) => {
    const row = await repo.findScope(platform.db, slug, userId);
    if (!row) return null;
    return {
      organisation: row.organisation,
      membership: row.membershipId && row.roles ? { id: row.membershipId, roles: row.roles } : null,
    };
  };
}

export async function getPublicProfile(ctx: ServiceContext): Promise<PublicOrganisation> {
  const row = await repo.findOrganisationById(ctx.platform.db, scopeOf(ctx).id);
  if (!row) throw new AppError("notFound", 404);
  return presentPublic(row);
}

/** The organisation's settings and state rules; every member may read them, only admins change them. */
export async function getSettings(ctx: ServiceContext): Promise<OrganisationSettings> {
  const row = await repo.findOrganisationById(ctx.platform.db, scopeOf(ctx).id);
  if (!row) throw new AppError("notFound", 404);
  return presentSettings(row);
}

/** The rules in force for the organisation (for other modules: deadlines, capacity limits). */
export async function findStatePreset(platform: Platform, organisationId: string) {
  const row = await repo.findOrganisationById(platform.db, organisationId);
  if (!row) throw new AppError("notFound", 404);
  return row.statePreset;
}

export async function updateSettings(
  ctx: ServiceContext,
  input: Omit<OrganisationSettings, "id" | "slug" | "kind" | "hasMap">,
): Promise<OrganisationSettings> {
  const org = scopeOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    await repo.updateOrganisation(tx, org.id, input);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "organisations.settingsUpdated",
      entityType: "organisation",
      entityId: org.id,
      details: { presetId: input.statePreset.id, requireMfaForStaff: input.requireMfaForStaff },
      ip: ctx.ip,
    });
  });
  return getSettings(ctx);
}

/** Creates a tenant with the chosen state preset and invites its first admin. */
export async function createOrganisation(
  ctx: ServiceContext,
  input: {
    slug: string;
    kind: OrganisationSettings["kind"];
    name: string;
    presetId: "NRW" | "SH" | "custom";
    adminEmail: string;
  },
): Promise<{ slug: string }> {
  const preset = findPreset(input.presetId);
  if (!preset) throw new AppError("validation", 400);
  const { db } = ctx.platform;
  const created = await db.transaction(async (tx) => {
    if (await repo.findOrganisationBySlug(tx, input.slug)) throw new AppError("slugTaken", 409);
    const org = await repo.insertOrganisation(tx, {
      slug: input.slug,
      kind: input.kind,
      name: input.name,
      statePreset: preset,
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "organisations.created",
      entityType: "organisation",
      entityId: org.id,
      ip: ctx.ip,
    });
    return org;
  });
  await createInvitation(
    {
      ...ctx,
      organisation: {
        id: created.id,
        slug: created.slug,
        kind: created.kind,
        name: created.name,
        requireMfaForStaff: false,
        rules: preset.rules,
      },
    },
    { email: input.adminEmail, roles: ["admin"] },
  );
  return { slug: created.slug };
}

export async function listMyMemberships(ctx: ServiceContext) {
  if (!ctx.actor) return [];
  return repo.listMembershipsOfUser(ctx.platform.db, ctx.actor.userId);
}

/**
 * The member directory. Staff see everyone's contact data; members see each other's only where the person
 * allows it; parents see the staff of the organisation, not the other families or members.
 */
export async function listDirectory(ctx: ServiceContext): Promise<MemberEntry[]> {
  const org = scopeOf(ctx);
  const viewerRoles = ctx.membership?.roles ?? [];
  const isStaff = viewerRoles.some((r) => staffRoles.includes(r));
  const isOnlyParent = viewerRoles.every((r) => r === "parent");
  const rows = await repo.listMembers(ctx.platform.db, org.id);
  return rows
    .filter((row) => isStaff || row.status === "active")
    .filter((row) => !isOnlyParent || row.roles.some((r) => staffRoles.includes(r)))
    .map((row) => {
      const isSelf = row.userId === ctx.actor?.userId;
      const showContact = isStaff || isSelf || row.isContactVisible;
      return {
        id: row.id,
        userId: row.userId,
        name: row.name,
        email: showContact ? row.email : null,
        phone: showContact ? row.phone : null,
        roles: row.roles,
        status: row.status,
        joinedOn: row.joinedOn,
        isContactVisible: row.isContactVisible,
      };
    });
}

/**
 * Refuses a change that would leave the organisation without an active admin. The admin memberships are
 * locked first, so that two admins demoting (or removing) each other at once cannot both pass.
 */
async function assertAnAdminRemains(
  tx: Executor,
  organisationId: string,
  before: { roles: Role[]; status: "active" | "left" },
  after: { roles: Role[]; status: "active" | "left" },
) {
  const losesAdmin =
    before.roles.includes("admin") &&
    before.status === "active" &&
    (!after.roles.includes("admin") || after.status === "left");
  if (losesAdmin && (await repo.countActiveAdminsForUpdate(tx, organisationId)) <= 1) {
    throw new AppError("lastAdmin", 409);
  }
}

/** Changes a member's roles or status (an admin's work); the last admin keeps her role. */
export async function updateMembership(
  ctx: ServiceContext,
  membershipId: string,
  input: { roles: Role[]; status: "active" | "left" },
): Promise<void> {
  const org = scopeOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    const existing = await repo.findMembership(tx, org.id, membershipId);
    if (!existing) throw new AppError("notFound", 404);
    await assertAnAdminRemains(tx, org.id, existing, input);
    const isStatusChanged = existing.status !== input.status;
    await repo.updateMembership(tx, org.id, membershipId, {
      roles: [...new Set(input.roles)],
      status: input.status,
      ...(isStatusChanged ? { leftOn: input.status === "left" ? todayIso(ctx.platform.now()) : null } : {}),
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "organisations.membershipUpdated",
      entityType: "membership",
      entityId: membershipId,
      details: { from: { roles: existing.roles, status: existing.status }, to: input },
      ip: ctx.ip,
    });
  });
}

/**
 * Ends a membership: the person no longer sees the organisation. Only the membership changes: her account,
 * her sessions and her other organisations stay, and so does everything the organisation keeps about her
 * (a day-care person's record in the registry remains the office's record). The row stays as "left", so
 * that the directory shows staff who belonged, and since when.
 */
async function endMembership(
  ctx: ServiceContext,
  membershipId: string,
  action: "organisations.memberRemoved" | "organisations.memberLeft",
  reason: string | null = null,
  onEnded?: (tx: Executor) => Promise<void>,
): Promise<void> {
  const org = scopeOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    const existing = await repo.findMembership(tx, org.id, membershipId);
    if (!existing) throw new AppError("notFound", 404);
    if (existing.status === "left") throw new AppError("conflict", 409);
    await assertAnAdminRemains(tx, org.id, existing, { roles: existing.roles, status: "left" });
    await repo.updateMembership(tx, org.id, membershipId, {
      status: "left",
      leftOn: todayIso(ctx.platform.now()),
      leaveReason: reason,
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action,
      entityType: "membership",
      entityId: membershipId,
      details: { userId: existing.userId, roles: existing.roles, ...(reason ? { reason } : {}) },
      ip: ctx.ip,
    });
    await onEnded?.(tx);
  });
}

/**
 * An admin (or an association's board, through the membership module, with a reason) removes a person from
 * the organisation; the last admin cannot be removed. `onEnded` runs in the same transaction (the caller's
 * mail to her goes to the outbox exactly when the membership ends).
 */
export async function removeMember(
  ctx: ServiceContext,
  membershipId: string,
  reason: string | null = null,
  onEnded?: (tx: Executor) => Promise<void>,
): Promise<void> {
  await endMembership(ctx, membershipId, "organisations.memberRemoved", reason, onEnded);
}

/** A member leaves the organisation herself; the last admin must first hand the role on. */
export async function leaveOrganisation(ctx: ServiceContext): Promise<void> {
  const membershipId = ctx.membership?.id;
  if (!membershipId) throw new AppError("notFound", 404);
  await endMembership(ctx, membershipId, "organisations.memberLeft");
}

export async function updateOwnMembership(ctx: ServiceContext, input: { isContactVisible: boolean }) {
  const org = scopeOf(ctx);
  const membershipId = ctx.membership?.id;
  if (!membershipId) throw new AppError("notFound", 404);
  await ctx.platform.db.transaction(async (tx) => {
    await repo.updateMembership(tx, org.id, membershipId, input);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "organisations.ownMembershipUpdated",
      entityType: "membership",
      entityId: membershipId,
      details: input,
      ip: ctx.ip,
    });
  });
}

/** Only admins hand out the admin role; the platform admin does so when creating an organisation. */
function assertMayGrant(ctx: ServiceContext, roles: Role[]) {
  const isPlatformCall = ctx.actor?.isPlatformAdmin && !ctx.membership;
  if (roles.includes("admin") && !isPlatformCall && !ctx.membership?.roles.includes("admin")) {
    throw new AppError("forbidden", 403);
  }
}

/**
 * Writes a new invitation link valid for 14 days and queues its mail, both in the caller's transaction;
 * returns the stored hash of the link's token.
 */
async function issueInvitation(
  tx: Executor,
  ctx: ServiceContext,
  org: OrganisationScope,
  input: { email: string; roles: Role[] },
): Promise<string> {
  const { env, mailer, now } = ctx.platform;
  const token = randomToken();
  const id = hashToken(token);
  const created = now();
  const existingUser = await identity.findUserByEmail(tx, input.email);
  const locale: Locale = (existingUser?.locale as Locale | undefined) ?? ctx.locale;
  const t = translator(locale);
  await identity.insertToken(tx, {
    id,
    purpose: "invitation",
    organisationId: org.id,
    userId: existingUser?.id ?? null,
    email: input.email,
    payload: { roles: input.roles },
    createdByUserId: ctx.actor?.userId ?? null,
    createdAt: created,
    expiresAt: new Date(created.getTime() + INVITATION_DAYS * 86_400_000),
  });
  const mail = composeMail(
    locale,
    "invitation",
    {
      name: existingUser?.name ?? input.email,
      inviter: ctx.actor?.name ?? "KTP-Netz",
      organisation: org.name,
      roles: input.roles.map((r) => t(`roles.${r}`)).join(", "),
    },
    `${env.PUBLIC_URL}/einladung/${token}`,
  );
  await mailer.queue(tx, { to: input.email, organisationId: org.id, ...mail });
  return id;
}

/**
 * Invites a person by e-mail. Only admins hand out the admin role; coordinators and the board invite
 * everyone else.
 */
export async function createInvitation(
  ctx: ServiceContext,
  input: { email: string; roles: Role[] },
): Promise<void> {
  const org = scopeOf(ctx);
  assertMayGrant(ctx, input.roles);
  const { db, mailer } = ctx.platform;
  await db.transaction(async (tx) => {
    const id = await issueInvitation(tx, ctx, org, input);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "organisations.invitationCreated",
      entityType: "invitation",
      entityId: id.slice(0, 12),
      details: { email: input.email, roles: input.roles },
      ip: ctx.ip,
    });
  });
  mailer.kick();
}

/**
 * Invites a person inside the caller's transaction, for modules that decide who joins (the membership
 * module's approved applications): the same link, mail and audit entry as any other invitation.
 */
export async function inviteWithin(
  tx: Executor,
  ctx: ServiceContext,
  input: { email: string; roles: Role[] },
): Promise<void> {
  const org = scopeOf(ctx);
  assertMayGrant(ctx, input.roles);
  const id = await issueInvitation(tx, ctx, org, input);
  await writeAudit(tx, {
    organisationId: org.id,
    actorUserId: ctx.actor?.userId ?? null,
    action: "organisations.invitationCreated",
    entityType: "invitation",
    entityId: id.slice(0, 12),
    details: { email: input.email, roles: input.roles },
    ip: ctx.ip,
  });
}

/** Open, expired, accepted and withdrawn invitations of the organisation, newest first. */
export async function listInvitations(ctx: ServiceContext): Promise<InvitationEntry[]> {
  const rows = await repo.listInvitations(ctx.platform.db, scopeOf(ctx).id);
  const now = ctx.platform.now();
  return rows.map((row) => presentInvitation(row, now));
}

/**
 * Takes back an open invitation (wrong address, wrong roles): its link stops working at once and says that
 * the invitation was withdrawn. Another organisation's invitation answers 404; one that was accepted,
 * withdrawn or has expired in the meantime answers 409.
 */
export async function withdrawInvitation(ctx: ServiceContext, id: string): Promise<void> {
  const org = scopeOf(ctx);
  const { db, now } = ctx.platform;
  await db.transaction(async (tx) => {
    const withdrawn = await repo.revokeInvitation(tx, org.id, id, "withdrawn", now());
    if (!withdrawn) {
      if (!(await repo.findInvitation(tx, org.id, id))) throw new AppError("notFound", 404);
      throw new AppError("conflict", 409);
    }
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "organisations.invitationWithdrawn",
      entityType: "invitation",
      entityId: id.slice(0, 12),
      details: { email: withdrawn.email, roles: invitationRoles(withdrawn) },
      ip: ctx.ip,
    });
  });
}

/**
 * Sends an open or expired invitation again: a new link valid for another 14 days replaces the old one,
 * which from now on says that a newer link was sent. The same rule as for inviting applies: only admins
 * resend an invitation that grants the admin role.
 */
export async function resendInvitation(ctx: ServiceContext, id: string): Promise<void> {
  const org = scopeOf(ctx);
  const { db, mailer, now } = ctx.platform;
  await db.transaction(async (tx) => {
    const existing = await repo.findInvitation(tx, org.id, id);
    if (!existing) throw new AppError("notFound", 404);
    const roles = invitationRoles(existing);
    assertMayGrant(ctx, roles);
    const replaced = await repo.revokeInvitation(tx, org.id, id, "replaced", now());
    if (!replaced) throw new AppError("conflict", 409);
    const newId = await issueInvitation(tx, ctx, org, { email: existing.email, roles });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "organisations.invitationResent",
      entityType: "invitation",
      entityId: newId.slice(0, 12),
      details: { email: existing.email, roles, replaces: id.slice(0, 12) },
      ip: ctx.ip,
    });
  });
  mailer.kick();
}

/**
 * Why an invitation link does not work. A withdrawn or replaced link says so, because the person can do
 * something about it (ask again, look for the newer mail); anything else is simply invalid.
 */
async function invalidInvitation(db: Executor, tokenHash: string): Promise<AppError> {
  const row = await identity.findToken(db, tokenHash, "invitation");
  if (row?.revokeReason === "withdrawn") return new AppError("invitationWithdrawn", 410);
  if (row?.revokeReason === "replaced") return new AppError("invitationReplaced", 410);
  return new AppError("tokenInvalid", 400);
}

export async function getInvitation(platform: Platform, token: string) {
  const id = hashToken(token);
  const row = await identity.findValidToken(platform.db, id, "invitation", platform.now());
  if (!row?.organisationId) throw await invalidInvitation(platform.db, id);
  const org = await repo.findOrganisationById(platform.db, row.organisationId);
  if (!org) throw new AppError("tokenInvalid", 400);
  const user = await identity.findUserByEmail(platform.db, row.email);
  return {
    email: row.email,
    organisationName: org.name,
    roles: invitationRoles(row),
    hasAccount: Boolean(user?.passwordHash),
  };
}

async function joinFromInvitation(
  ctx: ServiceContext,
  token: string,
  onUser: (tx: Parameters<Parameters<Platform["db"]["transaction"]>[0]>[0], email: string) => Promise<string>,
) {
  const { db, now } = ctx.platform;
  return db.transaction(async (tx) => {
    const id = hashToken(token);
    const row = await identity.consumeToken(tx, id, "invitation", now());
    if (!row?.organisationId) throw await invalidInvitation(tx, id);
    const userId = await onUser(tx, row.email);
    const roles = invitationRoles(row);
    await repo.upsertMembership(tx, row.organisationId, userId, roles);
    const org = await repo.findOrganisationById(tx, row.organisationId);
    await writeAudit(tx, {
      organisationId: row.organisationId,
      actorUserId: userId,
      action: "organisations.invitationAccepted",
      entityType: "membership",
      entityId: userId,
      details: { roles },
      ip: ctx.ip,
    });
    return { organisationSlug: org?.slug ?? "", userId };
  });
}

/**
 * Accepts an invitation as a new person: creates the account with the chosen password, the membership,
 * and a session. An address that already has an account must sign in first (see below).
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  input: { token: string; name: string; password: string },
  userAgent: string | null,
) {
  const passwordHash = await identity.hashPassword(input.password);
  return ctx.platform.db.transaction(async (outer) => {
    const joined = await joinFromInvitation(
      { ...ctx, platform: { ...ctx.platform, db: outer } },
      input.token,
      async (tx, email) => {
        const existing = await identity.findUserByEmail(tx, email);
        if (existing?.passwordHash) throw new AppError("emailTaken", 409);
        if (existing) {
          await identity.updateUser(tx, existing.id, { name: input.name, passwordHash, locale: ctx.locale });
          return existing.id;
        }
        const user = await identity.insertUser(tx, {
          email,
          name: input.name,
          passwordHash,
          locale: ctx.locale,
        });
        return user.id;
      },
    );
    const session = await identity.startSession(outer, ctx.platform, joined.userId, {
      ip: ctx.ip,
      userAgent,
      isMfaPending: false,
    });
    return { ...joined, ...session };
  });
}

/** Accepts an invitation into an existing, signed-in account (the address must match). */
export async function acceptInvitationSignedIn(ctx: ServiceContext, token: string) {
  const actor = identity.requireActor(ctx);
  const joined = await joinFromInvitation(ctx, token, async (_tx, email) => {
    if (email.toLowerCase() !== actor.email.toLowerCase()) throw new AppError("tokenInvalid", 400);
    return actor.userId;
  });
  return { organisationSlug: joined.organisationSlug };
}

/**
 * Admits a person with `roles`, on top of the roles she already has, inside the caller's transaction: for
 * modules that let people in on their own terms (placement: a parent whose confirmed request makes her one).
 * The caller writes the audit entry that says why.
 */
export async function admitMember(tx: Executor, organisationId: string, userId: string, roles: Role[]) {
  const row = await repo.upsertMembership(tx, organisationId, userId, roles);
  return { membershipId: row.id, roles: row.roles };
}
