import type {
  EventListItem,
  MyRegistration,
  PlaceDto,
  QuestionDto,
  StaffEventDetail,
  StaffRegistration,
  StaffSeriesDetail,
} from "../../../contracts/events";
import type { Question } from "../../../core/events/questions";
import { isRegistrationOpen, type Registration } from "../../../core/events/registration";
import { confirmedCount, waitingList, waitingPosition } from "../../../core/shared/waiting-list";
import type { EventRow, ParticipantRow, RegistrationRow, SeriesRow } from "./events.repository";
import { isoInstant } from "./events.repository";

export interface Counts {
  confirmed: number;
  waiting: number;
}

/** The online link is for people with a place once registration is on; without registration it is open. */
export function presentPlace(
  row: Pick<EventRow, "place" | "lat" | "lon" | "registrationEnabled">,
  showOnlineUrl: boolean,
): PlaceDto {
  const { place } = row;
  return {
    name: place.name,
    street: place.street,
    postalCode: place.postalCode,
    town: place.town,
    onlineUrl: place.onlineUrl && (showOnlineUrl || !row.registrationEnabled) ? place.onlineUrl : null,
    isOnline: place.onlineUrl !== null,
    lat: row.lat,
    lon: row.lon,
  };
}

export function presentQuestions(questions: readonly Question[]): QuestionDto[] {
  return questions.map((q) => ({ ...q, options: [...q.options] }));
}

export function targetOf(row: EventRow) {
  return {
    id: row.id,
    status: row.status,
    registrationEnabled: row.registrationEnabled,
    capacity: row.capacity,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
  };
}

export function presentListItem(
  row: EventRow,
  counts: Counts | undefined,
  now: Date,
  options: { showOnlineUrl: boolean },
): EventListItem {
  const confirmed = counts?.confirmed ?? 0;
  return {
    id: row.id,
    seriesId: row.seriesId,
    isDetached: row.isDetached,
    kind: row.kind,
    title: row.title,
    description: row.description,
    audience: row.audience,
    status: row.status,
    cancelReason: row.cancelReason,
    date: row.date,
    endDate: row.endDate,
    from: row.from,
    to: row.to,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    place: presentPlace(row, options.showOnlineUrl),
    registration: {
      enabled: row.registrationEnabled,
      capacity: row.capacity,
      confirmed,
      waiting: counts?.waiting ?? 0,
      freePlaces: row.capacity === null ? null : Math.max(0, row.capacity - confirmed),
      guestsAllowed: row.guestsAllowed && row.audience === "public",
      isOpen: isRegistrationOpen(targetOf(row), now.toISOString()),
    },
  };
}

export function countsOf(registrations: readonly Registration[]): Counts {
  return { confirmed: confirmedCount(registrations), waiting: waitingList(registrations).length };
}

export function presentStaffDetail(
  row: EventRow,
  registrations: readonly Registration[],
  organisers: { userId: string; name: string }[],
  series: SeriesRow | null,
  now: Date,
): StaffEventDetail {
  return {
    ...presentListItem(row, countsOf(registrations), now, { showOnlineUrl: true }),
    organisers,
    questions: presentQuestions(row.questions),
    minutesVisibility: row.minutesVisibility,
    agenda: row.agenda,
    minutes: row.minutes,
    recurrence: series ? { ...series.recurrence } : null,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentSeries(
  series: SeriesRow,
  dates: readonly EventRow[],
  counts: ReadonlyMap<string, Counts>,
  organisers: { userId: string; name: string }[],
  now: Date,
): StaffSeriesDetail {
  const place = presentPlace(
    {
      place: series.place,
      lat: dates[0]?.lat ?? null,
      lon: dates[0]?.lon ?? null,
      registrationEnabled: false,
    },
    true,
  );
  return {
    id: series.id,
    kind: series.kind,
    title: series.title,
    description: series.description,
    audience: series.audience,
    status: series.status,
    cancelReason: series.cancelReason,
    from: series.from,
    to: series.to,
    recurrence: { ...series.recurrence },
    exceptions: [...series.exceptions].sort(),
    place,
    organisers,
    questions: presentQuestions(series.questions),
    registration: {
      enabled: series.registrationEnabled,
      capacity: series.capacity,
      guestsAllowed: series.guestsAllowed,
    },
    minutesVisibility: series.minutesVisibility,
    dates: dates.map((row) => presentListItem(row, counts.get(row.id), now, { showOnlineUrl: true })),
  };
}

function answersOf(row: RegistrationRow, questions: readonly Question[]) {
  return questions.flatMap((q) => {
    const value = row.answers[q.id];
    return value === undefined ? [] : [{ questionId: q.id, label: q.label, value }];
  });
}

export function presentMyRegistration(
  row: RegistrationRow,
  event: EventRow,
  registrations: readonly Registration[],
  now: Date,
): MyRegistration {
  const active = row.status === "confirmed" || row.status === "waiting";
  return {
    id: row.id,
    eventId: row.eventId,
    status: row.status,
    waitingPosition: waitingPosition(registrations, row.id),
    registeredAt: isoInstant(row.bookedAt),
    answers: answersOf(row, event.questions),
    canCancel: active && event.status === "scheduled" && now.getTime() < event.startsAt.getTime(),
  };
}

const STATUS_ORDER = { confirmed: 0, waiting: 1, cancelled: 2 } as const;

/** Confirmed first, then the waiting list in its order, then cancellations. */
export function presentStaffRegistrations(
  rows: readonly RegistrationRow[],
  registrations: readonly Registration[],
  people: ReadonlyMap<string, ParticipantRow>,
  questions: readonly Question[],
): StaffRegistration[] {
  const items = rows.map((row) => {
    const person = people.get(row.participantId);
    return {
      id: row.id,
      name: person?.name ?? "",
      email: person?.email ?? "",
      isGuest: person ? person.userId === null : false,
      status: row.status,
      waitingPosition: waitingPosition(registrations, row.id),
      registeredAt: isoInstant(row.bookedAt),
      cancelledAt: row.endedAt ? isoInstant(row.endedAt) : null,
      answers: answersOf(row, questions),
      attended: row.attended,
    };
  });
  return items.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.waitingPosition ?? 0) - (b.waitingPosition ?? 0) ||
      a.name.localeCompare(b.name, "de"),
  );
}
