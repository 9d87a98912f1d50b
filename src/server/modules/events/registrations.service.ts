import { randomUUID } from "node:crypto";
import type {
  AttendanceInput,
  GuestRegisterBody,
  GuestRegistrationConfirmed,
  GuestRegistrationView,
  MyRegistration,
  MyRegistrations,
  RegisterBody,
  RegistrationList,
  StaffCancelRegistrationBody,
  StaffRegisterBody,
  StaffRegistration,
} from "../../../contracts/events";
import { seesEvent } from "../../../core/events/audience";
import { type AnswerValue, checkAnswers, type Question } from "../../../core/events/questions";
import {
  cancelRegistration,
  isRegistrationOpen,
  type RegistrationProblem,
  type RegistrationResult,
  register,
} from "../../../core/events/registration";
import { writeAudit } from "../../platform/audit/audit";
import { hashToken, randomToken } from "../../platform/crypto";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { composeMail } from "../../platform/mail/mailer";
import { isRobot } from "../../platform/public-form";
import type { Platform, ServiceContext } from "../../platform/types";
import { findOrganisationSummaries } from "../organisations/organisations.queries";
import {
  actorOf,
  applyRegistrationOutcome,
  eventOrgOf,
  formatWhen,
  type MailOrganisation,
  mailOrganisation,
  requireManagedEvent,
  requireVisibleEvent,
} from "./events.context";
import {
  presentListItem,
  presentMyRegistration,
  presentQuestions,
  presentStaffRegistrations,
  targetOf,
} from "./events.presenter";
import * as repo from "./events.repository";
import { latestOf } from "./events.service";

/** Open links one address may have for a date; more are dropped silently so the form floods no inbox. */

export function problemError(problem: RegistrationProblem): AppError {
  switch (problem.code) {
    case "registrationClosed":
      return new AppError("eventRegistrationClosed", 409);
    case "eventCancelled":
      return new AppError("eventCancelled", 409);
    case "alreadyRegistered":
      return new AppError("eventAlreadyRegistered", 409, { registrationId: problem.registrationId });
    case "registrationNotFound":
      return notFound();
    case "registrationNotActive":
      return new AppError("eventRegistrationNotActive", 409);
    case "capacityBelowConfirmed":
      return new AppError("eventCapacityBelowConfirmed", 409, { confirmed: problem.confirmed });
  }
}

/** The answers as the date's questions want them, or 400 with each problem at its question. */
function answersFor(questions: readonly Question[], given: Readonly<Record<string, AnswerValue>>) {
  const checked = checkAnswers(questions, given);
  if (checked.ok) return checked.answers;
  throw new AppError(
    "validation",
    400,
    undefined,
    checked.problems.map((p) => ({
      path: `answers.${p.questionId}`,
      key: p.code === "required" ? "eventAnswerRequired" : "eventAnswerInvalid",
    })),
  );
}

/** A unique-index violation on the active registration answers like the rule does. */
async function registrationTransaction<T>(
  platform: Platform,
  work: (tx: Executor) => Promise<T>,
): Promise<T> {
  try {
    return await platform.db.transaction(work);
  } catch (error) {
    for (let current = error as { code?: string; cause?: unknown } | null; current; ) {
      if (current.code === "23505") throw new AppError("eventAlreadyRegistered", 409);
      current = current.cause as typeof current;
    }
    throw error;
  }
}

interface Locked {
  event: repo.EventRow;
  rows: repo.RegistrationRow[];
}

async function lockEvent(tx: Executor, organisationId: string, id: string): Promise<Locked> {
  const event = await repo.findEvent(tx, organisationId, id, { lock: true });
  if (!event) throw notFound();
  return { event, rows: await repo.listRegistrations(tx, [event.id]) };
}

