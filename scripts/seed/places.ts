import type { GeoPoint } from "../../src/core/geo/geo";
import { findPostalCode } from "../../src/server/platform/geo/postal-codes";

/** A town of the demo with the centre of its postal code, as the offline table has it. */
export interface SeedPlace extends GeoPoint {
  postalCode: string;
  town: string;
}

/**
 * A town by postal code and one of the code's place names; `quarter` names a part of town the table does not
 * list separately (Neubeckum shares 59269 with Beckum).
 */
export interface PlaceRef {
  postalCode: string;
  place: string;
  quarter?: string;
}

/**
 * Looks a town up in the offline table and checks that its place name belongs to the postal code, so a typo
 * or a code missing from the table fails the seed loudly instead of putting a person into the sea. Resolved
 * only when seeding: main.ts imports the seed on every start, and most starts do not seed.
 */
export function resolvePlace({ postalCode, place, quarter }: PlaceRef): SeedPlace {
  const entry = findPostalCode(postalCode);
  if (!entry) throw new Error(`Demo seed: postal code ${postalCode} is not in the postal-code table`);
  if (!entry.places.includes(place)) {
    throw new Error(`Demo seed: ${place} is not a place of ${postalCode} (${entry.places.join(", ")})`);
  }
  return { postalCode, town: quarter ? `${place}-${quarter}` : place, lat: entry.lat, lon: entry.lon };
}

/** The youth office that licenses day-care persons in a town (Beckum, Ahlen and Oelde have their own). */
export interface LicensingOffice {
  issuer: string;
  /** Prefix of the licence numbers it hands out. */
  prefix: string;
}

const BECKUM: LicensingOffice = { issuer: "Stadt Beckum – Jugendamt", prefix: "BE" };
const AHLEN: LicensingOffice = { issuer: "Stadt Ahlen – Jugendamt", prefix: "AH" };
const OELDE: LicensingOffice = { issuer: "Stadt Oelde – Jugendamt", prefix: "OE" };
const KREIS_WARENDORF: LicensingOffice = { issuer: "Kreis Warendorf – Jugendamt", prefix: "WAF" };
const KREIS_SOEST: LicensingOffice = { issuer: "Kreis Soest – Jugendamt", prefix: "SO" };

/** A town served by the Beckum coordination office, with its dialling code for invented phone numbers. */
export interface OfficeTown extends PlaceRef {
  areaCode: string;
  licensing: LicensingOffice;
  streets: readonly string[];
}

export const officeTowns = {
  beckum: {
    postalCode: "59269",
    place: "Beckum",
    areaCode: "02521",
    licensing: BECKUM,
    streets: [
      "Nordstraße",
      "Elisabethstraße",
      "Hammer Straße",
      "Lippborger Straße",
      "Am Höxberg",
      "Sternstraße",
    ],
  },
  neubeckum: {
    postalCode: "59269",
    place: "Beckum",
    quarter: "Neubeckum",
    areaCode: "02525",
    licensing: BECKUM,
    streets: ["Hauptstraße", "Bahnhofstraße", "Vellerner Straße", "Am Bruch", "Spiekersstraße"],
  },
  ennigerloh: {
    postalCode: "59320",
    place: "Ennigerloh",
    areaCode: "02524",
    licensing: KREIS_WARENDORF,
    streets: ["Ostenfelder Straße", "Am Kapellenweg", "Lindenstraße", "Drosselweg"],
  },
  oelde: {
    postalCode: "59302",
    place: "Oelde",
    areaCode: "02522",
    licensing: OELDE,
    streets: ["Ruggestraße", "Bultstraße", "Am Vierhöfeweg", "Lehmkuhle", "Wiesenweg"],
  },
  ahlenNord: {
    postalCode: "59227",
    place: "Ahlen",
    areaCode: "02382",
    licensing: AHLEN,
    streets: ["Warendorfer Straße", "Kampstraße", "Am Röteringshof", "Ahornweg"],
  },
  ahlenSued: {
    postalCode: "59229",
    place: "Ahlen",
    areaCode: "02382",
    licensing: AHLEN,
    streets: ["Dolberger Straße", "Zechenstraße", "Am Glückaufplatz", "Birkenweg"],
  },
  wadersloh: {
    postalCode: "59329",
    place: "Wadersloh",
    areaCode: "02523",
    licensing: KREIS_WARENDORF,
    streets: ["Liesborner Straße", "Mühlenweg", "Am Sportplatz"],
  },
  lippetal: {
    postalCode: "59510",
    place: "Lippetal",
    areaCode: "02923",
    licensing: KREIS_SOEST,
    streets: ["Lippestraße", "Kirchweg", "Am Mühlenbach"],
  },
  sendenhorst: {
    postalCode: "48324",
    place: "Sendenhorst",
    areaCode: "02526",
    licensing: KREIS_WARENDORF,
    streets: ["Weststraße", "Kirchstraße", "Eichendorffstraße"],
  },
  drensteinfurt: {
    postalCode: "48317",
    place: "Drensteinfurt",
    areaCode: "02508",
    licensing: KREIS_WARENDORF,
    streets: ["Mühlenstraße", "Wagenfeldstraße"],
  },
} satisfies Record<string, OfficeTown>;

export type OfficeTownKey = keyof typeof officeTowns;

/** Towns of Kreis Segeberg where the association's members live. */
export const associationTowns = {
  badSegeberg: { postalCode: "23795", place: "Bad Segeberg" },
  norderstedt44: { postalCode: "22844", place: "Norderstedt" },
  norderstedt46: { postalCode: "22846", place: "Norderstedt" },
  norderstedt48: { postalCode: "22848", place: "Norderstedt" },
  norderstedt50: { postalCode: "22850", place: "Norderstedt" },
  norderstedt51: { postalCode: "22851", place: "Norderstedt" },
  kaltenkirchen: { postalCode: "24568", place: "Kaltenkirchen" },
  henstedtUlzburg: { postalCode: "24558", place: "Henstedt-Ulzburg" },
  badBramstedt: { postalCode: "24576", place: "Bad Bramstedt" },
  wahlstedt: { postalCode: "23812", place: "Wahlstedt" },
  trappenkamp: { postalCode: "24610", place: "Trappenkamp" },
  boostedt: { postalCode: "24598", place: "Boostedt" },
  leezen: { postalCode: "23816", place: "Leezen" },
  sievershuetten: { postalCode: "24641", place: "Sievershütten" },
  kisdorf: { postalCode: "24629", place: "Kisdorf" },
} satisfies Record<string, PlaceRef>;

export type AssociationTownKey = keyof typeof associationTowns;
