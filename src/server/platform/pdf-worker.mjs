/**
 * A PDF worker thread (see pdf-pool.ts). The server runs from its TypeScript sources through tsx in every
 * way it is started (npm start, the tests, the benchmarks), but a worker thread does not inherit the
 * loader in all of them: vitest's processes have none. So this file is plain JavaScript and registers
 * tsx's loader for its own thread before it imports a renderer.
 */
import { move } from "piscina";
import { register } from "tsx/esm/api";

register();

/** @param {{ module: string; name: string; input: unknown }} job */
export default async function renderJob(job) {
  const renderers = await import(job.module);
  const render = renderers[job.name];
  if (typeof render !== "function") throw new Error(`${job.module} exports no renderer ${job.name}`);
  const bytes = await render(job.input);
  // The document's buffer moves to the main thread instead of being copied.
  return move(bytes);
}
