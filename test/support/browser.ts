import { type Browser, chromium } from "playwright-core";
import { findChromium } from "../../scripts/system-deps.mjs";

// Without the background-networking flags Chromium keeps trying to reach Google's hosts, which the closed
// network here refuses many times over; --no-sandbox because tests may run as root.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Launches the system Chromium (CHROMIUM_PATH or /usr/bin/chromium) headless through Playwright. */
export async function launchChromium(): Promise<Browser> {
  const executablePath: string | null = findChromium();
  if (!executablePath) {
    throw new Error(
      `Chromium not found at ${process.env.CHROMIUM_PATH || "/usr/bin/chromium"}. ` +
        "Run: node scripts/system-deps.mjs --only=chromium (or set CHROMIUM_PATH)",
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
