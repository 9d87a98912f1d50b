/**
 * The published allocation criteria (Kriterienkatalog) and a request's priority points under them. Points
 * decide who comes first when places are short, so they must follow from the published catalogue alone: a
 * criterion the organisation has not published yet gives nobody a point, and an answer to a question that is
 * no longer asked counts for nothing.
 */

/** A criterion as the rules see it: the fact it asks about and its weight. */
export interface Criterion {
  id: string;
  /** A fixed fact key ("singleParent") or "custom" for the organisation's own yes/no question. */
  fact: string;
  points: number;
  isPublished: boolean;
}

const CUSTOM = "custom";

/**
 * The key under which a request answers the criterion "yes": the fact itself, or `custom:<id>` for a
 * question of the organisation's own, so that two custom questions never share an answer.
 */
export function criterionKey(criterion: Pick<Criterion, "id" | "fact">): string {
  return criterion.fact === CUSTOM ? `${CUSTOM}:${criterion.id}` : criterion.fact;
}

/** The points of a request and the criteria that gave them, in the catalogue's order. */
export interface Priority {
  points: number;
  awarded: { criterionId: string; points: number }[];
}

/** The priority of a request whose "yes" answers are `facts`, under the published part of the catalogue. */
export function computePriority(criteria: readonly Criterion[], facts: readonly string[]): Priority {
  const yes = new Set(facts);
  const awarded = criteria
    .filter((criterion) => criterion.isPublished && yes.has(criterionKey(criterion)))
    .map((criterion) => ({ criterionId: criterion.id, points: criterion.points }));
  return { points: awarded.reduce((sum, a) => sum + a.points, 0), awarded };
}

/**
 * The answers worth keeping: only questions the published catalogue asks, each once, in the catalogue's
 * order. Anything else was not asked (or is forged) and must not wait to count once a criterion is published.
 */
export function keepAskedFacts(criteria: readonly Criterion[], facts: readonly string[]): string[] {
  const yes = new Set(facts);
  return criteria.filter((c) => c.isPublished && yes.has(criterionKey(c))).map(criterionKey);
}
