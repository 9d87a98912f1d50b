import { z } from "zod";
import type {
  CareNotesConsentBy,
  CareNotesDto,
  CareNotesInput,
  CareNotesList,
  CareNotesState,
} from "../../../contracts/substitution";
import { writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { notFound } from "../../platform/errors";
import type { Platform, ServiceContext } from "../../platform/types";
import { findSubstitutionContacts } from "../caregivers/caregivers.queries";
import { listSubstitutionContracts, type SubstitutionContract } from "../placement/placement.queries";
import * as repo from "./care-notes.repository";
import { actorOf, nameOf, officeOf, todayOf } from "./substitution.context";

/**
 * Care notes: what the person covering a child must know, kept on the care contract for substitution only.
 * Parents keep them on their page with their consent; the office keeps them for families without an account
 * when the parents consented on paper. They are decrypted only for the parents, for the office (audited) and
 * for the person who covers the child, while she covers (audited, see discloseCareNotes).
 */
export interface CareNotes {
  allergies: string;
  diet: string;
  notes: string;
}

const storedNotes = z.object({ allergies: z.string(), diet: z.string(), notes: z.string() });

function decrypt(platform: Platform, row: repo.CareNotesRow): CareNotes {
  return storedNotes.parse(JSON.parse(platform.cipher.decrypt(row.notesEncrypted)));
}

function toDto(platform: Platform, row: repo.CareNotesRow): CareNotesDto {
  return {
    ...decrypt(platform, row),
    consentAt: row.consentAt.toISOString(),
    consentBy: row.consentBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function stateOf(
  db: Executor,
  platform: Platform,
  org: OrganisationScope,
  contracts: readonly SubstitutionContract[],
  rows: ReadonlyMap<string, repo.CareNotesRow>,
): Promise<CareNotesState[]> {
  const people = new Map(
    (await findSubstitutionContacts(db, org.id, [...new Set(contracts.map((c) => c.caregiverId))])).map(
      (p) => [p.id, p],
    ),
  );
  return contracts.map((contract) => {
    const row = rows.get(contract.id);
    const person = people.get(contract.caregiverId);
    return {
      contractId: contract.id,
      childFirstName: contract.childFirstName,
      caregiverName: person ? nameOf(person) : "",
      hasParentAccount: Boolean(contract.family?.parentUserId),
      careNotes: row ? toDto(platform, row) : null,
    };
  });
}

/**
 * The running contract (not ended before today) the caller may keep notes for: for a parent only her own
 * child's, for the office any of the organisation. Anything else does not exist for her.
 */
async function contractFor(
  db: Executor,
  ctx: ServiceContext,
  org: OrganisationScope,
  contractId: string,
  as: CareNotesConsentBy,
): Promise<SubstitutionContract> {
  const [contract] = await listSubstitutionContracts(db, org.id, {
    ids: [contractId],
    from: todayOf(ctx.platform),
    ...(as === "parent" ? { parentUserId: actorOf(ctx).userId } : {}),
  });
  if (!contract) throw notFound();
  return contract;
}

/** Her children with running contracts in this office, each with its notes. */
export async function listFamilyCareNotes(ctx: ServiceContext): Promise<CareNotesList> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  const contracts = await listSubstitutionContracts(db, org.id, {
    from: todayOf(ctx.platform),
    parentUserId: actorOf(ctx).userId,
  });
  const rows = await repo.listCareNotes(
    db,
    org.id,
    contracts.map((c) => c.id),
  );
  return { items: await stateOf(db, ctx.platform, org, contracts, rows) };
}

/**
 * One child's notes. The parents read their own; every read by the office is audited, because the notes are
 * health data of someone else's child.
 */
export async function getCareNotes(
  ctx: ServiceContext,
  contractId: string,
  as: CareNotesConsentBy,
): Promise<CareNotesState> {
  const org = officeOf(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    const contract = await contractFor(tx, ctx, org, contractId, as);
    const row = await repo.findCareNotes(tx, org.id, contractId);
    if (row && as === "office")
      await writeAudit(tx, {
        organisationId: org.id,
        actorUserId: actorOf(ctx).userId,
        action: "substitution.careNotesRead",
        entityType: "substitutionCareNotes",
        entityId: contractId,
        details: { sensitive: true, purpose: "office" },
        ip: ctx.ip,
      });
    const [state] = await stateOf(tx, ctx.platform, org, [contract], new Map(row ? [[contractId, row]] : []));
    return state as CareNotesState;
  });
}

/**
 * Saves the notes with the consent the input states (the schema refuses them without): the parent's own, or
 * the parents' written consent the office recorded. Each save renews the consent's date.
 */
export async function saveCareNotes(
  ctx: ServiceContext,
  contractId: string,
  input: CareNotesInput,
  as: CareNotesConsentBy,
): Promise<CareNotesState> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const contract = await contractFor(tx, ctx, org, contractId, as);
    const now = platform.now();
    const notes: CareNotes = { allergies: input.allergies, diet: input.diet, notes: input.notes };
    const row = await repo.upsertCareNotes(tx, org.id, contractId, {
      notesEncrypted: platform.cipher.encrypt(JSON.stringify(notes)),
      consentAt: now,
      consentBy: as,
      updatedByUserId: actorOf(ctx).userId,
      updatedAt: now,
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actorOf(ctx).userId,
      action: "substitution.careNotesSaved",
      entityType: "substitutionCareNotes",
      entityId: contractId,
      // Which fields are filled, never their content: the log must not become a copy of health data.
      details: {
        sensitive: true,
        consentBy: as,
        filled: (["allergies", "diet", "notes"] as const).filter((key) => notes[key] !== ""),
      },
      ip: ctx.ip,
    });
    const [state] = await stateOf(tx, platform, org, [contract], new Map([[contractId, row]]));
    return state as CareNotesState;
  });
}

