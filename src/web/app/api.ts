import type { ErrorBody, ErrorCode } from "../../contracts/errors";

let csrfToken: string | null = null;

/** The session's CSRF token; set from the session answer and from sign-in. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** An error answer of the API, with the translated message and field problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * The session ended elsewhere (signed out from another device, password changed): inside the signed-in area
 * the page starts again at the sign-in, and the reload drops everything it still held of the person.
 */
function endedSession(): void {
  csrfToken = null;
  const { pathname } = window.location;
  if (pathname.startsWith("/app")) window.location.assign(`/anmelden?weiter=${encodeURIComponent(pathname)}`);
}

/**
 * Calls the JSON API; throws ApiError for error answers. A file (Blob) is sent as it is, with its own content
 * type, for the routes that take raw bytes (photos); anything else goes as JSON.
 */
export async function api<T>(
  method: string,
  url: string,
  body?: unknown,
  init: { signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  const isFile = body instanceof Blob;
  if (body !== undefined) headers["content-type"] = isFile ? body.type : "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const response = await fetch(url, {
    method,
    headers,
    credentials: "same-origin",
    ...(init.signal ? { signal: init.signal } : {}),
    ...(body !== undefined ? { body: isFile ? body : JSON.stringify(body) } : {}),
  });
  const isJson = response.headers.get("content-type")?.includes("application/json");
  const payload = isJson ? await response.json() : await response.text();
  if (!response.ok) {
    const error = (payload as ErrorBody | undefined)?.error;
    if (response.status === 401 && error?.code === "unauthenticated" && csrfToken) {
      endedSession();
    }
    throw new ApiError(
      response.status,
      error?.code ?? "internal",
      error?.message ?? response.statusText,
      error?.fields ?? [],
      error?.details ?? {},
    );
  }
  if (isJson && payload && typeof payload === "object" && "csrfToken" in payload) {
    const token = (payload as { csrfToken: unknown }).csrfToken;
    if (typeof token === "string") setCsrfToken(token);
  }
  return payload as T;
}

/** `signal`: react-query's, so a read nobody waits for any more (a filter changed) is aborted. */
export const get = <T>(url: string, init?: { signal?: AbortSignal }) => api<T>("GET", url, undefined, init);
export const post = <T>(url: string, body: unknown = {}) => api<T>("POST", url, body);
export const put = <T>(url: string, body: unknown = {}) => api<T>("PUT", url, body);
export const patch = <T>(url: string, body: unknown = {}) => api<T>("PATCH", url, body);
export const del = <T>(url: string) => api<T>("DELETE", url);
/** Replaces the resource at `url` with a file's bytes. */
export const upload = <T>(url: string, file: Blob) => api<T>("PUT", url, file);
