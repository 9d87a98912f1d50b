#!/usr/bin/env node
// The ktp-netz command. TypeScript is loaded through tsx (a dependency), so no build step is needed.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
