import type {
  AccountCertificate,
  AccountListQuery,
  AccountSummary,
  ExternalCertificateDto,
  InvitationBody,
  PersonRef,
  TrainingAccountDto,
} from "../../../contracts/training-account";
import type { StateRules } from "../../../core/organisations/presets";
import { compareDates } from "../../../core/shared/dates";
import { type QhbPhaseInput, qhbProgress, trainingAccount } from "../../../core/training/account";
import {
  type AttendanceRecord,
  summariseAttendance,
  summarisePractice,
} from "../../../core/training/attendance";
import {
  audiencesOpenTo,
  type BookerKind,
  type CourseCategory,
  categoryDefaults,
} from "../../../core/training/catalogue";
import {
  type CountedCertificate,
  certificateState,
  certificateValidUntil,
  countingCertificates,
  latestCertificate,
} from "../../../core/training/certificates";
import { writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import { formatGermanDate } from "../../platform/csv";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { composeMail } from "../../platform/mail/mailer";
import type { ServiceContext } from "../../platform/types";
import { findTrainingRegistryPeople, type TrainingRegistryPerson } from "../caregivers/caregivers.queries";
import { runUrl, toCoreExternal, toCoreInternal } from "./account.queries";
import * as repo from "./account.repository";
import { mailLocales, todayOf, trainingOrgOf } from "./training.context";

/** The organisation of a request that passed an organisation permission. */
/** An upload as she and the office see it; the file itself is fetched from its own route. */
export function presentExternal(row: repo.ExternalRow): ExternalCertificateDto {
  return {
    id: row.id,
    category: row.category,
    provider: row.provider,
    title: row.title,
    units: row.units,
    completedOn: row.completedOn,
    status: row.status,
    hasFile: row.fileId !== null,
    uploadedAt: row.createdAt.toISOString(),
    reviewedOn: row.reviewedOn,
    validUntil: row.validUntil,
    countsTowardsObligation: row.countsTowardsObligation,
    rejectionReason: row.rejectionReason,
  };
}

/** A day-care person as the account sees her: her registry record, her participant record, or both. */
export interface Subject {
  ref: PersonRef | null;
  name: string;
  email: string | null;
  registry: TrainingRegistryPerson | null;
  participant: repo.ParticipantRow | null;
}

const fullName = (p: Pick<TrainingRegistryPerson, "firstName" | "lastName">) =>
  `${p.firstName} ${p.lastName}`;

/** The certificates that hold her figures: issued internal, accepted external, and all her uploads. */
interface CertificateData {
  internal: repo.InternalCertificateRow[];
  externals: repo.ExternalRow[];
}

const REGISTRY_CATEGORY = {
  firstAid: "firstAidChildren",
  infectionProtection: "infectionProtection",
} as const satisfies Record<string, CourseCategory>;

/**
 * Her certificates as the account lists them: the counting ones, plus first aid and infection protection the
 * registry holds without a certificate here (entered by hand), so the account and the deadline board agree.
 * The registry entry a certificate created itself (same category and date) is not listed twice.
 */
function listedCertificates(
  data: CertificateData,
  registry: TrainingRegistryPerson | null,
  rules: StateRules,
  today: string,
): { counted: CountedCertificate[]; listed: AccountCertificate[] } {
  const counted = countingCertificates(data.internal.map(toCoreInternal), data.externals.map(toCoreExternal));
  const titles = new Map<string, { title: string; provider: string | null }>();
  for (const c of data.internal) titles.set(c.id, { title: c.courseTitle, provider: null });
  for (const c of data.externals) titles.set(c.id, { title: c.title, provider: c.provider });
  type Listed = Omit<CountedCertificate, "source"> & {
    source: AccountCertificate["source"];
    title: string;
    provider: string | null;
  };
  const all: Listed[] = counted.map((c) => ({
    ...c,
    ...(titles.get(c.id) ?? { title: "", provider: null }),
  }));
  for (const record of registry?.refreshers ?? []) {
    const category = REGISTRY_CATEGORY[record.kind];
    if (all.some((c) => c.category === category && c.completedOn === record.completedOn)) continue;
    const defaults = categoryDefaults(category, rules);
    all.push({
      id: `registry:${record.kind}:${record.completedOn}`,
      source: "registry",
      category,
      completedOn: record.completedOn,
      validUntil: certificateValidUntil(record.completedOn, defaults.validityMonths),
      units: 0,
      countsTowardsObligation: false,
      title: record.title,
      provider: null,
    });
  }
  all.sort((a, b) => compareDates(b.completedOn, a.completedOn) || a.id.localeCompare(b.id));
  const latestIds = new Set<string>();
  for (const category of new Set(all.map((c) => c.category))) {
    const latest = latestCertificate(all, category);
    if (latest) latestIds.add(latest.id);
  }
  const listed = all.map((c) => {
    const state = certificateState(
      { validUntil: c.validUntil, status: "issued" },
      today,
      rules.reminderLeadDays,
    );
    return {
      id: c.id,
      source: c.source,
      category: c.category,
      title: c.title,
      provider: c.provider,
      units: c.units,
      completedOn: c.completedOn,
      validUntil: c.validUntil,
      countsTowardsObligation: c.countsTowardsObligation,
      state: state as AccountCertificate["state"],
      isLatest: latestIds.has(c.id),
    };
  });
  return { counted, listed };
}

/** QHB progress from her runs of both phases. */
async function qhbOf(
  db: Executor,
  org: OrganisationScope,
  participant: repo.ParticipantRow | null,
  counted: readonly CountedCertificate[],
  licenceValidFrom: string | null,
  today: string,
) {
  const empty = (): QhbPhaseInput => ({
    attendance: [],
    practice: summarisePractice([]),
    assessments: [],
  });
  const phases = { qhbPhase1: empty(), qhbPhase2: empty() };
  if (participant) {
    const runs = await repo.listQhbRuns(db, org.id, participant.id);
    if (runs.length > 0) {
      const attendance: AttendanceRecord[] = (await repo.listAttendanceOf(db, org.id, participant.id)).map(
        (r) => ({ ...r }),
      );
      const practice = await repo.listPracticeOf(db, org.id, participant.id);
      const assessments = await repo.listAssessmentsOf(db, org.id, participant.id);
      for (const category of ["qhbPhase1", "qhbPhase2"] as const) {
        const ofPhase = runs.filter((r) => r.category === category);
        const courseIds = new Set(ofPhase.map((r) => r.courseId));
        phases[category] = {
          attendance: ofPhase.map((run) =>
            summariseAttendance(run.sessions, attendance, participant.id, today),
          ),
          practice: summarisePractice(practice.filter((p) => courseIds.has(p.courseId))),
          assessments: assessments.filter((a) => courseIds.has(a.courseId)),
        };
      }
    }
  }
  return qhbProgress(
    { phase1: phases.qhbPhase1, phase2: phases.qhbPhase2, certificates: counted, licenceValidFrom },
    org.rules,
  );
}

async function certificatesOf(db: Executor, org: OrganisationScope, participantIds: readonly string[]) {
  return {
    internal: await repo.listIssuedCertificates(db, org.id, participantIds),
    externals: await repo.listExternals(db, org.id, { participantIds }),
  };
}

/** The account of one person, as of today. */
export async function buildAccount(
  db: Executor,
  org: OrganisationScope,
  subject: Subject,
  today: string,
): Promise<TrainingAccountDto> {
  const data = subject.participant
    ? await certificatesOf(db, org, [subject.participant.id])
    : { internal: [], externals: [] };
  const { counted, listed } = listedCertificates(data, subject.registry, org.rules, today);
  const licences = subject.registry?.licences ?? [];
  const account = trainingAccount({ licences, certificates: counted }, org.rules, today);
  // The registry counts the QHB phase 2 deadline from the latest licence; the account says the same date.
  const latestLicence = [...licences].sort((a, b) => compareDates(b.validTo, a.validTo))[0] ?? null;
  const qhb = await qhbOf(db, org, subject.participant, counted, latestLicence?.validFrom ?? null, today);
  return {
    person: { ref: subject.ref, name: subject.name, isInRegistry: subject.registry !== null },
    today,
    obligation: {
      mode: account.mode,
      unitsPerYear: org.rules.trainingUnitsPerYear,
      unitsPerLicencePeriod: org.rules.trainingUnitsPerLicencePeriod,
      maxCarryOverUnits: org.rules.maxCarryOverUnits,
    },
    licences,
    account: {
      years: account.years,
      periods: account.periods,
      currentYear: account.currentYear,
      currentPeriod: account.currentPeriod,
      overdueUnits: account.overdueUnits,
      expectedByTodayUnits: account.expectedByTodayUnits,
      isBehind: account.isBehind,
    },
    qhb,
    certificates: listed,
    uploads: [...data.externals].reverse().map(presentExternal),
  };
}

/** The signed-in member's own account: through her registry record and her participant record. */
export async function ownSubject(db: Executor, ctx: ServiceContext): Promise<Subject> {
  const org = trainingOrgOf(ctx);
  const actor = ctx.actor;
  if (!actor) throw new AppError("unauthenticated", 401);
  const [registry] = await findTrainingRegistryPeople(db, org.id, { userIds: [actor.userId] });
  const [participant] = await repo.findParticipantsOfUsers(db, org.id, [actor.userId]);
  return {
    ref: registry
      ? { kind: "caregiver", id: registry.id }
      : participant
        ? { kind: "participant", id: participant.id }
        : null,
    name: registry ? fullName(registry) : (participant?.name ?? actor.name),
    email: registry?.email ?? participant?.email ?? actor.email,
    registry: registry ?? null,
    participant: participant ?? null,
  };
}

/** A person of the organisation by reference; another organisation's person is "not found". */
export async function subjectOf(db: Executor, org: OrganisationScope, ref: PersonRef): Promise<Subject> {
  if (ref.kind === "caregiver") {
    const [registry] = await findTrainingRegistryPeople(db, org.id, { ids: [ref.id] });
    if (!registry) throw notFound();
    const [participant] = registry.userId
      ? await repo.findParticipantsOfUsers(db, org.id, [registry.userId])
      : [];
    return {
      ref,
      name: fullName(registry),
      email: registry.email ?? participant?.email ?? null,
      registry,
      participant: participant ?? null,
    };
  }
  const participant = await repo.findParticipant(db, org.id, ref.id);
  if (!participant) throw notFound();
  const [registry] = participant.userId
    ? await findTrainingRegistryPeople(db, org.id, { userIds: [participant.userId] })
    : [];
  // Someone in the registry is always reached through it, so one person never has two addresses.
  if (registry) return subjectOf(db, org, { kind: "caregiver", id: registry.id });
  return { ref, name: participant.name, email: participant.email, registry: null, participant };
}

export async function getMyAccount(ctx: ServiceContext): Promise<TrainingAccountDto> {
  const db = ctx.platform.db;
  return buildAccount(db, trainingOrgOf(ctx), await ownSubject(db, ctx), todayOf(ctx));
}

export async function getAccount(ctx: ServiceContext, ref: PersonRef): Promise<TrainingAccountDto> {
  const db = ctx.platform.db;
  const org = trainingOrgOf(ctx);
  return buildAccount(db, org, await subjectOf(db, org, ref), todayOf(ctx));
}

/**
 * Everyone whose training the organisation follows: the registry's day-care persons who have not left, and
 * members with a day-care role who are not in the registry (in an association, usually all of them).
 */
export async function listSubjects(db: Executor, org: OrganisationScope): Promise<Subject[]> {
  const registry = await findTrainingRegistryPeople(db, org.id);
  const members = await repo.listDayCareParticipants(db, org.id);
  const linkedUsers = new Set(registry.map((r) => r.userId).filter((id): id is string => id !== null));
  const participantsOfRegistry = await repo.findParticipantsOfUsers(db, org.id, [...linkedUsers]);
  const participantOfUser = new Map(participantsOfRegistry.map((p) => [p.userId, p]));
  const subjects: Subject[] = registry.map((r) => {
    const participant = r.userId ? (participantOfUser.get(r.userId) ?? null) : null;
    return {
      ref: { kind: "caregiver", id: r.id },
      name: fullName(r),
      email: r.email ?? participant?.email ?? null,
      registry: r,
      participant,
    };
  });
  for (const p of members) {
    if (p.userId && linkedUsers.has(p.userId)) continue;
    subjects.push({
      ref: { kind: "participant", id: p.id },
      name: p.name,
      email: p.email,
      registry: null,
      participant: p,
    });
  }
  return subjects.sort(
    (a, b) => a.name.localeCompare(b.name, "de") || (a.ref?.id ?? "").localeCompare(b.ref?.id ?? ""),
  );
}

function matchesCertificateFilter(
  summary: AccountSummary,
  category: CourseCategory | undefined,
  filter: AccountListQuery["certificate"],
): boolean {
  if (!filter) return true;
  const states = category
    ? [summary.certificates.find((c) => c.category === category)?.state ?? "missing"]
    : summary.certificates.map((c) => c.state);
  switch (filter) {
    case "missing":
      return states.includes("missing");
    case "expired":
      return states.includes("expired");
    case "expiring":
      return states.includes("expiresSoon");
    case "notValid":
      return states.includes("missing") || states.includes("expired");
  }
}

/** Who is behind: every day-care person with her account in figures, filtered. */
export async function listAccounts(
  ctx: ServiceContext,
  query: AccountListQuery,
): Promise<{ items: AccountSummary[]; today: string }> {
  const db = ctx.platform.db;
  const org = trainingOrgOf(ctx);
  const today = todayOf(ctx);
  const subjects = await listSubjects(db, org);
  const participantIds = subjects.flatMap((s) => (s.participant ? [s.participant.id] : []));
  const all = await certificatesOf(db, org, participantIds);
  const needle = query.q?.toLocaleLowerCase("de");
  const items: AccountSummary[] = [];
  for (const subject of subjects) {
    if (!subject.ref) continue;
    if (needle && !subject.name.toLocaleLowerCase("de").includes(needle)) continue;
    const pid = subject.participant?.id;
    const data = {
      internal: all.internal.filter((c) => c.participantId === pid),
      externals: all.externals.filter((c) => c.participantId === pid),
    };
    const { counted, listed } = listedCertificates(data, subject.registry, org.rules, today);
    const account = trainingAccount(
      { licences: subject.registry?.licences ?? [], certificates: counted },
      org.rules,
      today,
    );
    const current = account.mode === "licencePeriod" ? account.currentPeriod : account.currentYear;
    const binding = current && (account.mode === "licencePeriod" || account.currentYear?.isBinding);
    const summary: AccountSummary = {
      ref: subject.ref,
      name: subject.name,
      hasEmail: subject.email !== null,
      isInRegistry: subject.registry !== null,
      mode: account.mode,
      heldUnits: binding ? current.earnedUnits + current.carriedInUnits : null,
      requiredUnits: binding ? current.requiredUnits : null,
      shortfallUnits: binding ? current.shortfallUnits : 0,
      expectedByTodayUnits: account.expectedByTodayUnits,
      overdueUnits: account.overdueUnits,
      isBehind: account.isBehind,
      isPaused: subject.registry?.status === "paused",
      certificates: listed
        .filter((c) => c.isLatest)
        .map((c) => ({ category: c.category, state: c.state, validUntil: c.validUntil })),
      pendingUploads: data.externals.filter((e) => e.status === "pending").length,
    };
    const chased = !summary.isPaused;
    if (query.overdue && (!chased || summary.overdueUnits === 0)) continue;
    if (query.shortfall && (!chased || (summary.shortfallUnits === 0 && summary.overdueUnits === 0)))
      continue;
    if (query.behind && (!chased || !summary.isBehind)) continue;
    if (!matchesCertificateFilter(summary, query.category, query.certificate)) continue;
    items.push(summary);
  }
  return { items, today };
}

/** Published runs after today that a group can be invited to. */
export async function listInvitableRuns(ctx: ServiceContext, category: CourseCategory | undefined) {
  const runs = await repo.listUpcomingRuns(ctx.platform.db, trainingOrgOf(ctx).id, todayOf(ctx), {
    category,
  });
  return runs.map(({ audience: _audience, ...run }) => run);
}

/**
 * Mails each selected person a direct link to the run's page, where she books herself: an invitation, not a
 * booking, so nobody holds a place she did not ask for. People without an e-mail address are reported back.
 */
export async function inviteToRun(
  ctx: ServiceContext,
  body: InvitationBody,
): Promise<{
  sent: number;
  withoutEmail: { ref: PersonRef; name: string }[];
  notAdmitted: { ref: PersonRef; name: string }[];
}> {
  const org = trainingOrgOf(ctx);
  const today = todayOf(ctx);
  const result = await ctx.platform.db.transaction(async (tx) => {
    const [run] = await repo.listUpcomingRuns(tx, org.id, today, { id: body.runId });
    if (!run) throw fieldError("runId", "runNotInvitable");
    const seen = new Set<string>();
    const subjects: Subject[] = [];
    for (const ref of body.people) {
      const subject = await subjectOf(tx, org, ref);
      const key = `${subject.ref?.kind}:${subject.ref?.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      subjects.push(subject);
    }
    const withoutEmail: { ref: PersonRef; name: string }[] = [];
    const notAdmitted: { ref: PersonRef; name: string }[] = [];
    let sent = 0;
    const localeOf = await mailLocales(
      tx,
      subjects.map((subject) => ({
        userId: subject.registry?.userId ?? subject.participant?.userId ?? null,
        locale: subject.participant?.locale ?? "de",
      })),
    );
    const dates =
      run.startsOn === run.endsOn
        ? formatGermanDate(run.startsOn)
        : `${formatGermanDate(run.startsOn)} – ${formatGermanDate(run.endsOn)}`;
    for (const subject of subjects) {
      if (!subject.email) {
        if (subject.ref) withoutEmail.push({ ref: subject.ref, name: subject.name });
        continue;
      }
      // The people followed here are day-care persons; without an account one can book only as a guest.
      const userId = subject.registry?.userId ?? subject.participant?.userId ?? null;
      const booker: BookerKind = userId ? "caregiver" : "guest";
      if (!audiencesOpenTo(booker).includes(run.audience)) {
        if (subject.ref) notAdmitted.push({ ref: subject.ref, name: subject.name });
        continue;
      }
      const link = runUrl(ctx.platform.env.PUBLIC_URL, org.slug, run.id, booker);
      const mail = composeMail(
        localeOf({ userId, locale: subject.participant?.locale ?? "de" }),
        body.note ? "trainingInvitationWithNote" : "trainingInvitation",
        {
          name: subject.name,
          organisation: org.name,
          course: run.title,
          dates,
          freePlaces: run.freePlaces,
          note: body.note,
        },
        link,
      );
      await ctx.platform.mailer.queue(tx, { to: subject.email, organisationId: org.id, ...mail });
      sent++;
    }
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "training.accountsInvited",
      entityType: "trainingCourse",
      entityId: run.id,
      details: {
        people: subjects.flatMap((s) => (s.ref ? [s.ref] : [])),
        sent,
        withoutEmail: withoutEmail.length,
        notAdmitted: notAdmitted.length,
        hasNote: body.note !== "",
      },
      ip: ctx.ip,
    });
    return { sent, withoutEmail, notAdmitted };
  });
  ctx.platform.mailer.kick();
  return result;
}
