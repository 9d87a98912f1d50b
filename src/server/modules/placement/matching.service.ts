import {
  type AnswerOfferBody,
  activeStatuses,
  OFFER_DAYS,
  type OfferBody,
  type ParentSuggestionsResponse,
  type RankingBody,
  SETTLING_IN_DAYS,
  type SendSuggestionsBody,
  type SuggestionsResponse,
  type VisitBody,
} from "../../../contracts/placement";
import type { SubstitutionSummary } from "../../../contracts/substitution-models";
import {
  type CanTakeChildResult,
  type ContractTimes,
  canTakeChild,
  minutesToHhmm,
} from "../../../core/caregivers/capacity";
import {
  describeCareTimes,
  sortCareTimes,
  toTimeRange,
  validateCareTimes,
} from "../../../core/placement/requests";
import {
  judgeCandidate,
  type Suggestion,
  type SuggestionCandidate,
  type SuggestionMiss,
  type SuggestionRules,
  suggestCaregivers,
} from "../../../core/placement/suggestions";
import { addDays } from "../../../core/shared/dates";
import { writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import type { StoredFile } from "../../platform/files/files";
import { translator } from "../../platform/i18n";
import { composeMail } from "../../platform/mail/mailer";
import type { ServiceContext } from "../../platform/types";
import {
  findPlacementCaregivers,
  lockPlacementCaregiver,
  type PlacementCaregiverFacts,
  readConsentedPhoto,
} from "../caregivers/caregivers.queries";
import { findUserLocales } from "../identity/identity.queries";
import { findSubstitutionSummaries } from "../substitution/substitution.queries";
import { caregiverNameOf, presentOffer } from "./placement.presenter";
import * as repo from "./placement.repository";
import {
  actorOf,
  changeStatus,
  formatDate,
  officeOf,
  queueOfficeMail,
  readNeeds,
  requireOwn,
  requireRequest,
  todayOf,
} from "./placement.service";

/** The state's weekly limit: NRW counts contracts, Schleswig-Holstein children; both cap the same thing here. */
export function rulesOf(org: OrganisationScope): SuggestionRules {
  return { maxContractsPerWeek: org.rules.maxContractsPerWeek ?? org.rules.maxChildrenPerWeek };
}

/** A contract as core/caregivers counts it. */
export function contractTimesOf(row: Pick<repo.ContractRow, "start" | "end" | "careTimes">): ContractTimes {
  return { start: row.start, end: row.end, times: row.careTimes.flatMap((time) => toTimeRange(time) ?? []) };
}

export function candidateOf(
  person: PlacementCaregiverFacts,
  contracts: readonly repo.ContractRow[],
): SuggestionCandidate {
  return {
    id: person.id,
    location: person.lat !== null && person.lon !== null ? { lat: person.lat, lon: person.lon } : null,
    ageMonths: { min: person.ageMinMonths, max: person.ageMaxMonths },
    hasInclusionExperience: person.hasInclusionExperience,
    hasPets: person.hasPets,
    languages: person.languages,
    licences: person.licences,
    profiles: person.profiles,
    contracts: contracts.filter((c) => c.caregiverId === person.id).map(contractTimesOf),
  };
}

/**
 * Judges the organisation's caregivers for a request. The needs say whether the child needs inclusion, so
 * they are decrypted here, only for this, and the read is audited like any other read of them.
 */
export async function judgeForRequest(
  tx: Executor,
  ctx: ServiceContext,
  org: OrganisationScope,
  row: repo.RequestRow,
  /** The organisation's caregivers and contracts, when the caller judges many requests in one go. */
  loaded?: { people: PlacementCaregiverFacts[]; contracts: repo.ContractRow[] },
) {
  const needs = readNeeds(ctx.platform, row.needsEncrypted);
  if (needs) {
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "placement.needsRead",
      entityType: "placementRequest",
      entityId: row.id,
      details: { sensitive: true, purpose: "suggestions" },
      ip: ctx.ip,
    });
  }
  // One after the other: a transaction is one connection, and pg does not run statements on it in parallel.
  const people = loaded?.people ?? (await findPlacementCaregivers(tx, org.id));
  const contracts = loaded?.contracts ?? (await repo.listContracts(tx, org.id));
  const sent = await repo.listSuggestions(tx, org.id, row.id);
  const request = {
    id: row.id,
    location: { lat: row.lat, lon: row.lon },
    childBirthDate: row.childBirthDate,
    wantedStart: row.wantedStart,
    careTimes: row.careTimes,
    maxDistanceKm: row.maxDistanceKm,
    needsInclusion: needs?.hasInclusionNeed ?? false,
    noPets: row.noPets,
    languages: row.languages,
  };
  const rules = rulesOf(org);
  const ranked = suggestCaregivers(
    request,
    people.map((p) => candidateOf(p, contracts)),
    rules,
  );
  // A caregiver sent before who no longer fits (or has paused since) is still judged and listed, so the
  // office sees why.
  const listed = new Set(ranked.map((s) => s.caregiverId));
  const known = new Set(people.map((p) => p.id));
  const paused = await findPlacementCaregivers(
    tx,
    org.id,
    sent.map((s) => s.caregiverId).filter((id) => !known.has(id)),
  );
  const stillSent = [...people, ...paused]
    .filter((p) => !listed.has(p.id) && sent.some((s) => s.caregiverId === p.id))
    .map((p) => judgeCandidate(request, candidateOf(p, contracts), rules));
  const byId = new Map([...people, ...paused].map((p) => [p.id, p]));
  return { judged: [...ranked, ...stillSent], byId, sent };
}

