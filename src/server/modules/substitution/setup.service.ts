import type { z } from "zod";
import type {
  ArrangementDto,
  ArrangementInput,
  KitaArchived,
  KitaDto,
  KitaInput,
  PlayGroupDto,
  playGroupInput,
  SettingsInput,
  SubstituteDto,
  substituteInput,
} from "../../../contracts/substitution";
import { sortCareTimes } from "../../../core/placement/requests";
import { substitutionModel } from "../../../core/substitution";
import type { AuditAction, AuditEntityType } from "../../platform/audit/audit";
import { writeAudit } from "../../platform/audit/audit";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { findPostalCode } from "../../platform/geo/postal-codes";
import type { ServiceContext } from "../../platform/types";
import { findSubstitutionContacts, type SubstitutionPersonContact } from "../caregivers/caregivers.queries";
import { listSubstitutionContracts } from "../placement/placement.queries";
import { moveLostCovers } from "./absences.service";
import { lockCoverPlaces } from "./cover-lock";
import { actorOf, loadWorld, nameOf, officeOf } from "./substitution.context";
import * as repo from "./substitution.repository";

type SubstituteInput = z.infer<typeof substituteInput>;
type PlayGroupInput = z.infer<typeof playGroupInput>;

async function audit(
  tx: Executor,
  ctx: ServiceContext,
  action: AuditAction,
  entityType: AuditEntityType,
  entityId: string,
  details: Record<string, unknown> = {},
) {
  await writeAudit(tx, {
    organisationId: officeOf(ctx).id,
    actorUserId: actorOf(ctx).userId,
    action,
    entityType,
    entityId,
    details,
    ip: ctx.ip,
  });
}

async function contactsOf(db: Executor, organisationId: string) {
  return new Map((await findSubstitutionContacts(db, organisationId)).map((c) => [c.id, c]));
}

const named = (contacts: Map<string, SubstitutionPersonContact>, ids: readonly string[]) =>
  ids.flatMap((id) => {
    const person = contacts.get(id);
    return person ? [{ id, name: nameOf(person) }] : [];
  });

// Arrangements ----------------------------------------------------------------------------------------

function presentArrangement(
  caregiver: SubstitutionPersonContact,
  row: repo.ArrangementRow | undefined,
  contacts: Map<string, SubstitutionPersonContact>,
  kitas: readonly repo.KitaRow[],
): ArrangementDto {
  const arrangement = {
    tandemPartnerIds: row?.tandemPartnerIds ?? [],
    substituteIds: row?.substituteIds ?? [],
    kitaId: row?.kitaId ?? null,
  };
  const kita = kitas.find((k) => k.id === arrangement.kitaId);
  return {
    caregiverId: caregiver.id,
    caregiverName: nameOf(caregiver),
    model: substitutionModel(arrangement),
    tandemPartners: named(contacts, arrangement.tandemPartnerIds),
    substitutes: named(contacts, arrangement.substituteIds),
    kita: kita ? { id: kita.id, name: kita.name } : null,
    note: row?.note ?? "",
  };
}

/** Every day-care person who has not left, with her arrangement (none when nothing is set). */
export async function listArrangements(ctx: ServiceContext): Promise<{ items: ArrangementDto[] }> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  const contacts = await contactsOf(db, org.id);
  const rows = new Map((await repo.listArrangements(db, org.id)).map((r) => [r.caregiverId, r]));
  const kitas = await repo.listKitas(db, org.id);
  return {
    items: [...contacts.values()]
      .filter((c) => c.status !== "left")
      .map((c) => presentArrangement(c, rows.get(c.id), contacts, kitas)),
  };
}

/**
 * Sets a caregiver's arrangement. Tandems are symmetric: a partner added gains her as partner, a partner
 * removed loses her, so both always see the same tandem.
 */
