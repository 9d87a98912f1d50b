/**
 * The printed certificate: one A4 page in German with the organisation's letterhead, the participant, the
 * course with its UE, dates, practice hours and assessments where they apply, validity, trainers, place and
 * date of issue, and the verification code with a QR code to the public check. The QR code is drawn as
 * vector rectangles, so it stays sharp at any print size and needs no image library.
 */
import {
  fill,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
} from "pdf-lib";
import QRCode from "qrcode";
import type { CourseCategory } from "../../../core/training/catalogue";
import { formatVerificationCode } from "../../../core/training/certificates";
import { translator } from "../../platform/i18n";
import { createPdf, type PdfFonts, savePdf, wrapText } from "../../platform/pdf";
import { renderPdf } from "../../platform/pdf-pool";

export interface CertificatePdfInput {
  organisation: {
    name: string;
    street: string | null;
    postalCode: string | null;
    town: string | null;
    email: string | null;
    phone: string | null;
    website: string | null;
  };
  participantName: string;
  courseTitle: string;
  category: CourseCategory;
  units: number;
  startedOn: string;
  completedOn: string;
  validUntil: string | null;
  /** Confirmed practice hours per place; only for runs that require practice (QHB phase 1). */
  practiceHours: { kita: number; dayCare: number } | null;
  /** Passed assessments: their presence makes the document a "Zertifikat". */
  assessments: readonly { kind: "phaseAssessment" | "colloquium"; on: string }[];
  trainers: readonly string[];
  issuedOn: string;
  /** Canonical code without separators. */
  verificationCode: string;
  /** Where the code is checked: `${PUBLIC_URL}/zertifikat`; the QR code holds this plus "/<CODE>". */
  verifyBaseUrl: string;
  isReissue: boolean;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.38, 0.38, 0.4);
const ACCENT = rgb(0.12, 0.33, 0.55);

function germanDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}

/** 4.5 → "4,5"; UE and hours are printed the German way. */
function germanNumber(value: number): string {
  return new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 }).format(value);
}

export interface QrRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The dark modules of the QR code as rectangles, lower-left corner of the code with its quiet zone at
 * (x, y): one rectangle per run of dark modules in a row, so the 410 dark modules of a verification link
 * become about 220 rectangles.
 */
export function qrRectangles(text: string, x: number, y: number, size: number): QrRectangle[] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 4;
  const moduleSize = size / (modules.size + 2 * quiet);
  const rectangles: QrRectangle[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const first = col;
      while (col < modules.size && modules.get(row, col)) col++;
      rectangles.push({
        x: x + (quiet + first) * moduleSize,
        // PDF counts y upwards; the first row is the top one.
        y: y + size - (quiet + row + 1) * moduleSize,
        // A hair larger than the modules, so neighbours merge without white seams in some viewers.
        width: (col - first) * moduleSize + 0.05,
        height: moduleSize + 0.05,
      });
    }
  }
  return rectangles;
}

/**
 * The QR code on a white square of `size` points. All rectangles are filled as one path: drawn one by one
 * (pdf-lib's drawRectangle saves and restores the graphics state and sets the colour each time) they made
 * up most of the page's content and, once the fonts were parsed only once, almost a third of its time.
 */
export function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number): void {
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  const [red, green, blue] = [INK.red, INK.green, INK.blue];
  page.pushOperators(
    pushGraphicsState(),
    setFillingRgbColor(red, green, blue),
    ...qrRectangles(text, x, y, size).map((r) => rectangle(r.x, r.y, r.width, r.height)),
    fill(),
    popGraphicsState(),
  );
}

/** The certificate, made on a PDF worker thread so that issuing a cohort does not hold up other requests. */
export function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  return renderPdf({ module: import.meta.url, name: "certificatePdf", input });
}

