import { describe, expect, it } from "vitest";
import type { PlacementCaregiver, PlacementInstance, PlacementRequest } from "./instance";
import { compileInstance } from "./model";
import { referenceFits, seededRandom, testCaregiver, testRequest } from "./test-support";
import { Timelines } from "./timeline";

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/**
 * Caregivers whose places change during the day (and some gaps), requests with overlapping, nested and
 * repeated hours on several days; counts never bind, so that only the hours decide.
 */
function hoursInstance(seed: number): PlacementInstance {
  const random = seededRandom(seed);
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const quarter = (min: number, max: number) => 15 * integer(min / 15, max / 15);
  const caregivers = Array.from({ length: integer(2, 5) }, (_, c) => {
    const freePlaces: PlacementCaregiver["freePlaces"] = [];
    for (const day of [1, 2, 3]) {
      let from = quarter(360, 480);
      for (let piece = integer(1, 3); piece > 0 && from < 1020; piece--) {
        const to = Math.min(1080, from + quarter(120, 360));
        freePlaces.push({ day, from: clock(from), to: clock(to), places: integer(1, 3) });
        from = to + (random() < 0.2 ? 30 : 0);
      }
    }
    return testCaregiver(`c${c}`, { maxChildren: 1000, freePlaces });
  });
  const requests = Array.from({ length: integer(4, 25) }, (_, r) => {
    const from = quarter(420, 840);
    const to = Math.min(1080, from + quarter(60, 360));
    const days = [1, 2, 3].filter(() => random() < 0.6);
    const care = (days.length > 0 ? days : [1]).map((day) => ({ day, from: clock(from), to: clock(to) }));
    if (random() < 0.2) care.push({ day: care[0]?.day ?? 1, from: clock(from - 60), to: clock(from + 30) });
    return testRequest(`r${r}`, { care });
  });
  return { caregivers, requests };
}

describe("Timelines", () => {
  it("finds room exactly when a free place is left at every minute of the care", () => {
    let checked = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const instance = hoursInstance(seed);
      const model = compileInstance(instance);
      const timelines = new Timelines(model);
      model.instance.caregivers.forEach((caregiver, c) => {
        const held: PlacementRequest[] = [];
        const offsets: number[] = [];
        for (let k = model.listerStart[c] as number; k < (model.listerStart[c + 1] as number); k++) {
          const r = model.listers[k] as number;
          const request = instance.requests[r] as PlacementRequest;
          const segments = timelines.segmentsOf(c, model.carePattern[r] as number);
          expect(timelines.hasRoom(segments)).toBe(referenceFits(caregiver, [...held, request]));
          checked++;
          if (timelines.hasRoom(segments)) {
            timelines.add(segments, 1);
            held.push(request);
            offsets.push(segments);
          }
        }
        // Letting the first go must leave exactly the room the others leave, for everyone.
        if (held.length > 0) {
          timelines.add(offsets[0] as number, -1);
          const rest = held.slice(1);
          for (let k = model.listerStart[c] as number; k < (model.listerStart[c + 1] as number); k++) {
            const r = model.listers[k] as number;
            const segments = timelines.segmentsOf(c, model.carePattern[r] as number);
            const request = instance.requests[r] as PlacementRequest;
            expect(timelines.hasRoom(segments)).toBe(referenceFits(caregiver, [...rest, request]));
          }
          timelines.add(offsets[0] as number, 1);
        }
        timelines.clearLoad(c);
        for (const segments of offsets) expect(timelines.hasRoom(segments)).toBe(true);
      });
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("lets count alone decide only where the count limit is within every free place", () => {
    const model = compileInstance({
      caregivers: [
        testCaregiver("even", {
          maxChildren: 2,
          freePlaces: [{ day: 1, from: "07:00", to: "16:00", places: 2 }],
        }),
        testCaregiver("less-after-noon", {
          maxChildren: 2,
          freePlaces: [
            { day: 1, from: "07:00", to: "12:00", places: 2 },
            { day: 1, from: "12:00", to: "16:00", places: 1 },
          ],
        }),
        testCaregiver("fewer-children", {
          maxChildren: 3,
          existingChildren: 2,
          freePlaces: [
            { day: 1, from: "07:00", to: "12:00", places: 2 },
            { day: 1, from: "12:00", to: "16:00", places: 1 },
          ],
        }),
      ],
      requests: [testRequest("r")],
    });
    expect(Array.from(new Timelines(model).countBound)).toEqual([1, 0, 1]);
    expect(Array.from(new Timelines(model, true).countBound)).toEqual([0, 0, 0]);
  });
});
