/**
 * Fixtures of the votes API tests: organisations with the staff who run votes, request bodies, parents with
 * active care contracts (the electorate of a parent-council election) and a meeting.
 */
import { extractText } from "unpdf";
import { afterAll, beforeAll } from "vitest";
import { openPdf } from "../../../../test/support/pdf";
import { insertCareContract } from "../../../../test/support/placement";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import type { TestContext } from "../../../../test/support/test-app";
import { events } from "../events/events.tables";

/** A real SMTP server for the test file, started before its tests and stopped after them. */
export function smtpForFile(): Pick<TestSmtpServer, "url" | "messages" | "waitForMail" | "clear"> {
  let server: TestSmtpServer | null = null;
  const started = () => {
    if (!server) throw new Error("the SMTP server starts in beforeAll");
    return server;
  };
  beforeAll(async () => {
    server = await startSmtpServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get url() {
      return started().url;
    },
    get messages() {
      return started().messages;
    },
    waitForMail: (predicate, timeoutMs) => started().waitForMail(predicate, timeoutMs),
    clear: () => started().clear(),
  };
}

/** The text of a PDF answer (all pages). */
export async function pdfText(raw: Buffer): Promise<string> {
  const document = await openPdf(new Uint8Array(raw));
  return (await extractText(document, { mergePages: true })).text;
}

export async function voteHost(t: TestContext, kind: "coordinationOffice" | "association" = "association") {
  const org = await t.createOrganisation({ kind });
  const chair = await t.member(org, [kind === "association" ? "board" : "coordinator"], "Clara Vorsitz");
  return { org, chair, base: `/api/orgs/${org.slug}` };
}

/** A secret yes/no motion for all members; fields overridden where a test needs it. */
export function motionBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: "motion",
    title: "Beitragsanpassung 2027",
    text: "Der Mitgliedsbeitrag steigt ab 2027 auf 36 € im Jahr.",
    optionKind: "yesNo",
    electorate: { kind: "allMembers" },
    majority: "simple",
    quorumPercent: 0,
    resultVisibility: "afterClose",
    secrecy: "secret",
    ...overrides,
  };
}

export function electionBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: "election",
    title: "Elternbeirat 2026/27",
    text: "Wir wählen den Elternbeirat für das Kita-Jahr.",
    seats: 1,
    weighting: "perParent",
    ...overrides,
  };
}

/** Active care contracts for `children` children of a parent (the electorate of parent votes). */
export async function activeContract(
  t: TestContext,
  organisationId: string,
  parentUserId: string,
  children = 1,
): Promise<void> {
  for (let child = 1; child <= children; child++)
    await insertCareContract(t, organisationId, parentUserId, { child });
}

/** A general meeting of the organisation on the test clock's day. */
export async function meeting(t: TestContext, organisationId: string): Promise<string> {
  const [row] = await t.app.platform.db
    .insert(events)
    .values({
      organisationId,
      kind: "generalMeeting",
      title: "Mitgliederversammlung",
      audience: "members",
      place: {
        name: "Gemeindehaus",
        street: "Kirchstr. 3",
        postalCode: "23795",
        town: "Bad Segeberg",
        onlineUrl: null,
      },
      date: "2026-03-02",
      endDate: "2026-03-02",
      from: "18:00",
      to: "21:00",
      startsAt: new Date("2026-03-02T17:00:00Z"),
      endsAt: new Date("2026-03-02T20:00:00Z"),
    })
    .returning({ id: events.id });
  if (!row) throw new Error("event not inserted");
  return row.id;
}
