import { sitePageTemplates } from "../../src/core/site/templates";
import { sanitizeSiteHtml } from "../../src/server/modules/site/site.html";
import { insertPage, insertPost } from "../../src/server/modules/site/site.repository";
import type { Executor } from "../../src/server/platform/db/client";

const DAY = 24 * 60 * 60 * 1000;

/**
 * The public websites of the demo: each organisation has its "Profil Kindertagespflege" and a news post,
 * the association also a page about itself, so that /o/beckum and /o/verein-segeberg show a real website.
 * The texts follow the two seed descriptions (Beckum, Segeberg); names of people are left out.
 */
export async function seedSite(
  tx: Executor,
  ids: { officeId: string; associationId: string; now: Date },
): Promise<void> {
  const profile = sitePageTemplates.find((template) => template.key === "profile");
  const become = sitePageTemplates.find((template) => template.key === "becomeCaregiver");
  if (!profile || !become) throw new Error("site templates missing");
  const published = (daysAgo: number) => new Date(ids.now.getTime() - daysAgo * DAY);

  const page = (
    organisationId: string,
    slug: string,
    title: string,
    description: string,
    html: string,
    menuPosition: number,
  ) =>
    insertPage(tx, {
      organisationId,
      slug,
      title,
      description,
      bodyHtml: sanitizeSiteHtml(html),
      status: "published",
      showInMenu: true,
      menuPosition,
      publishedAt: published(30),
      createdAt: published(30),
      updatedAt: published(2),
    });

  await page(
    ids.officeId,
    "profil-kindertagespflege",
    profile.title,
    "Was Kindertagespflege in Beckum ausmacht: kleine Gruppen, feste Bezugsperson, Qualifizierung nach dem QHB.",
    profile.html.replace(
      /<h2>Unsere Aufgabe<\/h2>.*$/s,
      [
        "<h2>Unsere Aufgabe in Beckum</h2>",
        "<p>Die Koordinierungsstelle berät Eltern und Kindertagespflegepersonen, vermittelt Plätze und begleitet die Betreuung. Wir qualifizieren neue Tagespflegepersonen nach dem Kompetenzorientierten Qualifizierungshandbuch (QHB) und bieten regelmäßige Zusatzqualifizierungen an.</p>",
        "<ul><li><p>Vertretungsmodelle: Tandems und fest angestellte Vertretungskräfte, damit Betreuung auch bei Krankheit und Urlaub verlässlich bleibt.</p></li><li><p>Kindertagespflege im Anstellungsverhältnis und Begleitung inklusiv arbeitender Tagespflegepersonen.</p></li><li><p>Mitwirkung der Eltern, zum Beispiel in einem Elternbeirat, und thematische Elternabende.</p></li></ul>",
        "<p>Gemeinsam mit den Tagespflegepersonen und dem Jugendamt der Stadt Beckum reflektieren und verbessern wir die Rahmenbedingungen – auch die Vergütung.</p>",
      ].join(""),
    ),
    1,
  );
  await page(ids.officeId, "tagesmutter-tagesvater-werden", become.title, become.description, become.html, 2);

  await page(
    ids.associationId,
    "profil-kindertagespflege",
    profile.title,
    "Kindertagespflege im Kreis Segeberg: familiennah, verlässlich und der Kita gleichgestellt.",
    profile.html.replace(
      /<h2>Unsere Aufgabe<\/h2>.*$/s,
      [
        "<h2>Kindertagespflegeperson oder Krippe?</h2>",
        "<p>Mit unserer Öffentlichkeitsarbeit möchten wir zum Nachdenken anregen: Was sind die Vorteile der Kindertagespflege gegenüber der Krippe? Und was unterscheidet eine Kindertagespflegeperson von der „Tagesmutter“ von früher? Sie finden uns mit Ständen auf dem Wochenmarkt, bei der Kinderschutzwoche und in der Zeitung.</p>",
      ].join(""),
    ),
    1,
  );
  await page(
    ids.associationId,
    "unser-verein",
    "Unser Verein",
    "Der Verein ist das Sprachrohr der Kindertagespflegepersonen im Kreis Segeberg.",
    [
      "<p>Der Verein steht für den Zusammenhalt der Kindertagespflegepersonen. Wir vertreten die Interessen unserer Mitglieder und setzen uns für politische und gesellschaftliche Anerkennung ein.</p>",
      "<h2>Stammtisch</h2>",
      "<p>Zu unseren regelmäßigen Stammtischen ist jede und jeder herzlich eingeladen. Wir treffen uns an einem neutralen Ort und beginnen mit einer kurzen Vorstellungsrunde. Jeder darf kommen, jeder darf etwas sagen – und jeder darf auch nur zuhören. Die Termine stehen unter „Termine“.</p>",
      "<h2>Das Sprachrohr</h2>",
      "<p>Am Stammtisch entscheiden wir gemeinsam, welche Interessen und Forderungen wir vertreten. Der Vorstand trägt sie zu den Fachdiensten, zum Jugendamt und in die Politik. Je mehr Mitglieder der Verein hat, desto lauter ist seine Stimme.</p>",
      "<h2>Vernetzung, aber keine Vermittlung</h2>",
      "<p>Wir schätzen die Arbeit der Fachdienste und treten nicht in Konkurrenz zu ihnen. Auf unserer Karte tragen sich Mitglieder freiwillig ein; freie Plätze vermitteln wir nicht.</p>",
    ].join(""),
    2,
  );

  await insertPost(tx, {
    organisationId: ids.officeId,
    slug: "fotoausstellung-vielfalt-der-kindertagespflege",
    title: "Fotoausstellung: Vielfalt der Kindertagespflege",
    teaser: "Wir zeigen, wie bunt Betreuung in der Kindertagespflege ist – und suchen dafür Motive.",
    bodyHtml: sanitizeSiteHtml(
      "<p>Für unsere Fotoausstellung über die Vielfalt der Kindertagespflege sammeln wir Bilder aus dem Alltag: beim Spielen, Kochen, Entdecken draußen. Kindertagespflegepersonen, die mitmachen möchten, melden sich bitte bei uns.</p><p>Fotos von Kindern zeigen wir nur mit der schriftlichen Einwilligung der Eltern.</p>",
    ),
    status: "published",
    publishedAt: published(5),
    createdAt: published(5),
    updatedAt: published(5),
  });
  await insertPost(tx, {
    organisationId: ids.associationId,
    slug: "stand-auf-dem-wochenmarkt",
    title: "Stand auf dem Wochenmarkt zur Kinderschutzwoche",
    teaser: "Besuchen Sie uns am Stand und fragen Sie, was Kindertagespflege ausmacht.",
    bodyHtml: sanitizeSiteHtml(
      "<p>Zur Kinderschutzwoche sind wir mit einem Stand auf dem Wochenmarkt in Bad Segeberg. Mitglieder des Vereins beantworten Fragen rund um die Kindertagespflege – für Eltern und für alle, die selbst Tagesmutter oder Tagesvater werden möchten.</p>",
    ),
    status: "published",
    publishedAt: published(3),
    createdAt: published(3),
    updatedAt: published(3),
  });
}
