import { and, eq } from "drizzle-orm";
import type { ContractTimes } from "../../../core/caregivers/capacity";
import { toTimeRange } from "../../../core/placement/requests";
import type { Executor } from "../../platform/db/client";
import { careContracts } from "./placement.tables";

/**
 * A caregiver's care contracts as her capacity counts them, whatever their dates: every place a contract
 * takes from its start on is no longer free in her week.
 */
export async function listContractTimesOfCaregiver(
  db: Executor,
  organisationId: string,
  caregiverId: string,
): Promise<ContractTimes[]> {
  const rows = await db
    .select({ start: careContracts.start, end: careContracts.end, careTimes: careContracts.careTimes })
    .from(careContracts)
    .where(and(eq(careContracts.organisationId, organisationId), eq(careContracts.caregiverId, caregiverId)));
  return rows.map((row) => ({
    start: row.start,
    end: row.end,
    times: row.careTimes.flatMap((time) => toTimeRange(time) ?? []),
  }));
}
