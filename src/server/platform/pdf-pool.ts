/**
 * PDFs are made on worker threads, off the request path. pdf-lib and fontkit are synchronous JavaScript: a
 * 300-run report took two seconds on the main thread, during which the server answered nobody. A small pool
 * (piscina) runs them instead; the main thread only copies plain data in and the finished bytes out.
 *
 * A job names a module and one of its exports: `(input) => Promise<Uint8Array>` over structured-cloneable
 * input. The module is imported on the worker (pdf-worker.mjs), so the rendering code stays next to its
 * module (certificates in training) and the platform knows nothing about what it prints.
 *
 * The pool is one per process and starts its threads on the first document. Apps retain it while they run
 * and release it on close (tests build several apps in one process); the last release ends the threads.
 * Scripts that use it without an app (the benchmark) call `closePdfPool` at the end.
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";

export interface PdfPoolOptions {
  /** Worker threads; by default one per core beyond the first, at least one and at most two. */
  threads?: number;
  /** A job still unfinished (queued or running) after this long fails; its thread is replaced. */
  timeoutMs?: number;
}

export interface PdfJob<Input> {
  /** `import.meta.url` of the module that exports the renderer. */
  module: string;
  /** The export's name: an async function from `Input` to the PDF's bytes. */
  name: string;
  input: Input;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const WORKER_FILE = new URL("./pdf-worker.mjs", import.meta.url).href;

let options: Required<PdfPoolOptions> = defaults({});
let pool: Piscina | null = null;
let holders = 0;

function defaults(given: PdfPoolOptions): Required<PdfPoolOptions> {
  return {
    threads: given.threads ?? Math.min(2, Math.max(1, availableParallelism() - 1)),
    timeoutMs: given.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}

function poolOf(): Piscina {
  pool ??= new Piscina({
    filename: WORKER_FILE,
    // One thread starts with the first document and stays (it keeps the parsed fonts); a second one is
    // started under load and ends after a minute without work.
    minThreads: 1,
    maxThreads: options.threads,
    idleTimeout: 60_000,
  });
  return pool;
}

/**
 * A document that could not be made. It is not an `AppError` on purpose: the error handler logs it with its
 * cause (the worker's error or the timeout) and answers the client with the usual "internal" 500, which an
 * `AppError` would get without the log line. It also keeps the error handler, and with it zod, out of the
 * worker threads, which load this module.
 */
export class PdfRenderError extends Error {
  constructor(
    readonly job: string,
    readonly reason: "failed" | "timeout",
    cause: unknown,
  ) {
    super(reason === "timeout" ? `PDF job ${job} timed out` : `PDF job ${job} failed`, { cause });
    this.name = "PdfRenderError";
  }
}

/** Makes a PDF on a worker thread; a failure or a job over the time limit rejects with a `PdfRenderError`. */
export async function renderPdf<Input>(job: PdfJob<Input>): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let bytes: unknown;
  try {
    bytes = await poolOf().run(job, { signal });
  } catch (cause) {
    throw new PdfRenderError(job.name, signal.aborted ? "timeout" : "failed", cause);
  }
  if (!(bytes instanceof Uint8Array)) throw new PdfRenderError(job.name, "failed", bytes);
  return bytes;
}

/**
 * An app holds the pool from start to close. The options of the first holder apply until the pool ends;
 * the returned function releases the hold and, for the last holder, ends the worker threads.
 */
export function retainPdfPool(given: PdfPoolOptions = {}): () => Promise<void> {
  if (holders === 0 && !pool) options = defaults(given);
  holders++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    holders--;
    if (holders === 0) await closePdfPool();
  };
}

/** Ends the worker threads now; jobs still running fail. The next document starts the pool again. */
export async function closePdfPool(): Promise<void> {
  const running = pool;
  pool = null;
  if (running) await running.destroy();
}

/** Threads running now: none before the first document and after the pool has closed. */
export function pdfPoolThreads(): number {
  return pool?.threads.length ?? 0;
}
