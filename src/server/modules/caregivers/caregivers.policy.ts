import { definePolicy, role } from "../../platform/policy";

export const caregiversPolicy = definePolicy("caregivers", {
  /** The registry of day-care persons: the office works with it, the youth office reads along. */
  readRegistry: role.of(["admin", "coordinator", "youthOffice"]),
  manageRegistry: role.of(["admin", "coordinator"]),
  /** A bulk copy of personal data leaves the platform, so only the office that keeps the registry exports. */
  exportRegistry: role.of(["admin", "coordinator"]),
  importRegistry: role.of(["admin", "coordinator"]),
  readDeadlines: role.of(["admin", "coordinator", "youthOffice"]),
  /**
   * Whether a criminal-record check found a relevant entry: not a route, checked in the presenter, so the
   * day-care person's own view and any future role leave the flag out.
   */
  readCriminalRecordFlag: role.of(["admin", "coordinator", "youthOffice"]),
  /**
   * Her photo (only ever stored with her consent): seen by those who read the registry, changed by those
   * who keep it. She herself reads and changes it with her own profile's permissions.
   */
  readPhoto: role.of(["admin", "coordinator", "youthOffice"]),
  managePhoto: role.of(["admin", "coordinator"]),
  readOwnProfile: role.of(["caregiver"]),
  updateOwnProfile: role.of(["caregiver"]),
  /** The opt-in map exists only in associations; the entry is the member's own. */
  manageOwnMapEntry: role.of(["member", "board", "caregiver", "admin"], ["association"]),
  readPublicMap: role.public,
  /**
   * Where every map of the platform gets its tiles, public event pages included: the tile server and the
   * attributions are what any visitor's browser sees in the map anyway.
   */
  readMapTiles: role.public,
});
