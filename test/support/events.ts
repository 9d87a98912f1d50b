import type { TestContext } from "./test-app";

/**
 * Event fixtures for the API tests: an organisation with its planner, and request bodies for single events
 * and series that the tests change where it matters.
 */

export async function eventHost(t: TestContext, kind: "coordinationOffice" | "association" = "association") {
  const org = await t.createOrganisation({ kind });
  const planner = await t.member(org, [kind === "association" ? "board" : "coordinator"], "Paula Plan");
  return { org, planner, base: `/api/orgs/${org.slug}`, publicBase: `/api/public/orgs/${org.slug}` };
}

/** A public parent evening on 2026-03-10, 19:30–21:00, in Beckum, with registration for `capacity`. */
export function eventBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: "parentEvening",
    title: "Elternabend: Eingewöhnung",
    description: "Wie Kinder gut ankommen",
    audience: "public",
    date: "2026-03-10",
    from: "19:30",
    to: "21:00",
    place: { name: "Familienzentrum", street: "Wilhelmstr. 41", postalCode: "59269", town: "Beckum" },
    registration: {
      enabled: true,
      capacity: 2,
      guestsAllowed: true,
      questions: [
        { kind: "yesNo", label: "Ich bringe etwas zum Essen mit", required: true },
        { kind: "choice", label: "Gruppe", options: ["Krippe", "Tagespflege"], required: false },
      ],
    },
    ...overrides,
  };
}

/** The association's Stammtisch: every second Tuesday at 19:30, from 2026-03-03, members and guests. */
export function stammtischBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: "stammtisch",
    title: "Stammtisch",
    description: "Jeder darf kommen, jeder darf etwas sagen.",
    audience: "public",
    from: "19:30",
    to: "21:30",
    place: { name: "Gasthaus Zur Linde", street: "Kirchstr. 3", postalCode: "23795", town: "Bad Segeberg" },
    recurrence: {
      frequency: "weekly",
      interval: 2,
      weekday: 1,
      startDate: "2026-03-03",
      until: "2026-06-30",
    },
    registration: { enabled: true, capacity: 20, guestsAllowed: true, questions: [] },
    ...overrides,
  };
}

/** The answers of a body to the two questions of `eventBody`, by their ids. */
export function answersFor(questions: { id: string; kind: string }[], food = true) {
  const [yesNo] = questions.filter((q) => q.kind === "yesNo");
  return yesNo ? { [yesNo.id]: food } : {};
}
