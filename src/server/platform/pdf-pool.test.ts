import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import Fastify from "fastify";
import { extractText } from "unpdf";
import { afterAll, describe, expect, it } from "vitest";
import { openPdf } from "../../../test/support/pdf";
import { registerErrorHandler } from "./errors";
import { PAGE_PLACEHOLDER, PAGES_PLACEHOLDER, renderTableReport, type TableReportInput } from "./pdf";
import { closePdfPool, PdfRenderError, pdfPoolThreads, renderPdf, retainPdfPool } from "./pdf-pool";

/** A report as large as a big office's two years: 300 runs in 13 columns, about 20 pages. */
function largeReport(runs = 300): TableReportInput {
  const header = Array.from({ length: 13 }, (_, i) => (i === 0 ? "Kurs" : `Spalte ${i}`));
  return {
    title: "Fortbildungsbericht für Şükran Łukasz",
    subtitle: "Verein",
    author: "Verein",
    language: "de-DE",
    footer: `Verein · Seite ${PAGE_PLACEHOLDER} von ${PAGES_PLACEHOLDER}`,
    sections: [
      {
        heading: "Alle Kurse",
        header,
        numeric: header.map((_, i) => i >= 4),
        emptyText: "",
        rows: Array.from({ length: runs }, (_, run) =>
          header.map((_, i) => (i === 0 ? `Erste Hilfe am Kind – Termin ${run + 1}` : String(run % (i + 2)))),
        ),
      },
    ],
  };
}

const pdfModule = new URL("./pdf.ts", import.meta.url).href;

describe("PDF worker pool", () => {
  afterAll(closePdfPool);

  it("keeps the event loop free while a large report renders, and ends its threads on close", {
    // Starting a thread loads pdf-lib and the fonts; on a busy machine that alone takes seconds.
    timeout: 120_000,
  }, async () => {
    await closePdfPool();
    const app = Fastify({ logger: false });
    app.decorateRequest("locale", "de");
    registerErrorHandler(app);
    app.addHook("onClose", retainPdfPool({ threads: 1 }));
    app.get("/health", async () => ({ ok: true }));
    app.get("/report.pdf", async (_request, reply) =>
      reply.type("application/pdf").send(Buffer.from(await renderTableReport(largeReport()))),
    );
    app.get("/broken.pdf", async (_request, reply) =>
      reply.send(await renderPdf({ module: pdfModule, name: "noSuchRenderer", input: {} })),
    );
    expect(pdfPoolThreads()).toBe(0);
    // The thread starts with the first document and loads the renderer, so the second is pure rendering.
    const first = await app.inject("/report.pdf");
    expect(first.statusCode).toBe(200);
    expect(pdfPoolThreads()).toBe(1);

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    let rendering = true;
    const report = app.inject("/report.pdf").finally(() => {
      rendering = false;
    });
    let answeredWhileRendering = 0;
    while (rendering) {
      const health = await app.inject("/health");
      expect(health.statusCode).toBe(200);
      if (rendering) answeredWhileRendering++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const response = await report;
    const took = performance.now() - started;
    delay.disable();

    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const document = await openPdf(new Uint8Array(response.rawPayload));
    expect(document.numPages).toBeGreaterThan(5);
    const { text } = await extractText(document);
    expect(text[0]).toContain("Fortbildungsbericht für Şükran Łukasz");
    expect(text.at(-1)).toContain(`Seite ${document.numPages} von ${document.numPages}`);
    expect(answeredWhileRendering).toBeGreaterThan(0);
    // Rendered on the main thread, the loop stood still for the whole report: its longest delay was the
    // report's time. Compared with that time rather than a fixed figure, the check holds on a busy machine.
    expect(delay.max / 1e6).toBeLessThan(took / 2);

    // A renderer that fails: the client gets the usual 500, the pool goes on working.
    const broken = await app.inject("/broken.pdf");
    expect(broken.statusCode).toBe(500);
    expect(broken.json()).toMatchObject({ error: { code: "internal" } });
    const failing = renderPdf({ module: pdfModule, name: "tableReportPdf", input: { sections: null } });
    await expect(failing).rejects.toBeInstanceOf(PdfRenderError);
    await expect(failing).rejects.toMatchObject({ reason: "failed", cause: expect.any(Error) });
    expect((await renderTableReport(largeReport(1))).length).toBeGreaterThan(1000);

    await app.close();
    expect(pdfPoolThreads()).toBe(0);
  });

  it("holds the threads until the last app has closed", async () => {
    const releaseFirst = retainPdfPool();
    const releaseSecond = retainPdfPool();
    // A job that fails at once still starts the pool.
    await expect(renderPdf({ module: pdfModule, name: "noSuchRenderer", input: {} })).rejects.toThrow();
    expect(pdfPoolThreads()).toBeGreaterThan(0);
    await releaseFirst();
    await releaseFirst();
    expect(pdfPoolThreads()).toBeGreaterThan(0);
    await releaseSecond();
    expect(pdfPoolThreads()).toBe(0);
  }, 60_000);

  it("gives up on a job over the time limit", async () => {
    const release = retainPdfPool({ timeoutMs: 1 });
    await expect(renderTableReport(largeReport())).rejects.toMatchObject({ reason: "timeout" });
    await release();
  });
});
