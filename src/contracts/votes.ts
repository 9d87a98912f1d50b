import { z } from "zod";
import { optionalText, orgIdParams, orgParams, requiredText, uuidSchema } from "./common";

/**
 * Votes (issue 6, ADR 0014): motions AND the parent-council election on one ballot machinery. A vote is a
 * row with `kind` "motion" or "election"; an election's candidates are its options.
 *
 * Secrecy: a secret vote stores who took part (without any time) apart from the ballot content, which exists
 * only as counters (`count = count + 1`); a named vote also keeps one row per voter with her choice.
 *
 * Life of a vote: draft → (elections: nomination →) scheduled (opening time in the future) → open → closed.
 * Draft votes can be edited and deleted; `secrecy` and the options can change only before voting starts.
 * Closing fixes the result (with a lot drawn by the platform for ties at the last seat) and mails it.
 *
 * Who manages: in an association the board and admins, in a coordination office coordinators and admins
 * (policy votes.manage + the service checks the role for the kind). Elections exist only in coordination
 * offices. Every member may see the votes she is entitled to and cast her ballot.
 *
 * Routes (JSON unless named .csv/.pdf; `:orgSlug` of an office or association, others answer 404):
 * - staff (votes.manage):
 *   POST   /api/orgs/:orgSlug/votes                          voteInput → 201 voteDetail (a draft)
 *   PUT    /api/orgs/:orgSlug/votes/:id                      voteInput → voteDetail (draft or nomination;
 *             kind cannot change; options of an election are its candidates and are not part of the input)
 *   DELETE /api/orgs/:orgSlug/votes/:id                                → okResponse (draft only)
 *   POST   /api/orgs/:orgSlug/votes/:id/open-nomination               → voteDetail (elections, from draft)
 *   POST   /api/orgs/:orgSlug/votes/:id/open                           → voteDetail (opens now, or
 *             "scheduled" until `opensAt` when that lies ahead; mails the electorate when voting opens)
 *   POST   /api/orgs/:orgSlug/votes/:id/close                          → voteDetail (also done by the job at
 *             `closesAt`; fixes the result, draws the lot if needed, announces an election's result by mail)
 *   POST   /api/orgs/:orgSlug/votes/:id/paper-ballots  paperBallotInput → 201 voteResults (hand-counted paper
 *             ballots as one aggregate with the counters' names, audited; only while open)
 *   DELETE /api/orgs/:orgSlug/votes/:id/candidates/:optionId           → voteDetail (removes a candidacy;
 *             before voting opens)
 *   GET    /api/orgs/:orgSlug/votes/:id/ballots.csv                    (named votes: who chose what)
 *   GET    /api/orgs/:orgSlug/votes/:id/record.pdf                     (closed votes: the record for the minutes)
 *   GET    /api/orgs/:orgSlug/votes/:id/projector                      → projectorView (big-screen view:
 *             participation while open, the result once visible)
 *   GET    /api/orgs/:orgSlug/vote-people                              → votePeople (members to pick for a
 *             list electorate and for presence)
 *   PUT    /api/orgs/:orgSlug/vote-settings           voteSettingsInput → voteSettings (proxies)
 * - members (votes.read: any member; the service shows only votes she is entitled to, staff see all):
 *   GET    /api/orgs/:orgSlug/votes?status=                            → voteList
 *   GET    /api/orgs/:orgSlug/votes/:id                                → voteDetail (with `me`: may she vote,
 *             has she voted, for whom she holds a proxy)
 *   POST   /api/orgs/:orgSlug/votes/:id/ballots            ballotInput → 201 ballotAccepted
 *             (errors: voteNotOpen, voteNotEntitled, voteAlreadyCast, voteNotPresent, voteInvalidChoice)
 *   GET    /api/orgs/:orgSlug/votes/:id/results                        → voteResults (`visible: false` and
 *             no numbers until closed, unless the vote shows results live; staff see participation always)
 *   POST   /api/orgs/:orgSlug/votes/:id/candidacy         candidacyInput → 201 voteDetail (elections during
 *             nomination: a parent of the electorate stands with a short introduction; again = edit)
 *   DELETE /api/orgs/:orgSlug/votes/:id/candidacy                      → voteDetail (withdraws, before voting)
 *   GET    /api/orgs/:orgSlug/vote-settings                            → voteSettings
 * - meetings (a vote linked to an event of the events module: only members present may vote):
 *   GET    /api/orgs/:orgSlug/vote-meetings/:eventId                   → meetingView (presence, proxies, the
 *             meeting's votes; members see the names present and their own proxy; staff everything)
 *   POST   /api/orgs/:orgSlug/vote-meetings/:eventId/presence  presenceInput → meetingView (herself, or
 *             staff for anyone: `userId`)
 *   DELETE /api/orgs/:orgSlug/vote-meetings/:eventId/presence/:userId  → meetingView (herself or staff)
 *   POST   /api/orgs/:orgSlug/vote-meetings/:eventId/proxy        proxyInput → meetingView (she delegates her
 *             vote for this meeting; errors: voteProxiesNotAllowed, voteProxyLimit, voteProxyInvalid)
 *   DELETE /api/orgs/:orgSlug/vote-meetings/:eventId/proxy                 → meetingView (withdraws it)
 *
 * Changes (additive only, also listed in .prof/votes-contract-changes.md): none yet.
 */

