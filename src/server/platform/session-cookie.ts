import type { FastifyInstance, FastifyReply } from "fastify";
import { SESSION_COOKIE, SESSION_DAYS } from "./auth";

/**
 * Sets the session cookie: httpOnly always, Secure whenever the platform is served over HTTPS. Several
 * modules start sessions (sign-in, accepting an invitation, confirming a placement request), and the
 * platform reads the cookie, so it is set here.
 */
export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: app.platform.env.PUBLIC_URL.startsWith("https:"),
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}