function distanceOf(suggestion: Suggestion): number {
  return suggestion.score.distanceKm;
}

/**
 * The caregivers who can take the child (and the near misses), ranked, each with what fits and what does
 * not, and the offers made so far.
 */
export async function getSuggestions(ctx: ServiceContext, id: string): Promise<SuggestionsResponse> {
  const org = officeOf(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    const row = await requireRequest(tx, ctx, id);
    const { judged, byId, sent } = await judgeForRequest(tx, ctx, org, row);
    const sentBy = new Map(sent.map((s) => [s.caregiverId, s]));
    const offers = await repo.listOffers(tx, org.id, id);
    return {
      suggestions: judged.map((s) => {
        const person = byId.get(s.caregiverId) as PlacementCaregiverFacts;
        const record = sentBy.get(s.caregiverId);
        return {
          caregiverId: s.caregiverId,
          firstName: person.firstName,
          lastName: person.lastName,
          town: person.town,
          distanceKm: distanceOf(s),
          fits: s.fits,
          matches: s.matches,
          misses: s.misses,
          sentAt: record?.sentAt.toISOString() ?? null,
          parentRank: record?.parentRank ?? null,
          visitedOn: record?.visitedOn ?? null,
        };
      }),
      offers: offers.map((o) => presentOffer(o, byId.get(o.caregiverId))),
    };
  });
}

/**
 * Sends chosen caregivers to the family: each must be among those judged for the request right now (a fit or
 * a near miss the office decided to propose anyway). The request becomes "suggested", with a history entry
 * and a mail to the parents.
 */
export async function sendSuggestions(
  ctx: ServiceContext,
  id: string,
  input: SendSuggestionsBody,
): Promise<SuggestionsResponse> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  await platform.db.transaction(async (tx) => {
    const row = await repo.lockRequest(tx, org.id, id);
    if (!row) throw notFound();
    if (row.status !== "open" && row.status !== "suggested") throw new AppError("requestClosed", 409);
    const { judged } = await judgeForRequest(tx, ctx, org, row);
    const byId = new Map(judged.map((s) => [s.caregiverId, s]));
    const chosen = [...new Set(input.caregiverIds)];
    const unknown = chosen.findIndex((caregiverId) => !byId.has(caregiverId));
    if (unknown >= 0) throw fieldError(`caregiverIds.${unknown}`, "suggestionUnknown");
    const now = platform.now();
    const added = await repo.insertSuggestions(
      tx,
      org.id,
      chosen.map((caregiverId) => ({
        requestId: id,
        caregiverId,
        sentAt: now,
        sentByUserId: actorOf(ctx).userId,
        distanceKm: distanceOf(byId.get(caregiverId) as Suggestion),
      })),
    );
    // All of them were sent before: nothing new to tell the family.
    if (added.length === 0) return;
    await changeStatus(tx, ctx, org, row, {
      to: "suggested",
      actor: { kind: "staff", userId: actorOf(ctx).userId },
      reason: "suggestionsSent",
      note: input.note,
      auditDetails: { caregiverIds: added.map((s) => s.caregiverId) },
      mailParams: { count: added.length },
    });
  });
  platform.mailer.kick();
  return getSuggestions(ctx, id);
}

