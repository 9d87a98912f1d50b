/**
 * Counts and times the SQL statements behind a request, for the profile after the timed runs. It wraps the
 * drivers' `query` methods on their prototypes (pg's Pool, PGlite) only while profiling, so the timed runs
 * pay nothing for it. Transactions in pg go through a checked-out client and are not seen; the GET routes
 * measured here open none.
 */
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export interface StatementStat {
  /** The statement with whitespace collapsed and cut to a readable length. */
  sql: string;
  count: number;
  totalMs: number;
}

export interface Trace {
  statements: Map<string, StatementStat>;
  queries: number;
  stop(): void;
}

type QueryFn = (this: unknown, ...args: unknown[]) => unknown;

function statementText(arg: unknown): string {
  const text = typeof arg === "string" ? arg : ((arg as { text?: string } | null)?.text ?? "?");
  return text.replaceAll(/\s+/g, " ").trim();
}

function wrap(target: { query: QueryFn }, trace: Trace): () => void {
  const original = target.query;
  const hadOwn = Object.hasOwn(target, "query");
  target.query = function traced(this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const key = statementText(args[0]);
    const record = () => {
      trace.queries++;
      const stat = trace.statements.get(key) ?? { sql: key, count: 0, totalMs: 0 };
      stat.count++;
      stat.totalMs += performance.now() - started;
      trace.statements.set(key, stat);
    };
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      (result as Promise<unknown>).then(record, record);
    } else {
      record();
    }
    return result;
  };
  return () => {
    if (hadOwn) target.query = original;
    else delete (target as Partial<typeof target>).query;
  };
}

/** Starts recording every statement either driver sends until `stop()`. */
export function startTrace(): Trace {
  const trace: Trace = { statements: new Map(), queries: 0, stop: () => {} };
  const undo = [
    wrap(pg.Pool.prototype as unknown as { query: QueryFn }, trace),
    wrap(PGlite.prototype as unknown as { query: QueryFn }, trace),
  ];
  trace.stop = () => {
    for (const fn of undo) fn();
  };
  return trace;
}

/** A short label for a statement: its verb and the tables it reads, enough to tell them apart in a table. */
export function describeStatement(sqlText: string): string {
  const tables = [...sqlText.matchAll(/\b(?:from|join|update|into)\s+"?([a-z_]+)"?/gi)].map((m) => m[1]);
  const verb = sqlText.split(" ")[0]?.toLowerCase() ?? "?";
  const unique = [...new Set(tables)].join(", ");
  const extras: string[] = [];
  if (/distinct on/i.test(sqlText)) extras.push("distinct on");
  if (/count\(\*\) over/i.test(sqlText)) extras.push("count over()");
  else if (/^select count\(/i.test(sqlText)) extras.push("count");
  if (/\blimit\b/i.test(sqlText)) extras.push("limit");
  return `${verb} ${unique}${extras.length > 0 ? ` (${extras.join(", ")})` : ""}`;
}