function mustSucceed(result: RegistrationResult): Extract<RegistrationResult, { ok: true }> {
  if (!result.ok) throw problemError(result.problem);
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Members

export async function registerOwn(
  ctx: ServiceContext,
  id: string,
  body: RegisterBody,
): Promise<MyRegistration> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  const { platform } = ctx;
  const now = platform.now();
  const result = await registrationTransaction(platform, async (tx) => {
    await requireVisibleEvent(tx, ctx, id);
    const { event, rows } = await lockEvent(tx, org.id, id);
    const answers = answersFor(event.questions, body.answers);
    const participant = await repo.ensureMemberParticipant(tx, org.id, {
      userId: actor.userId,
      name: actor.name,
      email: actor.email,
    });
    const registrationId = randomUUID();
    const outcome = mustSucceed(
      register(targetOf(event), rows.map(repo.toRegistration), {
        registrationId,
        participantId: participant.id,
        now: now.toISOString(),
        by: "participant",
      }),
    );
    await applyRegistrationOutcome(
      tx,
      platform,
      await mailOrganisation(tx, org),
      event,
      outcome,
      new Set(rows.map((r) => r.id)),
      { extras: new Map([[registrationId, { answers }]]) },
    );
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "events.registered",
      entityType: "eventRegistration",
      entityId: registrationId,
      details: { eventId: id },
      ip: ctx.ip,
    });
    const after = await repo.listRegistrations(tx, [id]);
    const row = after.find((r) => r.id === registrationId);
    if (!row) throw new Error("registration missing");
    return presentMyRegistration(row, event, outcome.registrations, now);
  });
  platform.mailer.kick();
  return result;
}

export async function cancelOwn(ctx: ServiceContext, id: string): Promise<MyRegistration> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  const { platform } = ctx;
  const now = platform.now();
  const result = await platform.db.transaction(async (tx) => {
    await requireVisibleEvent(tx, ctx, id);
    const participant = await repo.findMemberParticipant(tx, org.id, actor.userId);
    const { event, rows } = await lockEvent(tx, org.id, id);
    const mine = participant
      ? rows.find(
          (r) => r.participantId === participant.id && (r.status === "confirmed" || r.status === "waiting"),
        )
      : undefined;
    if (!mine) throw new AppError("eventRegistrationNotActive", 409);
    const outcome = mustSucceed(
      cancelRegistration(targetOf(event), rows.map(repo.toRegistration), {
        registrationId: mine.id,
        now: now.toISOString(),
        by: "participant",
      }),
    );
    await applyRegistrationOutcome(
      tx,
      platform,
      await mailOrganisation(tx, org),
      event,
      outcome,
      new Set(rows.map((r) => r.id)),
    );
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "events.registrationCancelled",
      entityType: "eventRegistration",
      entityId: mine.id,
      details: { eventId: id, by: "participant" },
      ip: ctx.ip,
    });
    const row = (await repo.listRegistrations(tx, [id])).find((r) => r.id === mine.id);
    if (!row) throw new Error("registration missing");
    return presentMyRegistration(row, event, outcome.registrations, now);
  });
  platform.mailer.kick();
  return result;
}

export async function listMine(ctx: ServiceContext): Promise<MyRegistrations> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  const { db } = ctx.platform;
  const now = ctx.platform.now();
  const participant = await repo.findMemberParticipant(db, org.id, actor.userId);
  if (!participant) return { items: [] };
  const mine = await repo.listParticipantRegistrations(db, participant.id, now);
  const all = await repo.listRegistrations(
    db,
    mine.map((m) => m.event.id),
  );
  const items = mine
    .filter(({ registration, event }) => {
      const latest = latestOf(
        all.filter((r) => r.eventId === event.id && r.participantId === participant.id),
      );
      return latest?.id === registration.id;
    })
    .map(({ registration, event }) => {
      const ofEvent = all.filter((r) => r.eventId === event.id).map(repo.toRegistration);
      return {
        event: presentListItem(
          event,
          {
            confirmed: ofEvent.filter((r) => r.status === "confirmed").length,
            waiting: ofEvent.filter((r) => r.status === "waiting").length,
          },
          now,
          { showOnlineUrl: registration.status === "confirmed" },
        ),
        registration: presentMyRegistration(registration, event, ofEvent, now),
      };
    });
  return { items };
}

// ---------------------------------------------------------------------------------------------------------
// Staff and organisers

