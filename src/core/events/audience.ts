/**
 * Who sees an event and who reads its minutes. Staff (admin, coordinator, board) and the event's organisers
 * manage it and see everything; the audience decides for everyone else.
 */
import type { Role } from "../../contracts/roles";
import { isInGroup } from "../organisations/groups";

export type Audience = "public" | "members" | "caregivers" | "parents";
export type MinutesVisibility = "organisers" | "members" | "audience";

export const EVENT_STAFF_ROLES: readonly Role[] = ["admin", "coordinator", "board"];

export interface Viewer {
  /** Null for someone not signed in or not a member of the organisation. */
  roles: readonly Role[] | null;
  isOrganiser: boolean;
}

export function isEventStaff(viewer: Viewer): boolean {
  return viewer.roles?.some((role) => EVENT_STAFF_ROLES.includes(role)) ?? false;
}

/** Staff or one of the event's organisers: sees registrations, ticks attendance, reads the minutes. */
export function managesEvent(viewer: Viewer): boolean {
  return viewer.isOrganiser || isEventStaff(viewer);
}

/** Whether the viewer belongs to the event's audience (a public event's audience is everyone). */
export function seesEvent(audience: Audience, viewer: Viewer): boolean {
  if (audience === "public" || managesEvent(viewer)) return true;
  if (viewer.roles === null) return false;
  return isInGroup(audience, viewer.roles);
}

/** Whether the viewer may read the minutes the board chose to show to `visibility`. */
export function readsMinutes(visibility: MinutesVisibility, audience: Audience, viewer: Viewer): boolean {
  if (managesEvent(viewer)) return true;
  if (visibility === "organisers") return false;
  if (visibility === "members") return viewer.roles !== null && viewer.roles.length > 0;
  return seesEvent(audience, viewer);
}
