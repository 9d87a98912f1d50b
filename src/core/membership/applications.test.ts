import { describe, expect, it } from "vitest";
import {
  confirmationExpiry,
  DECLINED_RETENTION_DAYS,
  isDeclinedDataDue,
  leftMemberErasureCutoffDay,
} from "./applications";

describe("membership application retention", () => {
  const decidedAt = new Date("2026-03-02T09:00:00Z");

  it("keeps a declined application's data for the retention period, then lets it go", () => {
    const justBefore = new Date(decidedAt.getTime() + DECLINED_RETENTION_DAYS * 86_400_000 - 1);
    const onTheDay = new Date(decidedAt.getTime() + DECLINED_RETENTION_DAYS * 86_400_000);
    expect(isDeclinedDataDue(decidedAt, justBefore)).toBe(false);
    expect(isDeclinedDataDue(decidedAt, onTheDay)).toBe(true);
  });

  it("lets a confirmation link work for a week", () => {
    expect(confirmationExpiry(decidedAt).toISOString()).toBe("2026-03-09T09:00:00.000Z");
  });

  it("lets a left member's application go 90 days after the day she left, counted in German days", () => {
    // 2026-06-30 00:30 in Berlin is still 2026-06-29 in UTC: the German day counts.
    expect(leftMemberErasureCutoffDay(new Date("2026-06-29T22:30:00Z"))).toBe("2026-04-01");
    expect(leftMemberErasureCutoffDay(new Date("2026-06-29T12:00:00Z"))).toBe("2026-03-31");
  });
});