const NO_ARRANGEMENT: SubstitutionSummary = {
  model: "none",
  tandemPartners: [],
  substitutes: [],
  kita: null,
};

/** The parents' view of the caregivers suggested to them and of the offer, if there is one. */
export async function getMySuggestions(ctx: ServiceContext, id: string): Promise<ParentSuggestionsResponse> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  await requireOwn(db, ctx, id);
  const [sent, offers] = await Promise.all([
    repo.listSuggestions(db, org.id, id),
    repo.listOffers(db, org.id, id),
  ]);
  const people = await findPlacementCaregivers(db, org.id, [
    ...new Set([...sent.map((s) => s.caregiverId), ...offers.map((o) => o.caregiverId)]),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const offer = offers.find((o) => o.status === "open") ?? offers.at(-1) ?? null;
  const substitution = await findSubstitutionSummaries(db, org.id, [...byId.keys()]);
  return {
    suggestions: sent.flatMap((s) => {
      const person = byId.get(s.caregiverId);
      if (!person) return [];
      return [
        {
          caregiverId: person.id,
          firstName: person.firstName,
          lastName: person.lastName,
          hasPhoto: person.hasPhoto,
          town: person.town,
          distanceKm: s.distanceKm,
          pedagogy: person.pedagogy,
          languages: person.languages,
          meals: person.meals,
          hasPets: person.hasPets,
          petsNote: person.petsNote,
          ageMinMonths: person.ageMinMonths,
          ageMaxMonths: person.ageMaxMonths,
          parentRank: s.parentRank,
          visitedOn: s.visitedOn,
          visitNote: s.visitNote,
          substitution: substitution.get(person.id) ?? NO_ARRANGEMENT,
        },
      ];
    }),
    offer: offer ? presentOffer(offer, byId.get(offer.caregiverId)) : null,
    offerSubstitution: offer ? (substitution.get(offer.caregiverId) ?? NO_ARRANGEMENT) : null,
  };
}

async function requireSuggested(
  db: Executor,
  ctx: ServiceContext,
  requestId: string,
  caregiverId: string,
  options: { isActiveRequired?: boolean } = {},
) {
  const org = officeOf(ctx);
  const row = await requireOwn(db, ctx, requestId);
  if (options.isActiveRequired && !activeStatuses.includes(row.status))
    throw new AppError("requestClosed", 409);
  const sent = await repo.listSuggestions(db, org.id, requestId);
  if (!sent.some((s) => s.caregiverId === caregiverId)) throw notFound();
  return org;
}

/** A suggested caregiver's photo for the family she was suggested to, and only while she consents. */
export async function getSuggestedPhoto(
  ctx: ServiceContext,
  requestId: string,
  caregiverId: string,
): Promise<StoredFile> {
  const org = await requireSuggested(ctx.platform.db, ctx, requestId, caregiverId);
  const file = await readConsentedPhoto(ctx.platform.db, org.id, caregiverId);
  if (!file) throw notFound();
  return file;
}

/** The family notes a visit to a suggested caregiver (date and what they want to remember). */
export async function noteVisit(
  ctx: ServiceContext,
  requestId: string,
  caregiverId: string,
  input: VisitBody,
): Promise<ParentSuggestionsResponse> {
  const { platform } = ctx;
  await platform.db.transaction(async (tx) => {
    const org = await requireSuggested(tx, ctx, requestId, caregiverId, { isActiveRequired: true });
    await repo.updateSuggestion(tx, org.id, requestId, caregiverId, {
      visitedOn: input.visitedOn,
      visitNote: input.note,
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actorOf(ctx).userId,
      action: "placement.visitNoted",
      entityType: "placementRequest",
      entityId: requestId,
      details: { caregiverId, visitedOn: input.visitedOn },
      ip: ctx.ip,
    });
  });
  return getMySuggestions(ctx, requestId);
}

/**
 * The family ranks the suggested caregivers they would accept, best first (at most 8); one left out is one
 * they would not accept.
 */
export async function rankMySuggestions(
  ctx: ServiceContext,
  requestId: string,
  input: RankingBody,
): Promise<ParentSuggestionsResponse> {
  const { platform } = ctx;
  const org = officeOf(ctx);
  await platform.db.transaction(async (tx) => {
    const row = await requireOwn(tx, ctx, requestId, { lock: true });
    if (!activeStatuses.includes(row.status)) throw new AppError("requestClosed", 409);
    const sent = new Set((await repo.listSuggestions(tx, org.id, requestId)).map((s) => s.caregiverId));
    const ranked = [...new Set(input.caregiverIds)];
    const unknown = ranked.findIndex((caregiverId) => !sent.has(caregiverId));
    if (unknown >= 0) throw fieldError(`caregiverIds.${unknown}`, "suggestionUnknown");
    await repo.setParentRanks(tx, org.id, requestId, ranked);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actorOf(ctx).userId,
      action: "placement.suggestionsRanked",
      entityType: "placementRequest",
      entityId: requestId,
      details: { ranked },
      ip: ctx.ip,
    });
  });
  return getMySuggestions(ctx, requestId);
}