export const voteKinds = ["motion", "election"] as const;
export type VoteKind = (typeof voteKinds)[number];
/** yesNo: yes / no, abstention as a separate choice; oneOf: exactly one option; severalOf: up to maxChoices. */
export const optionKinds = ["yesNo", "oneOf", "severalOf"] as const;
export type OptionKind = (typeof optionKinds)[number];
export const electorateKinds = ["allMembers", "board", "caregivers", "parentsWithContract", "list"] as const;
export type ElectorateKind = (typeof electorateKinds)[number];
/**
 * simple: more yes than no (abstentions do not count); twoThirds: at least two thirds of yes and no;
 * absoluteOfEntitled: more than half of everyone entitled to vote.
 */
export const majorityRules = ["simple", "twoThirds", "absoluteOfEntitled"] as const;
export type MajorityRule = (typeof majorityRules)[number];
export const secrecies = ["secret", "named"] as const;
export type Secrecy = (typeof secrecies)[number];
/** afterClose: nobody sees numbers before the end; live: everyone who may see results sees them while open. */
export const resultVisibilities = ["afterClose", "live"] as const;
export const voteStatuses = ["draft", "nomination", "scheduled", "open", "closed"] as const;
export type VoteStatus = (typeof voteStatuses)[number];
/** Elections: one vote per parent, or as many as she has children in care (the organisation decides). */
export const voteWeightings = ["perParent", "perChild"] as const;
export type VoteWeighting = (typeof voteWeightings)[number];

const instant = z.iso.datetime({ offset: true, message: "v.dateTime" });

export const voteOrgParams = orgParams;
export const voteParams = orgIdParams;
export const voteCandidateParams = orgIdParams.extend({ optionId: uuidSchema });
export const voteMeetingParams = orgParams.extend({ eventId: uuidSchema });
export const voteMeetingPersonParams = voteMeetingParams.extend({ userId: uuidSchema });
export const voteListQuery = z.object({ status: z.enum(voteStatuses).optional() });

export const electorateInput = z.object({
  kind: z.enum(electorateKinds),
  /** Only for kind "list": the members who may vote. */
  userIds: z.array(uuidSchema).max(2000).default([]),
});

/** Create and edit (draft) a motion or an election. Fields that do not apply to the kind are ignored. */
export const voteInput = z.object({
  kind: z.enum(voteKinds),
  title: requiredText(200),
  text: optionalText(10000).default(""),
  /** Motions: how one answers. Elections are always "severalOf" with maxChoices = seats. */
  optionKind: z.enum(optionKinds).default("yesNo"),
  /** Motions with oneOf/severalOf: the options' labels (2–50). yesNo builds its own options. */
  options: z.array(requiredText(200)).max(50).default([]),
  /** severalOf: the most options one ballot may mark. */
  maxChoices: z.number().int().min(1).max(50).default(1),
  /** oneOf/severalOf: whether one may abstain explicitly (yesNo always offers abstention). */
  allowAbstain: z.boolean().default(true),
  /** Motions only; elections always have the parents with an active care contract. */
  electorate: electorateInput.default({ kind: "allMembers", userIds: [] }),
  majority: z.enum(majorityRules).default("simple"),
  /** Share of the entitled who must take part, in percent (0 = no quorum). */
  quorumPercent: z.number().int().min(0).max(100).default(0),
  resultVisibility: z.enum(resultVisibilities).default("afterClose"),
  secrecy: z.enum(secrecies).default("secret"),
  /** A meeting (event of the organisation): only members marked present there may vote. */
  eventId: uuidSchema.nullable().default(null),
  /** Voting opens at (else when staff opens it) and closes at (else when staff closes it). */
  opensAt: instant.nullable().default(null),
  closesAt: instant.nullable().default(null),
  /** Elections: seats to fill, weighting, end of the nomination period (else: when voting opens). */
  seats: z.number().int().min(1).max(30).default(1),
  weighting: z.enum(voteWeightings).default("perParent"),
  nominationClosesAt: instant.nullable().default(null),
});
export type VoteInput = z.infer<typeof voteInput>;

