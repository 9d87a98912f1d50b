import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { PlacementResult } from "../core/placement/instance";
import { type CliIo, EXIT_OK, EXIT_USAGE, runCli } from "./main";
import { parsePlacementInstance } from "./placement-instance.schema";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const examplePath = "docs/examples/placement-instance.json";
const example = JSON.parse(readFileSync(`${repoRoot}${examplePath}`, "utf8")) as {
  caregivers: Record<string, unknown>[];
  requests: Record<string, unknown>[];
};

async function run(argv: string[], files: Record<string, string> = {}, stdin = "") {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readFile: async (path) => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return content;
    },
    readStdin: async () => stdin,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** The example with one change applied to a copy. */
function exampleWith(change: (instance: typeof example) => void): string {
  const copy = structuredClone(example);
  change(copy);
  return JSON.stringify(copy);
}

async function problemsOf(content: string): Promise<string[]> {
  const { code, stdout, stderr } = await run(["placement", "solve", "x.json"], { "x.json": content });
  expect(code).toBe(EXIT_USAGE);
  expect(stdout).toBe("");
  return stderr
    .split("\n")
    .slice(1)
    .map((line) => line.trim())
    .filter(Boolean);
}

describe("ktp-netz placement solve", () => {
  it("solves the example and prints the result as JSON", async () => {
    const { code, stdout, stderr } = await run(["placement", "solve", "in.json"], {
      "in.json": JSON.stringify(example),
    });
    expect(stderr).toBe("");
    expect(code).toBe(EXIT_OK);
    const result = JSON.parse(stdout) as PlacementResult;
    expect(Object.keys(result.assignments)).toEqual(example.requests.map((r) => r.id));
    expect(result.blockingPairs).toEqual([]);
    expect(result.stats.requests).toBe(example.requests.length);
  });

  it("reads the instance from stdin for -", async () => {
    const { code, stdout } = await run(["placement", "solve", "-"], {}, JSON.stringify(example));
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(stdout)).toHaveProperty("assignments");
  });

  it("prints help and refuses unknown commands", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(EXIT_OK);
    expect(help.stdout).toContain("placement solve FILE");
    expect((await run([])).code).toBe(EXIT_USAGE);
    const unknown = await run(["placement", "guess"]);
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toContain("unknown command: placement guess");
    const missing = await run(["placement", "solve"]);
    expect(missing.stderr).toContain("needs a FILE");
  });

  it("says when the file cannot be read or is not JSON", async () => {
    const absent = await run(["placement", "solve", "absent.json"]);
    expect(absent.code).toBe(EXIT_USAGE);
    expect(absent.stderr).toContain("cannot read absent.json: ENOENT");
    const broken = await run(["placement", "solve", "b.json"], { "b.json": "{ nope" });
    expect(broken.code).toBe(EXIT_USAGE);
    expect(broken.stderr).toContain("b.json is not valid JSON");
  });

  it("names the path of each bad field", async () => {
    expect(
      await problemsOf(
        exampleWith((i) => {
          (i.requests[3]?.care as { from: string }[])[0] = { day: 1, from: "8 Uhr", to: "16:00" } as never;
        }),
      ),
    ).toEqual(["requests[3].care[0].from: expected HH:MM"]);
    const problems = await problemsOf(
      exampleWith((i) => {
        (i.caregivers[0] as Record<string, unknown>).maxChildren = -1;
        (i.caregivers[1] as Record<string, unknown>).colour = "blue";
        delete (i.requests[0] as Record<string, unknown>).noPets;
        (i.requests[1] as Record<string, unknown>).care = [{ day: 8, from: "13:00", to: "12:00" }];
      }),
    );
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^caregivers\[0\]\.maxChildren: /);
    expect(problems[1]).toMatch(/^caregivers\[1\]: .*colour/);
    expect(problems[2]).toMatch(/^requests\[0\]\.noPets: /);
    expect(problems[3]).toMatch(/^requests\[1\]\.care\[0\]\.day: /);
    expect(problems[4]).toBe("requests[1].care[0].to: must be after from");
  });

  it("refuses duplicate ids, unknown references and overlapping free ranges", async () => {
    expect(
      await problemsOf(
        exampleWith((i) => {
          (i.caregivers[2] as Record<string, unknown>).id = "c1";
          (i.requests[5] as Record<string, unknown>).id = "r1";
          (i.caregivers[0] as Record<string, unknown>).priorityOrder = ["r5", "r99", "r5"];
          (i.requests[0] as Record<string, unknown>).preferences = ["c4", "nobody"];
          (i.caregivers[1] as { freePlaces: unknown[] }).freePlaces.push({
            day: 1,
            from: "15:00",
            to: "17:00",
            places: 1,
          });
        }),
      ),
    ).toEqual([
      'caregivers[2].id: duplicate "c1" (also at index 0)',
      'requests[5].id: duplicate "r1" (also at index 0)',
      'caregivers[0].priorityOrder[1]: unknown request "r99"',
      'caregivers[0].priorityOrder[2]: duplicate "r5" (also at index 0)',
      "caregivers[1].freePlaces[5]: overlaps freePlaces[0]",
      'requests[0].preferences[1]: unknown caregiver "nobody"',
      'requests[5].preferences[1]: unknown caregiver "c3"',
    ]);
  });

  it("refuses an age range that ends before it starts", () => {
    const parsed = parsePlacementInstance(
      JSON.parse(
        exampleWith((i) => {
          (i.caregivers[0] as Record<string, unknown>).ageMonths = { min: 24, max: 12 };
        }),
      ),
    );
    expect(parsed).toEqual({ ok: false, problems: ["caregivers[0].ageMonths.max: must not be below min"] });
  });

  it("runs as npx ktp-netz from the repository root", () => {
    const ok = spawnSync("npx", ["ktp-netz", "placement", "solve", examplePath], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(EXIT_OK);
    expect((JSON.parse(ok.stdout) as PlacementResult).stats.requests).toBe(example.requests.length);
    // The bin itself, without npx's start-up, for the failure path.
    const bad = spawnSync(process.execPath, ["bin/ktp-netz.mjs", "placement", "solve", "-"], {
      cwd: repoRoot,
      encoding: "utf8",
      input: '{"caregivers": [], "requests": [{}]}',
    });
    expect(bad.status).toBe(EXIT_USAGE);
    expect(bad.stderr).toContain("requests[0].id: ");
    expect(bad.stdout).toBe("");
  });
});