/** End of the day the family may still answer, in UTC: the whole day counts. */
export function endOfDay(date: string): Date {
  return new Date(`${addDays(date, 1)}T00:00:00Z`);
}

/**
 * What stops the caregiver from taking one more child with these times from `from` (the start unless said
 * otherwise) until the end: no licence valid on that day, a time without a free place on a date her week
 * changes, or the weekly limit. Worded as the suggestions' near misses, so the office reads the same reasons.
 */
export async function findPlaceProblems(
  tx: Executor,
  org: OrganisationScope,
  caregiverId: string,
  terms: { start: string; end: string | null; careTimes: repo.ContractRow["careTimes"] },
  from = terms.start,
): Promise<{ person: PlacementCaregiverFacts; problems: SuggestionMiss[] }> {
  const [person] = await findPlacementCaregivers(tx, org.id, [caregiverId]);
  if (!person) throw notFound();
  // A contract over before `from` takes no place any more: there is nothing left to check.
  if (terms.end !== null && terms.end < from) return { person, problems: [] };
  const contracts = await repo.listContracts(tx, org.id, [caregiverId]);
  const candidate = candidateOf(person, contracts);
  const maxContracts = rulesOf(org).maxContractsPerWeek;
  const capacity = canTakeChild(
    candidate.profiles,
    candidate.contracts,
    from,
    terms.careTimes.flatMap((t) => toTimeRange(t) ?? []),
    { maxContracts, until: terms.end },
  );
  const problems: SuggestionMiss[] = [];
  if (!person.licences.some((l) => l.validFrom <= from && from <= l.validTo))
    problems.push({ code: "noLicence", validTo: person.licences[0]?.validTo ?? null });
  problems.push(...capacityMisses(capacity, maxContracts));
  return { person, problems };
}

/** A capacity check's shortages as the suggestions word them ("Mi 14:00–16:00 schon 5 Kinder"). */
export function capacityMisses(capacity: CanTakeChildResult, maxContracts: number | null): SuggestionMiss[] {
  const misses: SuggestionMiss[] = capacity.conflicts.map((conflict) => ({
    code: "full",
    date: conflict.from,
    day: conflict.weekday + 1,
    from: minutesToHhmm(conflict.start),
    to: minutesToHhmm(conflict.end),
    present: conflict.present,
    places: conflict.places,
  }));
  if (capacity.contractLimitReachedOn !== null && maxContracts !== null)
    misses.push({ code: "contractLimit", date: capacity.contractLimitReachedOn, max: maxContracts });
  return misses;
}

/**
 * Checks that the caregiver can take one more child with these times from `start` to `end`: licence valid
 * at the start, a free place at every requested minute on every date her week changes, and the weekly limit.
 */