export async function listForEvent(ctx: ServiceContext, id: string): Promise<RegistrationList> {
  const { db } = ctx.platform;
  const event = await requireManagedEvent(db, ctx, id);
  const rows = await repo.listRegistrations(db, [event.id]);
  const registrations = rows.map(repo.toRegistration);
  const people = await repo.findParticipants(
    db,
    rows.map((r) => r.participantId),
  );
  return {
    event: presentListItem(
      event,
      {
        confirmed: registrations.filter((r) => r.status === "confirmed").length,
        waiting: registrations.filter((r) => r.status === "waiting").length,
      },
      ctx.platform.now(),
      { showOnlineUrl: true },
    ),
    questions: presentQuestions(event.questions),
    items: presentStaffRegistrations(rows, registrations, people, event.questions),
  };
}

/**
 * Staff register a member by hand: she called, or she came to the door (so after the start too, which the
 * core rule allows staff). Full dates put her on the waiting list like anyone. The answers she gave are
 * recorded; none is required here, since staff may not know them. She gets the usual mail.
 */
export async function registerByStaff(
  ctx: ServiceContext,
  id: string,
  body: StaffRegisterBody,
): Promise<StaffRegistration> {
  const org = eventOrgOf(ctx);
  const { platform } = ctx;
  const now = platform.now();
  const result = await registrationTransaction(platform, async (tx) => {
    await requireManagedEvent(tx, ctx, id);
    const member = await repo.findMember(tx, org.id, body.userId);
    if (!member) throw fieldError("userId", "eventNotAMember");
    const { event, rows } = await lockEvent(tx, org.id, id);
    const answers = answersFor(
      event.questions.map((q) => ({ ...q, required: false })),
      body.answers,
    );
    const participant = await repo.ensureMemberParticipant(tx, org.id, member);
    const registrationId = randomUUID();
    const outcome = mustSucceed(
      register(targetOf(event), rows.map(repo.toRegistration), {
        registrationId,
        participantId: participant.id,
        now: now.toISOString(),
        by: "staff",
      }),
    );
    await applyRegistrationOutcome(
      tx,
      platform,
      await mailOrganisation(tx, org),
      event,
      outcome,
      new Set(rows.map((r) => r.id)),
      { extras: new Map([[registrationId, { answers }]]) },
    );
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "events.registered",
      entityType: "eventRegistration",
      entityId: registrationId,
      details: { eventId: id, by: "staff", userId: member.userId },
      ip: ctx.ip,
    });
    return staffRegistrationOf(tx, event, registrationId);
  }).catch((error: unknown) => {
    // The rule speaks to the person herself; staff registering someone else read it about her.
    if (error instanceof AppError && error.code === "eventAlreadyRegistered")
      throw new AppError("eventPersonAlreadyRegistered", 409);
    throw error;
  });
  platform.mailer.kick();
  return result;
}

async function staffRegistrationOf(tx: Executor, event: repo.EventRow, registrationId: string) {
  const rows = await repo.listRegistrations(tx, [event.id]);
  const people = await repo.findParticipants(
    tx,
    rows.map((r) => r.participantId),
  );
  const item = presentStaffRegistrations(rows, rows.map(repo.toRegistration), people, event.questions).find(
    (r) => r.id === registrationId,
  );
  if (!item) throw notFound();
  return item;
}

export async function cancelByStaff(
  ctx: ServiceContext,
  id: string,
  registrationId: string,
  body: StaffCancelRegistrationBody,
): Promise<StaffRegistration> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  const { platform } = ctx;
  const result = await platform.db.transaction(async (tx) => {
    await requireManagedEvent(tx, ctx, id);
    const { event, rows } = await lockEvent(tx, org.id, id);
    const outcome = mustSucceed(
      cancelRegistration(targetOf(event), rows.map(repo.toRegistration), {
        registrationId,
        now: platform.now().toISOString(),
        by: "staff",
      }),
    );
    await applyRegistrationOutcome(
      tx,
      platform,
      await mailOrganisation(tx, org),
      event,
      outcome,
      new Set(rows.map((r) => r.id)),
      {
        cancelMail: "staff",
        reason: body.reason,
        extras: new Map([[registrationId, { endedReason: body.reason || null }]]),
      },
    );
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "events.registrationCancelled",
      entityType: "eventRegistration",
      entityId: registrationId,
      details: { eventId: id, by: "staff", reason: body.reason },
      ip: ctx.ip,
    });
    return staffRegistrationOf(tx, event, registrationId);
  });
  platform.mailer.kick();
  return result;
}

