import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { type Client, describeApi } from "../../../../test/support/test-app";
import { accountFixtures } from "../../../../test/support/training-account";
import { auditEvents } from "../../platform/audit/audit.tables";
import { files } from "../../platform/files/files.tables";
import { trainingExternalCertificates } from "./training.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const WEBP = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0, 0, 0, 0]), Buffer.from("WEBPVP8 ")]);

const upload = (overrides: Record<string, unknown> = {}) => ({
  category: "firstAidChildren",
  provider: "DRK Kreisverband Warendorf",
  title: "Erste Hilfe am Kind",
  units: 9,
  completedOn: "2026-02-01",
  ...overrides,
});

describeApi(
  "training: certificates from other providers",
  (t) => {
    const { office, registryPerson } = accountFixtures(t);

    const countExternals = async (organisationId: string) =>
      (
        await t.app.platform.db
          .select({ id: trainingExternalCertificates.id })
          .from(trainingExternalCertificates)
          .where(eq(trainingExternalCertificates.organisationId, organisationId))
      ).length;

    const putFile = (client: Client, url: string, data: Buffer, contentType: string) =>
      client.request("PUT", url, data, { "content-type": contentType });

    it("checks an upload and stores only a PDF, JPEG or PNG recognised by its bytes", async () => {
      const setup = await office();
      const anna = await registryPerson(setup, {
        lastName: "Albers",
        licences: [["2024-01-01", "2028-12-31"]],
      });
      const client = anna.client as Client;
      const url = `${setup.base}/training/my-external-certificates`;

      const future = await client.post(url, upload({ completedOn: "2026-03-03" }));
      expect(future.status).toBe(400);
      expect(future.body.error.fields).toEqual([
        { path: "completedOn", message: "Das Datum darf nicht in der Zukunft liegen." },
      ]);
      const oddUnits = await client.post(url, upload({ units: 2.3 }));
      expect(oddUnits.status).toBe(400);
      expect(oddUnits.body.error.fields[0].path).toBe("units");
      expect((await client.post(url, upload({ units: 0 }))).status).toBe(400);
      expect((await client.post(url, upload({ provider: "  " }))).status).toBe(400);
      expect((await client.post(url, upload({ category: "cooking" }))).status).toBe(400);
      expect((await client.post(url, upload({ completedOn: "2026-02-30" }))).status).toBe(400);
      expect(await countExternals(setup.org.id)).toBe(0);

      const created = await client.post(url, upload({ units: 2.5 }));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({
        status: "pending",
        hasFile: false,
        units: 2.5,
        countsTowardsObligation: false,
        validUntil: null,
      });
      const fileUrl = `${url}/${created.body.id}/file`;

      // The declared type must be what the bytes are; WebP and disguised files are refused.
      const countFiles = async () =>
        (
          await t.app.platform.db
            .select({ id: files.id })
            .from(files)
            .where(eq(files.organisationId, setup.org.id))
        ).length;
      expect((await putFile(client, fileUrl, PNG, "application/pdf")).status).toBe(400);
      const html = await putFile(
        client,
        fileUrl,
        Buffer.from("<html><script>alert(1)</script>"),
        "application/pdf",
      );
      expect(html.status).toBe(400);
      expect(html.body.error.fields[0].message).toBe(
        "Bitte die Bescheinigung als PDF, JPEG oder PNG hochladen.",
      );
      expect((await putFile(client, fileUrl, WEBP, "image/webp")).status).toBe(415);
      expect((await putFile(client, fileUrl, Buffer.alloc(6 * 1024 * 1024, 1), "image/png")).status).toBe(
        413,
      );
      expect(await countFiles()).toBe(0);

      const withPng = await putFile(client, fileUrl, PNG, "image/png");
      expect(withPng.status, JSON.stringify(withPng.body)).toBe(200);
      const withPdf = await putFile(client, fileUrl, PDF, "application/pdf");
      expect(withPdf.body.hasFile).toBe(true);
      // The replaced file is gone.
      expect(await countFiles()).toBe(1);
      const own = await client.get(fileUrl);
      expect(own.status).toBe(200);
      expect(own.headers["content-type"]).toBe("application/pdf");
      expect(own.headers["x-content-type-options"]).toBe("nosniff");
      expect(Buffer.from(own.raw).equals(PDF)).toBe(true);

      // Another day-care person reaches neither the upload nor its file.
      const berta = await registryPerson(setup, {
        firstName: "Berta",
        lastName: "Brandt",
        licences: [["2024-01-01", "2028-12-31"]],
      });
      const bertaClient = berta.client as Client;
      expect((await bertaClient.get(fileUrl)).status).toBe(404);
      expect((await putFile(bertaClient, fileUrl, PDF, "application/pdf")).status).toBe(404);
      expect((await bertaClient.get(`${setup.base}/training/external-certificates`)).status).toBe(403);
      // A parent may not upload; an outsider learns nothing.
      const parent = await t.member(setup.org, ["parent"]);
      expect((await parent.post(url, upload())).status).toBe(403);
      const other = await office();
      expect((await other.coordinator.post(url, upload())).status).toBe(404);
      expect(
        (await other.coordinator.get(`${setup.base}/training/external-certificates/${created.body.id}/file`))
          .status,
      ).toBe(404);
      expect(
        (await other.coordinator.get(`${other.base}/training/external-certificates/${created.body.id}/file`))
          .status,
      ).toBe(404);
      expect(await countExternals(setup.org.id)).toBe(1);

      const [entry] = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.organisationId, setup.org.id),
            eq(auditEvents.action, "training.externalUploaded"),
          ),
        );
      expect(entry).toMatchObject({ entityType: "trainingExternalCertificate", entityId: created.body.id });
    });

    it("accepts once: the certificate counts, the registry's deadline moves, she is told; a decision is final", async () => {
      const setup = await office();
      const anna = await registryPerson(setup, {
        lastName: "Albers",
        licences: [["2024-01-01", "2028-12-31"]],
      });
      const client = anna.client as Client;
      const url = `${setup.base}/training/my-external-certificates`;
      const firstAid = (await client.post(url, upload())).body;
      await putFile(client, `${url}/${firstAid.id}/file`, PDF, "application/pdf");
      const further = (
        await client.post(
          url,
          upload({
            category: "parentCommunication",
            title: "Elterngespräche führen",
            units: 6,
            completedOn: "2026-01-20",
          }),
        )
      ).body;
      const wrong = (await client.post(url, upload({ category: "other", title: "Kochkurs", units: 4 }))).body;

      const before = await setup.coordinator.get(`${setup.base}/caregivers/${anna.caregiverId}`);
      expect(before.body.deadlines.find((d: { kind: string }) => d.kind === "firstAid")).toMatchObject({
        state: "missing",
      });

      // The office sees what waits for review, with the file and the category's defaults.
      const pending = await setup.coordinator.get(`${setup.base}/training/external-certificates`);
      expect(pending.status).toBe(200);
      expect(pending.body.map((i: { id: string }) => i.id)).toEqual([firstAid.id, further.id, wrong.id]);
      expect(pending.body[0]).toMatchObject({
        hasFile: true,
        person: { ref: { kind: "caregiver", id: anna.caregiverId }, name: "Anna Albers" },
        defaultValidityMonths: 24,
        defaultCountsTowardsObligation: false,
      });
      const file = await setup.coordinator.get(
        `${setup.base}/training/external-certificates/${firstAid.id}/file`,
      );
      expect(file.status).toBe(200);
      expect(Buffer.from(file.raw).equals(PDF)).toBe(true);
      const youthOffice = await t.member(setup.org, ["youthOffice"]);
      expect((await youthOffice.get(`${setup.base}/training/external-certificates`)).status).toBe(403);
      expect(
        (await youthOffice.post(`${setup.base}/training/external-certificates/${firstAid.id}/accept`, {}))
          .status,
      ).toBe(403);

      const accepted = await setup.coordinator.post(
        `${setup.base}/training/external-certificates/${firstAid.id}/accept`,
        {},
      );
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      expect(accepted.body).toMatchObject({
        status: "accepted",
        reviewedOn: "2026-03-02",
        validUntil: "2028-02-01",
        countsTowardsObligation: false,
      });
      // The registry's first-aid deadline follows from the accepted certificate at once.
      const after = await setup.coordinator.get(`${setup.base}/caregivers/${anna.caregiverId}`);
      expect(after.body.deadlines.find((d: { kind: string }) => d.kind === "firstAid")).toMatchObject({
        dueOn: "2028-02-01",
        state: "ok",
      });
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(anna.email as string) && m.subject.includes("anerkannt"),
      );
      expect(mail.subject).toBe("Bescheinigung anerkannt: Erste Hilfe am Kind");
      expect(mail.text).toContain("Die Bescheinigung gilt bis 01.02.2028.");

      // The coordinator may shorten the validity and decide whether the UE count.
      const counted = await setup.coordinator.post(
        `${setup.base}/training/external-certificates/${further.id}/accept`,
        {
          validityMonths: 12,
          countsTowardsObligation: true,
        },
      );
      expect(counted.body).toMatchObject({ validUntil: "2027-01-20", countsTowardsObligation: true });
      const account = await client.get(`${setup.base}/training/my-account`);
      expect(account.body.account.currentPeriod).toMatchObject({ earnedUnits: 6 });
      expect(account.body.uploads.map((u: { status: string }) => u.status)).toEqual([
        "pending",
        "accepted",
        "accepted",
      ]);

      // Decided is decided: neither a second acceptance nor a rejection, nor a new file.
      for (const action of ["accept", "reject"]) {
        const again = await setup.coordinator.post(
          `${setup.base}/training/external-certificates/${firstAid.id}/${action}`,
          {
            reason: "Doch nicht",
          },
        );
        expect(again.status).toBe(409);
        expect(again.body.error.code).toBe("externalDecided");
      }
      expect((await putFile(client, `${url}/${firstAid.id}/file`, PDF, "application/pdf")).status).toBe(400);

      // A rejection needs a reason, which she is told.
      const blank = await setup.coordinator.post(
        `${setup.base}/training/external-certificates/${wrong.id}/reject`,
        { reason: "   " },
      );
      expect(blank.status).toBe(400);
      expect(
        (
          await t.app.platform.db
            .select()
            .from(trainingExternalCertificates)
            .where(eq(trainingExternalCertificates.id, wrong.id))
        )[0]?.status,
      ).toBe("pending");
      const rejected = await setup.coordinator.post(
        `${setup.base}/training/external-certificates/${wrong.id}/reject`,
        {
          reason: "Ein Kochkurs ist keine Fortbildung in der Kindertagespflege.",
        },
      );
      expect(rejected.body).toMatchObject({
        status: "rejected",
        rejectionReason: "Ein Kochkurs ist keine Fortbildung in der Kindertagespflege.",
      });
      const rejection = await smtp.waitForMail(
        (m) => m.to.includes(anna.email as string) && m.subject.startsWith("Bescheinigung nicht anerkannt"),
      );
      expect(rejection.text).toContain(
        "Begründung: Ein Kochkurs ist keine Fortbildung in der Kindertagespflege.",
      );
      expect((await setup.coordinator.get(`${setup.base}/training/external-certificates`)).body).toEqual([]);
      expect(
        (await setup.coordinator.get(`${setup.base}/training/external-certificates?status=all`)).body,
      ).toHaveLength(3);

      const actions = (
        await t.app.platform.db
          .select({ action: auditEvents.action })
          .from(auditEvents)
          .where(eq(auditEvents.organisationId, setup.org.id))
      ).map((e) => e.action);
      expect(actions.filter((a) => a === "training.externalAccepted")).toHaveLength(2);
      expect(actions.filter((a) => a === "training.externalRejected")).toHaveLength(1);
      expect(actions).toContain("training.registryUpdated");
    });

    it("refuses a decision on another organisation's upload and accepts uploads of members outside the registry", async () => {
      const setup = await office("association");
      const member = await t.member(setup.org, ["member"], "Mara Mitglied");
      const created = await member.post(
        `${setup.base}/training/my-external-certificates`,
        upload({ category: "dataProtection", title: "Datenschutz in der Kindertagespflege", units: 3 }),
      );
      expect(created.status).toBe(201);
      const other = await office();
      expect(
        (
          await other.coordinator.post(
            `${other.base}/training/external-certificates/${created.body.id}/accept`,
            {},
          )
        ).status,
      ).toBe(404);
      const accepted = await setup.coordinator.post(
        `${setup.base}/training/external-certificates/${created.body.id}/accept`,
        {
          validityMonths: 36,
        },
      );
      expect(accepted.body).toMatchObject({
        status: "accepted",
        validUntil: "2029-02-01",
        countsTowardsObligation: true,
      });
      const account = await member.get(`${setup.base}/training/my-account`);
      expect(account.body.person.ref).toMatchObject({ kind: "participant" });
      expect(account.body.certificates).toMatchObject([
        {
          source: "external",
          category: "dataProtection",
          state: "valid",
          validUntil: "2029-02-01",
          units: 3,
        },
      ]);
      // Validity outside 1–240 months is refused.
      const again = await member.post(
        `${setup.base}/training/my-external-certificates`,
        upload({ category: "bgw" }),
      );
      const invalid = await setup.coordinator.post(
        `${setup.base}/training/external-certificates/${again.body.id}/accept`,
        {
          validityMonths: 0,
        },
      );
      expect(invalid.status).toBe(400);
    });
  },
  { smtpUrl: () => smtp.url },
);