async function assertPlaceFree(
  tx: Executor,
  org: OrganisationScope,
  caregiverId: string,
  terms: { start: string; end: string | null; careTimes: repo.ContractRow["careTimes"] },
  /** The office reads the reasons; a family is told the place has gone and whom to ask. */
  audience: "office" | "family",
) {
  const { person, problems } = await findPlaceProblems(tx, org, caregiverId, terms);
  if (problems.length > 0) {
    if (audience === "family") throw new AppError("placeTaken", 409);
    throw new AppError("placeUnavailable", 409, { reasons: problems });
  }
  return person;
}

function checkTimes(careTimes: OfferBody["careTimes"], path: string) {
  if (!careTimes) return;
  const problem = validateCareTimes(careTimes)[0];
  if (problem)
    throw fieldError(problem.index === null ? path : `${path}.${problem.index}.${problem.field}`, "time");
}

/**
 * The office offers the family one caregiver's place: the request becomes "offered" and the parents get a
 * mail with the way to accept or decline on their page before the deadline. Her capacity is checked now and
 * again when they accept.
 */
export async function makeOffer(
  ctx: ServiceContext,
  id: string,
  input: OfferBody,
): Promise<SuggestionsResponse> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const today = todayOf(platform);
  checkTimes(input.careTimes, "careTimes");
  await platform.db.transaction(async (tx) => {
    const row = await repo.lockRequest(tx, org.id, id);
    if (!row) throw notFound();
    if (!activeStatuses.includes(row.status)) throw new AppError("requestClosed", 409);
    // One offer at a time: a new one only once the family has answered or the time to answer has run out.
    const previous = await repo.lockOpenOffer(tx, org.id, id);
    if (previous && platform.now() < previous.respondBy) throw new AppError("offerPending", 409);
    if (previous)
      await repo.updateOffer(tx, org.id, previous.id, { status: "expired", decidedAt: platform.now() });
    const start = input.start ?? row.wantedStart;
    if (start < today) throw fieldError("start", "startInPast");
    if (input.end !== null && input.end < start) throw fieldError("end", "dateOrder");
    const respondBy = input.respondBy ?? addDays(today, OFFER_DAYS);
    if (respondBy < today) throw fieldError("respondBy", "startInPast");
    const settlingInEnd = input.settlingInEnd ?? addDays(start, SETTLING_IN_DAYS);
    if (settlingInEnd < start) throw fieldError("settlingInEnd", "dateOrder");
    const careTimes = sortCareTimes(input.careTimes ?? row.careTimes);
    const person = await assertPlaceFree(
      tx,
      org,
      input.caregiverId,
      { start, end: input.end, careTimes },
      "office",
    );
    const offer = await repo.insertOffer(tx, org.id, {
      requestId: id,
      caregiverId: input.caregiverId,
      start,
      end: input.end,
      careTimes,
      settlingInEnd,
      respondBy: endOfDay(respondBy),
      createdByUserId: actorOf(ctx).userId,
      createdAt: platform.now(),
    });
    await changeStatus(tx, ctx, org, row, {
      to: "offered",
      actor: { kind: "staff", userId: actorOf(ctx).userId },
      reason: "offerMade",
      auditDetails: { offerId: offer.id, caregiverId: input.caregiverId },
      mailParams: {
        caregiver: caregiverNameOf(person),
        offerStart: formatDate(start, row.locale),
        respondBy: formatDate(respondBy, row.locale),
      },
    });
  });
  platform.mailer.kick();
  return getSuggestions(ctx, id);
}

/**
 * The family answers the offer. Accepting creates the care contract in the same transaction, after locking
 * the caregiver and checking her capacity again: two families accepting her last place at once are
 * serialised by that lock, and the second finds the place taken.
 */
