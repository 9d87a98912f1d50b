import { definePolicy, role } from "../../platform/policy";

/**
 * The planning reports hold aggregates only (no names, no request ids), so besides the office's own staff the
 * youth office may read them: it plans the places (§ 80 SGB VIII) and funds every one of them. Placement, and
 * so these reports, exist only in coordination offices.
 */
export const placementReportsPolicy = definePolicy("placementReports", {
  read: role.of(["admin", "coordinator", "youthOffice"], ["coordinationOffice"]),
});
