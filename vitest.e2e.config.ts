import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    // Journey files share their worker processes (each starts its own app, database and browser), so the
    // application and the test support are imported once per worker, not once per file.
    isolate: false,
  },
});
