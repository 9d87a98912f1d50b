/**
 * Derives the offline postal-code table (src/server/platform/geo/postal-codes.json) from the GeoNames CSV in
 * shared/data, so that the app needs neither network access nor shared/ at run time.
 *
 *   npx tsx scripts/build-postal-codes.ts [csvPath]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const csvPath = resolve(repoRoot, process.argv[2] ?? "../shared/data/geonames-postal-codes-de.csv");
const outPath = resolve(repoRoot, "src/server/platform/geo/postal-codes.json");
const SIZE_BUDGET = 600 * 1024;

/**
 * Plain place rows carry the two-letter code of a Land. Organisations with their own postal code ("Daimler
 * Insurance Services GmbH", "Stadt Norderstedt Stadtverwaltung", ...) carry numeric GeoNames admin codes
 * ("01", "16") instead, so the state code separates them reliably, whereas a name filter would also hit real
 * places such as Postau or Amtzell. The one row with no state at all is Jungholz, an Austrian municipality
 * reached through a German postal code; it is outside any Land and therefore dropped as well.
 */
const STATE_CODES = new Set("BB BE BW BY HB HE HH MV NI NW RP SH SL SN ST TH".split(" "));

interface CsvRow {
  zipcode: string;
  place: string;
  state_code: string;
  community: string;
  latitude: string;
  longitude: string;
}

interface PlaceRow {
  postalCode: string;
  place: string;
  stateCode: string;
  district: string;
  lat: number;
  lon: number;
}

const parsed = Papa.parse<CsvRow>(readFileSync(csvPath, "utf8"), { header: true, skipEmptyLines: true });
if (parsed.errors.length > 0) {
  const first = parsed.errors[0];
  throw new Error(
    `${csvPath}: ${parsed.errors.length} CSV errors, first in row ${first?.row}: ${first?.message}`,
  );
}
const required = ["zipcode", "place", "state_code", "community", "latitude", "longitude"];
const missing = required.filter((column) => !parsed.meta.fields?.includes(column));
if (missing.length > 0) throw new Error(`${csvPath}: missing columns ${missing.join(", ")}`);

const kept: PlaceRow[] = [];
const dropped = new Map<string, number>();
for (const row of parsed.data) {
  const stateCode = row.state_code.trim();
  if (!STATE_CODES.has(stateCode)) {
    dropped.set(stateCode || "(none)", (dropped.get(stateCode || "(none)") ?? 0) + 1);
    continue;
  }
  const postalCode = row.zipcode.trim();
  const lat = Number(row.latitude);
  const lon = Number(row.longitude);
  if (!/^\d{5}$/.test(postalCode) || !Number.isFinite(lat) || !Number.isFinite(lon) || !row.place.trim()) {
    throw new Error(`${csvPath}: unusable place row ${JSON.stringify(row)}`);
  }
  kept.push({ postalCode, place: row.place.trim(), stateCode, district: row.community.trim(), lat, lon });
}

/** Values by frequency; ties keep their first appearance, which keeps the output stable between runs. */
function byFrequency(values: string[], tieBreak: (value: string) => number = () => 0): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const firstSeen = [...counts.keys()];
  return firstSeen.sort(
    (a, b) =>
      (counts.get(b) ?? 0) - (counts.get(a) ?? 0) ||
      tieBreak(b) - tieBreak(a) ||
      firstSeen.indexOf(a) - firstSeen.indexOf(b),
  );
}

const groups = new Map<string, PlaceRow[]>();
for (const row of kept) {
  const group = groups.get(row.postalCode);
  if (group) group.push(row);
  else groups.set(row.postalCode, [row]);
}

// Most postal codes list each place once, so the frequency order usually ties; a name that spans many postal
// codes is a larger town (Berlin next to Schönefeld in 12529) and is the better first name to show.
const codesPerPlace = new Map<string, Set<string>>();
for (const row of kept) {
  const codes = codesPerPlace.get(row.place) ?? new Set<string>();
  codes.add(row.postalCode);
  codesPerPlace.set(row.place, codes);
}
const span = (place: string) => codesPerPlace.get(place)?.size ?? 0;

const round4 = (value: number) => Math.round(value * 1e4) / 1e4;
const districts: string[] = [];
const districtIndex = new Map<string, number>();
const rows: [string, string[], string, number, number, number][] = [];
for (const postalCode of [...groups.keys()].sort()) {
  const group = groups.get(postalCode) ?? [];
  const places = byFrequency(
    group.map((row) => row.place),
    span,
  );
  // A few postal codes cross a state or district border; the majority of their places decides.
  const stateCode = byFrequency(group.map((row) => row.stateCode))[0] ?? "";
  const district = byFrequency(group.map((row) => row.district))[0] ?? "";
  let index = districtIndex.get(district);
  if (index === undefined) {
    index = districts.push(district) - 1;
    districtIndex.set(district, index);
  }
  const lat = round4(group.reduce((sum, row) => sum + row.lat, 0) / group.length);
  const lon = round4(group.reduce((sum, row) => sum + row.lon, 0) / group.length);
  rows.push([postalCode, places, stateCode, index, lat, lon]);
}

// One row per line keeps the committed file diffable; district names are stored once to stay within budget.
const header = {
  source: "GeoNames (www.geonames.org), CC BY 4.0",
  generated: new Date().toISOString().slice(0, 10),
  columns: ["postalCode", "places", "stateCode", "districtIndex", "lat", "lon"],
  districts,
};
const headerJson = JSON.stringify(header);
const json = `${headerJson.slice(0, -1)},"rows":[\n${rows.map((row) => JSON.stringify(row)).join(",\n")}\n]}\n`;
JSON.parse(json);
writeFileSync(outPath, json);

const size = Buffer.byteLength(json);
const droppedSummary = [...dropped].map(([code, count]) => `${code}: ${count}`).join(", ");
console.log(
  `${parsed.data.length} rows read, ${kept.length} place rows kept, dropped by state code: ${droppedSummary}`,
);
console.log(`${rows.length} postal codes, ${districts.length} districts, ${size} bytes -> ${outPath}`);
if (size > SIZE_BUDGET) {
  console.error(`postal-codes.json exceeds the budget of ${SIZE_BUDGET} bytes`);
  process.exitCode = 1;
}
