/**
 * The training catalogue of the demo: the Beckum office runs QHB phase 1 (started weeks ago, so some sessions
 * are past), a first-aid course with free places and an evening open to the public; the Segeberg association
 * a first-aid refresher, a data-protection evening online and a BGW seminar. Dates count from today, so the
 * catalogue stays current whenever the demo is started.
 */

import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { findPreset, type StateRules } from "../../src/core/organisations/presets";
import { addDays, todayIso, weekdayIndex } from "../../src/core/shared/dates";
import { type CourseCategory, categoryDefaults } from "../../src/core/training/catalogue";
import { users } from "../../src/server/modules/identity/identity.tables";
import {
  trainingBookings,
  trainingCourses,
  trainingCourseTrainers,
  trainingParticipants,
  trainingSessions,
} from "../../src/server/modules/training/training.tables";
import type { Executor } from "../../src/server/platform/db/client";
import { mailName, officePeople } from "./names";

interface SessionPlan {
  date: string;
  from: string;
  to: string;
  units: number;
  place?: string;
  onlineUrl?: string;
}

interface RunPlan {
  organisationId: string;
  category: CourseCategory;
  title: string;
  description: string;
  materials?: string;
  audience: "public" | "members" | "caregivers";
  capacity: number;
  feeCents?: number;
  isRefresher?: boolean;
  externalTrainers?: string;
  trainerUserIds?: string[];
  sessions: SessionPlan[];
}

interface Participant {
  name: string;
  email: string;
  userId: string | null;
}

/** The first `weekday` (Monday = 0) on or after `date`. */
function nextWeekday(date: string, weekday: number): string {
  return addDays(date, (weekday - weekdayIndex(date) + 7) % 7);
}

async function insertRun(tx: Executor, plan: RunPlan, rules: StateRules): Promise<string> {
  const defaults = categoryDefaults(plan.category, rules);
  const dates = plan.sessions.map((s) => s.date).sort();
  const [course] = await tx
    .insert(trainingCourses)
    .values({
      organisationId: plan.organisationId,
      seriesId: randomUUID(),
      category: plan.category,
      title: plan.title,
      description: plan.description,
      materials: plan.materials ?? "",
      audience: plan.audience,
      status: "published",
      units: plan.sessions.reduce((sum, s) => sum + s.units, 0),
      practiceKitaHours: defaults.practiceHours.kita,
      practiceDayCareHours: defaults.practiceHours.dayCare,
      validityMonths: defaults.validityMonths,
      minAttendancePercent: defaults.minAttendancePercent,
      assessments: [...defaults.assessments],
      countsTowardsObligation: defaults.countsTowardsObligation,
      isRefresher: plan.isRefresher ?? false,
      capacity: plan.capacity,
      startsOn: dates[0] as string,
      endsOn: dates[dates.length - 1] as string,
      cancellationDays: 7,
      feeCents: plan.feeCents ?? 0,
      externalTrainers: plan.externalTrainers ?? "",
    })
    .returning({ id: trainingCourses.id });
  if (!course) throw new Error("Demo seed: course not inserted");
  await tx.insert(trainingSessions).values(
    plan.sessions.map((session) => ({
      organisationId: plan.organisationId,
      courseId: course.id,
      date: session.date,
      from: session.from,
      to: session.to,
      units: session.units,
      place: session.place ?? "",
      onlineUrl: session.onlineUrl ?? null,
    })),
  );
  if (plan.trainerUserIds?.length)
    await tx
      .insert(trainingCourseTrainers)
      .values(plan.trainerUserIds.map((userId) => ({ courseId: course.id, userId })));
  return course.id;
}

/** Bookings in order, confirmed up to the capacity and waiting after it, as the booking rules would have. */
async function bookAll(
  tx: Executor,
  organisationId: string,
  courseId: string,
  capacity: number,
  people: readonly Participant[],
  firstBookedAt: Date,
): Promise<void> {
  const [course] = await tx
    .select({ seriesId: trainingCourses.seriesId })
    .from(trainingCourses)
    .where(eq(trainingCourses.id, courseId));
  if (!course) throw new Error("Demo seed: course missing");
  for (const [index, person] of people.entries()) {
    const participantId = await participantOf(tx, organisationId, person);
    await tx.insert(trainingBookings).values({
      organisationId,
      courseId,
      seriesId: course.seriesId,
      participantId,
      status: index < capacity ? "confirmed" : "waiting",
      bookedAt: new Date(firstBookedAt.getTime() + index * 3_600_000 * 7).toISOString(),
      sequence: index + 1,
    });
  }
}