export async function setArrangement(
  ctx: ServiceContext,
  caregiverId: string,
  input: ArrangementInput,
): Promise<ArrangementDto> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const contacts = await contactsOf(tx, org.id);
    const caregiver = contacts.get(caregiverId);
    if (!caregiver) throw notFound();
    const partners = [...new Set(input.tandemPartnerIds)];
    const substitutes = [...new Set(input.substituteIds)];
    const problems: { path: string; key: string }[] = [];
    partners.forEach((id, i) => {
      if (id === caregiverId)
        problems.push({ path: `tandemPartnerIds.${i}`, key: "substitutionSelfPartner" });
      else if (!contacts.has(id))
        problems.push({ path: `tandemPartnerIds.${i}`, key: "substitutionNotInRegistry" });
    });
    const employed = new Set((await repo.listSubstitutes(tx, org.id)).map((s) => s.caregiverId));
    substitutes.forEach((id, i) => {
      if (!employed.has(id)) problems.push({ path: `substituteIds.${i}`, key: "substitutionNotSubstitute" });
    });
    const kitas = await repo.listKitas(tx, org.id);
    if (input.kitaId && !kitas.some((k) => k.id === input.kitaId))
      problems.push({ path: "kitaId", key: "substitutionNotInRegistry" });
    if (problems.length > 0) throw new AppError("validation", 400, undefined, problems);

    const now = platform.now();
    const rows = new Map((await repo.listArrangements(tx, org.id)).map((r) => [r.caregiverId, r]));
    const before = rows.get(caregiverId)?.tandemPartnerIds ?? [];
    await repo.upsertArrangement(
      tx,
      org.id,
      caregiverId,
      { tandemPartnerIds: partners, substituteIds: substitutes, kitaId: input.kitaId, note: input.note },
      now,
    );
    for (const id of partners.filter((p) => !before.includes(p))) {
      const theirs = rows.get(id)?.tandemPartnerIds ?? [];
      if (!theirs.includes(caregiverId))
        await repo.setTandemPartners(tx, org.id, id, [...theirs, caregiverId], now);
    }
    for (const id of before.filter((p) => !partners.includes(p))) {
      const theirs = rows.get(id)?.tandemPartnerIds ?? [];
      await repo.setTandemPartners(
        tx,
        org.id,
        id,
        theirs.filter((p) => p !== caregiverId),
        now,
      );
    }
    await audit(tx, ctx, "substitution.arrangementUpdated", "substitutionArrangement", caregiverId, {
      tandemPartnerIds: partners,
      substituteIds: substitutes,
      kitaId: input.kitaId,
    });
    const after = (await repo.listArrangements(tx, org.id)).find((r) => r.caregiverId === caregiverId);
    return presentArrangement(caregiver, after, contacts, kitas);
  });
}

// Employed substitutes --------------------------------------------------------------------------------

function presentSubstitute(
  row: repo.SubstituteRow,
  person: SubstitutionPersonContact | undefined,
): SubstituteDto {
  return {
    id: row.id,
    caregiverId: row.caregiverId,
    name: person ? nameOf(person) : "",
    town: person?.town ?? "",
    hoursPerMonth: row.hoursPerMonth,
    note: row.note,
  };
}

export async function listSubstitutes(ctx: ServiceContext): Promise<{ items: SubstituteDto[] }> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  const contacts = await contactsOf(db, org.id);
  const rows = await repo.listSubstitutes(db, org.id);
  return {
    items: rows
      .map((r) => presentSubstitute(r, contacts.get(r.caregiverId)))
      .sort((a, b) => a.name.localeCompare(b.name, "de")),
  };
}

export async function createSubstitute(ctx: ServiceContext, input: SubstituteInput): Promise<SubstituteDto> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const [person] = await findSubstitutionContacts(tx, org.id, [input.caregiverId]);
    if (!person) throw fieldError("caregiverId", "substitutionNotInRegistry");
    if ((await repo.listSubstitutes(tx, org.id)).some((s) => s.caregiverId === input.caregiverId))
      throw fieldError("caregiverId", "substitutionAlreadySubstitute");
    const row = await repo.insertSubstitute(tx, {
      organisationId: org.id,
      caregiverId: input.caregiverId,
      hoursPerMonth: input.hoursPerMonth,
      note: input.note,
      createdAt: platform.now(),
    });
    await audit(tx, ctx, "substitution.substituteCreated", "substitutionSubstitute", row.id, {
      caregiverId: input.caregiverId,
      hoursPerMonth: input.hoursPerMonth,
    });
    return presentSubstitute(row, person);
  });
}

export async function updateSubstitute(
  ctx: ServiceContext,
  id: string,
  input: SubstituteInput,
): Promise<SubstituteDto> {
  const org = officeOf(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    const before = await repo.findSubstitute(tx, org.id, id);
    if (!before) throw notFound();
    // The person stays: another person is another employment, entered as a new substitute.
    if (input.caregiverId !== before.caregiverId)
      throw fieldError("caregiverId", "substitutionNotSubstitute");
    const row = await repo.updateSubstitute(tx, id, { hoursPerMonth: input.hoursPerMonth, note: input.note });
    await audit(tx, ctx, "substitution.substituteUpdated", "substitutionSubstitute", id, {
      hoursPerMonth: input.hoursPerMonth,
    });
    const [person] = await findSubstitutionContacts(tx, org.id, [row.caregiverId]);
    return presentSubstitute(row, person);
  });
}

