/**
 * Counting votes (ADR 0014). Everything here works on aggregates — ballots cast, abstentions and votes per
 * option — never on single ballots, so that a secret vote's counters, a named vote's rows (summed) and
 * hand-counted paper ballots add up the same way. Weighted votes (one vote per child in a parent-council
 * election) are just larger numbers in the same aggregate.
 *
 * All comparisons are made in whole numbers (`yes * 3 >= 2 * valid`), so "exactly two thirds" is never lost
 * to rounding.
 */

export type OptionKind = "yesNo" | "oneOf" | "severalOf";
export type MajorityRule = "simple" | "twoThirds" | "absoluteOfEntitled";

/** Ballots and per-option votes of one source (online counters, named rows, one paper count) or their sum. */
export interface Aggregate {
  /** Ballots cast, abstaining/empty ones included (weighted). */
  ballots: number;
  /** Ballots that marked nothing (explicit abstention or the empty ballot). */
  abstentions: number;
  /** Votes per option id (weighted). */
  counts: Readonly<Record<string, number>>;
}

export const emptyAggregate: Aggregate = { ballots: 0, abstentions: 0, counts: {} };

/** The sum of several sources, e.g. online counters plus every paper count. */
export function addAggregates(...parts: readonly Aggregate[]): Aggregate {
  const counts: Record<string, number> = {};
  let ballots = 0;
  let abstentions = 0;
  for (const part of parts) {
    ballots += part.ballots;
    abstentions += part.abstentions;
    for (const [id, n] of Object.entries(part.counts)) counts[id] = (counts[id] ?? 0) + n;
  }
  return { ballots, abstentions, counts };
}

export interface BallotOption {
  id: string;
  /** yesNo motions: which option says yes and which no. */
  role: "yes" | "no" | null;
}

/** What a ballot must satisfy: the options, how many may be marked, and whether abstaining is allowed. */
export interface BallotSpec {
  optionKind: OptionKind;
  options: readonly BallotOption[];
  maxChoices: number;
  allowAbstain: boolean;
}

/** One ballot: the options marked, or an abstention. */
export interface Ballot {
  optionIds: readonly string[];
  abstain: boolean;
}

/** The validation key (`validation.<key>`) of a ballot that cannot be counted, or null when it is valid. */
export function ballotProblem(spec: BallotSpec, ballot: Ballot): string | null {
  const ids = new Set(ballot.optionIds);
  if (ids.size !== ballot.optionIds.length) return "voteChoiceInvalid";
  const known = new Set(spec.options.map((o) => o.id));
  if ([...ids].some((id) => !known.has(id))) return "voteChoiceInvalid";
  const abstainAllowed = spec.optionKind === "yesNo" || spec.allowAbstain;
  if (ballot.abstain) {
    if (!abstainAllowed) return "voteChoiceInvalid";
    return ids.size === 0 ? null : "voteChoiceInvalid";
  }
  if (ids.size === 0) return "voteChoiceEmpty";
  const limit = spec.optionKind === "severalOf" ? spec.maxChoices : 1;
  return ids.size > limit ? "voteChoiceCount" : null;
}

/** What a valid ballot adds to the counters: +weight per marked option, and to ballots/abstentions. */
export function ballotAggregate(ballot: Ballot, weight: number): Aggregate {
  const counts: Record<string, number> = {};
  for (const id of ballot.optionIds) counts[id] = weight;
  const abstains = ballot.abstain || ballot.optionIds.length === 0;
  return { ballots: weight, abstentions: abstains ? weight : 0, counts };
}

/**
 * The validation key of a hand-counted paper aggregate that cannot be right, or null. Votes for one option
 * cannot exceed the ballots that marked something; with one mark per ballot they must add up exactly.
 */
export function paperProblem(spec: BallotSpec, paper: Aggregate): string | null {
  const known = new Set(spec.options.map((o) => o.id));
  if (Object.keys(paper.counts).some((id) => !known.has(id))) return "voteChoiceInvalid";
  if (paper.abstentions > paper.ballots) return "votePaperSum";
  const marking = paper.ballots - paper.abstentions;
  const values = Object.values(paper.counts);
  const sum = values.reduce((a, b) => a + b, 0);
  if (values.some((n) => n > marking)) return "votePaperSum";
  const limit = spec.optionKind === "severalOf" ? spec.maxChoices : 1;
  if (limit === 1) return sum === marking ? null : "votePaperSum";
  return sum >= marking && sum <= marking * limit ? null : "votePaperSum";
}

/**
 * Whether enough took part: ballots (abstentions count as taking part) at least `quorumPercent` of the
 * entitled. A quorum of 0 is always reached.
 */
export function quorumReached(ballots: number, entitled: number, quorumPercent: number): boolean {
  return ballots * 100 >= quorumPercent * entitled;
}

/** Whether `votes` meets the rule, measured against `valid` (votes that chose) or the entitled. */
function meetsRule(rule: MajorityRule, votes: number, against: number, entitled: number): boolean {
  if (votes <= 0) return false;
  switch (rule) {
    case "simple":
      return votes * 2 > against;
    case "twoThirds":
      return votes * 3 >= against * 2;
    case "absoluteOfEntitled":
      return votes * 2 > entitled;
  }
}

