import type { Locale } from "../../../contracts/i18n";
import type { MemberEntry, OrganisationSettings, PublicOrganisation } from "../../../contracts/organisations";
import { type Role, staffRoles } from "../../../contracts/roles";
import { findPreset } from "../../../core/organisations/presets";
import { writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import { hashToken, randomToken } from "../../platform/crypto";
import { AppError } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import { composeMail } from "../../platform/mail/mailer";
import type { Platform, ServiceContext } from "../../platform/types";
import * as identity from "../identity/identity.service";
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

function presentPublic(row: repo.OrganisationRow): PublicOrganisation {
  return {
    slug: row.slug,
    kind: row.kind,
    name: row.name,
    description: row.description,
    street: row.street,
    postalCode: row.postalCode,
    town: row.town,
    email: row.email,
    phone: row.phone,
    website: row.website,
    hasMap: row.kind === "association",
  };
}

export async function getPublicProfile(ctx: ServiceContext): Promise<PublicOrganisation> {
  const row = await repo.findOrganisationById(ctx.platform.db, scopeOf(ctx).id);
  if (!row) throw new AppError("notFound", 404);
  return presentPublic(row);
}

export async function getSettings(ctx: ServiceContext): Promise<OrganisationSettings> {
  const row = await repo.findOrganisationById(ctx.platform.db, scopeOf(ctx).id);
  if (!row) throw new AppError("notFound", 404);
  return {
    ...presentPublic(row),
    id: row.id,
    statePreset: row.statePreset,
    requireMfaForStaff: row.requireMfaForStaff,
  };
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

export async function updateMembership(
  ctx: ServiceContext,
  membershipId: string,
  input: { roles: Role[]; status: "active" | "left" },
): Promise<void> {
  const org = scopeOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    const existing = await repo.findMembership(tx, org.id, membershipId);
    if (!existing) throw new AppError("notFound", 404);
    const losesAdmin =
      existing.roles.includes("admin") &&
      existing.status === "active" &&
      (!input.roles.includes("admin") || input.status === "left");
    if (losesAdmin && (await repo.countActiveAdminsForUpdate(tx, org.id)) <= 1) {
      throw new AppError("lastAdmin", 409);
    }
    await repo.updateMembership(tx, org.id, membershipId, {
      roles: [...new Set(input.roles)],
      status: input.status,
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

/**
 * Invites a person by e-mail. Only admins hand out the admin role; coordinators and the board invite
 * everyone else.
 */
export async function createInvitation(
  ctx: ServiceContext,
  input: { email: string; roles: Role[] },
): Promise<void> {
  const org = scopeOf(ctx);
  const isPlatformCall = ctx.actor?.isPlatformAdmin && !ctx.membership;
  if (input.roles.includes("admin") && !isPlatformCall && !ctx.membership?.roles.includes("admin")) {
    throw new AppError("forbidden", 403);
  }
  const { db, env, mailer, now } = ctx.platform;
  const token = randomToken();
  const created = now();
  const existingUser = await identity.findUserByEmail(db, input.email);
  const locale: Locale = (existingUser?.locale as Locale | undefined) ?? ctx.locale;
  const t = translator(locale);
  await db.transaction(async (tx) => {
    await identity.insertToken(tx, {
      id: hashToken(token),
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
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "organisations.invitationCreated",
      entityType: "invitation",
      entityId: hashToken(token).slice(0, 12),
      details: { email: input.email, roles: input.roles },
      ip: ctx.ip,
    });
  });
  mailer.kick();
}

export async function listInvitations(ctx: ServiceContext) {
  const rows = await repo.listInvitations(ctx.platform.db, scopeOf(ctx).id);
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    roles: ((row.payload as { roles?: Role[] }).roles ?? []) as Role[],
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    usedAt: row.usedAt?.toISOString() ?? null,
  }));
}

export async function getInvitation(platform: Platform, token: string) {
  const row = await identity.findValidToken(platform.db, hashToken(token), "invitation", platform.now());
  if (!row?.organisationId) throw new AppError("tokenInvalid", 400);
  const org = await repo.findOrganisationById(platform.db, row.organisationId);
  if (!org) throw new AppError("tokenInvalid", 400);
  const user = await identity.findUserByEmail(platform.db, row.email);
  return {
    email: row.email,
    organisationName: org.name,
    roles: ((row.payload as { roles?: Role[] }).roles ?? []) as Role[],
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
    const row = await identity.consumeToken(tx, hashToken(token), "invitation", now());
    if (!row?.organisationId) throw new AppError("tokenInvalid", 400);
    const userId = await onUser(tx, row.email);
    const roles = ((row.payload as { roles?: Role[] }).roles ?? ["member"]) as Role[];
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
