import { Typography } from "@mantine/core";

/**
 * Text written in the editor. The HTML comes from the server, which stored it only after reducing it to
 * the allow-list of core/site/html-policy.ts (site.html.ts), so it is shown as it is.
 */
export function RichText({ html }: { html: string }) {
  return (
    <Typography
      maw={720}
      data-testid="rich-text"
      // Headings of the text sit below the page title (h1); phone-sized steps keep long German words whole.
      style={{
        overflowWrap: "break-word",
        hyphens: "auto",
        ["--mantine-h2-font-size" as string]: "1.5rem",
        ["--mantine-h3-font-size" as string]: "1.25rem",
        ["--mantine-h4-font-size" as string]: "1.125rem",
      }}
    >
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server with an allow-list */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
