import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Calls the API from a signed-in page, as the web app does (session cookie and CSRF token), for the steps a
 * journey sets up or checks without clicking through them.
 */
export async function requestApi<T>(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = await (await fetch("/api/auth/session")).json();
      const response = await fetch(url, {
        method,
        headers: {
          accept: "application/json",
          "x-csrf-token": session.csrfToken ?? "",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    { method, url, body },
  );
}

/** `requestApi` for a call that must succeed: its answer, or a failed expectation naming the call. */
export async function callApi<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  const answer = await requestApi<T>(page, method, url, body);
  expect(answer.status, `${method} ${url}: ${JSON.stringify(answer.json)}`).toBeLessThan(300);
  return answer.json;
}
