import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { type Client, describeApi, type TestContext } from "../../../../test/support/test-app";
import { sitePageTemplates } from "../../../core/site/templates";
import { auditEvents } from "../../platform/audit/audit.tables";
import { mailOutbox } from "../../platform/mail/mail.tables";
import { sitePages, sitePosts } from "./site.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const profile = sitePageTemplates[0];
if (!profile) throw new Error("template missing");

const pageInput = (overrides: Record<string, unknown> = {}) => ({
  title: profile.title,
  description: profile.description,
  bodyHtml: profile.html,
  status: "published",
  showInMenu: true,
  menuPosition: 1,
  ...overrides,
});

const postInput = (overrides: Record<string, unknown> = {}) => ({
  title: "Stammtisch im Frühling",
  teaser: "Wir treffen uns wieder im Café am Markt.",
  bodyHtml: "<p>Alle sind herzlich eingeladen.</p>",
  status: "published",
  imageAlt: "Tagesmütter am Tisch",
  ...overrides,
});

async function office(t: TestContext, kind: "coordinationOffice" | "association" = "coordinationOffice") {
  const org = await t.createOrganisation({ kind });
  const writer = await t.member(org, kind === "association" ? ["board", "member"] : ["coordinator"]);
  return { org, writer, api: `/api/orgs/${org.slug}/site`, pub: `/api/public/orgs/${org.slug}/site` };
}

const later = (t: TestContext, seconds: number) => {
  t.clock.now = new Date(t.clock.now.getTime() + seconds * 1000);
};