/** The organisers tick who came; only people with a place are on the list. */
export async function recordAttendance(
  ctx: ServiceContext,
  id: string,
  registrationId: string,
  body: AttendanceInput,
): Promise<StaffRegistration> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    const event = await requireManagedEvent(tx, ctx, id);
    const rows = await repo.listRegistrations(tx, [event.id]);
    const row = rows.find((r) => r.id === registrationId);
    if (!row) throw notFound();
    if (row.status !== "confirmed") throw new AppError("eventRegistrationNotActive", 409);
    await repo.setAttendance(tx, registrationId, body.attended);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "events.attendanceRecorded",
      entityType: "eventRegistration",
      entityId: registrationId,
      details: { eventId: id, attended: body.attended },
      ip: ctx.ip,
    });
    return staffRegistrationOf(tx, event, registrationId);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Guests

/**
 * A guest asks for a place at a public date: the request is stored and a single-use link mailed; the place
 * comes only with the click (as for courses, ADR 0008). Whatever happens after the checks a person could
 * correct (a machine filled in the hidden field, the address has enough open links), the answer is the same.
 */
export async function requestGuestRegistration(
  ctx: ServiceContext,
  id: string,
  body: GuestRegisterBody,
): Promise<void> {
  const org = eventOrgOf(ctx);
  const { platform } = ctx;
  const now = platform.now();
  const event = await repo.findEvent(platform.db, org.id, id);
  if (!event || !seesEvent(event.audience, { roles: null, isOrganiser: false })) throw notFound();
  if (event.status === "cancelled") throw new AppError("eventCancelled", 409);
  if (!isRegistrationOpen(targetOf(event), now.toISOString()))
    throw new AppError("eventRegistrationClosed", 409);
  if (!event.guestsAllowed) throw new AppError("eventGuestsNotAllowed", 409);
  const answers = answersFor(event.questions, body.answers);
  if (isRobot(body)) return;
  const link = repo.guestRequestLinks.issue(now);
  const isQueued = await platform.db.transaction(async (tx) => {
    if (!(await repo.hasRoomForGuestRequest(tx, event.id, body.email, now))) return false;
    await repo.insertGuestRequest(tx, {
      organisationId: org.id,
      eventId: event.id,
      name: body.name,
      email: body.email,
      locale: ctx.locale,
      answers,
      tokenHash: link.tokenHash,
      expiresAt: link.expiresAt,
      createdAt: now,
    });
    const mail = composeMail(
      ctx.locale,
      "eventGuestConfirm",
      {
        name: body.name,
        event: event.title,
        organisation: org.name,
        when: formatWhen(event, ctx.locale),
        hours: repo.GUEST_LINK_HOURS,
      },
      `${platform.env.PUBLIC_URL}/termine/bestaetigen/${link.token}`,
    );
    await platform.mailer.queue(tx, { to: body.email, organisationId: org.id, ...mail });
    return true;
  });
  if (isQueued) platform.mailer.kick();
}

async function guestView(
  db: Executor,
  org: MailOrganisation,
  event: repo.EventRow,
  registrationId: string,
  name: string,
  now: Date,
): Promise<GuestRegistrationView> {
  const rows = await repo.listRegistrations(db, [event.id]);
  const row = rows.find((r) => r.id === registrationId);
  if (!row) throw new AppError("tokenInvalid", 404);
  const registrations = rows.map(repo.toRegistration);
  const mine = presentMyRegistration(row, event, registrations, now);
  return {
    status: row.status,
    waitingPosition: mine.waitingPosition,
    canCancel: mine.canCancel,
    name,
    organisationName: org.name,
    organisationSlug: org.slug,
    event: presentListItem(
      event,
      {
        confirmed: registrations.filter((r) => r.status === "confirmed").length,
        waiting: registrations.filter((r) => r.status === "waiting").length,
      },
      now,
      { showOnlineUrl: row.status === "confirmed" },
    ),
  };
}

