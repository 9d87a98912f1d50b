import type { z } from "zod";
import {
  type EventAudience,
  type EventInput,
  type EventKind,
  eventInput,
  type MinutesVisibility,
  type QuestionKind,
  type SeriesInput,
  type StaffEventDetail,
  type StaffSeriesDetail,
  seriesInput,
} from "../../../../contracts/events";
import { addDays, todayIso, weekdayIndex } from "../../../../core/shared/dates";

export interface QuestionRow {
  id?: string;
  kind: QuestionKind;
  label: string;
  /** The choices, one per line, as typed. */
  optionsText: string;
  required: boolean;
}

export type EndMode = "none" | "until" | "count";

/** The form's values: text as typed (numbers too), turned into the contract's body on submit. */
export interface EventFormValues {
  mode: "once" | "series";
  kind: EventKind;
  title: string;
  description: string;
  audience: EventAudience;
  date: string;
  endDate: string;
  from: string;
  to: string;
  frequency: "weekly" | "monthlyNth";
  interval: string;
  weekday: string;
  nth: string;
  startDate: string;
  endMode: EndMode;
  until: string;
  count: string;
  exceptions: string[];
  place: { name: string; street: string; postalCode: string; town: string; onlineUrl: string };
  organiserIds: string[];
  registration: {
    enabled: boolean;
    capacity: string;
    guestsAllowed: boolean;
    questions: QuestionRow[];
  };
  minutesVisibility: MinutesVisibility;
}

/** A new event: next week, 19:00–21:00, public, without registration. */
export function newEventValues(now = new Date()): EventFormValues {
  const date = addDays(todayIso(now), 7);
  return {
    mode: "once",
    kind: "stammtisch",
    title: "",
    description: "",
    audience: "public",
    date,
    endDate: "",
    from: "19:00",
    to: "21:00",
    frequency: "weekly",
    interval: "1",
    weekday: String(weekdayIndex(date)),
    nth: "1",
    startDate: date,
    endMode: "none",
    until: "",
    count: "",
    exceptions: [],
    place: { name: "", street: "", postalCode: "", town: "", onlineUrl: "" },
    organiserIds: [],
    registration: { enabled: false, capacity: "", guestsAllowed: true, questions: [] },
    minutesVisibility: "organisers",
  };
}

const placeValues = (place: StaffEventDetail["place"]) => ({
  name: place.name,
  street: place.street,
  postalCode: place.postalCode,
  town: place.town,
  onlineUrl: place.onlineUrl ?? "",
});

const questionRows = (questions: StaffEventDetail["questions"]): QuestionRow[] =>
  questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    label: q.label,
    optionsText: q.options.join("\n"),
    required: q.required,
  }));

/** One event (or one date of a series) as form values. */
export function eventValues(event: StaffEventDetail): EventFormValues {
  return {
    ...newEventValues(),
    mode: "once",
    kind: event.kind,
    title: event.title,
    description: event.description,
    audience: event.audience,
    date: event.date,
    endDate: event.endDate !== event.date ? event.endDate : "",
    from: event.from,
    to: event.to,
    place: placeValues(event.place),
    organiserIds: event.organisers.map((p) => p.userId),
    registration: {
      enabled: event.registration.enabled,
      capacity: event.registration.capacity === null ? "" : String(event.registration.capacity),
      guestsAllowed: event.registration.guestsAllowed,
      questions: questionRows(event.questions),
    },
    minutesVisibility: event.minutesVisibility,
  };
}

