import { and, eq } from "drizzle-orm";
import { extractText } from "unpdf";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { openPdf } from "../../../../test/support/pdf";
import { caregiverBody, licence } from "../../../../test/support/placement";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { describeApi } from "../../../../test/support/test-app";
import {
  addBookedParticipant,
  assignTrainer,
  completedFirstAidRun,
  createRun,
  recordAssessment,
  recordAttendance,
  recordPractice,
} from "../../../../test/support/training";
import { createVerificationCode, normaliseVerificationCode } from "../../../core/training/certificates";
import { auditEvents } from "../../platform/audit/audit.tables";
import { syncRegistryFor } from "./registry-sync";
import { trainingCertificates } from "./training.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

async function pdfText(raw: Buffer): Promise<string> {
  const document = await openPdf(new Uint8Array(raw));
  return (await extractText(document, { mergePages: true })).text;
}

/** A code with one character changed: the check character catches every single wrong character. */
function mistype(code: string): string {
  const plain = code.replaceAll("-", "");
  const swapped = plain[3] === "7" ? "8" : "7";
  return `${plain.slice(0, 3)}${swapped}${plain.slice(4)}`;
}

describeApi(
  "training: certificates, their PDF, the public check and the registry",
  (t) => {
    let addressCounter = 0;
    /** Each public check from its own address, so the rate limit of one test never hits another. */
    const verify = (code: string, lang = "de") =>
      t.app.inject({
        method: "GET",
        url: `/api/public/certificates/${encodeURIComponent(code)}?lang=${lang}`,
        remoteAddress: `10.77.${t.kind === "pglite" ? 1 : 2}.${++addressCounter}`,
      });

    async function office() {
      const org = await t.createOrganisation({ name: "Fachberatung Beckum" });
      const coordinator = await t.member(org, ["coordinator"]);
      return { org, coordinator, base: `/api/orgs/${org.slug}/training` };
    }

    const certificateRows = async (organisationId: string) =>
      t.app.platform.db
        .select()
        .from(trainingCertificates)
        .where(eq(trainingCertificates.organisationId, organisationId));

    it("issues certificates to every complete participant at once, mails them, and skips the rest", async () => {
      const { org, coordinator, base } = await office();
      const member = await t.member(org, ["member"], "Şükran Łukasz");
      const { run, participants } = await completedFirstAidRun(t, org.id, ["Ada Albers"], {
        title: "Erste Hilfe am Kind",
      });
      const sukran = await addBookedParticipant(t, org.id, run.id, {
        name: "Şükran Łukasz",
        email: member.email,
        userId: member.userId,
      });
      await recordAttendance(t, org.id, [run.sessions[0]?.id ?? ""], sukran.id);
      const absent = await addBookedParticipant(t, org.id, run.id, { name: "Cem Çelik" });
      await recordAttendance(t, org.id, [run.sessions[0]?.id ?? ""], absent.id, "absent");
      const ada = participants[0];
      if (!ada) throw new Error("fixture");

      const issued = await coordinator.post(`${base}/courses/${run.id}/certificates`, {});
      expect(issued.status, JSON.stringify(issued.body)).toBe(200);
      expect(issued.body.issued).toHaveLength(2);
      expect(issued.body.skipped).toEqual([{ participantId: absent.id, reason: "incomplete" }]);
      for (const certificate of issued.body.issued) {
        expect(certificate).toMatchObject({
          courseId: run.id,
          category: "firstAidChildren",
          courseTitle: "Erste Hilfe am Kind",
          units: 9,
          startedOn: "2026-02-20",
          completedOn: "2026-02-20",
          // NRW: first aid 24 months, to the day.
          validUntil: "2028-02-20",
          countsTowardsObligation: false,
          status: "issued",
          state: "valid",
          replacesId: null,
        });
        expect(certificate.verificationCode).toMatch(CODE_PATTERN);
        expect(normaliseVerificationCode(certificate.verificationCode)).not.toBeNull();
        expect(certificate.verificationUrl).toBe(
          `http://localhost:3000/zertifikat/${certificate.verificationCode.replaceAll("-", "")}`,
        );
      }
      const forSukran = issued.body.issued.find(
        (c: { participantId: string }) => c.participantId === sukran.id,
      );
      expect(forSukran.participantName).toBe("Şükran Łukasz");

      const memberMail = await smtp.waitForMail((m) => m.to.includes(member.email));
      expect(memberMail.subject).toBe("Ihre Teilnahmebescheinigung: Erste Hilfe am Kind");
      expect(memberMail.text).toContain(`http://localhost:3000/app/${org.slug}/meine-zertifikate`);
      expect(memberMail.text).toContain(forSukran.verificationCode);
      const guestMail = await smtp.waitForMail((m) => m.to.includes(ada.email));
      const forAda = issued.body.issued.find((c: { participantId: string }) => c.participantId === ada.id);
      expect(guestMail.text).toContain(forAda.verificationUrl);
      expect(guestMail.text).not.toContain("/app/");

      // Nobody gets a second one.
      const again = await coordinator.post(`${base}/courses/${run.id}/certificates`, {});
      expect(again.body.issued).toEqual([]);
      expect(again.body.skipped).toEqual(
        expect.arrayContaining([
          { participantId: ada.id, reason: "alreadyIssued" },
          { participantId: sukran.id, reason: "alreadyIssued" },
          { participantId: absent.id, reason: "incomplete" },
        ]),
      );
      expect(await certificateRows(org.id)).toHaveLength(2);

      const results = await coordinator.get(`${base}/courses/${run.id}/results`);
      const adaResult = results.body.participants.find(
        (p: { participantId: string }) => p.participantId === ada.id,
      );
      expect(adaResult.certificate.id).toBe(forAda.id);
      const audits = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.organisationId, org.id), eq(auditEvents.action, "training.certificateIssued")),
        );
      expect(audits.map((a) => a.entityId).sort()).toEqual([forAda.id, forSukran.id].sort());

      const listed = await coordinator.get(`${base}/certificates?courseId=${run.id}`);
      expect(listed.body.map((c: { id: string }) => c.id).sort()).toEqual([forAda.id, forSukran.id].sort());
    });

    it("issues to selected participants only when all of them are complete", async () => {
      const { org, coordinator, base } = await office();
      const { run, participants } = await completedFirstAidRun(t, org.id, ["Ada Albers", "Bea Brandt"]);
      const late = await addBookedParticipant(t, org.id, run.id, { name: "Cem Çelik" });
      const [ada, bea] = participants as [(typeof participants)[0], (typeof participants)[0]];

      const refused = await coordinator.post(`${base}/courses/${run.id}/certificates`, {
        participantIds: [ada.id, late.id],
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe("participantIncomplete");
      expect(refused.body.error.details).toEqual({ participantIds: [late.id] });
      expect(refused.body.error.message).toContain("Es wurde keine Bescheinigung ausgestellt");
      expect(await certificateRows(org.id)).toHaveLength(0);

      const stranger = await coordinator.post(`${base}/courses/${run.id}/certificates`, {
        participantIds: [ada.id, "00000000-0000-4000-8000-000000000000"],
      });
      expect(stranger.status).toBe(400);
      expect(stranger.body.error.fields).toEqual([
        { path: "participantIds.1", message: "Diese Person hat keinen festen Platz in diesem Kurs." },
      ]);

      const one = await coordinator.post(`${base}/courses/${run.id}/certificates`, {
        participantIds: [bea.id],
      });
      expect(one.status).toBe(200);
      expect(one.body.issued.map((c: { participantId: string }) => c.participantId)).toEqual([bea.id]);
      expect(await certificateRows(org.id)).toHaveLength(1);
    });

    it("dates a QHB certificate from the first session to the passed assessment and prints it as Zertifikat", async () => {
      const { org, coordinator, base } = await office();
      const trainer = await t.member(org, ["trainer"], "Tina Trainerin");
      const run = await createRun(t, org.id, {
        category: "qhbPhase1",
        title: "QHB Phase 1 Herbst",
        sessions: [
          { date: "2026-01-12", from: "09:00", to: "15:00", units: 8 },
          { date: "2026-01-19", from: "09:00", to: "15:00", units: 8 },
        ],
        externalTrainers: "Dr. Ada Beispiel",
      });
      await assignTrainer(t, run.id, trainer.userId);
      const ada = await addBookedParticipant(t, org.id, run.id, { name: "Ada Albers" });
      await recordAttendance(
        t,
        org.id,
        run.sessions.map((s) => s.id),
        ada.id,
      );
      await recordAssessment(t, org.id, run.id, ada.id, {
        kind: "phaseAssessment",
        passed: false,
        on: "2026-01-26",
      });
      await recordAssessment(t, org.id, run.id, ada.id, {
        kind: "phaseAssessment",
        passed: true,
        on: "2026-02-09",
      });
      await recordPractice(t, org.id, run.id, ada.id, {
        placeKind: "kita",
        from: "2026-01-05",
        to: "2026-01-09",
        hours: 40,
        confirmedOn: "2026-01-12",
      });
      const incomplete = await coordinator.post(`${base}/courses/${run.id}/certificates`, {});
      expect(incomplete.body.skipped).toEqual([{ participantId: ada.id, reason: "incomplete" }]);
      await recordPractice(t, org.id, run.id, ada.id, {
        placeKind: "dayCare",
        from: "2026-01-26",
        to: "2026-01-30",
        hours: 40,
        confirmedOn: "2026-02-02",
      });
      const issued = await coordinator.post(`${base}/courses/${run.id}/certificates`, {});
      expect(issued.body.issued).toHaveLength(1);
      const certificate = issued.body.issued[0];
      expect(certificate).toMatchObject({
        startedOn: "2026-01-12",
        completedOn: "2026-02-09",
        validUntil: null,
      });

      const pdf = await coordinator.get(`${base}/certificates/${certificate.id}/pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.headers["content-disposition"]).toBe(
        `attachment; filename="Bescheinigung-Ada-Albers-2026-02-09.pdf"; filename*=UTF-8''Bescheinigung%20Ada%20Albers%202026-02-09.pdf`,
      );
      const text = await pdfText(pdf.raw);
      expect(text).toContain("Zertifikat");
      expect(text).toContain("Ada Albers");
      expect(text).toContain("QHB Phase 1 Herbst");
      expect(text).toContain("16 Unterrichtseinheiten (UE) à 45 Minuten");
      expect(text).toContain("12.01.2026 bis 09.02.2026");
      expect(text).toContain("40 Stunden in der Kita");
      expect(text).toContain("Abschlussprüfung der Phase bestanden am 09.02.2026");
      expect(text).toContain("Tina Trainerin, Dr. Ada Beispiel");
      expect(text).toContain(certificate.verificationCode);
      expect(text).toContain("Fachberatung Beckum");
      expect(text).toContain("Beckum, den 02.03.2026");
    });

    it("lets the participant list and download her own certificates, and nobody else's", async () => {
      const { org, coordinator, base } = await office();
      const member = await t.member(org, ["caregiver"], "Şükran Łukasz");
      const other = await t.member(org, ["member"]);
      const run = await createRun(t, org.id, { title: "Belehrung IfSG", category: "infectionProtection" });
      const mine = await addBookedParticipant(t, org.id, run.id, {
        name: "Şükran Łukasz",
        email: member.email,
        userId: member.userId,
      });
      const theirs = await addBookedParticipant(t, org.id, run.id, {
        name: "Olga Other",
        email: other.email,
        userId: other.userId,
      });
      await recordAttendance(t, org.id, [run.sessions[0]?.id ?? ""], mine.id);
      await recordAttendance(t, org.id, [run.sessions[0]?.id ?? ""], theirs.id);
      const issued = await coordinator.post(`${base}/courses/${run.id}/certificates`, {});
      const own = issued.body.issued.find((c: { participantId: string }) => c.participantId === mine.id);
      const foreign = issued.body.issued.find(
        (c: { participantId: string }) => c.participantId === theirs.id,
      );

      const listed = await member.get(`${base}/my-certificates`);
      expect(listed.status).toBe(200);
      expect(listed.body).toHaveLength(1);
      expect(listed.body[0]).toMatchObject({
        id: own.id,
        courseTitle: "Belehrung IfSG",
        validUntil: "2028-02-20",
      });
      expect(listed.body[0]).not.toHaveProperty("participantId");
      const pdf = await member.get(`${base}/my-certificates/${own.id}/pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers["content-disposition"]).toContain(
        "filename*=UTF-8''Bescheinigung%20%C5%9E%C3%BCkran%20%C5%81ukasz%202026-02-20.pdf",
      );
      const text = await pdfText(pdf.raw);
      expect(text).toContain("Teilnahmebescheinigung");
      expect(text).toContain("Şükran Łukasz");
      expect(text).toContain("Belehrung IfSG");
      expect(text).toContain("2 Unterrichtseinheiten (UE) à 45 Minuten");
      expect(text).toContain(own.verificationCode);
      expect((await member.get(`${base}/my-certificates/${foreign.id}/pdf`)).status).toBe(404);
      // Members without participation have an empty list; staff routes stay closed to members.
      const stranger = await t.member(org, ["member"]);
      expect((await stranger.get(`${base}/my-certificates`)).body).toEqual([]);
      expect((await member.get(`${base}/certificates/${own.id}/pdf`)).status).toBe(403);
      const otherOrg = await t.createOrganisation();
      const outsider = await t.member(otherOrg, ["coordinator"]);
      expect((await outsider.get(`${base}/certificates/${own.id}/pdf`)).status).toBe(404);
      expect(
        (await outsider.get(`/api/orgs/${otherOrg.slug}/training/certificates/${own.id}/pdf`)).status,
      ).toBe(404);
    });

    it("verifies a code publicly with only name, course, organisation, dates and status", async () => {
      const { org, coordinator, base } = await office();
      const { run } = await completedFirstAidRun(t, org.id, ["Ada Albers"], { title: "Erste Hilfe am Kind" });
      const issued = await coordinator.post(`${base}/courses/${run.id}/certificates`, {});
      const certificate = issued.body.issued[0];

      // As typed from paper: lower case, spaces instead of hyphens.
      const typed = certificate.verificationCode.toLowerCase().replaceAll("-", " ");
      const found = await verify(typed);
      expect(found.statusCode).toBe(200);
      expect(found.json()).toEqual({
        participantName: "Ada Albers",
        courseTitle: "Erste Hilfe am Kind",
        organisationName: "Fachberatung Beckum",
        completedOn: "2026-02-20",
        validUntil: "2028-02-20",
        status: "valid",
        verificationCode: certificate.verificationCode,
      });

      const select = vi.spyOn(t.app.platform.db, "select");
      const execute = vi.spyOn(t.app.platform.db, "execute");
      try {
        const mistyped = await verify(mistype(certificate.verificationCode));
        expect(mistyped.statusCode).toBe(400);
        expect(mistyped.json().error.code).toBe("verificationCodeMistyped");
        expect(mistyped.json().error.message).toContain("Tippfehler");
        expect((await verify("ABC")).statusCode).toBe(400);
        expect((await verify(mistype(certificate.verificationCode), "en")).json().error.message).toContain(
          "typo",
        );
        // Refused before the database is asked.
        expect(select).not.toHaveBeenCalled();
        expect(execute).not.toHaveBeenCalled();
      } finally {
        select.mockRestore();
        execute.mockRestore();
      }

      let unknown = createVerificationCode(new Uint8Array([1, 2, 3, 4, 5, 6, 7]));
      if (unknown === certificate.verificationCode.replaceAll("-", ""))
        unknown = createVerificationCode(new Uint8Array([7, 6, 5, 4, 3, 2, 1]));
      const missing = await verify(unknown);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe("notFound");

      const saved = t.clock.now;
      try {
        t.clock.now = new Date("2028-02-21T09:00:00Z");
        expect((await verify(certificate.verificationCode)).json().status).toBe("expired");
      } finally {
        t.clock.now = saved;
      }
    });

    it("re-issues with a corrected name (the old code then reads superseded) and revokes", async () => {
      const { org, coordinator, base } = await office();
      const { run, participants } = await completedFirstAidRun(t, org.id, ["Sukran Lukasz"]);
      const issued = await coordinator.post(`${base}/courses/${run.id}/certificates`, {});
      const first = issued.body.issued[0];

      const reissued = await coordinator.post(`${base}/certificates/${first.id}/reissue`, {
        participantName: "Şükran Łukasz",
      });
      expect(reissued.status, JSON.stringify(reissued.body)).toBe(201);
      expect(reissued.body).toMatchObject({
        participantId: participants[0]?.id,
        participantName: "Şükran Łukasz",
        completedOn: first.completedOn,
        validUntil: first.validUntil,
        startedOn: first.startedOn,
        replacesId: first.id,
        status: "issued",
      });
      expect(reissued.body.verificationCode).not.toBe(first.verificationCode);
      expect((await verify(first.verificationCode)).json()).toMatchObject({
        status: "superseded",
        participantName: "Sukran Lukasz",
      });
      expect((await verify(reissued.body.verificationCode)).json()).toMatchObject({
        status: "valid",
        participantName: "Şükran Łukasz",
      });
      const twice = await coordinator.post(`${base}/certificates/${first.id}/reissue`, {
        participantName: "X",
      });
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe("certificateNotCurrent");
      const pdf = await pdfText((await coordinator.get(`${base}/certificates/${reissued.body.id}/pdf`)).raw);
      expect(pdf).toContain("Ersetzt eine frühere Ausstellung");

      const history = await coordinator.get(`${base}/certificates?includeInactive=true`);
      expect(history.body.map((c: { status: string }) => c.status).sort()).toEqual(["issued", "superseded"]);
      expect((await coordinator.get(`${base}/certificates`)).body).toHaveLength(1);
      // The run's results show the current one, and issuing again does not add a third.
      const again = await coordinator.post(`${base}/courses/${run.id}/certificates`, {});
      expect(again.body.issued).toEqual([]);

      const noReason = await coordinator.post(`${base}/certificates/${reissued.body.id}/revoke`, {
        reason: " ",
      });
      expect(noReason.status).toBe(400);
      const revoked = await coordinator.post(`${base}/certificates/${reissued.body.id}/revoke`, {
        reason: "Irrtümlich ausgestellt",
      });
      expect(revoked.status).toBe(200);
      expect(revoked.body.status).toBe("revoked");
      expect((await verify(reissued.body.verificationCode)).json().status).toBe("revoked");
      const audit = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.organisationId, org.id), eq(auditEvents.action, "training.certificateRevoked")),
        );
      expect(audit[0]?.details).toMatchObject({ reason: "Irrtümlich ausgestellt" });
    });

    it("limits public checks per address", async () => {
      const url = `/api/public/certificates/${createVerificationCode(new Uint8Array([9, 9, 9, 9, 9, 9, 9]))}`;
      const remoteAddress = `10.78.${t.kind === "pglite" ? 1 : 2}.1`;
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++)
        statuses.push((await t.app.inject({ method: "GET", url, remoteAddress })).statusCode);
      expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
      expect(statuses[30]).toBe(429);
    });

    it("keeps certificates to staff: trainers, parents, outsiders and anonymous callers are refused", async () => {
      const { org, coordinator, base } = await office();
      const trainer = await t.member(org, ["trainer"]);
      const parent = await t.member(org, ["parent"]);
      const outsiderOrg = await t.createOrganisation();
      const outsider = await t.member(outsiderOrg, ["coordinator"]);
      const { run } = await completedFirstAidRun(t, org.id, ["Ada Albers"], {
        trainerUserIds: [trainer.userId],
      });
      const url = `${base}/courses/${run.id}/certificates`;
      expect((await trainer.post(url, {})).status).toBe(403);
      expect((await parent.post(url, {})).status).toBe(403);
      expect((await outsider.post(url, {})).status).toBe(404);
      expect(
        (await outsider.post(`/api/orgs/${outsiderOrg.slug}/training/courses/${run.id}/certificates`, {}))
          .status,
      ).toBe(404);
      expect((await t.anonymous().post(url, {})).status).toBe(401);
      expect((await trainer.get(`${base}/certificates`)).status).toBe(403);
      expect(await certificateRows(org.id)).toHaveLength(0);

      const issued = await coordinator.post(url, {});
      const id = issued.body.issued[0].id;
      expect(
        (await trainer.post(`${base}/certificates/${id}/reissue`, { participantName: "X" })).status,
      ).toBe(403);
      expect((await parent.post(`${base}/certificates/${id}/revoke`, { reason: "x" })).status).toBe(403);
      expect(
        (
          await outsider.post(`/api/orgs/${outsiderOrg.slug}/training/certificates/${id}/revoke`, {
            reason: "x",
          })
        ).status,
      ).toBe(404);
      expect((await certificateRows(org.id))[0]?.status).toBe("issued");
    });

    it("adds a first-aid certificate of a caregiver to her registry record, so her deadline is met", async () => {
      const { org, coordinator } = await office();
      const caregiverUser = await t.member(org, ["caregiver"], "Anna Albers");
      const created = await coordinator.post(`/api/orgs/${org.slug}/caregivers`, {
        caregiver: caregiverBody("Albers", { email: caregiverUser.email }),
        licence,
        capacity: null,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const caregiverId = created.body.id;
      // Her first visit links the record to her account (by e-mail).
      expect((await caregiverUser.get(`/api/orgs/${org.slug}/my-profile`)).status).toBe(200);
      const firstAidOf = async () =>
        (await coordinator.get(`/api/orgs/${org.slug}/caregivers/${caregiverId}`)).body.deadlines.find(
          (d: { kind: string }) => d.kind === "firstAid",
        );
      expect(await firstAidOf()).toMatchObject({ state: "missing", dueOn: null });

      const run = await createRun(t, org.id, { category: "firstAidChildren", title: "Erste Hilfe am Kind" });
      const participant = await addBookedParticipant(t, org.id, run.id, {
        name: "Anna Albers",
        email: caregiverUser.email,
        userId: caregiverUser.userId,
      });
      await recordAttendance(t, org.id, [run.sessions[0]?.id ?? ""], participant.id);
      const issued = await coordinator.post(
        `/api/orgs/${org.slug}/training/courses/${run.id}/certificates`,
        {},
      );
      expect(issued.body.issued).toHaveLength(1);

      expect(await firstAidOf()).toMatchObject({ state: "ok", dueOn: "2028-02-20", basedOn: "2026-02-20" });
      const detail = await coordinator.get(`/api/orgs/${org.slug}/caregivers/${caregiverId}`);
      expect(detail.body.qualifications.filter((q: { kind: string }) => q.kind === "firstAid")).toHaveLength(
        1,
      );
      const audit = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.organisationId, org.id), eq(auditEvents.action, "training.registryUpdated")),
        );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ entityType: "caregiver", entityId: caregiverId });
      expect(audit[0]?.details).toMatchObject({ kinds: ["firstAid"], changedDeadlines: ["firstAid"] });

      // Running it again adds nothing: the record is already there.
      const changed = await t.app.platform.db.transaction((tx) =>
        syncRegistryFor(tx, org.id, participant.id),
      );
      expect(changed).toEqual([]);
      const after = await coordinator.get(`/api/orgs/${org.slug}/caregivers/${caregiverId}`);
      expect(after.body.qualifications).toHaveLength(detail.body.qualifications.length);

      // A guest or a member who is no caregiver here leaves the registry alone.
      const { participants } = await completedFirstAidRun(t, org.id, ["Gast Person"]);
      const guest = participants[0];
      expect(
        await t.app.platform.db.transaction((tx) => syncRegistryFor(tx, org.id, guest?.id ?? "")),
      ).toEqual([]);
    });
  },
  { smtpUrl: () => smtp.url },
);
