import { describe, expect, it } from "vitest";
import { isValidIsoDate } from "../shared/dates";
import { findPreset, STATE_PRESETS } from "./presets";

describe("state presets", () => {
  it("offers NRW, SH and custom", () => {
    expect(STATE_PRESETS.map((preset) => preset.id)).toEqual(["NRW", "SH", "custom"]);
  });

  it("encodes the KiBiz limits for NRW", () => {
    expect(findPreset("NRW")?.rules).toEqual({
      maxChildrenAtOnce: 5,
      maxContractsPerWeek: 8,
      maxChildrenPerWeek: null,
      maxChildrenAtOnceCareGroup: 9,
      maxCaregiversPerCareGroup: 3,
      trainingUnitsPerYear: 15,
      trainingUnitsPerLicencePeriod: 75,
      maxCarryOverUnits: 60,
      firstAidRefreshMonths: 24,
      infectionProtectionRefreshMonths: 24,
      criminalRecordRefreshMonths: 60,
      licenceMaxYears: 5,
      qhbPhase2WithinMonths: 24,
      reminderLeadDays: 90,
      refresherNeedsValidCertificate: true,
    });
    expect(findPreset("NRW")?.source).toMatch(/§ 22 .*KiBiz/);
  });

  it("encodes the KiTaG limits for Schleswig-Holstein", () => {
    const sh = findPreset("SH");
    expect(sh?.rules).toMatchObject({
      maxChildrenAtOnce: 5,
      maxChildrenPerWeek: 10,
      maxContractsPerWeek: null,
      licenceMaxYears: 5,
      refresherNeedsValidCertificate: true,
    });
    expect(sh?.source).toMatch(/KiTaG/);
  });

  it("starts custom rules from the NRW values", () => {
    expect(findPreset("custom")?.rules).toEqual(findPreset("NRW")?.rules);
  });

  it("names a source and a valid source date for every preset, in both languages", () => {
    for (const preset of STATE_PRESETS) {
      expect(preset.source.length).toBeGreaterThan(20);
      expect(isValidIsoDate(preset.sourceDate)).toBe(true);
      expect(preset.label.de).not.toBe("");
      expect(preset.label.en).not.toBe("");
    }
  });

  it("keeps every limit within the federal frame of § 43 SGB VIII", () => {
    for (const { rules } of STATE_PRESETS) {
      expect(rules.maxChildrenAtOnce).toBeLessThanOrEqual(5);
      expect(rules.licenceMaxYears).toBeLessThanOrEqual(5);
      expect(rules.maxContractsPerWeek ?? rules.maxChildrenPerWeek).not.toBeNull();
    }
  });

  it("cannot be changed by accident", () => {
    const nrw = findPreset("NRW");
    expect(() => {
      if (nrw) (nrw.rules as { maxChildrenAtOnce: number }).maxChildrenAtOnce = 7;
    }).toThrow(TypeError);
    expect(findPreset("NRW")?.rules.maxChildrenAtOnce).toBe(5);
  });

  it("returns null for an unknown id", () => {
    expect(findPreset("BY")).toBeNull();
    expect(findPreset("")).toBeNull();
  });
});
