/**
 * The `ktp-netz` command line (bin/ktp-netz.mjs runs this through tsx). Commands write their result as
 * JSON to stdout and problems to stderr. Exit codes: 0 done, 1 unexpected failure, 2 bad usage or bad input.
 */

import { readFile } from "node:fs/promises";
import { solvePlacement } from "../core/placement/solve";
import { parsePlacementInstance } from "./placement-instance.schema";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Where the command reads and writes; the tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  readStdin: () => Promise<string>;
}

const USAGE = `Usage: ktp-netz <command>

Commands:
  placement solve FILE   Run an allocation round (child-proposing deferred acceptance with
                         time-slot capacities) on the instance in FILE (JSON; "-" reads stdin)
                         and print the result as JSON: assignments, blocking pairs, stats.

Options:
  -h, --help             Show this help.

Exit codes: 0 done, 1 unexpected failure, 2 bad usage or invalid input (details on stderr).
The instance format is described in README.md; docs/examples/placement-instance.json is an example.
`;

/** At most this many validation problems are printed; the rest are counted. */
const MAX_PROBLEMS = 20;

async function solveCommand(file: string, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = file === "-" ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    io.stderr(`ktp-netz: cannot read ${file}: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    io.stderr(`ktp-netz: ${file === "-" ? "stdin" : file} is not valid JSON: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  const parsed = parsePlacementInstance(json);
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, MAX_PROBLEMS);
    const more = parsed.problems.length - shown.length;
    io.stderr(
      `ktp-netz: invalid instance:\n${shown.map((p) => `  ${p}\n`).join("")}` +
        (more > 0 ? `  … and ${more} more\n` : ""),
    );
    return EXIT_USAGE;
  }
  const result = solvePlacement(parsed.instance);
  io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  return EXIT_OK;
}

/** Runs one command line (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = argv.filter((arg) => arg !== "-h" && arg !== "--help");
  const wantsHelp = args.length !== argv.length;
  if (wantsHelp) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const [group, command, file, ...rest] = args;
  if (group === "placement" && command === "solve" && file !== undefined && rest.length === 0) {
    return solveCommand(file, io);
  }
  const problem =
    args.length === 0
      ? "missing command"
      : group === "placement" && command === "solve"
        ? file === undefined
          ? "placement solve needs a FILE (or - for stdin)"
          : `unexpected argument: ${rest[0]}`
        : `unknown command: ${args.join(" ")}`;
  io.stderr(`ktp-netz: ${problem}\n\n${USAGE}`);
  return EXIT_USAGE;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The process's own streams and files. */
export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, "utf8"),
  readStdin,
};

/** Entry point for bin/ktp-netz.mjs; unexpected errors end with exit code 1. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await runCli(argv, processIo);
  } catch (error) {
    process.stderr.write(`ktp-netz: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_FAILURE;
  }
}