export const voteOption = z.object({
  id: uuidSchema,
  label: z.string(),
  /** yesNo motions: "yes" | "no"; others null. */
  role: z.enum(["yes", "no"]).nullable(),
  /** Elections: the candidate's account and her introduction. */
  candidateUserId: uuidSchema.nullable(),
  introduction: z.string(),
});
export type VoteOption = z.infer<typeof voteOption>;

export const voteSummary = z.object({
  id: uuidSchema,
  kind: z.enum(voteKinds),
  title: z.string(),
  status: z.enum(voteStatuses),
  secrecy: z.enum(secrecies),
  eventId: uuidSchema.nullable(),
  eventTitle: z.string().nullable(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Whether she may cast a ballot now (open, entitled, present if a meeting vote, not yet voted). */
  canVote: z.boolean(),
  hasVoted: z.boolean(),
});
export const voteList = z.object({ items: z.array(voteSummary), canManage: z.boolean() });
export type VoteList = z.infer<typeof voteList>;

/** Why she cannot vote now (null: she can, or has voted). */
export const cannotVoteReasons = ["notOpen", "notEntitled", "notPresent", "alreadyVoted"] as const;

export const voteDetail = z.object({
  id: uuidSchema,
  kind: z.enum(voteKinds),
  title: z.string(),
  text: z.string(),
  status: z.enum(voteStatuses),
  optionKind: z.enum(optionKinds),
  options: z.array(voteOption),
  maxChoices: z.number().int(),
  allowAbstain: z.boolean(),
  electorate: z.object({ kind: z.enum(electorateKinds), userIds: z.array(uuidSchema) }),
  majority: z.enum(majorityRules),
  quorumPercent: z.number().int(),
  resultVisibility: z.enum(resultVisibilities),
  secrecy: z.enum(secrecies),
  eventId: uuidSchema.nullable(),
  eventTitle: z.string().nullable(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  seats: z.number().int(),
  weighting: z.enum(voteWeightings),
  nominationClosesAt: z.string().nullable(),
  /** Whether the caller manages votes of this organisation (edit, open, close, paper, exports). */
  canManage: z.boolean(),
  me: z.object({
    canVote: z.boolean(),
    hasVoted: z.boolean(),
    cannotVoteReason: z.enum(cannotVoteReasons).nullable(),
    /** Her weight (children in care in a per-child election; else 1). */
    weight: z.number().int(),
    /** Members she votes for by proxy at this meeting, and whether each has been cast. */
    proxiesHeld: z.array(z.object({ userId: uuidSchema, name: z.string(), hasVoted: z.boolean() })),
    /** Elections: she may stand now (nomination open and she belongs to the electorate). */
    canStand: z.boolean(),
    /** Her own candidacy (the option id) if she stands. */
    candidacyOptionId: uuidSchema.nullable(),
  }),
});
export type VoteDetail = z.infer<typeof voteDetail>;

/**
 * A ballot: the options marked (none with `abstain` true = abstention). For yesNo, mark the yes or the no
 * option. `onBehalfOf`: the member whose proxy she holds at this meeting.
 */
export const ballotInput = z.object({
  optionIds: z.array(uuidSchema).max(50).default([]),
  abstain: z.boolean().default(false),
  onBehalfOf: uuidSchema.nullable().default(null),
});
export type BallotInput = z.infer<typeof ballotInput>;
export const ballotAccepted = z.object({ ok: z.literal(true) });

export const candidacyInput = z.object({ introduction: optionalText(1500).default("") });

/** Paper ballots counted by hand, entered as one aggregate; the counters' names go into the record. */
export const paperBallotInput = z.object({
  /** Ballots handed in (including empty/abstaining ones). */
  ballots: z.number().int().min(0).max(100000),
  abstentions: z.number().int().min(0).max(100000),
  counts: z.array(z.object({ optionId: uuidSchema, votes: z.number().int().min(0).max(100000) })).max(50),
  counters: z.array(requiredText(120)).min(1, "v.required").max(10),
});
export type PaperBallotInput = z.infer<typeof paperBallotInput>;

export const lotRecord = z.object({
  /** When the platform drew it (crypto random) and among whom, in the order drawn. */
  drawnAt: z.string(),
  tiedOptionIds: z.array(uuidSchema),
  order: z.array(uuidSchema),
});

export const voteResults = z.object({
  id: uuidSchema,
  status: z.enum(voteStatuses),
  /** false: the numbers stay hidden until the vote closes; the fields below are then null/empty. */
  visible: z.boolean(),
  /** Whether the result is final (the vote is closed). */
  final: z.boolean(),
  majority: z.enum(majorityRules),
  quorumPercent: z.number().int(),
  /** Weighted votes: entitled, ballots cast (online + paper) and abstentions. */
  entitled: z.number().int().nullable(),
  ballots: z.number().int().nullable(),
  abstentions: z.number().int().nullable(),
  /** People who took part online (staff see it while open even when numbers are hidden). */
  participants: z.number().int().nullable(),
  paper: z
    .array(
      z.object({ ballots: z.number().int(), abstentions: z.number().int(), counters: z.array(z.string()) }),
    )
    .nullable(),
  options: z.array(
    z.object({
      id: uuidSchema,
      label: z.string(),
      votes: z.number().int(),
      /** Accepted (motion option meets the rule) or elected. */
      accepted: z.boolean(),
    }),
  ),
  quorumReached: z.boolean().nullable(),
  passed: z.boolean().nullable(),
  election: z
    .object({
      elected: z.array(uuidSchema),
      substitutes: z.array(uuidSchema),
      lot: lotRecord.nullable(),
    })
    .nullable(),
});
export type VoteResults = z.infer<typeof voteResults>;

export const projectorView = z.object({
  title: z.string(),
  status: z.enum(voteStatuses),
  eventTitle: z.string().nullable(),
  present: z.number().int().nullable(),
  results: voteResults,
});

export const votePeople = z.object({
  items: z.array(z.object({ userId: uuidSchema, name: z.string(), roles: z.array(z.string()) })),
});

export const voteSettingsInput = z.object({
  proxiesAllowed: z.boolean(),
  /** How many members one person may represent at a meeting. */
  maxProxiesPerHolder: z.number().int().min(1).max(10),
});
export const voteSettings = voteSettingsInput.extend({ canManage: z.boolean() });
export type VoteSettings = z.infer<typeof voteSettings>;

export const presenceInput = z.object({ userId: uuidSchema.nullable().default(null) });
export const proxyInput = z.object({ holderUserId: uuidSchema });

export const meetingView = z.object({
  eventId: uuidSchema,
  eventTitle: z.string(),
  startsAt: z.string(),
  canManage: z.boolean(),
  mePresent: z.boolean(),
  present: z.array(z.object({ userId: uuidSchema, name: z.string() })),
  proxiesAllowed: z.boolean(),
  maxProxiesPerHolder: z.number().int(),
  /** Her own delegation for this meeting (to whom), if any. */
  myProxy: z.object({ holderUserId: uuidSchema, holderName: z.string() }).nullable(),
  /** Staff: every delegation of the meeting. */
  proxies: z.array(
    z.object({
      fromUserId: uuidSchema,
      fromName: z.string(),
      holderUserId: uuidSchema,
      holderName: z.string(),
    }),
  ),
  /** Members she may name as proxy holder (other members of the organisation). */
  people: z.array(z.object({ userId: uuidSchema, name: z.string() })),
  votes: z.array(voteSummary),
});
export type MeetingView = z.infer<typeof meetingView>;
