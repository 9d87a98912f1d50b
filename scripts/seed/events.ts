/**
 * The demo's meetings and events: the Segeberg association's Stammtisch every second Tuesday at 19:30 (public,
 * with registration and a question), a board meeting with agenda; the Beckum office's parent evening and its
 * specialist day (Fachtag) with a waiting list. Dates count from today, so `npm start` always shows coming dates.
 */
import { expandRecurrence, horizonOf, type Recurrence } from "../../src/core/events/recurrence";
import { addDays, todayIso, weekdayIndex } from "../../src/core/shared/dates";
import { zonedInstant } from "../../src/core/shared/zoned-time";
import * as repo from "../../src/server/modules/events/events.repository";
import type { StoredPlace } from "../../src/server/modules/events/events.tables";
import type { Executor } from "../../src/server/platform/db/client";
import { geocodeAddress } from "../../src/server/platform/geo/postal-codes";

function coordinates(place: StoredPlace) {
  const hit = place.postalCode ? geocodeAddress({ postalCode: place.postalCode, town: place.town }) : null;
  return { lat: hit?.lat ?? null, lon: hit?.lon ?? null };
}

function times(date: string, from: string, to: string) {
  return {
    date,
    endDate: date,
    from,
    to,
    startsAt: zonedInstant(date, from),
    endsAt: zonedInstant(date, to),
  };
}

/** The first `weekday` (Monday = 0) on or after `date`. */
function next(date: string, weekday: number): string {
  return addDays(date, (weekday - weekdayIndex(date) + 7) % 7);
}

export async function seedEvents(
  tx: Executor,
  input: { officeId: string; associationId: string; now: Date },
): Promise<void> {
  const today = todayIso(input.now);
  const horizon = horizonOf(today);

  const linde: StoredPlace = {
    name: "Gasthaus Zur Linde, Nebenraum",
    street: "Kirchstraße 3",
    postalCode: "23795",
    town: "Bad Segeberg",
    onlineUrl: null,
  };
  const recurrence: Recurrence = {
    frequency: "weekly",
    interval: 2,
    weekday: 1,
    nth: null,
    startDate: next(today, 1),
    until: null,
    count: null,
  };
  const questions = [
    {
      id: "5b0f3f0e-6c39-4a7e-9a51-0d1c2a3b4c5d",
      kind: "yesNo" as const,
      label: "Ich bringe etwas zum Essen mit",
      options: [],
      required: false,
    },
  ];
  const stammtisch = {
    kind: "stammtisch" as const,
    title: "Stammtisch",
    description:
      "Jeder darf kommen, jeder darf etwas sagen und jeder darf auch nur zuhören. Wir beginnen mit einer kurzen Vorstellungsrunde.",
    audience: "public" as const,
    place: linde,
    organiserIds: [],
    registrationEnabled: true,
    capacity: 25,
    guestsAllowed: true,
    questions,
    minutesVisibility: "members" as const,
  };
  const series = await repo.insertSeries(tx, {
    organisationId: input.associationId,
    ...stammtisch,
    recurrence,
    from: "19:30",
    to: "21:30",
    exceptions: [],
    materialisedUntil: horizon,
  });
  const dates = expandRecurrence(recurrence, { from: today, to: horizon });
  await repo.insertEvents(
    tx,
    dates.map((date) => ({
      organisationId: input.associationId,
      seriesId: series.id,
      originalDate: date,
      ...stammtisch,
      ...coordinates(linde),
      ...times(date, "19:30", "21:30"),
    })),
  );

  const familyCentre: StoredPlace = {
    name: "Mütterzentrum, großer Saal",
    street: "Wilhelmstraße 41",
    postalCode: "59269",
    town: "Beckum",
    onlineUrl: null,
  };
  const parentEvening = next(addDays(today, 10), 2);
  const specialistDay = next(addDays(today, 45), 5);
  await repo.insertEvents(tx, [
    {
      organisationId: input.associationId,
      kind: "publicRelations",
      title: "Infostand auf dem Wochenmarkt",
      description:
        "Was ist Kindertagespflege, und wie unterscheidet sie sich von der Krippe? Kommen Sie vorbei!",
      audience: "public",
      place: {
        name: "Wochenmarkt",
        street: "Marktplatz",
        postalCode: "23795",
        town: "Bad Segeberg",
        onlineUrl: null,
      },
      ...coordinates({ name: "", street: "", postalCode: "23795", town: "Bad Segeberg", onlineUrl: null }),
      ...times(next(addDays(today, 5), 5), "08:00", "12:00"),
    },
    {
      organisationId: input.associationId,
      kind: "boardMeeting",
      title: "Vorstandssitzung",
      audience: "members",
      place: { name: "", street: "", postalCode: "", town: "", onlineUrl: "https://meet.example/vorstand" },
      agenda: "1. Begrüßung\n2. Bericht vom Jugendamt\n3. Planung Kinderschutzwoche\n4. Verschiedenes",
      minutesVisibility: "members",
      ...times(next(addDays(today, 7), 3), "20:00", "21:30"),
    },
    {
      organisationId: input.officeId,
      kind: "parentEvening",
      title: "Elternabend: Gut ankommen in der Kindertagespflege",
      description:
        "Wie gelingt die Eingewöhnung? Fachberatung und Tagespflegepersonen erzählen und beantworten Fragen.",
      audience: "public",
      place: familyCentre,
      ...coordinates(familyCentre),
      registrationEnabled: true,
      capacity: 30,
      guestsAllowed: true,
      ...times(parentEvening, "19:30", "21:00"),
    },
    {
      organisationId: input.officeId,
      kind: "specialistDay",
      title: "Fachtag Kindertagespflege: Vielfalt der Betreuung",
      description:
        "Vorträge und Workshops zu Inklusion, Vertretungsmodellen und Kindertagespflege im Anstellungsverhältnis. Für Tagespflegepersonen, Fachkräfte und Interessierte.",
      audience: "public",
      place: familyCentre,
      ...coordinates(familyCentre),
      registrationEnabled: true,
      capacity: 60,
      guestsAllowed: true,
      questions: [
        {
          id: "8a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
          kind: "choice",
          label: "Welchen Workshop möchten Sie besuchen?",
          options: ["Inklusion", "Vertretung", "Anstellung"],
          required: true,
        },
      ],
      ...times(specialistDay, "09:00", "16:00"),
    },
    {
      organisationId: input.officeId,
      kind: "networkingMeeting",
      title: "Vernetzungstreffen der Tagespflegepersonen",
      description: "Austausch mit der Fachberatung: Vertretung, Abrechnung, Fragen aus dem Alltag.",
      audience: "caregivers",
      place: familyCentre,
      ...coordinates(familyCentre),
      ...times(next(addDays(today, 14), 3), "18:00", "20:00"),
    },
  ]);
}
