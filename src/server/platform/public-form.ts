/**
 * The guard of the public forms that mail a stranger (guest bookings and registrations, membership
 * applications, placement requests, the website's contact form; ADR 0013). No CAPTCHA service (data
 * protection, and it excludes people): a field hidden from people that robots fill, and a limit per client
 * address. A filled honeypot is answered like a success and sends nothing, so a robot learns nothing.
 */

/** Route config of a public form: ten sends per client address in ten minutes, enough for typos. */
export const publicFormLimit = { rateLimit: { max: 10, timeWindow: "10 minutes" } } as const;

/** Route config of a page behind an e-mailed link: generous for people, useless against 256-bit tokens. */
export const guestLinkLimit = { rateLimit: { max: 30, timeWindow: "1 minute" } } as const;

/** Whether the hidden field (named "website", which robots like to fill) has anything in it. */
export function isRobot(form: { website?: string | undefined }): boolean {
  return (form.website ?? "").trim() !== "";
}
