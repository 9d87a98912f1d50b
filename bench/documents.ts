/**
 * Documents benchmark: how long a certificate PDF and a report PDF take to make, how large they are, and how
 * long the main thread's event loop is blocked meanwhile. Each document is made twice over: on the main
 * thread (what the renderer itself costs, and what a request used to block) and through the PDF worker pool
 * as the server makes them (platform/pdf-pool.ts), where the loop should stay free. Writes the "documents"
 * section of bench/RESULTS.md.
 *
 *   npm run bench:documents
 */
import os from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { createVerificationCode } from "../src/core/training/certificates";
import {
  type CertificatePdfInput,
  certificatePdf,
  renderCertificatePdf,
} from "../src/server/modules/training/certificate-pdf";
import { renderTableReport, type TableReportInput, tableReportPdf } from "../src/server/platform/pdf";
import { closePdfPool, retainPdfPool } from "../src/server/platform/pdf-pool";
import { renderTable, writeResultsSection } from "./results";

const CERTIFICATES = 60;
const REPORTS = 10;

function certificate(i: number): CertificatePdfInput {
  return {
    organisation: {
      name: "Koordinierungsstelle Kindertagespflege Beckum",
      street: "Wilhelmstraße 41",
      postalCode: "59269",
      town: "Beckum",
      email: "kindertagespflege@beckum.example",
      phone: "02521 000000",
      website: null,
    },
    participantName: `Şükran Łukasz Müßig ${i}`,
    courseTitle: "QHB Teil 1 – Grundqualifizierung",
    category: "qhbPhase1",
    units: 160,
    startedOn: "2026-01-10",
    completedOn: "2026-06-20",
    validUntil: null,
    practiceHours: { kita: 40, dayCare: 40 },
    assessments: [{ kind: "phaseAssessment", on: "2026-06-20" }],
    trainers: ["Dr. Hanna Beispiel", "Anna Albers"],
    issuedOn: "2026-06-22",
    verificationCode: createVerificationCode(new Uint8Array([i, 2, 3, 4, 5, 6, 7])),
    verifyBaseUrl: "https://ktp.example/zertifikat",
    isReissue: false,
  };
}

/** A report of 300 runs (a large office's two years), three tables. */
function report(): TableReportInput {
  const rows = Array.from({ length: 300 }, (_, i) => [
    `Erste Hilfe am Kind – Termin ${i + 1}`,
    "Erste Hilfe am Kind",
    "10.01.2026 – 10.01.2026",
    "beendet",
    "12",
    String(i % 12),
    "0",
    "1",
    "2 / 2",
    "9",
    "88 %",
    "10",
    "91 %",
  ]);
  const header = [
    "Kurs",
    "Kursart",
    "Zeitraum",
    "Stand",
    "Plätze",
    "Teilnehmende",
    "Warteliste",
    "Stornos",
    "Termine gehalten",
    "UE unterrichtet",
    "Anwesenheit",
    "Abgeschlossen",
    "Abschlussquote",
  ];
  return {
    title: "Fortbildungsbericht 2025–2026",
    subtitle: "Benchmark",
    author: "Benchmark",
    language: "de-DE",
    footer: "Seite {page} von {pages}",
    sections: [
      {
        heading: "Alle Kurse",
        header,
        numeric: header.map((_, i) => i >= 4),
        emptyText: "",
        rows,
      },
    ],
  };
}

async function measure(name: string, count: number, make: (i: number) => Promise<Uint8Array>) {
  // The first document loads the fonts; it is reported apart, as a server's first request would see it.
  const coldStart = performance.now();
  await make(0);
  const cold = performance.now() - coldStart;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 1; i <= count; i++) {
    const start = performance.now();
    const pdf = await make(i);
    times.push(performance.now() - start);
    bytes = pdf.length;
    // Let the delay monitor see the loop between documents, as between two requests.
    await new Promise((resolve) => setImmediate(resolve));
  }
  delay.disable();
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    name,
    count,
    cold,
    median: at(0.5),
    p95: at(0.95),
    kb: bytes / 1024,
    maxBlockedMs: delay.max / 1e6,
  };
}

const load = os.loadavg()[0] ?? 0;
const startedAt = new Date();
const threads = Number(process.env.PDF_WORKERS) || undefined;
const releasePool = retainPdfPool({ threads });
const results = [
  await measure("certificate (QHB, one A4 page, QR code), main thread", CERTIFICATES, (i) =>
    certificatePdf(certificate(i)),
  ),
  // First figure of the worker rows: starting the thread, loading pdf-lib and the fonts, and the document.
  await measure("certificate, PDF worker", CERTIFICATES, (i) => renderCertificatePdf(certificate(i))),
  await measure("report (300 runs, 13 columns, landscape), main thread", REPORTS, () =>
    tableReportPdf(report()),
  ),
  await measure("report (300 runs), PDF worker", REPORTS, () => renderTableReport(report())),
];
await releasePool();
await closePdfPool();
const memory = process.memoryUsage();

function aimMet(certificateResult: (typeof results)[number] | undefined): string {
  if (!certificateResult) return "**Not measured**";
  const ok = certificateResult.median < 100 && certificateResult.kb < 50;
  return `**${ok ? "Met" : "Not met"}**: median ${f(certificateResult.median)} ms, ${f(certificateResult.kb)} kB.`;
}
const f = (value: number) => value.toFixed(1);
const table = renderTable(
  ["Document", "n", "first ms", "median ms", "p95 ms", "size kB", "max loop delay ms"],
  ["left", "right", "right", "right", "right", "right", "right"],
  results.map((r) => [r.name, String(r.count), f(r.cold), f(r.median), f(r.p95), f(r.kb), f(r.maxBlockedMs)]),
);
const body = [
  "Generated by `npm run bench:documents` (bench/documents.ts); do not edit by hand — rerun instead.",
  "",
  `- Date: ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
  `- Machine: ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}, ${os.cpus().length} cores; Node ${process.version}`,
  `- 1-minute load average before the run: ${load.toFixed(2)} (the machine is shared: other people's builds and tests ran at the same time and skew every figure)`,
  "- One document after the other in one process; Noto Sans regular and bold embedded as subsets",
  '- "main thread": the renderer called directly, as requests did before; "PDF worker": through the worker pool as the server does now (default pool size, or PDF_WORKERS). The max loop delay is the main thread\'s longest stall while the documents were made: for the worker rows it is what other requests wait at most.',
  "",
  "## Aim",
  "",
  "A certificate in under 100 ms (median, main thread) and under 50 kB, so that issuing a QHB cohort of 20 takes about two seconds; and no document blocks the server's event loop for long, however large.",
  "",
  aimMet(results[0]),
  "",
  `Longest stall of the main thread's event loop while 300-run reports were made: ${f(results[3]?.maxBlockedMs ?? Number.NaN)} ms with the PDF worker, ${f(results[2]?.maxBlockedMs ?? Number.NaN)} ms on the main thread.`,
  "",
  ...table,
  "",
  `Memory after the run: RSS ${Math.round(memory.rss / 1048576)} MB, JS heap ${Math.round(memory.heapUsed / 1048576)} MB.`,
].join("\n");
writeResultsSection(join(import.meta.dirname, "RESULTS.md"), "documents", body);
console.log(body);
