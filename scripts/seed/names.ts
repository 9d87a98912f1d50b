/**
 * The invented people of the demo. Hand-picked rather than drawn from name lists, so that the mix looks like
 * the regions (Münsterland and Holstein families next to Turkish, Polish, Arabic and Russian-German ones)
 * and no combination comes out odd. Any likeness to real persons is coincidental.
 */

import type { AssociationTownKey, OfficeTownKey } from "./places";

/** A day-care person of the Beckum coordination office; unset fields are filled from the seeded stream. */
export interface OfficePerson {
  firstName: string;
  lastName: string;
  town: OfficeTownKey;
  /** Besides German. */
  languages?: string[];
  isEmployed?: boolean;
  hasInclusionExperience?: boolean;
  ages?: readonly [min: number, max: number];
  careGroup?: "Zwergenburg";
}

/** Anna Albers, the demo login tagesmutter@demo.ktp-netz.de; her row is linked to that account. */
export const demoCaregiver: OfficePerson = {
  firstName: "Anna",
  lastName: "Albers",
  town: "beckum",
  languages: ["Englisch"],
  hasInclusionExperience: true,
};

/** The other 46 day-care persons; with Anna the 47 of the Beckum text (as of March 2018). */
export const officePeople: readonly OfficePerson[] = [
  { firstName: "Claudia", lastName: "Hölscher", town: "beckum" },
  { firstName: "Stefanie", lastName: "Brüggemann", town: "beckum", isEmployed: true },
  { firstName: "Martina", lastName: "Reckmann", town: "neubeckum", ages: [12, 72] },
  { firstName: "Sandra", lastName: "Overmann", town: "ennigerloh" },
  { firstName: "Kerstin", lastName: "Westhoff", town: "oelde", hasInclusionExperience: true },
  { firstName: "Nicole", lastName: "Tenbrock", town: "beckum", isEmployed: true },
  { firstName: "Julia", lastName: "Hagedorn", town: "beckum", careGroup: "Zwergenburg" },
  {
    firstName: "Katharina",
    lastName: "Niehues",
    town: "beckum",
    careGroup: "Zwergenburg",
    languages: ["Englisch"],
  },
  { firstName: "Elif", lastName: "Demir", town: "beckum", careGroup: "Zwergenburg", languages: ["Türkisch"] },
  { firstName: "Melanie", lastName: "Sudhoff", town: "neubeckum" },
  { firstName: "Andrea", lastName: "Kemper", town: "wadersloh", ages: [12, 72] },
  { firstName: "Monika", lastName: "Schulze Bisping", town: "sendenhorst", languages: ["Plattdeutsch"] },
  { firstName: "Daniela", lastName: "Bußmann", town: "ahlenNord", hasInclusionExperience: true },
  { firstName: "Simone", lastName: "Vinnenberg", town: "oelde" },
  { firstName: "Tanja", lastName: "Rottmann", town: "ennigerloh" },
  { firstName: "Christina", lastName: "Pöhler", town: "beckum", languages: ["Englisch"] },
  { firstName: "Sabrina", lastName: "Wienker", town: "lippetal" },
  { firstName: "Jessica", lastName: "Brockmann", town: "ahlenSued", isEmployed: true },
  { firstName: "Manuela", lastName: "Everwin", town: "drensteinfurt" },
  { firstName: "Yvonne", lastName: "Große-Wöstmann", town: "wadersloh" },
  { firstName: "Heike", lastName: "Lütkehaus", town: "oelde", ages: [12, 72] },
  { firstName: "Lena", lastName: "Rüschoff", town: "neubeckum", isEmployed: true, languages: ["Englisch"] },
  { firstName: "Carina", lastName: "Tiemann", town: "beckum", languages: ["Niederländisch"] },
  { firstName: "Markus", lastName: "Hölker", town: "beckum", hasInclusionExperience: true },
  { firstName: "Tobias", lastName: "Reinkemeier", town: "oelde" },
  { firstName: "Susanne", lastName: "Austermann", town: "ennigerloh" },
  { firstName: "Gabriele", lastName: "Feldkamp", town: "sendenhorst" },
  { firstName: "Eva", lastName: "Mersmann", town: "ahlenNord" },
  { firstName: "Marion", lastName: "Beermann", town: "beckum", ages: [12, 72] },
  { firstName: "Nadine", lastName: "Frerich", town: "neubeckum" },
  { firstName: "Svenja", lastName: "Köchling", town: "lippetal" },
  { firstName: "Ayşe", lastName: "Yılmaz", town: "ahlenSued", languages: ["Türkisch"] },
  { firstName: "Fatma", lastName: "Öztürk", town: "beckum", languages: ["Türkisch"], isEmployed: true },
  { firstName: "Gülay", lastName: "Aydın", town: "ahlenNord", languages: ["Türkisch", "Kurdisch"] },
  { firstName: "Hatice", lastName: "Şahin", town: "neubeckum", languages: ["Türkisch"] },
  { firstName: "Agnieszka", lastName: "Nowak", town: "oelde", languages: ["Polnisch"] },
  {
    firstName: "Katarzyna",
    lastName: "Wiśniewska",
    town: "beckum",
    languages: ["Polnisch", "Englisch"],
    isEmployed: true,
  },
  { firstName: "Magdalena", lastName: "Kowalczyk", town: "ennigerloh", languages: ["Polnisch"] },
  { firstName: "Joanna", lastName: "Zielińska", town: "ahlenNord", languages: ["Polnisch"] },
  {
    firstName: "Rania",
    lastName: "Haddad",
    town: "beckum",
    languages: ["Arabisch"],
    hasInclusionExperience: true,
  },
  { firstName: "Nour", lastName: "Al-Khatib", town: "ahlenSued", languages: ["Arabisch", "Englisch"] },
  { firstName: "Samira", lastName: "Mansour", town: "oelde", languages: ["Arabisch", "Französisch"] },
  { firstName: "Olga", lastName: "Friesen", town: "oelde", languages: ["Russisch"] },
  { firstName: "Swetlana", lastName: "Klassen", town: "wadersloh", languages: ["Russisch"] },
  { firstName: "Natalia", lastName: "Iwanowa", town: "beckum", languages: ["Russisch", "Ukrainisch"] },
  {
    firstName: "Irina",
    lastName: "Wall",
    town: "ahlenSued",
    languages: ["Russisch"],
    hasInclusionExperience: true,
  },
];

