import { createHash } from "node:crypto";
import type { CoverDto, CoverPlace } from "../../../contracts/substitution";
import { ageInMonths } from "../../../core/placement/requests";
import { addDays, daysBetween, todayIso } from "../../../core/shared/dates";
import {
  type ChildDay,
  type CoverArrangement,
  type CoverChild,
  type CoverInput,
  type CoverKita,
  type CoverPerson,
  knownPersons,
  rangesToTimes,
  toCoverProblemDto,
} from "../../../core/substitution";
import type { Actor, OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import type { Platform, ServiceContext } from "../../platform/types";
import {
  findCaregiverIdOfUser,
  findPlacementCaregivers,
  findSubstitutionContacts,
  type PlacementCaregiverFacts,
  type SubstitutionPersonContact,
} from "../caregivers/caregivers.queries";
import { listSubstitutionContracts, type SubstitutionContract } from "../placement/placement.queries";
import * as repo from "./substitution.repository";

/** Only coordination offices arrange substitution; elsewhere the routes answer as if they did not exist. */
export function officeOf(ctx: Pick<ServiceContext, "organisation">): OrganisationScope {
  const org = ctx.organisation;
  if (org?.kind !== "coordinationOffice") throw notFound();
  return org;
}

export function actorOf(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new AppError("unauthenticated", 401);
  return ctx.actor;
}

export function todayOf(platform: Platform): string {
  return todayIso(platform.now());
}

/** At most this many days per board, calendar or list: a month grid of six weeks fits. */
export const MAX_RANGE_DAYS = 62;

/** A range of days asked for, `from` and `to` inclusive; what is left out runs from `from` for `days` days. */
export function dayRangeOf(
  query: { from?: string | undefined; to?: string | undefined },
  defaults: { from: string; days: number },
): { from: string; to: string } {
  const from = query.from ?? defaults.from;
  const to = query.to ?? addDays(from, defaults.days - 1);
  if (to < from) throw fieldError("to", "dateOrder");
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw fieldError("to", "substitutionRangeTooLong");
  return { from, to };
}

/** The registry entry of the signed-in day-care person or substitute; without one she cannot use "own". */
export async function registryPersonOf(ctx: ServiceContext, db: Executor = ctx.platform.db): Promise<string> {
  const org = officeOf(ctx);
  const id = await findCaregiverIdOfUser(db, org.id, actorOf(ctx).userId);
  if (!id) throw new AppError("substitutionNotRegistryPerson", 403);
  return id;
}

export const nameOf = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** Siblings share a key derived from the parents' account or e-mail, never the identity itself. */
export function familyKeyOf(organisationId: string, contract: SubstitutionContract): string | null {
  const family = contract.family;
  if (!family) return null;
  const key = family.parentUserId ?? family.email.toLowerCase();
  return createHash("sha256").update(`${organisationId}:${key}`).digest("hex").slice(0, 16);
}

/**
 * Everything the cover rules read about an organisation from a day on: people with licences and profiles,
 * their contracts and absences, Kitas, arrangements, play groups, settings and the covers already holding
 * places. Loaded one statement after the other (a transaction is one connection).
 */
export interface World {
  org: OrganisationScope;
  now: Date;
  today: string;
  settings: typeof repo.DEFAULT_SETTINGS;
  people: PlacementCaregiverFacts[];
  contacts: Map<string, SubstitutionPersonContact>;
  substituteIds: Set<string>;
  contracts: Map<string, SubstitutionContract>;
  absences: repo.AbsenceRow[];
  kitas: repo.KitaRow[];
  arrangements: repo.ArrangementRow[];
  known: Map<string, string[]>;
  /** The people, Kitas and arrangements in the rules' form, built once per world (see coverInput). */
  base?: Omit<CoverInput, "children" | "existingCovers">;
}

export async function loadWorld(db: Executor, org: OrganisationScope, now: Date): Promise<World> {
  const today = todayIso(now);
  const settings = await repo.findSettings(db, org.id);
  const people = await findPlacementCaregivers(db, org.id);
  const contacts = new Map((await findSubstitutionContacts(db, org.id)).map((c) => [c.id, c]));
  const substitutes = await repo.listSubstitutes(db, org.id);
  const contracts = new Map(
    (await listSubstitutionContracts(db, org.id, { from: today })).map((c) => [c.id, c]),
  );
  const absences = await repo.listAbsences(db, org.id, { from: today, activeOnly: true });
  // Archived Kitas too: past covers show where the child was; the rules' input leaves them out.
  const kitas = await repo.listKitas(db, org.id, { withArchived: true });
  const arrangements = await repo.listArrangements(db, org.id);
  const playGroups = await repo.listPlayGroups(db, org.id);
  const known = knownPersons(playGroups, settings.familiarityVisits, today);
  return {
    org,
    now,
    today,
    settings,
    people,
    contacts,
    substituteIds: new Set(substitutes.map((s) => s.caregiverId)),
    contracts,
    absences,
    kitas,
    arrangements,
    known,
  };
}

/** Contracts the world lacks (ended before today) for presenting past covers. */
export async function withContracts(db: Executor, world: World, ids: readonly string[]): Promise<void> {
  const missing = [...new Set(ids)].filter((id) => !world.contracts.has(id));
  if (missing.length === 0) return;
  for (const c of await listSubstitutionContracts(db, world.org.id, { ids: missing }))
    world.contracts.set(c.id, c);
}

function absenceWindow(a: repo.AbsenceRow) {
  return { startsOn: a.startsOn, endsOn: a.endsOn, dayFrom: a.dayFrom, dayTo: a.dayTo };
}

/** The rules' view of the absent caregiver's children on the given days, with whom each child knows. */
export function coverChildren(
  world: World,
  absentCaregiverId: string,
  days: readonly ChildDay[],
): CoverChild[] {
  return days.flatMap((d) => {
    const contract = world.contracts.get(d.contractId);
    if (!contract) return [];
    return [
      {
        ...d,
        absentCaregiverId,
        ageMonths: ageInMonths(contract.childBirthDate, d.day),
        familyKey: familyKeyOf(world.org.id, contract),
        home: contract.family ? { lat: contract.family.lat, lon: contract.family.lon } : null,
        knows: world.known.get(d.contractId) ?? [],
      },
    ];
  });
}

/** The input of the cover rules for these children, with the covers that already hold places. */
export function coverInput(
  world: World,
  children: CoverChild[],
  holding: readonly repo.CoverRow[],
): CoverInput {
  world.base ??= baseInput(world);
  return {
    ...world.base,
    children,
    existingCovers: holding.map((c) => ({
      personId: c.coverCaregiverId,
      kitaId: c.kitaId,
      day: c.day,
      ranges: c.ranges,
    })),
  };
}

function baseInput(world: World): Omit<CoverInput, "children" | "existingCovers"> {
  const contractsOf = new Map<string, SubstitutionContract[]>();
  for (const c of world.contracts.values()) {
    const list = contractsOf.get(c.caregiverId) ?? [];
    list.push(c);
    contractsOf.set(c.caregiverId, list);
  }
  const absencesOf = new Map<string, repo.AbsenceRow[]>();
  for (const a of world.absences) {
    const list = absencesOf.get(a.caregiverId) ?? [];
    list.push(a);
    absencesOf.set(a.caregiverId, list);
  }
  const people: CoverPerson[] = world.people.map((p) => ({
    id: p.id,
    isSubstitute: world.substituteIds.has(p.id),
    location: p.lat !== null && p.lon !== null ? { lat: p.lat, lon: p.lon } : null,
    ageMinMonths: p.ageMinMonths,
    ageMaxMonths: p.ageMaxMonths,
    licences: p.licences,
    profiles: p.profiles,
    contracts: (contractsOf.get(p.id) ?? []).map((c) => ({
      id: c.id,
      start: c.start,
      end: c.end,
      careTimes: c.careTimes,
    })),
    absences: (absencesOf.get(p.id) ?? []).map(absenceWindow),
  }));
  const kitas: CoverKita[] = world.kitas
    .filter((k) => k.archivedAt === null)
    .map((k) => ({
      id: k.id,
      location: k.lat !== null && k.lon !== null ? { lat: k.lat, lon: k.lon } : null,
      places: k.places,
      ageMinMonths: k.ageMinMonths,
      ageMaxMonths: k.ageMaxMonths,
      hours: k.hours,
    }));
  const arrangements: CoverArrangement[] = world.arrangements.map((a) => ({
    caregiverId: a.caregiverId,
    tandemPartnerIds: a.tandemPartnerIds,
    substituteIds: a.substituteIds,
    kitaId: a.kitaId,
  }));
  return { people, kitas, arrangements, maxDistanceKm: world.settings.maxDistanceKm };
}

/** Where a cover takes place, as parents and the office see it. */
export function placeOf(
  world: World,
  cover: Pick<
    repo.CoverRow,
    "coverKind" | "coverCaregiverId" | "kitaId" | "isKnown" | "distanceKm" | "extraDistanceKm"
  >,
): CoverPlace | null {
  if (!cover.coverKind) return null;
  const base = {
    kind: cover.coverKind,
    isKnown: cover.isKnown,
    distanceKm: cover.distanceKm,
    extraDistanceKm: cover.extraDistanceKm,
  };
  if (cover.coverCaregiverId) {
    const person = world.contacts.get(cover.coverCaregiverId);
    if (!person) return null;
    return {
      ...base,
      caregiverId: person.id,
      kitaId: null,
      name: nameOf(person),
      street: person.street,
      postalCode: person.postalCode,
      town: person.town,
      phone: person.phone || null,
    };
  }
  const kita = world.kitas.find((k) => k.id === cover.kitaId);
  if (!kita) return null;
  return {
    ...base,
    caregiverId: null,
    kitaId: kita.id,
    name: kita.name,
    street: kita.street,
    postalCode: kita.postalCode,
    town: kita.town,
    phone: kita.contact || null,
  };
}

export function problemOf(world: World, problem: repo.CoverRow["problem"]) {
  if (!problem) return null;
  const person = problem.personId ? world.contacts.get(problem.personId) : undefined;
  const kita = problem.kitaId ? world.kitas.find((k) => k.id === problem.kitaId) : undefined;
  return toCoverProblemDto(problem, person ? nameOf(person) : (kita?.name ?? null));
}

/** Who held a confirmed cover that had to be moved, as the board names it. */
function lostCoverOf(world: World, lost: repo.CoverRow["lostCover"]) {
  if (!lost) return null;
  const person = lost.caregiverId ? world.contacts.get(lost.caregiverId) : undefined;
  const kita = lost.kitaId ? world.kitas.find((k) => k.id === lost.kitaId) : undefined;
  return { reason: lost.reason, name: person ? nameOf(person) : (kita?.name ?? "") };
}

export function presentCover(world: World, cover: repo.CoverRow, absence: repo.AbsenceRow): CoverDto {
  const contract = world.contracts.get(cover.contractId);
  const absent = world.contacts.get(absence.caregiverId);
  return {
    id: cover.id,
    absenceId: cover.absenceId,
    absentCaregiverId: absence.caregiverId,
    absentCaregiverName: absent ? nameOf(absent) : "",
    absenceKind: absence.kind,
    contractId: cover.contractId,
    childFirstName: contract?.childFirstName ?? "",
    ageMonths: contract ? ageInMonths(contract.childBirthDate, cover.day) : 0,
    familyKey: contract ? familyKeyOf(world.org.id, contract) : null,
    day: cover.day,
    times: rangesToTimes(cover.ranges),
    status: cover.status,
    place: placeOf(world, cover),
    problem: problemOf(world, cover.problem),
    canMailParents: Boolean(contract?.family),
    lostCover: lostCoverOf(world, cover.lostCover),
    parentAnswer: cover.parentAnswer,
    confirmedAt: cover.confirmedAt?.toISOString() ?? null,
  };
}

export function appLink(platform: Platform, org: OrganisationScope, path: string): string {
  return `${platform.env.PUBLIC_URL}/app/${org.slug}/vertretung${path}`;
}
