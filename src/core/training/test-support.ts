import { findPreset } from "../organisations/presets";
import type { Course, CourseSession } from "./catalogue";

const nrw = findPreset("NRW");
const sh = findPreset("SH");
if (!nrw || !sh) throw new Error("presets missing");
export const NRW_RULES = nrw.rules;
export const SH_RULES = sh.rules;

/** A one-day first-aid course for children: 9 UE on a Saturday 08:30–16:15 with breaks. */
export function firstAidCourse(overrides: Partial<Course> = {}): Course {
  return {
    id: "fa-1",
    seriesId: "first-aid",
    category: "firstAidChildren",
    units: 9,
    practiceHours: { kita: 0, dayCare: 0 },
    validityMonths: 24,
    minAttendancePercent: 100,
    assessments: [],
    countsTowardsObligation: false,
    isRefresher: false,
    capacity: 12,
    startsOn: "2025-03-15",
    endsOn: "2025-03-15",
    cancellationDays: 7,
    sessions: [
      { id: "s1", date: "2025-03-15", from: "08:30", to: "12:00", units: 4 },
      { id: "s2", date: "2025-03-15", from: "12:45", to: "16:45", units: 5 },
    ],
    ...overrides,
  };
}

/** Weekly evening sessions of 4 UE (18:00–21:15) starting on `firstDate` (a Tuesday in the tests). */
export function weeklySessions(firstDate: string, count: number, units = 4): CourseSession[] {
  const sessions: CourseSession[] = [];
  const start = new Date(`${firstDate}T00:00:00Z`).getTime();
  for (let i = 0; i < count; i++) {
    const date = new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10);
    sessions.push({ id: `w${i + 1}`, date, from: "18:00", to: "21:15", units });
  }
  return sessions;
}
