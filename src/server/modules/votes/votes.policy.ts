import { anyMember, definePolicy, role } from "../../platform/policy";

/** Coordination offices and associations hold votes; youth offices do not. */
const hosts = ["coordinationOffice", "association"] as const;

export const votesPolicy = definePolicy("votes", {
  /** Members see the votes they are entitled to, cast ballots, stand as candidates, mark presence. */
  read: role.of(anyMember, hosts),
  /**
   * Who runs votes: the board and admins in an association, coordinators and admins in an office. The table
   * cannot tie a role to a kind, so the service refuses a board member of an office and a coordinator of an
   * association (see `managesVotes`).
   */
  manage: role.of(["admin", "board", "coordinator"], hosts),
});
