import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import axe from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { DEMO_PASSWORD } from "../../scripts/seed/demo";
import { type App, buildApp } from "../../src/server/app";
import { openDatabase } from "../../src/server/platform/db/client";
import { loadEnv } from "../../src/server/platform/env";
import { launchChromium } from "../../test/support/browser";
import { startSmtpServer, type TestSmtpServer } from "../../test/support/smtp";
import { startTileServer, type TestTileServer } from "../../test/support/tiles";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export const screenshotDir = join(import.meta.dirname, "..", "screenshots");
export { DEMO_PASSWORD };

export interface Journey {
  baseUrl: string;
  app: App;
  smtp: TestSmtpServer;
  tiles: TestTileServer;
  browser: Browser;
  /** A fresh browser profile (no cookies) with a phone-sized or desktop window. */
  newPage(options?: { width?: number; height?: number; locale?: string }): Promise<Page>;
  /** Saves a full-page screenshot under e2e/screenshots/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
  /** Runs axe on the page and fails on any serious or critical finding. */
  expectAccessible(page: Page, label: string): Promise<void>;
  /**
   * Signs in through the API (the session cookie lands in the page's browser profile) and opens `at`, by
   * default the app's start page. For steps where signing in is not what the journey shows; the sign-in page
   * itself is walked through by signInThroughForm.
   */
  signIn(page: Page, email: string, options?: { password?: string; at?: string }): Promise<void>;
  /** Signs in through the sign-in page, as a person does. */
  signInThroughForm(page: Page, email: string, password?: string): Promise<void>;
  /** Follows a link of the side navigation, opening the menu first on a phone. */
  navigate(page: Page, label: string): Promise<void>;
}

/**
 * The real application, built web app included, on a fresh embedded database with the demo data (a copy of
 * the one the global setup seeded), mailing
 * to an in-process SMTP server, and a real Chromium. One per journey file.
 */
export function setupJourney(): Journey {
  const journey = {} as Journey;
  const contexts: BrowserContext[] = [];
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    const smtp = await startSmtpServer();
    const tiles = await startTileServer();
    const template = new Blob([await readFile(inject("journeyTemplate"))]);
    const database = await openDatabase({ kind: "pglite", dataDir: null, template });
    const base = loadEnv({
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      SMTP_URL: smtp.url,
      PUBLIC_URL: "http://127.0.0.1:1",
      MAP_TILE_URL: tiles.urlTemplate,
    });
    const app = await buildApp({ env: base, database, logger: false });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    if (!address || typeof address === "string") throw new Error("no address");
    const baseUrl = `http://127.0.0.1:${address.port}`;
    // Links in mails must point at this very server.
    app.platform.env.PUBLIC_URL = baseUrl;
    const browser = await launchChromium();
    Object.assign(journey, { baseUrl, app, smtp, tiles, browser });
    cleanup = async () => {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await app.close();
      await database.close();
      await smtp.stop();
      await tiles.stop();
    };
  });
  afterAll(() => cleanup());

  journey.newPage = async (options = {}) => {
    const context = await journey.browser.newContext({
      viewport: { width: options.width ?? 360, height: options.height ?? 780 },
      locale: options.locale ?? "de-DE",
      baseURL: journey.baseUrl,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };
  journey.screenshot = async (page, name) => {
    await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  };
  journey.expectAccessible = async (page, label) => {
    // axe runs in the page itself, injected once per document: a fresh injection and the merge of frame
    // results in a second, blank page (what @axe-core/playwright does on every check) cost several times
    // the check itself, and the app has no frames. Only violations are collected in detail.
    if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
    // A dialog or notification still fading in has its text half transparent, which axe measures as too
    // little contrast: the check waits until running transitions end (endless ones, spinners, are skipped).
    await page.evaluate(() =>
      Promise.race([
        Promise.all(
          document
            .getAnimations()
            .filter((a) => a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
            .map((a) => a.finished.catch(() => undefined)),
        ),
        new Promise((resolve) => setTimeout(resolve, 3_000)),
      ]),
    );
    const results = await page.evaluate(
      (tags) =>
        (window as unknown as { axe: typeof axe }).axe.run(document, {
          runOnly: { type: "tag", values: tags },
          resultTypes: ["violations"],
        }),
      AXE_TAGS,
    );
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(serious, `accessibility of ${label}`).toEqual([]);
  };
  journey.signIn = async (page, email, { password = DEMO_PASSWORD, at } = {}) => {
    const response = await page.request.post("/api/auth/login", { data: { email, password } });
    expect(response.status(), `sign-in of ${email}`).toBe(200);
    await expect(response.json(), `sign-in of ${email}`).resolves.toMatchObject({ status: "signedIn" });
    if (at) {
      await page.goto(at);
      return;
    }
    await page.goto("/app");
    await page.waitForURL(/\/app\//);
  };
  journey.signInThroughForm = async (page, email, password = DEMO_PASSWORD) => {
    await page.goto("/anmelden");
    await page.getByLabel(/E-Mail/i).fill(email);
    await page.getByLabel(/^Passwort|^Password/i).fill(password);
    await page.getByRole("button", { name: /^Anmelden$|^Sign in$/ }).click();
    await page.waitForURL(/\/app\//);
  };
  journey.navigate = async (page, label) => {
    // Below Mantine's "sm" breakpoint (48em) the navigation hides behind the menu button.
    if ((page.viewportSize()?.width ?? 1280) < 768) {
      await page.getByRole("button", { name: /^Menü$|^Menu$/ }).click();
    }
    await page.getByRole("navigation").getByRole("link", { name: label, exact: true }).click();
  };
  return journey;
}
