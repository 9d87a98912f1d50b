import { anyMember, definePolicy, role } from "../../platform/policy";

/** Board, coordinators and admins write announcements; every member reads hers and sets her mail choice. */
export const announcementsPolicy = definePolicy("announcements", {
  read: role.of(anyMember),
  write: role.of(["board", "coordinator", "admin"]),
  updateMailSetting: role.of(anyMember),
  readMyMailSettings: role.authenticated,
});
