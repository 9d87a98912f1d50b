/**
 * Starting pages offered when an organisation writes its website: a short, true German text about family
 * day care that the writer adapts to her town. The texts describe the legal frame (SGB VIII) in plain
 * language and name nothing that differs from place to place as fact.
 */
export interface SitePageTemplate {
  key: "profile" | "dayCareOrNursery" | "becomeCaregiver";
  title: string;
  description: string;
  html: string;
}

export const sitePageTemplates: readonly SitePageTemplate[] = [
  {
    key: "profile",
    title: "Profil Kindertagespflege",
    description:
      "Was Kindertagespflege ist, was sie auszeichnet und welchen Platz sie neben Kita und Krippe hat.",
    html: [
      "<p>Kindertagespflege ist eine familiennahe Form der Kinderbetreuung. Eine qualifizierte Tagesmutter oder ein Tagesvater betreut eine kleine Gruppe von höchstens fünf Kindern gleichzeitig – im eigenen Haushalt, im Haushalt der Eltern oder in anderen geeigneten Räumen.</p>",
      "<h2>Was Kindertagespflege auszeichnet</h2>",
      "<ul><li><p>Kleine Gruppe und eine feste Bezugsperson: Das Kind hat jeden Tag dieselbe vertraute Person.</p></li><li><p>Flexible Betreuungszeiten, die zu den Arbeitszeiten der Eltern passen können.</p></li><li><p>Ein Tagesablauf nah am Familienalltag: gemeinsam kochen, einkaufen, auf den Spielplatz gehen.</p></li></ul>",
      "<h2>Gleichwertig zur Kita</h2>",
      "<p>Kindertagespflege ist im Kinder- und Jugendhilfegesetz (SGB VIII) der Betreuung in einer Kindertageseinrichtung gleichgestellt. Eltern können ihren Rechtsanspruch auf einen Betreuungsplatz für Kinder ab dem ersten Geburtstag auch in der Kindertagespflege erfüllen. Tagespflegepersonen brauchen eine Pflegeerlaubnis des Jugendamtes und eine Qualifizierung; sie bilden sich regelmäßig fort.</p>",
      "<h2>Unsere Aufgabe</h2>",
      "<p>Hier beschreiben Sie, was Ihre Organisation für Familien und Tagespflegepersonen tut: Beratung, Vermittlung, Begleitung und Qualifizierung.</p>",
    ].join(""),
  },
  {
    key: "dayCareOrNursery",
    title: "Kindertagespflege oder Krippe?",
    description: "Worin sich Kindertagespflege und Krippe unterscheiden – eine Hilfe für die Entscheidung.",
    html: [
      "<p>Beide Angebote erfüllen den Rechtsanspruch auf einen Betreuungsplatz. Welche Form zu Ihrem Kind passt, hängt von Ihrem Kind und Ihrem Alltag ab.</p>",
      "<h2>Kindertagespflege</h2>",
      "<ul><li><p>Bis zu fünf Kinder gleichzeitig bei einer festen Bezugsperson.</p></li><li><p>Familiäre Umgebung, oft gemischte Altersgruppe.</p></li><li><p>Betreuungszeiten werden mit der Tagespflegeperson vereinbart und können auch Randzeiten umfassen.</p></li></ul>",
      "<h2>Krippe</h2>",
      "<ul><li><p>Größere Gruppen mit mehreren Fachkräften im Wechsel.</p></li><li><p>Feste Öffnungszeiten der Einrichtung.</p></li><li><p>Vertretung bei Krankheit oder Urlaub innerhalb des Teams.</p></li></ul>",
      "<h2>Wir beraten Sie</h2>",
      "<p>Sprechen Sie uns an. Wir erklären Ihnen die Unterschiede, die Kosten und den Weg zu einem Platz.</p>",
    ].join(""),
  },
  {
    key: "becomeCaregiver",
    title: "Tagesmutter/Tagesvater werden",
    description:
      "Wie Sie Tagesmutter oder Tagesvater werden: Voraussetzungen, Qualifizierung, Pflegeerlaubnis.",
    html: [
      "<p>Sie betreuen gern Kinder und möchten selbstständig oder angestellt arbeiten? Dann kann Kindertagespflege Ihr Beruf sein.</p>",
      "<h2>Der Weg in die Kindertagespflege</h2>",
      "<ol><li><p>Informationsgespräch bei uns.</p></li><li><p>Qualifizierung nach dem Kompetenzorientierten Qualifizierungshandbuch (QHB) mit 300 Unterrichtseinheiten, dazu ein Erste-Hilfe-Kurs am Kind.</p></li><li><p>Prüfung der Eignung und der Räume durch das Jugendamt.</p></li><li><p>Pflegeerlaubnis nach § 43 SGB VIII – dann können Sie Kinder betreuen.</p></li></ol>",
      "<h2>Was Sie mitbringen</h2>",
      "<p>Freude an der Arbeit mit Kindern, Geduld und Zuverlässigkeit, geeignete Räume und die Bereitschaft, sich fortzubilden. Ein erweitertes Führungszeugnis ist Pflicht.</p>",
      "<p>Wir begleiten Sie auf diesem Weg – rufen Sie uns an oder schreiben Sie uns.</p>",
    ].join(""),
  },
];