async function participantOf(tx: Executor, organisationId: string, person: Participant): Promise<string> {
  const condition = person.userId
    ? and(
        eq(trainingParticipants.organisationId, organisationId),
        eq(trainingParticipants.userId, person.userId),
      )
    : and(
        eq(trainingParticipants.organisationId, organisationId),
        eq(trainingParticipants.email, person.email),
      );
  const [existing] = await tx
    .select({ id: trainingParticipants.id })
    .from(trainingParticipants)
    .where(condition);
  if (existing) return existing.id;
  const [row] = await tx
    .insert(trainingParticipants)
    .values({ organisationId, userId: person.userId, name: person.name, email: person.email })
    .returning({ id: trainingParticipants.id });
  if (!row) throw new Error("Demo seed: participant not inserted");
  return row.id;
}

/** Day-care persons of the office without an account of their own take part by name and e-mail. */
function officeGuests(count: number, offset: number): Participant[] {
  return officePeople.slice(offset, offset + count).map((person) => {
    const name = `${person.firstName} ${person.lastName}`;
    return { name, email: `${mailName(name)}@teilnahme.example`, userId: null };
  });
}

export async function seedTraining(
  tx: Executor,
  input: {
    officeId: string;
    associationId: string;
    now: Date;
  },
): Promise<void> {
  const { now } = input;
  // Sessions are placed on German calendar days, as the booking rules count them.
  const today = todayIso(now);
  const nrw = findPreset("NRW");
  const sh = findPreset("SH");
  if (!nrw || !sh) throw new Error("state presets missing");
  const officeRules = nrw.rules;
  const associationRules = sh.rules;
  const accounts = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(
      inArray(users.email, [
        "fachberatung@demo.ktp-netz.de",
        "vertretung@demo.ktp-netz.de",
        "tagesmutter@demo.ktp-netz.de",
        "vorstand@demo.ktp-netz.de",
        "mitglied@demo.ktp-netz.de",
      ]),
    );
  const account = (email: string): Participant => {
    const row = accounts.find((a) => a.email === email);
    if (!row) throw new Error(`Demo seed: the user ${email} must exist before the training catalogue`);
    return { name: row.name, email: row.email, userId: row.id };
  };
  const coordinator = account("fachberatung@demo.ktp-netz.de");
  const board = account("vorstand@demo.ktp-netz.de");

  // QHB phase 1: 20 Saturdays of 8 UE from eight weeks ago, so the first eight are past.
  const qhbStart = nextWeekday(addDays(today, -56), 5);
  const qhbSessions = Array.from({ length: 20 }, (_, week) => ({
    date: addDays(qhbStart, week * 7),
    from: "09:00",
    to: "16:00",
    units: 8,
    place: "Familienzentrum Beckum, Raum 2, Wilhelmstraße 41",
  }));
  const qhb = await insertRun(
    tx,
    {
      organisationId: input.officeId,
      category: "qhbPhase1",
      title: "QHB Teil 1 – Grundqualifizierung",
      description:
        "Der erste Teil der Qualifizierung nach dem QHB: 160 Unterrichtseinheiten vor dem Start, dazu 80 Stunden Praxis (40 in einer Kita, 40 bei einer Kindertagespflegeperson). Am Ende steht eine Lernergebnisfeststellung.",
      materials: "Ordner und Schreibzeug; das Handbuch bekommen Sie am ersten Tag.",
      audience: "caregivers",
      capacity: 16,
      feeCents: 0,
      externalTrainers: "Dr. Hanna Beispiel",
      trainerUserIds: [coordinator.userId as string],
      sessions: qhbSessions,
    },
    officeRules,
  );
  await bookAll(
    tx,
    input.officeId,
    qhb,
    16,
    [account("vertretung@demo.ktp-netz.de"), ...officeGuests(5, 20)],
    new Date(now.getTime() - 90 * 86_400_000),
  );

  const firstAidDay = nextWeekday(addDays(today, 21), 5);
  const firstAid = await insertRun(
    tx,
    {
      organisationId: input.officeId,
      category: "firstAidChildren",
      title: "Erste Hilfe am Kind",
      description:
        "Notfälle bei Säuglingen und Kleinkindern: Atemnot, Fieberkrampf, Vergiftungen, Wiederbelebung. Mit vielen Übungen an der Puppe.",
      materials: "Bequeme Kleidung",
      audience: "caregivers",
      capacity: 12,
      feeCents: 3500,
      externalTrainers: "DRK-Kreisverband Warendorf-Beckum",
      sessions: [
        {
          date: firstAidDay,
          from: "08:30",
          to: "15:30",
          units: 9,
          place: "Familienzentrum Beckum, Raum 1, Wilhelmstraße 41",
        },
      ],
    },
    officeRules,
  );
  await bookAll(
    tx,
    input.officeId,
    firstAid,
    12,
    officeGuests(3, 26),
    new Date(now.getTime() - 10 * 86_400_000),
  );

  const eveningDay = nextWeekday(addDays(today, 35), 2);
  await insertRun(
    tx,
    {
      organisationId: input.officeId,
      category: "parentCommunication",
      title: "Elterngespräche gut führen – offener Abend",
      description:
        "Wie Eingewöhnung, Konflikte und Abschied gut besprochen werden. Offen für alle, die in der Kindertagespflege arbeiten oder es vorhaben.",
      audience: "public",
      capacity: 20,
      trainerUserIds: [coordinator.userId as string],
      sessions: [
        {
          date: eveningDay,
          from: "18:00",
          to: "21:00",
          units: 4,
          place: "Familienzentrum Beckum, Saal, Wilhelmstraße 41",
        },
      ],
    },
    officeRules,
  );

  const refresherDay = nextWeekday(addDays(today, 42), 5);
  await insertRun(
    tx,
    {
      organisationId: input.associationId,
      category: "firstAidChildren",
      title: "Erste Hilfe am Kind – Auffrischung",
      description:
        "Für alle, deren Erste-Hilfe-Bescheinigung noch gilt: die wichtigsten Notfälle wiederholen und üben.",
      audience: "members",
      capacity: 14,
      feeCents: 2500,
      isRefresher: true,
      externalTrainers: "Johanniter Bad Segeberg",
      sessions: [
        { date: refresherDay, from: "08:30", to: "15:30", units: 9, place: "Vereinsraum, Kurhausstraße 12" },
      ],
    },
    associationRules,
  );

  const privacyDay = nextWeekday(addDays(today, 14), 3);
  const privacy = await insertRun(
    tx,
    {
      organisationId: input.associationId,
      category: "dataProtection",
      title: "Datenschutz in der Kindertagespflege – Online-Abend",
      description:
        "Fotos, Messenger, Entwicklungsdokumentation: was erlaubt ist und wie Sie Einwilligungen richtig einholen.",
      audience: "members",
      capacity: 30,
      trainerUserIds: [board.userId as string],
      sessions: [
        {
          date: privacyDay,
          from: "18:30",
          to: "21:00",
          units: 3,
          onlineUrl: "https://meet.example/datenschutz-abend",
        },
      ],
    },
    associationRules,
  );
  await bookAll(
    tx,
    input.associationId,
    privacy,
    30,
    [account("mitglied@demo.ktp-netz.de"), account("tagesmutter@demo.ktp-netz.de")],
    new Date(now.getTime() - 3 * 86_400_000),
  );

  const bgwDay = nextWeekday(addDays(today, 56), 5);
  await insertRun(
    tx,
    {
      organisationId: input.associationId,
      category: "bgw",
      title: "Rücken stärken im Betreuungsalltag (BGW-Seminar)",
      description:
        "Heben, Tragen, Sitzen auf Kinderstühlen: ein Seminar nach dem Angebot der BGW mit Übungen für jeden Tag.",
      audience: "members",
      capacity: 12,
      externalTrainers: "BGW-Präventionsberatung",
      sessions: [
        { date: bgwDay, from: "09:00", to: "13:30", units: 6, place: "Vereinsraum, Kurhausstraße 12" },
      ],
    },
    associationRules,
  );
}
