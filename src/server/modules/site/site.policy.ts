import { definePolicy, role } from "../../platform/policy";

/**
 * The public website of an organisation. The association's board writes it; in an office (and a youth
 * office) the coordinators and the admin do.
 */
export const sitePolicy = definePolicy("site", {
  managePages: role.of(["admin", "coordinator", "board"]),
  managePosts: role.of(["admin", "coordinator", "board"]),
  /** Published pages, news and their images, the menu, and the HTML answer for search engines. */
  readPublic: role.public,
  /** The contact form; protected against spam in the service, not by a sign-in. */
  sendContact: role.public,
});