export interface MotionSpec extends BallotSpec {
  majority: MajorityRule;
  quorumPercent: number;
}

export interface MotionOutcome {
  quorumReached: boolean;
  /** The motion is adopted: yes won (yesNo), an option won (oneOf), at least one option accepted (severalOf). */
  passed: boolean;
  options: { id: string; votes: number; accepted: boolean }[];
}

/**
 * The result of a motion.
 * - yesNo: yes against no; abstentions never count. simple: more yes than no; twoThirds: yes at least two
 *   thirds of yes + no; absoluteOfEntitled: yes more than half of all entitled.
 * - oneOf: the option with the most votes, if it alone has the most and meets the rule: simple = more than
 *   all other options together (more than half of the votes that chose); twoThirds = at least two thirds of
 *   them; absoluteOfEntitled = more than half of the entitled.
 * - severalOf: every option on its own, against the ballots that marked something: marked on more than half
 *   (simple), on at least two thirds (twoThirds), or by more than half of the entitled.
 * A missed quorum means nothing is adopted.
 */
export function tallyMotion(spec: MotionSpec, total: Aggregate, entitled: number): MotionOutcome {
  const votesOf = (id: string) => total.counts[id] ?? 0;
  const reached = quorumReached(total.ballots, entitled, spec.quorumPercent);
  const accepted = new Set<string>();
  if (spec.optionKind === "yesNo") {
    const yes = spec.options.find((o) => o.role === "yes");
    const no = spec.options.find((o) => o.role === "no");
    const y = yes ? votesOf(yes.id) : 0;
    const n = no ? votesOf(no.id) : 0;
    if (yes && meetsRule(spec.majority, y, y + n, entitled)) accepted.add(yes.id);
  } else if (spec.optionKind === "oneOf") {
    const valid = spec.options.reduce((sum, o) => sum + votesOf(o.id), 0);
    const top = Math.max(0, ...spec.options.map((o) => votesOf(o.id)));
    const leaders = spec.options.filter((o) => votesOf(o.id) === top);
    const leader = leaders[0];
    if (leaders.length === 1 && leader && meetsRule(spec.majority, top, valid, entitled))
      accepted.add(leader.id);
  } else {
    const marking = total.ballots - total.abstentions;
    for (const o of spec.options) {
      if (meetsRule(spec.majority, votesOf(o.id), marking, entitled)) accepted.add(o.id);
    }
  }
  if (!reached) accepted.clear();
  return {
    quorumReached: reached,
    passed: accepted.size > 0,
    options: spec.options.map((o) => ({ id: o.id, votes: votesOf(o.id), accepted: accepted.has(o.id) })),
  };
}

/**
 * Candidates who share a number of votes (above zero) with another: their order must come from a lot.
 * Returned in the order of `candidateIds`.
 */
export function tiedCandidates(
  candidateIds: readonly string[],
  counts: Readonly<Record<string, number>>,
): string[] {
  const byVotes = new Map<number, number>();
  for (const id of candidateIds) {
    const v = counts[id] ?? 0;
    byVotes.set(v, (byVotes.get(v) ?? 0) + 1);
  }
  return candidateIds.filter((id) => {
    const v = counts[id] ?? 0;
    return v > 0 && (byVotes.get(v) ?? 0) > 1;
  });
}

export interface ElectionOutcome {
  /** Candidates in rank order: most votes first, equal votes in the order of the lot. */
  ranking: { id: string; votes: number }[];
  elected: string[];
  /** The next candidates with votes, in the order they move up. */
  substitutes: string[];
}

/**
 * The result of an election with `seats` seats: the candidates with the most votes are elected, the further
 * candidates with at least one vote are substitutes in order. Equal votes are ordered by `lotOrder` (the
 * recorded lot over the tied candidates, see `tiedCandidates`); a tie without a lot throws, because the
 * server must draw and record it first.
 */
export function tallyElection(
  candidateIds: readonly string[],
  counts: Readonly<Record<string, number>>,
  seats: number,
  lotOrder: readonly string[] = [],
): ElectionOutcome {
  const tied = tiedCandidates(candidateIds, counts);
  const lotRank = new Map(lotOrder.map((id, i) => [id, i]));
  const missing = tied.filter((id) => !lotRank.has(id));
  if (missing.length > 0) throw new Error(`tie without a lot: ${missing.join(", ")}`);
  const ranking = candidateIds
    .map((id) => ({ id, votes: counts[id] ?? 0 }))
    .filter((c) => c.votes > 0)
    .sort((a, b) => b.votes - a.votes || (lotRank.get(a.id) ?? 0) - (lotRank.get(b.id) ?? 0));
  return {
    ranking,
    elected: ranking.slice(0, seats).map((c) => c.id),
    substitutes: ranking.slice(seats).map((c) => c.id),
  };
}

/**
 * A lot: the ids in random order (Fisher–Yates). `randomInt(n)` must return a uniform whole number in
 * [0, n); the server passes `crypto.randomInt`, tests a fixed sequence.
 */
export function drawLot(ids: readonly string[], randomInt: (n: number) => number): string[] {
  const order = [...ids];
  for (let i = order.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    const a = order[i] as string;
    order[i] = order[j] as string;
    order[j] = a;
  }
  return order;
}