describeApi(
  "site: pages, news, public website and contact form",
  (t) => {
    it("lets the writers create a page whose address stays when the title changes", async () => {
      const { org, writer, api, pub } = await office(t);
      const created = await writer.post(`${api}/pages`, pageInput());
      expect(created.status).toBe(201);
      expect(created.body.slug).toBe("profil-kindertagespflege");
      expect(created.body.publishedAt).not.toBeNull();

      const retitled = await writer.put(
        `${api}/pages/${created.body.id}`,
        pageInput({ title: "Unser Profil" }),
      );
      expect(retitled.status).toBe(200);
      expect(retitled.body.slug).toBe("profil-kindertagespflege");
      expect(retitled.body.oldSlugs).toEqual([]);

      const moved = await writer.put(
        `${api}/pages/${created.body.id}`,
        pageInput({ title: "Unser Profil", slug: "profil" }),
      );
      expect(moved.body.slug).toBe("profil");
      expect(moved.body.oldSlugs).toEqual(["profil-kindertagespflege"]);

      // The old address still leads to the page; the answer names the current one.
      const viaOld = await t.anonymous().get(`${pub}/pages/profil-kindertagespflege`);
      expect(viaOld.status).toBe(200);
      expect(viaOld.body.slug).toBe("profil");
      expect(viaOld.body.title).toBe("Unser Profil");
      const html = await t.anonymous().get(`/o/${org.slug}/seite/profil-kindertagespflege`);
      expect(html.status).toBe(301);
      expect(html.headers.location).toBe(`/o/${org.slug}/seite/profil`);

      // A new page cannot take the old address, and taking it back is allowed for the page itself.
      const clash = await writer.post(
        `${api}/pages`,
        pageInput({ title: "Anders", slug: "profil-kindertagespflege" }),
      );
      expect(clash.status).toBe(409);
      expect(clash.body.error.code).toBe("siteSlugTaken");
      const back = await writer.put(
        `${api}/pages/${created.body.id}`,
        pageInput({ slug: "profil-kindertagespflege" }),
      );
      expect(back.body.slug).toBe("profil-kindertagespflege");
      expect(back.body.oldSlugs).toEqual(["profil"]);

      const second = await writer.post(`${api}/pages`, pageInput());
      expect(second.body.slug).toBe("profil-kindertagespflege-2");

      const actions = await t.app.platform.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.organisationId, org.id));
      expect(actions.map((a) => a.action)).toEqual(
        expect.arrayContaining(["site.pageCreated", "site.pageUpdated"]),
      );
    });

    it("stores only allowed HTML: scripts, event handlers and javascript: links are stripped", async () => {
      const { writer, api, pub } = await office(t);
      const created = await writer.post(
        `${api}/pages`,
        pageInput({
          title: "Prüfung",
          bodyHtml: [
            "<h1>Groß</h1>",
            '<p onclick="alert(1)" style="color:red">Text <script>alert("x")</script>bleibt</p>',
            '<img src="x" onerror="alert(2)">',
            '<p><a href="javascript:alert(3)">böse</a> <a href="https://example.org" target="_blank" onmouseover="x()">gut</a></p>',
            '<iframe src="https://evil.example"></iframe><style>body{}</style>',
            '<p><a href="mailto:info@example.org">Mail</a></p>',
          ].join(""),
        }),
      );
      expect(created.status).toBe(201);
      const stored = created.body.bodyHtml as string;
      expect(stored).not.toMatch(/script|onerror|onclick|onmouseover|javascript:|iframe|style|<img|alert/i);
      expect(stored).toContain("<h2>Groß</h2>");
      expect(stored).toContain("<p>Text bleibt</p>");
      expect(stored).toContain('<a href="https://example.org" rel="noopener noreferrer">gut</a>');
      expect(stored).toContain('<a href="mailto:info@example.org" rel="noopener noreferrer">Mail</a>');
      const rows = await t.app.platform.db
        .select({ bodyHtml: sitePages.bodyHtml })
        .from(sitePages)
        .where(eq(sitePages.id, created.body.id));
      expect(rows[0]?.bodyHtml).toBe(stored);
      const shown = await t.anonymous().get(`${pub}/pages/${created.body.slug}`);
      expect(shown.body.bodyHtml).toBe(stored);
    });

    it("shows only published pages, in the menu by position", async () => {
      const { org, writer, api, pub } = await office(t, "association");
      await writer.post(`${api}/pages`, pageInput({ title: "Zweite", menuPosition: 5 }));
      await writer.post(`${api}/pages`, pageInput({ title: "Erste", menuPosition: 2 }));
      await writer.post(`${api}/pages`, pageInput({ title: "Entwurf", status: "draft" }));
      await writer.post(`${api}/pages`, pageInput({ title: "Versteckt", showInMenu: false }));

      const site = await t.anonymous().get(pub);
      expect(site.status).toBe(200);
      expect(site.body.organisationName).toBe(org.name);
      expect(site.body.menu).toEqual([
        { kind: "home" },
        { kind: "page", slug: "erste", title: "Erste" },
        { kind: "page", slug: "zweite", title: "Zweite" },
        { kind: "dates" },
        { kind: "news" },
        { kind: "courses" },
        { kind: "map" },
        { kind: "contact" },
      ]);
      expect(site.body.hasContactForm).toBe(true);
      expect((await t.anonymous().get(`${pub}/pages/entwurf`)).status).toBe(404);
      expect((await t.anonymous().get(`${pub}/pages/versteckt`)).status).toBe(200);
      expect((await t.anonymous().get(`/api/public/orgs/gibt-es-nicht/site`)).status).toBe(404);

      const list = await writer.get(`${api}/pages`);
      expect(list.body.map((p: { title: string }) => p.title)).toEqual([
        "Entwurf",
        "Versteckt",
        "Erste",
        "Zweite",
      ]);
    });

    it("answers public addresses with the page's title, description, Open Graph tags and text", async () => {
      const { org, writer, api } = await office(t);
      await writer.post(`${api}/pages`, pageInput());
      const post = await writer.post(`${api}/posts`, postInput());
      await writer.request("PUT", `${api}/posts/${post.body.id}/image`, PNG, { "content-type": "image/png" });

      const page = await t.anonymous().get(`/o/${org.slug}/seite/profil-kindertagespflege`);
      expect(page.status).toBe(200);
      expect(page.headers["content-type"]).toContain("text/html");
      expect(page.text).toContain(`<title>Profil Kindertagespflege – ${org.name}</title>`);
      expect(page.text).toContain(`<meta name="description" content="${profile.description}" />`);
      expect(page.text).toContain(
        `<link rel="canonical" href="http://localhost:3000/o/${org.slug}/seite/profil-kindertagespflege" />`,
      );
      expect(page.text).toContain('<meta property="og:title" content="Profil Kindertagespflege');
      expect(page.text).toContain(
        `<meta property="og:url" content="http://localhost:3000/o/${org.slug}/seite/`,
      );
      expect(page.text).toMatch(
        /<div id="root">.*<h1>Profil Kindertagespflege<\/h1>.*Kindertagespflege ist eine familiennahe Form/s,
      );
      expect(page.text).toContain(`<a href="/o/${org.slug}/neuigkeiten">Neuigkeiten</a>`);

      const news = await t.anonymous().get(`/o/${org.slug}/neuigkeiten/stammtisch-im-fruehling`);
      expect(news.status).toBe(200);
      expect(news.text).toContain('<meta property="og:type" content="article" />');
      expect(news.text).toMatch(
        /<meta property="og:image" content="http:\/\/localhost:3000\/api\/public\/orgs\/[^"]+\/site\/posts\/stammtisch-im-fruehling\/image\?v=/,
      );
      expect(news.text).toContain("Wir treffen uns wieder im Café am Markt.");

      const home = await t.anonymous().get(`/o/${org.slug}`);
      expect(home.status).toBe(200);
      expect(home.text).toContain(`<title>${org.name}</title>`);
      expect(home.text).toContain("Stammtisch im Frühling");

      const calendar = await t.anonymous().get(`/o/${org.slug}/termine`);
      expect(calendar.status).toBe(200);
      expect(calendar.text).toContain(
        `<link rel="canonical" href="http://localhost:3000/o/${org.slug}/termine" />`,
      );

      expect((await t.anonymous().get(`/o/${org.slug}/seite/gibt-es-nicht`)).status).toBe(404);
      expect((await t.anonymous().get(`/o/${org.slug}/neuigkeiten/gibt-es-nicht`)).status).toBe(404);
      expect((await t.anonymous().get("/o/gibt-es-nicht")).status).toBe(404);
      expect((await t.anonymous().get("/o/gibt-es-nicht/seite/profil")).status).toBe(404);
    });

    it("keeps the text of HTML and attributes from breaking out of the answer", async () => {
      const { org, writer, api } = await office(t);
      await writer.post(
        `${api}/pages`,
        pageInput({
          title: 'Über "uns" </title><script>x()</script>',
          description: '"><script>y()</script>',
        }),
      );
      const page = await writer.get(`${api}/pages`);
      const slug = page.body[0].slug;
      const html = await t.anonymous().get(`/o/${org.slug}/seite/${slug}`);
      expect(html.status).toBe(200);
      expect(html.text).not.toContain("<script>x()");
      expect(html.text).not.toContain("<script>y()");
      expect(html.text).toContain("&#34;uns&#34; &#60;/title&#62;");
    });

    it("publishes news newest first, paged, with an image served only once the post is public", async () => {
      const { org, writer, api, pub } = await office(t);
      const draft = await writer.post(`${api}/posts`, postInput({ title: "Noch geheim", status: "draft" }));
      expect(draft.body.publishedAt).toBeNull();
      const upload = await writer.request("PUT", `${api}/posts/${draft.body.id}/image`, PNG, {
        "content-type": "image/png",
      });
      expect(upload.status).toBe(200);
      expect(upload.body.hasImage).toBe(true);
      expect((await writer.get(`${api}/posts/${draft.body.id}/image`)).status).toBe(200);
      expect((await t.anonymous().get(`${pub}/posts/noch-geheim/image`)).status).toBe(404);
      expect((await t.anonymous().get(`${pub}/posts/noch-geheim`)).status).toBe(404);

      for (let i = 1; i <= 11; i++) {
        later(t, 60);
        await writer.post(`${api}/posts`, postInput({ title: `Meldung ${i}` }));
      }
      later(t, 60);
      const published = await writer.put(
        `${api}/posts/${draft.body.id}`,
        postInput({ title: "Jetzt öffentlich" }),
      );
      expect(published.body.slug).toBe("noch-geheim");
      const firstDate = published.body.publishedAt;

      const first = await t.anonymous().get(`${pub}/posts`);
      expect(first.body.total).toBe(12);
      expect(first.body.pages).toBe(2);
      expect(first.body.items).toHaveLength(10);
      expect(first.body.items[0].title).toBe("Jetzt öffentlich");
      expect(first.body.items[0].imageUrl).toMatch(/\/site\/posts\/noch-geheim\/image\?v=/);
      expect(first.body.items[1].title).toBe("Meldung 11");
      const second = await t.anonymous().get(`${pub}/posts?page=2`);
      expect(second.body.items.map((p: { title: string }) => p.title)).toEqual(["Meldung 2", "Meldung 1"]);

      const image = await t.anonymous().get(`${pub}/posts/noch-geheim/image`);
      expect(image.status).toBe(200);
      expect(image.headers["content-type"]).toBe("image/png");
      expect(image.headers["x-content-type-options"]).toBe("nosniff");
      expect(Buffer.compare(image.raw, PNG)).toBe(0);

      // Taking a post down and up again keeps its first date.
      later(t, 600);
      await writer.put(
        `${api}/posts/${draft.body.id}`,
        postInput({ title: "Jetzt öffentlich", status: "draft" }),
      );
      const again = await writer.put(
        `${api}/posts/${draft.body.id}`,
        postInput({ title: "Jetzt öffentlich" }),
      );
      expect(again.body.publishedAt).toBe(firstDate);

      const home = await t.anonymous().get(pub);
      expect(home.body.latestPosts.map((p: { title: string }) => p.title)).toEqual([
        "Jetzt öffentlich",
        "Meldung 11",
        "Meldung 10",
      ]);

      const removed = await writer.delete(`${api}/posts/${draft.body.id}`);
      expect(removed.status).toBe(200);
      expect((await t.anonymous().get(`${pub}/posts/noch-geheim/image`)).status).toBe(404);
      expect(
        await t.app.platform.db.select().from(sitePosts).where(eq(sitePosts.organisationId, org.id)),
      ).toHaveLength(11);
    });

    it("takes only real images of at most 2 MB for posts", async () => {
      const { writer, api } = await office(t);
      const post = await writer.post(`${api}/posts`, postInput());
      const url = `${api}/posts/${post.body.id}/image`;
      const fake = await writer.request("PUT", url, Buffer.from("<script>alert(1)</script>"), {
        "content-type": "image/png",
      });
      expect(fake.status).toBe(400);
      expect(fake.body.error.fields[0].path).toBe("image");
      const mismatch = await writer.request("PUT", url, PNG, { "content-type": "image/jpeg" });
      expect(mismatch.status).toBe(400);
      const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
      const tooBig = await writer.request("PUT", url, big, { "content-type": "image/png" });
      expect(tooBig.status).toBe(413);
      expect((await writer.get(`${api}/posts/${post.body.id}`)).body.hasImage).toBe(false);
    });

    it("lets only the organisation's writers change the website", async () => {
      const { org, writer, api } = await office(t);
      const page = await writer.post(`${api}/pages`, pageInput());
      const caregiver = await t.member(org, ["caregiver"]);
      const parent = await t.member(org, ["parent"]);
      const other = await office(t);

      for (const client of [caregiver, parent]) {
        expect((await client.get(`${api}/pages`)).status).toBe(403);
        expect((await client.post(`${api}/pages`, pageInput({ title: "Fremd" }))).status).toBe(403);
        expect((await client.post(`${api}/posts`, postInput())).status).toBe(403);
      }
      expect((await other.writer.get(`${api}/pages`)).status).toBe(404);
      expect((await other.writer.put(`${api}/pages/${page.body.id}`, pageInput({ title: "X" }))).status).toBe(
        404,
      );
      // A page of another organisation through one's own organisation's address is not found either.
      expect((await other.writer.get(`${other.api}/pages/${page.body.id}`)).status).toBe(404);
      expect((await other.writer.delete(`${other.api}/pages/${page.body.id}`)).status).toBe(404);
      expect((await t.anonymous().post(`${api}/pages`, pageInput())).status).toBe(401);

      const board = await office(t, "association");
      expect((await board.writer.post(`${board.api}/pages`, pageInput())).status).toBe(201);
      const admin = await t.member(org, ["admin"]);
      expect((await admin.get(`${api}/pages`)).status).toBe(200);

      const rows = await t.app.platform.db
        .select()
        .from(sitePages)
        .where(eq(sitePages.organisationId, org.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]?.title).toBe(profile.title);
    });

    it("refuses bad input with translated field errors and changes nothing", async () => {
      const { org, writer, api } = await office(t);
      const page = await writer.post(`${api}/pages`, pageInput());
      const empty = await writer.put(`${api}/pages/${page.body.id}`, pageInput({ title: "  " }));
      expect(empty.status).toBe(400);
      expect(empty.body.error.fields[0]).toEqual({ path: "title", message: "Bitte ausfüllen." });
      const badSlug = await writer.put(`${api}/pages/${page.body.id}`, pageInput({ slug: "Nicht OK!" }));
      expect(badSlug.status).toBe(400);
      expect(badSlug.body.error.fields[0].path).toBe("slug");
      const position = await writer.post(`${api}/pages`, pageInput({ menuPosition: -1 }));
      expect(position.status).toBe(400);
      const huge = await writer.post(`${api}/posts`, postInput({ bodyHtml: "x".repeat(100_001) }));
      expect(huge.status).toBe(400);
      expect((await writer.get(`${api}/pages/not-a-uuid`)).status).toBe(400);
      const english = await writer.request("PUT", `${api}/pages/${page.body.id}`, pageInput({ title: "" }), {
        "accept-language": "en",
      });
      expect(english.body.error.fields[0].message).toBe("Please fill in.");

      const rows = await t.app.platform.db
        .select()
        .from(sitePages)
        .where(eq(sitePages.organisationId, org.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]?.slug).toBe("profil-kindertagespflege");
      const posts = await t.app.platform.db
        .select()
        .from(sitePosts)
        .where(eq(sitePosts.organisationId, org.id));
      expect(posts).toHaveLength(0);
    });

    const contactFor = async (client: Client, pub: string, overrides: Record<string, unknown> = {}) => {
      const token = (await client.get(`${pub}/contact-token`)).body.token as string;
      later(t, 10);
      return client.post(`${pub}/contact`, {
        name: "Miriam Schulte",
        email: "miriam@example.org",
        subject: "Frage zur Betreuung",
        message: "Guten Tag,\n\nhaben Sie ab August einen Platz für meinen Sohn?",
        sendCopy: false,
        token,
        ...overrides,
      });
    };

    it("sends a visitor's message to the organisation's inbox with Reply-To the visitor", async () => {
      const { org, pub } = await office(t);
      smtp.clear();
      const visitor = t.anonymous();
      const sent = await contactFor(visitor, pub);
      expect(sent.status).toBe(200);
      const mail = await smtp.waitForMail((m) => m.subject === "Kontaktformular: Frage zur Betreuung");
      expect(mail.to).toEqual([`${org.slug}@fachberatung.example`]);
      expect(mail.replyTo).toBe("miriam@example.org");
      expect(mail.text).toContain("haben Sie ab August einen Platz für meinen Sohn?");
      expect(mail.text).toContain("Miriam Schulte <miriam@example.org>");
      // Without the tick no copy goes out: the form cannot be used to mail strangers.
      const outbox = await t.app.platform.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.organisationId, org.id));
      expect(outbox.map((m) => m.to)).toEqual([`${org.slug}@fachberatung.example`]);

      const withCopy = await contactFor(visitor, pub, { sendCopy: true, subject: "" });
      expect(withCopy.status).toBe(200);
      const copy = await smtp.waitForMail((m) => m.to.includes("miriam@example.org"));
      expect(copy.subject).toBe(`Ihre Nachricht an ${org.name}`);
      expect(copy.replyTo).toBe(`${org.slug}@fachberatung.example`);
      await smtp.waitForMail((m) => m.subject === "Kontaktformular: Nachricht über die Website");
    });

    it("stops robots: honeypot, minimum time, forged or old tokens, and too many messages", async () => {
      const { org, pub } = await office(t);
      const visitor = t.anonymous();
      const countMails = async () =>
        (await t.app.platform.db.select().from(mailOutbox).where(eq(mailOutbox.organisationId, org.id)))
          .length;

      const honeypot = await contactFor(visitor, pub, { website: "http://spam.example" });
      expect(honeypot.status).toBe(200);
      expect(await countMails()).toBe(0);

      const token = (await visitor.get(`${pub}/contact-token`)).body.token as string;
      const fast = await visitor.post(`${pub}/contact`, {
        name: "Bot",
        email: "bot@example.org",
        subject: "",
        message: "Schnell",
        sendCopy: false,
        token,
      });
      expect(fast.status).toBe(400);
      expect(fast.body.error.code).toBe("siteContactTooFast");

      const [issued] = token.split(".");
      const forged = await contactFor(visitor, pub, { token: `${issued}.AAAA` });
      expect(forged.body.error.code).toBe("siteContactExpired");
      const otherOrg = await office(t);
      const foreign = (await visitor.get(`${otherOrg.pub}/contact-token`)).body.token;
      later(t, 10);
      expect((await contactFor(visitor, pub, { token: foreign })).body.error.code).toBe("siteContactExpired");
      const old = (await visitor.get(`${pub}/contact-token`)).body.token;
      later(t, 3 * 60 * 60);
      expect((await contactFor(visitor, pub, { token: old })).body.error.code).toBe("siteContactExpired");

      const tooLong = await contactFor(visitor, pub, { message: "x".repeat(4001) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.fields[0].path).toBe("message");
      expect((await contactFor(visitor, pub, { email: "keine-adresse" })).status).toBe(400);
      expect(await countMails()).toBe(0);

      for (let i = 0; i < 5; i++) expect((await contactFor(visitor, pub)).status).toBe(200);
      const limited = await contactFor(visitor, pub);
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe("rateLimited");
      expect(await countMails()).toBe(5);
      later(t, 60 * 60);
      expect((await contactFor(visitor, pub)).status).toBe(200);
    });
  },
  { smtpUrl: () => smtp.url },
);
