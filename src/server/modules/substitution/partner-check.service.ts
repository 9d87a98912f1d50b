import type { PartnerCheck, PartnerCheckResponse } from "../../../contracts/substitution";
import {
  affectedChildDays,
  type CoverCheckProblem,
  type CoverInput,
  type CoverProposal,
  checkPeriod,
  evaluateCandidate,
} from "../../../core/substitution";
import type { Executor } from "../../platform/db/client";
import { notFound } from "../../platform/errors";
import type { ServiceContext } from "../../platform/types";
import {
  coverChildren,
  coverInput,
  loadWorld,
  nameOf,
  officeOf,
  problemOf,
  registryPersonOf,
  type World,
} from "./substitution.context";
import * as repo from "./substitution.repository";

/**
 * Whether her tandem partners alone can take every child-day of a planned absence from today on. The
 * absence's own covers are left out of the places held (they are what is being checked); everything else
 * counts: the partners' own children, their own absences (on a partner's closing days she cannot cover)
 * and the covers of other absences. Illness is not planned, so it gets no check; nor does someone without
 * a partner.
 */
export async function partnerCheckOf(
  db: Executor,
  world: World,
  absence: repo.AbsenceRow,
): Promise<PartnerCheck | null> {
  if (absence.kind === "illness" || absence.status !== "active") return null;
  const partnerIds =
    world.arrangements.find((a) => a.caregiverId === absence.caregiverId)?.tandemPartnerIds ?? [];
  if (partnerIds.length === 0) return null;
  const contracts = [...world.contracts.values()].filter((c) => c.caregiverId === absence.caregiverId);
  const days = affectedChildDays(absence, contracts, { from: world.today });
  const own = await repo.listCovers(db, world.org.id, { absenceIds: [absence.id] });
  const holding = await repo.listHoldingCovers(
    db,
    world.org.id,
    world.today,
    own.map((c) => c.id),
  );
  const input = coverInput(world, coverChildren(world, absence.caregiverId, days), holding);
  const check = checkPeriod(input, ["tandem"]);
  const partnerNames = partnerIds.flatMap((id) => {
    const person = world.contacts.get(id);
    return person ? [nameOf(person)] : [];
  });
  return {
    partnerNames,
    childDays: check.childDays,
    coveredByPartner: check.covered,
    allCovered: check.allCovered,
    problems: check.proposals
      .filter((p) => p.kind === null)
      .map((p) => {
        const dto = problemOf(world, partnerReason(input, p, partnerIds));
        return {
          ...(dto ?? { ...NO_PARTNER_DTO, day: p.day }),
          day: dto?.day ?? p.day,
          childFirstName: world.contracts.get(p.contractId)?.childFirstName ?? "",
        };
      })
      .sort((a, b) => (a.day ?? "").localeCompare(b.day ?? "") || (a.from ?? "").localeCompare(b.from ?? "")),
  };
}

/**
 * The rules name only capacity as a reason when a child-day stays open; with the partners as the only
 * candidates, the partner's own reason (closed herself, not working then, another age) is the useful one.
 */
function partnerReason(
  input: CoverInput,
  proposal: CoverProposal,
  partnerIds: readonly string[],
): CoverCheckProblem {
  const problem = proposal.problem ?? { ...NO_PARTNER, day: proposal.day };
  if (problem.code !== "noCandidate") return problem;
  const child = { contractId: proposal.contractId, day: proposal.day };
  for (const personId of partnerIds) {
    const reason = evaluateCandidate(input, child, { personId }).problem;
    if (reason && reason.code !== "noCandidate") return reason;
  }
  return problem;
}

const NO_PARTNER = {
  code: "noCandidate" as const,
  personId: null,
  kitaId: null,
  from: null,
  to: null,
  present: null,
  limit: null,
};
const NO_PARTNER_DTO = { ...NO_PARTNER, personName: null };

async function checkFor(ctx: ServiceContext, id: string, caregiverId: string | null) {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  const absence = await repo.findAbsence(db, org.id, id);
  if (!absence || (caregiverId !== null && absence.caregiverId !== caregiverId)) throw notFound();
  const world = await loadWorld(db, org, ctx.platform.now());
  return { partnerCheck: await partnerCheckOf(db, world, absence) };
}

/** The partner check of one of her own absences, again (e.g. after the office changed something). */
export async function ownPartnerCheck(ctx: ServiceContext, id: string): Promise<PartnerCheckResponse> {
  return checkFor(ctx, id, await registryPersonOf(ctx));
}

/** The office's view of anyone's partner check. */
export async function officePartnerCheck(ctx: ServiceContext, id: string): Promise<PartnerCheckResponse> {
  return checkFor(ctx, id, null);
}
