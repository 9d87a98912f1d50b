import { definePolicy, role } from "../../platform/policy";

/**
 * Membership applications and the member register: associations only. The public form is open to anyone
 * (the service answers 404 for other kinds of organisation); the board and admins decide and keep the
 * register.
 */
export const membershipPolicy = definePolicy("membership", {
  readForm: role.public,
  apply: role.public,
  confirm: role.public,
  manage: role.of(["board", "admin"], ["association"]),
});
