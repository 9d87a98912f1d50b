import { definePolicy, role } from "../../platform/policy";

export const privacyPolicy = definePolicy("privacy", {
  readAudit: role.of(["admin"]),
});
