import { anyMember, definePolicy, role } from "../../platform/policy";

export const organisationsPolicy = definePolicy("organisations", {
  readPublicProfile: role.public,
  readInvitation: role.public,
  acceptInvitation: role.public,
  acceptInvitationSignedIn: role.authenticated,
  listMyMemberships: role.authenticated,
  createOrganisation: role.platformAdmin,
  readSettings: role.of(anyMember),
  updateSettings: role.of(["admin"]),
  readDirectory: role.of(anyMember),
  manageMemberships: role.of(["admin"]),
  updateOwnMembership: role.of(anyMember),
  leaveOrganisation: role.of(anyMember),
  /** Also withdrawing and resending invitations: whoever may invite may correct her invitations. */
  invite: role.of(["admin", "coordinator", "board"]),
});