/**
 * Withdrawing the consent deletes the notes at once; the next mail to a covering person and her page no
 * longer show them. Withdrawing what is not stored changes nothing.
 */
export async function withdrawCareNotes(
  ctx: ServiceContext,
  contractId: string,
  as: CareNotesConsentBy,
): Promise<{ ok: true }> {
  const org = officeOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    await contractFor(tx, ctx, org, contractId, as);
    if (!(await repo.deleteCareNotes(tx, org.id, contractId))) return;
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actorOf(ctx).userId,
      action: "substitution.careNotesWithdrawn",
      entityType: "substitutionCareNotes",
      entityId: contractId,
      details: { by: as },
      ip: ctx.ip,
    });
  });
  return { ok: true };
}

/**
 * The notes of these children for the person who covers them, in the caller's transaction: decrypted only
 * here, and each disclosure is audited (per child, with the purpose and the covering person). Children
 * without notes are absent from the answer.
 */
export async function discloseCareNotes(
  tx: Executor,
  ctx: ServiceContext,
  org: OrganisationScope,
  contractIds: readonly string[],
  purpose: { purpose: "coverMail" | "myCovers"; coverCaregiverId: string },
): Promise<Map<string, CareNotes>> {
  const rows = await repo.listCareNotes(tx, org.id, contractIds);
  const disclosed = new Map<string, CareNotes>();
  for (const [contractId, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    disclosed.set(contractId, decrypt(ctx.platform, row));
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "substitution.careNotesRead",
      entityType: "substitutionCareNotes",
      entityId: contractId,
      details: { sensitive: true, ...purpose },
      ip: ctx.ip,
    });
  }
  return disclosed;
}

/**
 * The purpose ends with the care: notes of contracts that ended before today are deleted (the daily job).
 * The audit keeps only the count per organisation.
 */
export async function eraseEndedCareNotes(platform: Platform): Promise<number> {
  const today = todayOf(platform);
  const byOrganisation = new Map<string, string[]>();
  for (const key of await repo.listCareNotesKeys(platform.db))
    byOrganisation.set(key.organisationId, [
      ...(byOrganisation.get(key.organisationId) ?? []),
      key.contractId,
    ]);
  let total = 0;
  for (const [organisationId, contractIds] of byOrganisation) {
    const running = new Set(
      (await listSubstitutionContracts(platform.db, organisationId, { ids: contractIds, from: today })).map(
        (c) => c.id,
      ),
    );
    const ended = contractIds.filter((id) => !running.has(id));
    if (ended.length === 0) continue;
    await platform.db.transaction(async (tx) => {
      const erased = await repo.deleteCareNotesOf(tx, organisationId, ended);
      total += erased;
      await writeAudit(tx, {
        organisationId,
        actorUserId: null,
        action: "substitution.careNotesErased",
        entityType: "substitutionCareNotes",
        details: { erased },
      });
    });
  }
  return total;
}