/** A member of the Segeberg association; `mapName` set means she has put herself on the public map. */
export interface AssociationPerson {
  firstName: string;
  lastName: string;
  town: AssociationTownKey;
  isBoard?: boolean;
  mapName?: string;
}

export const associationPeople: readonly AssociationPerson[] = [
  {
    firstName: "Frauke",
    lastName: "Petersen",
    town: "badSegeberg",
    isBoard: true,
    mapName: "Tagespflege Lütte Lüüd",
  },
  { firstName: "Inke", lastName: "Hansen", town: "badSegeberg", mapName: "Inke H." },
  { firstName: "Wiebke", lastName: "Jensen", town: "norderstedt44", mapName: "Tagesmutti Sonnenschein" },
  {
    firstName: "Kirsten",
    lastName: "Thomsen",
    town: "kaltenkirchen",
    mapName: "Kindertagespflege Wichtelhaus",
  },
  { firstName: "Svenja", lastName: "Lüders", town: "henstedtUlzburg", mapName: "Kinderstube Pusteblume" },
  { firstName: "Birte", lastName: "Wulf", town: "badBramstedt", mapName: "Birte W." },
  { firstName: "Heike", lastName: "Stoltenberg", town: "wahlstedt", mapName: "Tagespflege Spatzennest" },
  { firstName: "Anke", lastName: "Rathjen", town: "trappenkamp" },
  { firstName: "Meike", lastName: "Bruhn", town: "norderstedt46", mapName: "Krümelkiste" },
  { firstName: "Silke", lastName: "Harms", town: "norderstedt48" },
  { firstName: "Jana", lastName: "Kröger", town: "norderstedt50", mapName: "Tagespflege Kleine Strolche" },
  { firstName: "Nina", lastName: "Schacht", town: "norderstedt51" },
  { firstName: "Katrin", lastName: "Voß", town: "kaltenkirchen", isBoard: true, mapName: "Katrin V." },
  { firstName: "Jan", lastName: "Hinrichsen", town: "henstedtUlzburg", mapName: "Tagesvater Jan" },
  { firstName: "Malte", lastName: "Carstens", town: "badBramstedt" },
  { firstName: "Tanja", lastName: "Steffens", town: "boostedt" },
  { firstName: "Ulrike", lastName: "Ehlers", town: "leezen", mapName: "Tagespflege Regenbogenland" },
  { firstName: "Dörte", lastName: "Timm", town: "sievershuetten" },
  { firstName: "Merle", lastName: "Sievers", town: "kisdorf", mapName: "Merle S." },
  {
    firstName: "Britta",
    lastName: "Wendt",
    town: "norderstedt44",
    isBoard: true,
    mapName: "Die Rasselbande",
  },
  { firstName: "Christiane", lastName: "Pohl", town: "norderstedt46" },
  { firstName: "Kathrin", lastName: "Reimers", town: "badSegeberg" },
  { firstName: "Hanna", lastName: "Behrens", town: "henstedtUlzburg", mapName: "Tagespflege Seepferdchen" },
  { firstName: "Lisa", lastName: "Kock", town: "kaltenkirchen" },
  { firstName: "Nele", lastName: "Dibbern", town: "wahlstedt", mapName: "Tagespflege Schatzkiste" },
  { firstName: "Sandra", lastName: "Gosch", town: "norderstedt48" },
  { firstName: "Aylin", lastName: "Kaya", town: "norderstedt50", mapName: "Aylin K." },
  { firstName: "Derya", lastName: "Koç", town: "norderstedt44" },
  { firstName: "Gülşen", lastName: "Arslan", town: "kaltenkirchen" },
  { firstName: "Magdalena", lastName: "Nowicka", town: "badSegeberg", mapName: "Tagespflege Marienkäfer" },
  { firstName: "Ewa", lastName: "Lewandowska", town: "henstedtUlzburg" },
  { firstName: "Katarzyna", lastName: "Wójcik", town: "trappenkamp" },
  { firstName: "Layla", lastName: "Nasser", town: "norderstedt46", mapName: "Tagespflege Sternschnuppe" },
  { firstName: "Rana", lastName: "Khalil", town: "badSegeberg" },
  { firstName: "Tatjana", lastName: "Becker", town: "badBramstedt", mapName: "Kindertagespflege Wirbelwind" },
  { firstName: "Jelena", lastName: "Schmidt", town: "norderstedt51" },
  { firstName: "Oksana", lastName: "Melnyk", town: "norderstedt48", mapName: "Oksana M." },
  { firstName: "Mariam", lastName: "Saleh", town: "norderstedt50" },
];

/**
 * The ASCII form of a name for an e-mail address: German umlauts as ae/oe/ue, other diacritics dropped
 * (Yılmaz → yilmaz, Wiśniewska → wisniewska), spaces as hyphens.
 */
export function mailName(name: string): string {
  return name
    .toLocaleLowerCase("de")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/ı/g, "i")
    .replace(/ł/g, "l")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\s+/g, "-")
    .replace(/[^a-z0-9.-]/g, "");
}
