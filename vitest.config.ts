import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
    // Each test file used to start a fresh process that imported the whole application again (a third of
    // the run's CPU time); files share nothing but modules, since every API suite builds its own app and
    // database and restores what it spies on.
    isolate: false,
  },
});
