import { definePolicy, role } from "../../platform/policy";

export const messagesPolicy = definePolicy("messages", {
  readOutbox: role.platformAdmin,
});
