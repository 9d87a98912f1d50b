import { and, eq, inArray } from "drizzle-orm";
import type { SubstitutionSummary } from "../../../contracts/substitution-models";
import { substitutionModel } from "../../../core/substitution";
import type { Executor } from "../../platform/db/client";
import { findSubstitutionContacts } from "../caregivers/caregivers.queries";
import { substitutionArrangements, substitutionKitas } from "./substitution.tables";

/**
 * What other modules read of substitution. Placement shows families, before they accept a place, who takes
 * their child when the day-care person is absent.
 */

/** Her arrangement as families see it, for each of the given day-care persons ("none" without one). */
export async function findSubstitutionSummaries(
  db: Executor,
  organisationId: string,
  caregiverIds: readonly string[],
): Promise<Map<string, SubstitutionSummary>> {
  const summaries = new Map<string, SubstitutionSummary>();
  if (caregiverIds.length === 0) return summaries;
  const arrangements = await db
    .select()
    .from(substitutionArrangements)
    .where(
      and(
        eq(substitutionArrangements.organisationId, organisationId),
        inArray(substitutionArrangements.caregiverId, [...caregiverIds]),
      ),
    );
  const personIds = arrangements.flatMap((a) => [...a.tandemPartnerIds, ...a.substituteIds]);
  const kitaIds = arrangements.flatMap((a) => (a.kitaId ? [a.kitaId] : []));
  const names = new Map(
    (await findSubstitutionContacts(db, organisationId, [...new Set(personIds)]))
      .filter((p) => p.status !== "left")
      .map((p) => [p.id, `${p.firstName} ${p.lastName}`]),
  );
  const kitas = new Map(
    kitaIds.length === 0
      ? []
      : (
          await db
            .select({ id: substitutionKitas.id, name: substitutionKitas.name, town: substitutionKitas.town })
            .from(substitutionKitas)
            .where(
              and(
                eq(substitutionKitas.organisationId, organisationId),
                inArray(substitutionKitas.id, [...new Set(kitaIds)]),
              ),
            )
        ).map((k) => [k.id, { name: k.name, town: k.town }]),
  );
  const nameList = (ids: readonly string[]) => ids.flatMap((id) => names.get(id) ?? []);
  for (const id of caregiverIds) {
    const a = arrangements.find((row) => row.caregiverId === id);
    // Someone who has left covers nobody: she drops out of the summary and of the model.
    const tandemPartnerIds = (a?.tandemPartnerIds ?? []).filter((p) => names.has(p));
    const substituteIds = (a?.substituteIds ?? []).filter((p) => names.has(p));
    const kita = a?.kitaId ? (kitas.get(a.kitaId) ?? null) : null;
    summaries.set(id, {
      model: substitutionModel({
        tandemPartnerIds,
        substituteIds,
        kitaId: kita ? (a?.kitaId ?? null) : null,
      }),
      tandemPartners: nameList(tandemPartnerIds),
      substitutes: nameList(substituteIds),
      kita,
    });
  }
  return summaries;
}