async function organisationOf(db: Executor, id: string): Promise<MailOrganisation> {
  const [summary] = await findOrganisationSummaries(db, [id]);
  if (!summary) throw new AppError("tokenInvalid", 404);
  return { id: summary.id, slug: summary.slug, name: summary.name, email: summary.email };
}

/** The guest clicked the link: she registers with the click's time; her own link to the registration is new. */
export async function confirmGuest(ctx: ServiceContext, token: string): Promise<GuestRegistrationConfirmed> {
  const { platform } = ctx;
  const now = platform.now();
  const result = await registrationTransaction(platform, async (tx) => {
    const request = await repo.guestRequestLinks.consume(tx, token, now);
    const org = await organisationOf(tx, request.organisationId);
    const { event, rows } = await lockEvent(tx, org.id, request.eventId);
    if (!event.guestsAllowed || event.audience !== "public") throw new AppError("eventGuestsNotAllowed", 409);
    const participant = await repo.ensureGuestParticipant(tx, org.id, {
      name: request.name,
      email: request.email,
      locale: request.locale,
    });
    const registrationId = randomUUID();
    const outcome = mustSucceed(
      register(targetOf(event), rows.map(repo.toRegistration), {
        registrationId,
        participantId: participant.id,
        now: now.toISOString(),
        by: "participant",
      }),
    );
    const manageToken = randomToken();
    await applyRegistrationOutcome(tx, platform, org, event, outcome, new Set(rows.map((r) => r.id)), {
      extras: new Map([
        [registrationId, { answers: request.answers, manageTokenHash: hashToken(manageToken) }],
      ]),
      guestTokens: new Map([[registrationId, manageToken]]),
    });
    await repo.setGuestRequestRegistration(tx, request.id, registrationId);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: null,
      action: "events.guestConfirmed",
      entityType: "eventRegistration",
      entityId: registrationId,
      details: { eventId: event.id, participantId: participant.id },
      ip: ctx.ip,
    });
    return { ...(await guestView(tx, org, event, registrationId, participant.name, now)), manageToken };
  });
  platform.mailer.kick();
  return result;
}

async function findByManageToken(db: Executor, token: string) {
  const row = await repo.findRegistrationByManageHash(db, hashToken(token));
  if (!row) throw new AppError("tokenInvalid", 404);
  const event = await repo.findEventById(db, row.eventId);
  if (!event) throw new AppError("tokenInvalid", 404);
  const people = await repo.findParticipants(db, [row.participantId]);
  return { row, event, name: people.get(row.participantId)?.name ?? "" };
}

export async function viewGuestRegistration(
  ctx: ServiceContext,
  token: string,
): Promise<GuestRegistrationView> {
  const { db } = ctx.platform;
  const { row, event, name } = await findByManageToken(db, token);
  return guestView(
    db,
    await organisationOf(db, event.organisationId),
    event,
    row.id,
    name,
    ctx.platform.now(),
  );
}

export async function cancelGuestRegistration(
  ctx: ServiceContext,
  token: string,
): Promise<GuestRegistrationView> {
  const { platform } = ctx;
  const now = platform.now();
  const result = await platform.db.transaction(async (tx) => {
    const found = await findByManageToken(tx, token);
    const org = await organisationOf(tx, found.event.organisationId);
    const { event, rows } = await lockEvent(tx, org.id, found.event.id);
    const outcome = mustSucceed(
      cancelRegistration(targetOf(event), rows.map(repo.toRegistration), {
        registrationId: found.row.id,
        now: now.toISOString(),
        by: "participant",
      }),
    );
    await applyRegistrationOutcome(tx, platform, org, event, outcome, new Set(rows.map((r) => r.id)));
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: null,
      action: "events.registrationCancelled",
      entityType: "eventRegistration",
      entityId: found.row.id,
      details: { eventId: event.id, by: "guest" },
      ip: ctx.ip,
    });
    return guestView(tx, org, event, found.row.id, found.name, now);
  });
  platform.mailer.kick();
  return result;
}