/** A series as form values. */
export function seriesValues(series: StaffSeriesDetail): EventFormValues {
  const r = series.recurrence;
  return {
    ...newEventValues(),
    mode: "series",
    kind: series.kind,
    title: series.title,
    description: series.description,
    audience: series.audience,
    from: series.from,
    to: series.to,
    frequency: r.frequency,
    interval: String(r.interval),
    weekday: String(r.weekday),
    nth: String(r.nth ?? 1),
    startDate: r.startDate,
    endMode: r.until ? "until" : r.count ? "count" : "none",
    until: r.until ?? "",
    count: r.count === null ? "" : String(r.count),
    exceptions: [...series.exceptions],
    place: placeValues(series.place),
    organiserIds: series.organisers.map((p) => p.userId),
    registration: {
      enabled: series.registration.enabled,
      capacity: series.registration.capacity === null ? "" : String(series.registration.capacity),
      guestsAllowed: series.registration.guestsAllowed,
      questions: questionRows(series.questions),
    },
    minutesVisibility: series.minutesVisibility,
  };
}

/** Typed numbers as numbers; text that is no number stays text, so the schema names the problem. */
const numberOrText = (value: string): number | string => {
  const trimmed = value.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
};

function sharedBody(values: EventFormValues) {
  const registration = values.registration;
  return {
    kind: values.kind,
    title: values.title,
    description: values.description,
    audience: values.audience,
    place: {
      name: values.place.name,
      street: values.place.street,
      postalCode: values.place.postalCode.trim(),
      town: values.place.town,
      onlineUrl: values.place.onlineUrl.trim() || null,
    },
    organiserIds: values.organiserIds,
    registration: {
      enabled: registration.enabled,
      capacity: registration.capacity.trim() === "" ? null : numberOrText(registration.capacity),
      guestsAllowed: registration.guestsAllowed,
      questions: registration.enabled
        ? registration.questions.map((q) => ({
            ...(q.id ? { id: q.id } : {}),
            kind: q.kind,
            label: q.label,
            options:
              q.kind === "choice"
                ? q.optionsText
                    .split("\n")
                    .map((o) => o.trim())
                    .filter(Boolean)
                : [],
            required: q.required,
          }))
        : [],
    },
    minutesVisibility: values.minutesVisibility,
  };
}

/** The body for one event; not yet checked. */
export function toEventBody(values: EventFormValues) {
  return {
    ...sharedBody(values),
    date: values.date,
    from: values.from,
    to: values.to,
    endDate: values.endDate || null,
  };
}

/** The body for a series; not yet checked. */
export function toSeriesBody(values: EventFormValues) {
  return {
    ...sharedBody(values),
    from: values.from,
    to: values.to,
    exceptions: values.exceptions.filter(Boolean),
    recurrence: {
      frequency: values.frequency,
      interval: numberOrText(values.interval),
      weekday: Number(values.weekday),
      nth: values.frequency === "monthlyNth" ? Number(values.nth) : null,
      startDate: values.startDate,
      until: values.endMode === "until" ? values.until || "" : null,
      count: values.endMode === "count" ? numberOrText(values.count) : null,
    },
  };
}

/**
 * Where a problem of the body shows in the form: the recurrence's fields stand at the top level of the form,
 * a question's choices in its text box.
 */
export function formPath(path: string): string {
  return path
    .replace(/^recurrence\./, "")
    .replace(/^(registration\.questions\.\d+)\.options(\.\d+)?$/, "$1.optionsText");
}

/** Checks the values as the server will; the body when valid, else the problems by form path. */
export function checkValues(
  values: EventFormValues,
):
  | { ok: true; kind: "event"; body: EventInput }
  | { ok: true; kind: "series"; body: SeriesInput }
  | { ok: false; errors: Record<string, string> } {
  const result: z.ZodSafeParseResult<EventInput | SeriesInput> =
    values.mode === "series"
      ? seriesInput.safeParse(toSeriesBody(values))
      : eventInput.safeParse(toEventBody(values));
  if (result.success)
    return values.mode === "series"
      ? { ok: true, kind: "series", body: result.data as SeriesInput }
      : { ok: true, kind: "event", body: result.data as EventInput };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = formPath(issue.path.join("."));
    if (!errors[path]) errors[path] = issue.message;
  }
  return { ok: false, errors };
}
