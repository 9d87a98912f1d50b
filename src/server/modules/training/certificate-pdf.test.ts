import QRCode from "qrcode";
import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import { expectReadableFontSubsets, openPdf } from "../../../../test/support/pdf";
import { createVerificationCode } from "../../../core/training/certificates";
import { pdfPoolThreads, retainPdfPool } from "../../platform/pdf-pool";
import {
  type CertificatePdfInput,
  certificatePdf,
  drawQrCode,
  qrRectangles,
  renderCertificatePdf,
} from "./certificate-pdf";

const code = createVerificationCode(new Uint8Array([12, 200, 7, 99, 1, 250, 33]));

function input(overrides: Partial<CertificatePdfInput> = {}): CertificatePdfInput {
  return {
    organisation: {
      name: "Fachberatung Kindertagespflege Beckum",
      street: "Weststraße 46",
      postalCode: "59269",
      town: "Beckum",
      email: "fachberatung@beckum.example",
      phone: null,
      website: null,
    },
    participantName: "Şükran Łukasz-Øvergård",
    courseTitle: "Erste Hilfe am Kind – Grundkurs",
    category: "firstAidChildren",
    units: 9,
    startedOn: "2026-02-20",
    completedOn: "2026-02-20",
    validUntil: "2028-02-20",
    practiceHours: null,
    assessments: [],
    trainers: ["Dr. Ada Beispiel"],
    issuedOn: "2026-03-02",
    verificationCode: code,
    verifyBaseUrl: "https://ktp.example/zertifikat",
    isReissue: false,
    ...overrides,
  };
}

async function textOf(bytes: Uint8Array): Promise<string> {
  const document = await openPdf(new Uint8Array(bytes));
  expect(document.numPages).toBe(1);
  const { text } = await extractText(document, { mergePages: true });
  return text;
}

describe("certificate PDF", () => {
  it("prints names with any Latin letters, the course, its UE and the verification code", async () => {
    const text = await textOf(await certificatePdf(input()));
    expect(text).toContain("Teilnahmebescheinigung");
    expect(text).toContain("Şükran Łukasz-Øvergård");
    expect(text).toContain("Erste Hilfe am Kind – Grundkurs");
    expect(text).toContain("9 Unterrichtseinheiten (UE) à 45 Minuten");
    expect(text).toContain(`${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
    expect(text).toContain("Gültig bis");
    expect(text).toContain("20.02.2028");
    expect(text).toContain("am 20.02.2026");
    expect(text).toContain("Beckum, den 02.03.2026");
    expect(text).toContain("Weststraße 46, 59269 Beckum");
    expect(text).toContain("Dr. Ada Beispiel");
    expect(text).toContain("https://ktp.example/zertifikat");
    // A course without practice or assessments prints neither.
    expect(text).not.toContain("Praxis");
    expect(text).not.toContain("Zertifikat\n");
  });

  it("makes a QHB phase with a passed assessment a Zertifikat with practice hours and half units", async () => {
    const text = await textOf(
      await certificatePdf(
        input({
          category: "qhbPhase1",
          courseTitle: "Qualifizierung Kindertagespflege Phase 1",
          units: 160.5,
          startedOn: "2025-09-01",
          completedOn: "2026-02-27",
          validUntil: null,
          practiceHours: { kita: 40, dayCare: 42.5 },
          assessments: [{ kind: "phaseAssessment", on: "2026-02-27" }],
          isReissue: true,
        }),
      ),
    );
    expect(text).toContain("Zertifikat");
    expect(text).toContain("erfolgreich abgeschlossen");
    expect(text).toContain("160,5 Unterrichtseinheiten (UE) à 45 Minuten");
    expect(text).toContain("01.09.2025 bis 27.02.2026");
    expect(text).toContain("40 Stunden in der Kita");
    expect(text).toContain("42,5 Stunden in der Kindertagespflege");
    expect(text).toContain("Abschlussprüfung der Phase bestanden am 27.02.2026");
    expect(text).toContain("Ersetzt eine frühere Ausstellung");
    expect(text).not.toContain("Gültig bis");
  });

  it("embeds font subsets whose glyph records are all readable, accented letters included", async () => {
    await expectReadableFontSubsets(await certificatePdf(input()));
  });

  it("is made on a PDF worker thread, from plain data to the same page", { timeout: 120_000 }, async () => {
    const release = retainPdfPool();
    try {
      const fromWorker = await renderCertificatePdf(input());
      expect(pdfPoolThreads()).toBeGreaterThan(0);
      // The same page as made on this thread (the fonts' subset tags are random, so the bytes differ).
      expect(await textOf(fromWorker)).toBe(await textOf(await certificatePdf(input())));
      await expectReadableFontSubsets(fromWorker);
    } finally {
      await release();
    }
    expect(pdfPoolThreads()).toBe(0);
  });

  it("draws the QR code's dark modules row by row, top row first, inside its quiet zone", () => {
    const url = `https://ktp.example/zertifikat/${code}`;
    const rectangles = qrRectangles(url, 100, 200, 99);
    const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
    const moduleSize = 99 / (modules.size + 8);
    const drawn = new Map<string, number>();
    for (const r of rectangles) {
      const row = Math.round((200 + 99 - r.y) / moduleSize) - 4 - 1;
      const first = Math.round((r.x - 100) / moduleSize) - 4;
      const count = Math.round((r.width - 0.05) / moduleSize);
      expect(r.height).toBeCloseTo(moduleSize + 0.05);
      for (let col = first; col < first + count; col++)
        drawn.set(`${row},${col}`, (drawn.get(`${row},${col}`) ?? 0) + 1);
    }
    let darkModules = 0;
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++) {
        if (!modules.get(row, col)) continue;
        darkModules++;
        expect(drawn.get(`${row},${col}`)).toBe(1);
      }
    // Every dark module exactly once, no light one, and runs merged: fewer rectangles than modules.
    expect(drawn.size).toBe(darkModules);
    expect(rectangles.length).toBeLessThan(darkModules / 1.5);
  });

  it("fills the QR code as one path on its white square", () => {
    const url = `https://ktp.example/zertifikat/${code}`;
    const squares: { x: number; y: number; width: number }[] = [];
    const operators: { name: string }[] = [];
    const page = {
      drawRectangle: (r: { x: number; y: number; width: number }) => squares.push(r),
      pushOperators: (...ops: { name: string }[]) => operators.push(...ops),
    };
    drawQrCode(page as never, url, 100, 200, 99);
    expect(squares).toEqual([expect.objectContaining({ x: 100, y: 200, width: 99 })]);
    const names = operators.map((op) => String(op.name));
    expect(names.filter((name) => name === "re")).toHaveLength(qrRectangles(url, 100, 200, 99).length);
    expect(names.filter((name) => name === "f")).toHaveLength(1);
    expect(names.slice(0, 2)).toEqual(["q", "rg"]);
    expect(names.at(-1)).toBe("Q");
  });
});
