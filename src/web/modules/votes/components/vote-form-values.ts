import {
  type ElectorateKind,
  type MajorityRule,
  type OptionKind,
  type Secrecy,
  type VoteDetail,
  type VoteInput,
  type VoteKind,
  type VoteWeighting,
  voteInput,
} from "../../../../contracts/votes";

/** The form's values: numbers and times as typed, turned into the contract's body on submit. */
export interface VoteFormValues {
  kind: VoteKind;
  title: string;
  text: string;
  optionKind: OptionKind;
  options: string[];
  maxChoices: string;
  allowAbstain: boolean;
  electorateKind: ElectorateKind;
  userIds: string[];
  majority: MajorityRule;
  quorumPercent: string;
  resultVisibility: "afterClose" | "live";
  secrecy: Secrecy;
  eventId: string;
  /** datetime-local values ("2026-12-01T19:30"), in the browser's time zone. */
  opensAt: string;
  closesAt: string;
  seats: string;
  weighting: VoteWeighting;
  nominationClosesAt: string;
}

/** A new motion (yes/no, secret, results after the end) or a new election for one seat. */
export function newVoteValues(kind: VoteKind, eventId = ""): VoteFormValues {
  return {
    kind,
    title: "",
    text: "",
    optionKind: kind === "election" ? "severalOf" : "yesNo",
    options: ["", ""],
    maxChoices: "1",
    allowAbstain: true,
    electorateKind: kind === "election" ? "parentsWithContract" : "allMembers",
    userIds: [],
    majority: "simple",
    quorumPercent: "0",
    resultVisibility: "afterClose",
    secrecy: "secret",
    eventId,
    opensAt: "",
    closesAt: "",
    seats: "1",
    weighting: "perParent",
    nominationClosesAt: "",
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as the value of a datetime-local field in the browser's zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as an instant; what is no time stays text, so the schema names the problem. */
function toInstant(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

const numberOrText = (value: string): number | string => {
  const trimmed = value.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
};

export function voteValues(vote: VoteDetail): VoteFormValues {
  const own = vote.optionKind !== "yesNo" && vote.kind === "motion";
  return {
    kind: vote.kind,
    title: vote.title,
    text: vote.text,
    optionKind: vote.optionKind,
    options: own ? vote.options.map((o) => o.label) : ["", ""],
    maxChoices: String(vote.maxChoices),
    allowAbstain: vote.allowAbstain,
    electorateKind: vote.electorate.kind,
    userIds: vote.electorate.userIds,
    majority: vote.majority,
    quorumPercent: String(vote.quorumPercent),
    resultVisibility: vote.resultVisibility,
    secrecy: vote.secrecy,
    eventId: vote.eventId ?? "",
    opensAt: toLocalInput(vote.opensAt),
    closesAt: toLocalInput(vote.closesAt),
    seats: String(vote.seats),
    weighting: vote.weighting,
    nominationClosesAt: toLocalInput(vote.nominationClosesAt),
  };
}

/** The body as the server reads it; not yet checked. */
export function toVoteBody(values: VoteFormValues) {
  const isElection = values.kind === "election";
  const hasOwnOptions = !isElection && values.optionKind !== "yesNo";
  return {
    kind: values.kind,
    title: values.title,
    text: values.text,
    optionKind: isElection ? "severalOf" : values.optionKind,
    options: hasOwnOptions ? values.options.map((o) => o.trim()).filter(Boolean) : [],
    maxChoices: values.optionKind === "severalOf" && !isElection ? numberOrText(values.maxChoices) : 1,
    allowAbstain: values.allowAbstain,
    electorate: {
      kind: isElection ? "parentsWithContract" : values.electorateKind,
      userIds: values.electorateKind === "list" && !isElection ? values.userIds : [],
    },
    majority: values.majority,
    quorumPercent: numberOrText(values.quorumPercent || "0"),
    resultVisibility: values.resultVisibility,
    secrecy: values.secrecy,
    eventId: values.eventId || null,
    opensAt: toInstant(values.opensAt),
    closesAt: toInstant(values.closesAt),
    seats: isElection ? numberOrText(values.seats) : 1,
    weighting: values.weighting,
    nominationClosesAt: isElection ? toInstant(values.nominationClosesAt) : null,
  };
}

/** Where a problem of the body shows in the form. */
export function formPath(path: string): string {
  return path
    .replace(/^electorate\.kind$/, "electorateKind")
    .replace(/^electorate\.userIds(\.\d+)?$/, "userIds");
}

/** Checks the values as the server will; the body when valid, else the problems by form path. */
export function checkVoteValues(
  values: VoteFormValues,
): { ok: true; body: VoteInput } | { ok: false; errors: Record<string, string> } {
  const result = voteInput.safeParse(toVoteBody(values));
  const errors: Record<string, string> = {};
  if (result.success) {
    // Rules the schema leaves to the service, checked here too so they stand at their fields at once.
    const body = result.data;
    if (body.kind === "motion" && body.optionKind !== "yesNo" && body.options.length < 2)
      errors.options = "v.voteOptionsCount";
    if (body.optionKind === "severalOf" && body.kind === "motion" && body.maxChoices > body.options.length)
      errors.maxChoices = "v.voteMaxChoices";
    if (body.electorate.kind === "list" && body.electorate.userIds.length === 0)
      errors.userIds = "v.voteListEmpty";
    if (body.opensAt && body.closesAt && body.closesAt <= body.opensAt)
      errors.closesAt = "v.voteCloseBeforeOpen";
    return Object.keys(errors).length === 0 ? { ok: true, body } : { ok: false, errors };
  }
  for (const issue of result.error.issues) {
    const path = formPath(issue.path.join("."));
    if (!errors[path]) errors[path] = issue.message;
  }
  return { ok: false, errors };
}
