/**
 * The load generator, run as a child process of bench/run.ts. It lives in its own process so that
 * autocannon's request building and response parsing do not share the server's event loop: in one process
 * the two would take turns and the server would look about half as fast as it is.
 *
 * Input: one JSON argument ({@link LoadJob}); output on stdout: the line `measuring` when the warm-up is over
 * (the parent starts counting the server's CPU time there), then one JSON line ({@link LoadResult}).
 */
import autocannon from "autocannon";

export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  requestsTotal: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

function run(job: LoadJob, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: job.url,
    headers: job.headers,
    connections: job.connections,
    duration: seconds,
    // One request in flight per connection, like browsers and reverse proxies: pipelining would flatter us.
    pipelining: 1,
    // A slow answer must show up in the latency, not be cut off and hidden as an error.
    timeout: 30,
  });
}

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (!arg) throw new Error("usage: load.ts '<LoadJob JSON>'");
  const job = JSON.parse(arg) as LoadJob;
  // JIT, connection pools and PostgreSQL's plan and buffer caches warm up here; the result is thrown away.
  if (job.warmupSeconds > 0) await run(job, job.warmupSeconds);
  process.stdout.write("measuring\n");
  const result = await run(job, job.seconds);
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = stat.count ?? 0;
  const out: LoadResult = {
    requestsPerSecond: result.requests.average,
    requestsTotal: result.requests.total,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    latencyMax: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
