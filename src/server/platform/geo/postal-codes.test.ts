import { describe, expect, it } from "vitest";
import {
  findPostalCode,
  GEO_ATTRIBUTION,
  geocodeAddress,
  type PostalCodeEntry,
  searchPlaces,
} from "./postal-codes";
import data from "./postal-codes.json" with { type: "json" };

const ORGANISATION =
  /\b(GmbH|AG|KG|eG|Stadtverwaltung|Kreisverwaltung|Agentur für Arbeit|Deutsche Post|Krankenkasse)\b|e\. ?V\./;

function expectNear(entry: PostalCodeEntry | null, lat: number, lon: number): void {
  expect(entry).not.toBeNull();
  expect(Math.abs((entry?.lat ?? 0) - lat)).toBeLessThan(0.1);
  expect(Math.abs((entry?.lon ?? 0) - lon)).toBeLessThan(0.1);
}

describe("findPostalCode", () => {
  it("returns Beckum for 59269", () => {
    const entry = findPostalCode("59269");
    expect(entry).toMatchObject({ postalCode: "59269", stateCode: "NW", district: "Warendorf" });
    expect(entry?.places[0]).toBe("Beckum");
    expectNear(entry, 51.75, 8.04);
  });

  it("lists Bad Segeberg among the places of 23795 in Schleswig-Holstein", () => {
    const entry = findPostalCode("23795");
    expect(entry?.stateCode).toBe("SH");
    expect(entry?.district).toBe("Kreis Segeberg");
    expect(entry?.places).toContain("Bad Segeberg");
    expect(new Set(entry?.places).size).toBe(entry?.places.length);
  });

  it("returns Norderstedt for 22844 without the town hall's own postal code row", () => {
    const entry = findPostalCode(" 22844 ");
    expect(entry?.places).toEqual(["Norderstedt"]);
    expect(entry?.stateCode).toBe("SH");
    expectNear(entry, 53.72, 10.01);
  });

  it("returns null for unknown or malformed codes", () => {
    expect(findPostalCode("00000")).toBeNull();
    expect(findPostalCode("10875")).toBeNull(); // only organisations (Daimler) use it
    expect(findPostalCode("5926")).toBeNull();
    expect(findPostalCode("abcde")).toBeNull();
    expect(findPostalCode("")).toBeNull();
  });

  it("never lists an organisation as a place", () => {
    for (const name of [
      "Daimler Insurance Services GmbH",
      "Stadt Norderstedt Stadtverwaltung",
      "1. FC Kaiserslautern e.V.",
    ]) {
      expect(name).toMatch(ORGANISATION);
    }
    const rows = (data as unknown as { rows: [string, string[]][] }).rows;
    expect(rows.length).toBeGreaterThan(8000);
    const organisations = rows.flatMap(([, places]) => places.filter((place) => ORGANISATION.test(place)));
    expect(organisations).toEqual([]);
    expect(searchPlaces("Daimler")).toEqual([]);
    expect(searchPlaces("Stadt Norderstedt")).toEqual([]);
  });

  it("keeps the rows sorted by postal code", () => {
    const codes = (data as unknown as { rows: [string][] }).rows.map(([code]) => code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("searchPlaces", () => {
  it("finds postal codes by prefix", () => {
    const hits = searchPlaces("592");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(10);
    expect(hits.every((hit) => hit.postalCode.startsWith("592"))).toBe(true);
    expect(searchPlaces("592", 100).map((hit) => hit.postalCode)).toContain("59269");
    expect(searchPlaces("59269")).toMatchObject([{ postalCode: "59269", place: "Beckum" }]);
  });

  it("finds places by name prefix, case-insensitively", () => {
    const hits = searchPlaces("beck", 100);
    expect(hits.every((hit) => hit.place.toLowerCase().includes("beck"))).toBe(true);
    expect(hits).toContainEqual(expect.objectContaining({ postalCode: "59269", place: "Beckum" }));
    expect(searchPlaces("BECKUM")[0]).toMatchObject({ postalCode: "59269", place: "Beckum" });
    expect(searchPlaces("beck", 3)).toHaveLength(3);
  });

  it("folds umlauts and their transliteration", () => {
    for (const query of ["dusseldorf", "duesseldorf", "Düsseldorf", "DÜSSEL"]) {
      const hits = searchPlaces(query);
      expect(hits.length, query).toBe(10);
      expect(hits.every((hit) => hit.place === "Düsseldorf" && hit.stateCode === "NW")).toBe(true);
    }
    expect(searchPlaces("muenchen")[0]?.place).toBe("München");
    expect(searchPlaces("gross ronnau")[0]?.place).toBe("Groß Rönnau");
  });

  it("finds later words of a name after the names that start with the query", () => {
    const hits = searchPlaces("segeberg");
    expect(hits.map((hit) => hit.place)).toContain("Bad Segeberg");
  });

  it("returns nothing for blank queries", () => {
    expect(searchPlaces("  ")).toEqual([]);
    expect(searchPlaces("beck", 0)).toEqual([]);
  });
});

describe("geocodeAddress", () => {
  it("returns the postal code's centroid", () => {
    const result = geocodeAddress({ postalCode: "59269", town: "Beckum" });
    expect(result?.precision).toBe("postalCode");
    expect(result?.lat).toBeCloseTo(51.75, 1);
    expect(result?.lon).toBeCloseTo(8.04, 1);
  });

  it("falls back to a town with a single postal code and otherwise returns null", () => {
    expect(geocodeAddress({ postalCode: "00000", town: "Beckum" })).toEqual(
      geocodeAddress({ postalCode: "59269" }),
    );
    expect(geocodeAddress({ postalCode: "00000", town: "Düsseldorf" })).toBeNull();
    expect(geocodeAddress({ postalCode: "00000" })).toBeNull();
  });

  it("credits GeoNames", () => {
    expect(GEO_ATTRIBUTION).toBe("Postleitzahlen: GeoNames (www.geonames.org), CC BY 4.0");
    expect(data.source).toContain("GeoNames");
  });
});