/** The certificate on the calling thread; the PDF workers run it (pdf-pool.ts). */
export async function certificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  const t = translator("de");
  const isCertificate = input.assessments.length > 0;
  const title = t(
    isCertificate ? "trainingRecords.pdf.titleCertificate" : "trainingRecords.pdf.titleAttendance",
  );
  const { doc, fonts } = await createPdf({
    title: `${title} – ${input.participantName}`,
    author: input.organisation.name,
    language: "de-DE",
  });
  const page = doc.addPage(A4);
  const [pageWidth, pageHeight] = A4;
  const width = pageWidth - 2 * MARGIN;
  let y = pageHeight - MARGIN;

  const text = (
    value: string,
    options: { size: number; font?: keyof PdfFonts; color?: typeof INK; x?: number; gap?: number },
  ) => {
    const font = fonts[options.font ?? "regular"];
    for (const line of wrapText(value, font, options.size, width - ((options.x ?? MARGIN) - MARGIN))) {
      y -= options.size * 1.25;
      page.drawText(line, {
        x: options.x ?? MARGIN,
        y,
        size: options.size,
        font,
        color: options.color ?? INK,
      });
    }
    y -= options.gap ?? 0;
  };

  // Letterhead
  const org = input.organisation;
  text(org.name, { size: 13, font: "bold", color: ACCENT });
  const address = [org.street, [org.postalCode, org.town].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  if (address) text(address, { size: 9, color: GREY });
  const contact = [org.phone, org.email, org.website].filter(Boolean).join(" · ");
  if (contact) text(contact, { size: 9, color: GREY });
  y -= 10;
  page.drawLine({
    start: { x: MARGIN, y },
    end: { x: pageWidth - MARGIN, y },
    thickness: 0.75,
    color: ACCENT,
  });
  y -= 44;

  // Title and participant
  text(title, { size: 28, font: "bold", gap: 22 });
  text(t("trainingRecords.pdf.intro"), { size: 11, gap: 8 });
  text(input.participantName, { size: 20, font: "bold", gap: 8 });
  text(t(isCertificate ? "trainingRecords.pdf.completed" : "trainingRecords.pdf.attended"), {
    size: 11,
    gap: 10,
  });
  text(input.courseTitle, { size: 16, font: "bold", gap: 16 });

  // Facts as label and value
  const facts: [string, string][] = [
    [t("trainingRecords.pdf.category"), t(`trainingRecords.categories.${input.category}`)],
    [
      t("trainingRecords.pdf.units"),
      t("trainingRecords.pdf.unitsValue", { units: germanNumber(input.units) }),
    ],
    [
      t("trainingRecords.pdf.period"),
      input.startedOn === input.completedOn
        ? t("trainingRecords.pdf.singleDay", { date: germanDate(input.startedOn) })
        : t("trainingRecords.pdf.periodValue", {
            from: germanDate(input.startedOn),
            to: germanDate(input.completedOn),
          }),
    ],
  ];
  if (input.practiceHours) {
    const parts = (["kita", "dayCare"] as const)
      .filter((kind) => (input.practiceHours?.[kind] ?? 0) > 0)
      .map((kind) =>
        t("trainingRecords.pdf.practiceValue", {
          hours: germanNumber(input.practiceHours?.[kind] ?? 0),
          place: t(`trainingRecords.placeKinds.${kind}`),
        }),
      );
    if (parts.length > 0) facts.push([t("trainingRecords.pdf.practice"), parts.join("; ")]);
  }
  if (input.assessments.length > 0)
    facts.push([
      t("trainingRecords.pdf.assessments"),
      input.assessments
        .map((a) =>
          t("trainingRecords.pdf.assessmentPassed", {
            assessment: t(`trainingRecords.assessmentKinds.${a.kind}`),
            date: germanDate(a.on),
          }),
        )
        .join("; "),
    ]);
  if (input.validUntil) facts.push([t("trainingRecords.pdf.validUntil"), germanDate(input.validUntil)]);
  if (input.trainers.length > 0) facts.push([t("trainingRecords.pdf.trainers"), input.trainers.join(", ")]);

  const labelWidth = 150;
  for (const [label, value] of facts) {
    const lines = wrapText(value, fonts.regular, 11, width - labelWidth);
    y -= 11 * 1.25;
    page.drawText(label, { x: MARGIN, y, size: 10, font: fonts.bold, color: GREY });
    lines.forEach((line, index) => {
      if (index > 0) y -= 11 * 1.3;
      page.drawText(line, { x: MARGIN + labelWidth, y, size: 11, font: fonts.regular, color: INK });
    });
    y -= 8;
  }

  // Place, date and signature
  y -= 36;
  const place = org.town ?? "";
  const issued = germanDate(input.issuedOn);
  text(place ? t("trainingRecords.pdf.placeAndDate", { place, date: issued }) : issued, { size: 11 });
  y -= 42;
  page.drawLine({
    start: { x: pageWidth - MARGIN - 200, y },
    end: { x: pageWidth - MARGIN, y },
    thickness: 0.5,
    color: GREY,
  });
  page.drawText(t("trainingRecords.pdf.signature"), {
    x: pageWidth - MARGIN - 200,
    y: y - 12,
    size: 8.5,
    font: fonts.regular,
    color: GREY,
  });

  // Verification at the foot of the page
  const qrSize = 92;
  const footY = MARGIN;
  const url = `${input.verifyBaseUrl}/${input.verificationCode}`;
  drawQrCode(page, url, pageWidth - MARGIN - qrSize, footY, qrSize);
  const footWidth = width - qrSize - 16;
  let fy = footY + qrSize - 10;
  const foot = (value: string, size: number, font: PDFFont, color = INK) => {
    for (const line of wrapText(value, font, size, footWidth)) {
      page.drawText(line, { x: MARGIN, y: fy, size, font, color });
      fy -= size * 1.35;
    }
  };
  foot(t("trainingRecords.pdf.verifyHeading"), 10, fonts.bold);
  foot(t("trainingRecords.pdf.verifyText", { url: input.verifyBaseUrl }), 9, fonts.regular, GREY);
  fy -= 4;
  foot(`${t("trainingRecords.pdf.code")}: ${formatVerificationCode(input.verificationCode)}`, 13, fonts.bold);
  if (input.isReissue) foot(t("trainingRecords.pdf.reissued"), 8.5, fonts.regular, GREY);

  return savePdf(doc);
}
