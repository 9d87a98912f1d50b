import { z } from "zod";

/**
 * A day-care person's substitution model, derived from her arrangement (the first that applies). Apart from
 * the substitution contract because placement shows it to families too, and the two contracts import each
 * other otherwise.
 */
export const substitutionModels = ["tandem", "employedSubstitute", "kita", "none"] as const;
export type SubstitutionModel = (typeof substitutionModels)[number];

/**
 * Who takes the children when she is absent, as families see it before they accept a place (§ 23(4) SGB
 * VIII): names of her tandem partners and of the employed substitutes assigned to her, and the cooperating
 * Kita with its town. No addresses: the family learns those when a cover is confirmed.
 */
export const substitutionSummary = z.object({
  model: z.enum(substitutionModels),
  tandemPartners: z.array(z.string()),
  substitutes: z.array(z.string()),
  kita: z.object({ name: z.string(), town: z.string() }).nullable(),
});
export type SubstitutionSummary = z.infer<typeof substitutionSummary>;