/** Ends her employment as substitute; arrangements naming her drop her, covers already made stay. */
export async function deleteSubstitute(ctx: ServiceContext, id: string): Promise<{ ok: true }> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  await platform.db.transaction(async (tx) => {
    const row = await repo.findSubstitute(tx, org.id, id);
    if (!row) throw notFound();
    await repo.deleteSubstitute(tx, id);
    const now = platform.now();
    for (const a of await repo.listArrangements(tx, org.id)) {
      if (!a.substituteIds.includes(row.caregiverId)) continue;
      await repo.upsertArrangement(
        tx,
        org.id,
        a.caregiverId,
        {
          tandemPartnerIds: a.tandemPartnerIds,
          substituteIds: a.substituteIds.filter((s) => s !== row.caregiverId),
          kitaId: a.kitaId,
          note: a.note,
        },
        now,
      );
    }
    await audit(tx, ctx, "substitution.substituteDeleted", "substitutionSubstitute", id, {
      caregiverId: row.caregiverId,
    });
  });
  return { ok: true };
}

// Kitas -----------------------------------------------------------------------------------------------

function presentKita(row: repo.KitaRow): KitaDto {
  return {
    id: row.id,
    name: row.name,
    contact: row.contact,
    street: row.street,
    postalCode: row.postalCode,
    town: row.town,
    places: row.places,
    ageMinMonths: row.ageMinMonths,
    ageMaxMonths: row.ageMaxMonths,
    hours: row.hours,
  };
}

/** The stored form of a Kita: its point from the postal code, as the registry places day-care persons. */
function kitaValues(input: KitaInput, now: Date): repo.KitaValues {
  const problems: { path: string; key: string }[] = [];
  const centre = findPostalCode(input.postalCode);
  if (!centre) problems.push({ path: "postalCode", key: "postalCodeUnknown" });
  if (input.ageMaxMonths <= input.ageMinMonths)
    problems.push({ path: "ageMaxMonths", key: "substitutionAgeRange" });
  if (problems.length > 0) throw new AppError("validation", 400, undefined, problems);
  return {
    name: input.name,
    contact: input.contact,
    street: input.street,
    postalCode: input.postalCode,
    town: input.town,
    lat: centre?.lat ?? null,
    lon: centre?.lon ?? null,
    places: input.places,
    ageMinMonths: input.ageMinMonths,
    ageMaxMonths: input.ageMaxMonths,
    hours: sortCareTimes(input.hours),
    updatedAt: now,
  };
}

export async function listKitas(ctx: ServiceContext): Promise<{ items: KitaDto[] }> {
  const org = officeOf(ctx);
  return { items: (await repo.listKitas(ctx.platform.db, org.id)).map(presentKita) };
}

export async function createKita(ctx: ServiceContext, input: KitaInput): Promise<KitaDto> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const values = kitaValues(input, platform.now());
  return platform.db.transaction(async (tx) => {
    const row = await repo.insertKita(tx, org.id, values);
    await audit(tx, ctx, "substitution.kitaCreated", "substitutionKita", row.id, { name: row.name });
    return presentKita(row);
  });
}

export async function updateKita(ctx: ServiceContext, id: string, input: KitaInput): Promise<KitaDto> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const values = kitaValues(input, platform.now());
  return platform.db.transaction(async (tx) => {
    if (!(await repo.findKita(tx, org.id, id))) throw notFound();
    const row = await repo.updateKita(tx, id, values);
    await audit(tx, ctx, "substitution.kitaUpdated", "substitutionKita", id, { name: row.name });
    return presentKita(row);
  });
}

/**
 * "Delete" archives the Kita: past covers keep its name for history and the model report, while setup
 * lists, arrangements and proposals no longer see it. Its covers from today on are proposed again first
 * (confirmed ones lose their confirmation, their parents are told), so no child is left without a place;
 * the answer says how many moved.
 */
export async function deleteKita(ctx: ServiceContext, id: string): Promise<KitaArchived> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const moved = await platform.db.transaction(async (tx) => {
    // Its covers are proposed again below: first the office's cover places, before the Kita's row lock.
    await lockCoverPlaces(tx, org.id);
    const row = await repo.findKita(tx, org.id, id, true);
    if (!row) throw notFound();
    const now = platform.now();
    await repo.archiveKita(tx, id, now);
    await repo.clearArrangementKita(tx, org.id, id, now);
    const world = await loadWorld(tx, org, now);
    const open = await repo.listCovers(tx, org.id, {
      from: world.today,
      kitaId: id,
      statuses: ["proposed", "confirmed"],
    });
    const rows = await moveLostCovers(tx, ctx, world, open, "kitaArchived");
    await audit(tx, ctx, "substitution.kitaDeleted", "substitutionKita", id, {
      name: row.name,
      archived: true,
      moved: rows.length,
    });
    return rows.length;
  });
  platform.mailer.kick();
  return { ok: true, moved };
}

// Play groups -----------------------------------------------------------------------------------------

