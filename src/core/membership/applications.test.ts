import { describe, expect, it } from "vitest";
import { confirmationExpiry, DECLINED_RETENTION_DAYS, isDeclinedDataDue } from "./applications";

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
});
