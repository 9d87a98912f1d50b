import { definePolicy, role } from "../../platform/policy";

export const identityPolicy = definePolicy("identity", {
  signIn: role.public,
  readSession: role.public,
  requestPasswordReset: role.public,
  resetPassword: role.public,
  /** Only a session that has passed the password step may finish with the second factor. */
  completeMfa: role.authenticated,
  signOut: role.authenticated,
  manageOwnAccount: role.authenticated,
});
