/**
 * Spam protection of the public contact form without a third-party service: a field only robots fill
 * (honeypot), a minimum time between loading and sending the form (signed by the server, so a robot cannot
 * claim it waited), a limit per sender address and hour, and length limits.
 */
export const contactRules = {
  /** People need longer than this to write a message; robots send at once. */
  minFillSeconds: 3,
  /** A form older than this is stale (the token's signature would still hold, but it may be a replay). */
  maxFormAgeSeconds: 2 * 60 * 60,
  /** Messages from one client address to one organisation within an hour. */
  maxPerHour: 5,
  maxMessageLength: 4000,
  maxNameLength: 120,
  maxSubjectLength: 160,
} as const;

export type ContactTokenCheck = "ok" | "tooFast" | "expired";

/** Whether a form issued at `issuedAtMs` may be sent at `nowMs`. */
export function checkContactTiming(issuedAtMs: number, nowMs: number): ContactTokenCheck {
  const ageSeconds = (nowMs - issuedAtMs) / 1000;
  if (ageSeconds < contactRules.minFillSeconds) return "tooFast";
  if (ageSeconds > contactRules.maxFormAgeSeconds) return "expired";
  return "ok";
}