async function presentPlayGroups(
  db: Executor,
  organisationId: string,
  rows: readonly repo.PlayGroupWithChildren[],
): Promise<PlayGroupDto[]> {
  const contacts = await contactsOf(db, organisationId);
  const contracts = new Map(
    (
      await listSubstitutionContracts(db, organisationId, {
        ids: [...new Set(rows.flatMap((r) => r.contractIds))],
      })
    ).map((c) => [c.id, c]),
  );
  return rows.map((row) => {
    const host = contacts.get(row.hostCaregiverId);
    return {
      id: row.id,
      hostCaregiverId: row.hostCaregiverId,
      hostName: host ? nameOf(host) : "",
      on: row.on,
      note: row.note,
      children: row.contractIds.flatMap((id) => {
        const contract = contracts.get(id);
        if (!contract) return [];
        const caregiver = contacts.get(contract.caregiverId);
        return [
          {
            contractId: id,
            childFirstName: contract.childFirstName,
            caregiverName: caregiver ? nameOf(caregiver) : "",
          },
        ];
      }),
    };
  });
}

export async function listPlayGroups(ctx: ServiceContext): Promise<{ items: PlayGroupDto[] }> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  const rows = await repo.listPlayGroups(db, org.id);
  return { items: await presentPlayGroups(db, org.id, [...rows].reverse()) };
}

async function checkPlayGroup(tx: Executor, organisationId: string, input: PlayGroupInput) {
  const problems: { path: string; key: string }[] = [];
  const [host] = await findSubstitutionContacts(tx, organisationId, [input.hostCaregiverId]);
  if (!host) problems.push({ path: "hostCaregiverId", key: "substitutionNotInRegistry" });
  const ids = [...new Set(input.contractIds)];
  const known = new Set((await listSubstitutionContracts(tx, organisationId, { ids })).map((c) => c.id));
  ids.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `contractIds.${i}`, key: "substitutionUnknownContract" });
  });
  if (problems.length > 0) throw new AppError("validation", 400, undefined, problems);
  return ids;
}

export async function createPlayGroup(ctx: ServiceContext, input: PlayGroupInput): Promise<PlayGroupDto> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const ids = await checkPlayGroup(tx, org.id, input);
    const row = await repo.insertPlayGroup(tx, {
      organisationId: org.id,
      hostCaregiverId: input.hostCaregiverId,
      on: input.on,
      note: input.note,
      createdAt: platform.now(),
    });
    await repo.setPlayGroupChildren(tx, row.id, ids);
    await audit(tx, ctx, "substitution.playGroupCreated", "substitutionPlayGroup", row.id, {
      on: input.on,
      children: ids.length,
    });
    const [saved] = await repo.listPlayGroups(tx, org.id, row.id);
    const [dto] = await presentPlayGroups(tx, org.id, saved ? [saved] : []);
    return dto as PlayGroupDto;
  });
}

export async function updatePlayGroup(
  ctx: ServiceContext,
  id: string,
  input: PlayGroupInput,
): Promise<PlayGroupDto> {
  const org = officeOf(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    const [before] = await repo.listPlayGroups(tx, org.id, id);
    if (!before) throw notFound();
    const ids = await checkPlayGroup(tx, org.id, input);
    await repo.updatePlayGroup(tx, id, {
      hostCaregiverId: input.hostCaregiverId,
      on: input.on,
      note: input.note,
    });
    await repo.setPlayGroupChildren(tx, id, ids);
    await audit(tx, ctx, "substitution.playGroupUpdated", "substitutionPlayGroup", id, {
      on: input.on,
      children: ids.length,
    });
    const [saved] = await repo.listPlayGroups(tx, org.id, id);
    const [dto] = await presentPlayGroups(tx, org.id, saved ? [saved] : []);
    return dto as PlayGroupDto;
  });
}

export async function deletePlayGroup(ctx: ServiceContext, id: string): Promise<{ ok: true }> {
  const org = officeOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    const [row] = await repo.listPlayGroups(tx, org.id, id);
    if (!row) throw notFound();
    await repo.deletePlayGroup(tx, id);
    await audit(tx, ctx, "substitution.playGroupDeleted", "substitutionPlayGroup", id, { on: row.on });
  });
  return { ok: true };
}

// Settings --------------------------------------------------------------------------------------------

export async function getSettings(ctx: ServiceContext): Promise<SettingsInput> {
  const org = officeOf(ctx);
  return repo.findSettings(ctx.platform.db, org.id);
}

export async function updateSettings(ctx: ServiceContext, input: SettingsInput): Promise<SettingsInput> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    await repo.upsertSettings(tx, org.id, input, platform.now());
    await audit(tx, ctx, "substitution.settingsUpdated", "substitutionSettings", org.id, { ...input });
    return repo.findSettings(tx, org.id);
  });
}
