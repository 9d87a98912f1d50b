/**
 * The waiting-list rules that course bookings (ADR 0008) and event registrations (ADR 0011) share: places go
 * in order of booking time, equal times by a sequence number the server stores; nobody overtakes the
 * waiting list; freed places go to the first waiting, as many as came free.
 */

export interface QueueEntry {
  id: string;
  status: string;
  /** ISO instant of the booking or registration. */
  bookedAt: string;
  /** Increases with every entry of the list; it orders entries of the same instant (first inserted first). */
  sequence: number;
}

/** Waiting-list order: booking time, then sequence. */
export function compareQueueOrder(a: QueueEntry, b: QueueEntry): number {
  return Date.parse(a.bookedAt) - Date.parse(b.bookedAt) || a.sequence - b.sequence;
}

/** The waiting entries in the order they move up. */
export function waitingList<T extends QueueEntry>(entries: readonly T[]): T[] {
  return entries.filter((entry) => entry.status === "waiting").sort(compareQueueOrder);
}

/** 1 for the first on the waiting list; null when the entry is not waiting. */
export function waitingPosition(entries: readonly QueueEntry[], id: string): number | null {
  const index = waitingList(entries).findIndex((entry) => entry.id === id);
  return index < 0 ? null : index + 1;
}

export function confirmedCount(entries: readonly QueueEntry[]): number {
  return entries.filter((entry) => entry.status === "confirmed").length;
}

/** The sequence number of the next entry. */
export function nextSequence(entries: readonly QueueEntry[]): number {
  return entries.reduce((max, entry) => Math.max(max, entry.sequence), 0) + 1;
}

/**
 * Whether a new entry gets a place: a place is free and nobody waits (nobody may overtake the waiting list,
 * even if a place is free). A capacity of null means no limit.
 */
export function newEntryGetsPlace(capacity: number | null, entries: readonly QueueEntry[]): boolean {
  if (capacity === null) return true;
  return confirmedCount(entries) < capacity && waitingList(entries).length === 0;
}

/** Free places: null without a limit, never below zero. */
export function freePlaces(capacity: number | null, entries: readonly QueueEntry[]): number | null {
  return capacity === null ? null : Math.max(0, capacity - confirmedCount(entries));
}

/** The waiting entries that move up to fill the free places, in order (all of them without a limit). */
export function entriesToMoveUp<T extends QueueEntry>(capacity: number | null, entries: readonly T[]): T[] {
  const waiting = waitingList(entries);
  if (capacity === null) return waiting;
  const free = capacity - confirmedCount(entries);
  return free > 0 ? waiting.slice(0, free) : [];
}
