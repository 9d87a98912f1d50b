import { definePolicy, role } from "../../platform/policy";

/** Placement (Vermittlung) is the work of coordination offices; other kinds of organisation do not have it. */
const office = ["coordinationOffice"] as const;

export const placementPolicy = definePolicy("placement", {
  /** The form and the criteria are public: parents ask before they have an account. */
  submitRequest: role.public,
  readPublishedCriteria: role.public,
  /** The e-mailed link is the credential; the page behind it needs no sign-in. */
  readConfirmation: role.public,
  confirmWithNewAccount: role.public,
  /** An address that has an account confirms into it signed in (the service checks it is the same address). */
  confirmIntoAccount: role.authenticated,
  /** Parents see and change their own requests only (the service scopes every query to the account). */
  readOwnRequests: role.of(["parent"], office),
  changeOwnRequest: role.of(["parent"], office),
  readBoard: role.of(["admin", "coordinator"], office),
  /** Health and inclusion needs: the office that places the child, every read audited. */
  readNeeds: role.of(["admin", "coordinator"], office),
  decideRequest: role.of(["admin", "coordinator"], office),
  manageCriteria: role.of(["admin", "coordinator"], office),
  /** Suggestions read the needs (inclusion) inside the service, audited like the explicit read. */
  suggest: role.of(["admin", "coordinator"], office),
  /** The office makes offers and keeps the contracts that follow from them. */
  offer: role.of(["admin", "coordinator"], office),
  manageContracts: role.of(["admin", "coordinator"], office),
  /** A caregiver sees her own contracts and week (the service finds her by her account). */
  readOwnWeek: role.of(["caregiver"], office),
  /** Allocation rounds are the office's; their runs read the needs (inclusion), audited per request. */
  readRounds: role.of(["admin", "coordinator"], office),
  manageRounds: role.of(["admin", "coordinator"], office),
  /** A caregiver reviews the order of the children listed to her in the open round (the service finds her). */
  reviewOwnRound: role.of(["caregiver"], office),
});