export async function answerOffer(
  ctx: ServiceContext,
  id: string,
  input: AnswerOfferBody,
): Promise<ParentSuggestionsResponse> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const userId = actorOf(ctx).userId;
  await platform.db.transaction(async (tx) => {
    const row = await requireOwn(tx, ctx, id, { lock: true });
    const offer = await repo.lockOpenOffer(tx, org.id, id);
    if (!offer || row.status !== "offered") throw new AppError("offerClosed", 409);
    if (platform.now() >= offer.respondBy) throw new AppError("offerExpired", 409);
    const now = platform.now();
    if (!input.accept) {
      await repo.updateOffer(tx, org.id, offer.id, { status: "declined", decidedAt: now });
      await changeStatus(tx, ctx, org, row, {
        to: "suggested",
        actor: { kind: "parent", userId },
        reason: "offerDeclined",
        auditDetails: { offerId: offer.id, caregiverId: offer.caregiverId },
        isMailSkipped: true,
      });
      const [person] = await findPlacementCaregivers(tx, org.id, [offer.caregiverId]);
      await queueOfficeMail(tx, platform, org.id, row, "placementOfficeOfferDeclined", {
        caregiver: caregiverNameOf(person),
        offerStart: formatDate(offer.start, "de"),
      });
      await writeAudit(tx, {
        organisationId: org.id,
        actorUserId: userId,
        action: "placement.offerDeclined",
        entityType: "placementOffer",
        entityId: offer.id,
        details: { requestId: id },
        ip: ctx.ip,
      });
      return;
    }
    if (!(await lockPlacementCaregiver(tx, org.id, offer.caregiverId))) throw new AppError("placeTaken", 409);
    const person = await assertPlaceFree(tx, org, offer.caregiverId, offer, "family");
    const contract = await repo.insertContract(tx, org.id, {
      caregiverId: offer.caregiverId,
      requestId: id,
      childFirstName: row.childFirstName,
      childBirthDate: row.childBirthDate,
      start: offer.start,
      end: offer.end,
      careTimes: offer.careTimes,
      settlingInEnd: offer.settlingInEnd,
      status: "active",
      createdAt: now,
      updatedAt: now,
    });
    await repo.updateOffer(tx, org.id, offer.id, { status: "accepted", decidedAt: now });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: userId,
      action: "placement.contractCreated",
      entityType: "careContract",
      entityId: contract.id,
      details: { requestId: id, caregiverId: offer.caregiverId, start: offer.start },
      ip: ctx.ip,
    });
    await changeStatus(tx, ctx, org, row, {
      to: "placed",
      actor: { kind: "parent", userId },
      reason: "offerAccepted",
      auditDetails: { offerId: offer.id, contractId: contract.id },
      mailParams: { caregiver: caregiverNameOf(person), offerStart: formatDate(offer.start, row.locale) },
    });
    await queueCaregiverNotice(tx, ctx, person, {
      childFirstName: row.childFirstName,
      start: offer.start,
      careTimes: offer.careTimes,
    });
  });
  platform.mailer.kick();
  return getMySuggestions(ctx, id);
}

/**
 * Tells the caregiver, if she has an e-mail address, that a child comes to her from the contract's start
 * (a family accepted an offer) or that the office recorded a contract for a child (often one already in
 * care), in her account's language.
 */
export async function queueCaregiverNotice(
  tx: Executor,
  ctx: ServiceContext,
  person: PlacementCaregiverFacts,
  contract: Pick<repo.ContractRow, "childFirstName" | "start" | "careTimes">,
  kind: "accepted" | "recorded" = "accepted",
) {
  if (!person.email) return;
  const org = officeOf(ctx);
  const { platform } = ctx;
  const locales = person.userId ? await findUserLocales(tx, [person.userId]) : new Map();
  // German, the office's working language, where she has no account.
  const locale = (person.userId && locales.get(person.userId)) || "de";
  const t = translator(locale);
  const mail = composeMail(
    locale,
    kind === "accepted" ? "placementCaregiverNotice" : "placementCaregiverRecorded",
    {
      name: person.firstName,
      child: contract.childFirstName,
      organisation: org.name,
      start: formatDate(contract.start, locale),
      times: describeCareTimes(
        contract.careTimes,
        t("common.weekdaysShort", { returnObjects: true }) as never,
      ),
    },
    `${platform.env.PUBLIC_URL}/app/${org.slug}/mein-profil`,
  );
  await platform.mailer.queue(tx, { to: person.email, organisationId: org.id, ...mail });
}
