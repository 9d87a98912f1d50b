import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./lock";

const dirs: string[] = [];
function freshDir() {
  const dir = mkdtempSync(join(tmpdir(), "ktp-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("data directory lock", () => {
  it("refuses a second server while the first one runs, with a message that says what to do", async () => {
    const dir = freshDir();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    try {
      writeFileSync(join(dir, "ktp-netz.lock"), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(/already using the data directory/);
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left behind by a server that has crashed", async () => {
    const dir = freshDir();
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.on("exit", resolve));
    writeFileSync(join(dir, "ktp-netz.lock"), String(gone.pid));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, "ktp-netz.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, "ktp-netz.lock"))).toBe(false);
  });
});
