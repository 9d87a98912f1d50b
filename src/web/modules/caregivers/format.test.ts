import { describe, expect, it } from "vitest";
import { formatNumber, parseDecimal } from "./format";

describe("coordinates as people type and read them", () => {
  it("reads a decimal comma or point, and nothing else", () => {
    expect(parseDecimal(" 51,7543 ")).toBe(51.7543);
    expect(parseDecimal("8.0412")).toBe(8.0412);
    expect(parseDecimal("-3")).toBe(-3);
    for (const text of ["", "51,", ",5", "51,75,4", "51.7543 N", "1e3", "51°45′"]) {
      expect(parseDecimal(text), text).toBeNaN();
    }
  });

  it("writes the language's decimal separator with a fixed number of places", () => {
    expect(formatNumber(51.75, "de", 5)).toBe("51,75000");
    expect(formatNumber(8.0412345, "en", 6)).toBe("8.041235");
    expect(formatNumber(1234.5, "de", 1)).toBe("1234,5");
    expect(parseDecimal(formatNumber(51.761185, "de", 6))).toBe(51.761185);
  });
});
