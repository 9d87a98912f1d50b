/**
 * The life of a vote (ADR 0014): draft → (elections: nomination →) scheduled → open → closed. What may be
 * done in which state; the server checks these under the vote's row lock.
 */

export type VoteStatus = "draft" | "nomination" | "scheduled" | "open" | "closed";

/**
 * Settings, options and secrecy may change only before voting starts: a ballot cast under one rule must not
 * be counted under another (the kind secret/named above all).
 */
export function mayEdit(status: VoteStatus): boolean {
  return status === "draft" || status === "nomination" || status === "scheduled";
}

/** Candidates stand (or withdraw) while nominations are open and voting has not begun. */
export function mayStand(
  vote: { kind: "motion" | "election"; status: VoteStatus; nominationClosesAt: Date | null },
  now: Date,
): boolean {
  if (vote.kind !== "election") return false;
  if (vote.status !== "nomination" && vote.status !== "scheduled") return false;
  return !vote.nominationClosesAt || now < vote.nominationClosesAt;
}

/** Numbers are shown once the vote is closed, or while open when the vote shows results live. */
export function resultsVisible(vote: {
  status: VoteStatus;
  resultVisibility: "afterClose" | "live";
}): boolean {
  if (vote.status === "closed") return true;
  return vote.status === "open" && vote.resultVisibility === "live";
}

/** A ballot counts only while the vote is open and before its closing time (the job may run a little late). */
export function acceptsBallots(vote: { status: VoteStatus; closesAt: Date | null }, now: Date): boolean {
  return vote.status === "open" && (!vote.closesAt || now < vote.closesAt);
}

/** Whether `today` (a local ISO day) is one of the meeting's days, when members mark themselves present. */
export function isMeetingDay(meeting: { date: string; endDate: string }, today: string): boolean {
  return meeting.date <= today && today <= meeting.endDate;
}
