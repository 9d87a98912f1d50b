import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useMatch } from "react-router";
import { type SiteMenuEntry, siteMenuPath } from "../../../../core/site/menu";
import { usePublicSite } from "../api";

function label(t: (key: string) => string, entry: SiteMenuEntry): string {
  return entry.kind === "page" ? entry.title : t(`site.menu.${entry.kind}`);
}

/** The entry a path belongs to: the longest menu path it lies under ("Start" only for the home itself). */
function activeIndex(paths: string[], pathname: string): number {
  let best = -1;
  paths.forEach((path, index) => {
    const isHome = index === 0;
    const matches = isHome ? pathname === path : pathname === path || pathname.startsWith(`${path}/`);
    if (matches && (best < 0 || path.length > (paths[best]?.length ?? 0))) best = index;
  });
  return best;
}

/**
 * The organisation's site menu above every public page under /o/:slug, whichever module the page belongs
 * to (calendar, catalogue, request form): the organisation's name and its entries, wrapping on a phone.
 */
export function PublicSiteMenu() {
  const { t } = useTranslation();
  const home = useMatch("/o/:slug");
  const below = useMatch("/o/:slug/*");
  const slug = home?.params.slug ?? below?.params.slug ?? "";
  const { pathname } = useLocation();
  const site = usePublicSite(slug);
  if (!slug || !site.data) return null;
  const entries = site.data.menu;
  const paths = entries.map((entry) => siteMenuPath(slug, entry));
  const active = activeIndex(paths, decodeURI(pathname).replace(/\/$/, ""));
  return (
    <nav aria-label={t("site.menu.label")} data-testid="site-menu" style={{ marginBottom: 16 }}>
      <Text fw={700} mb={4} component={Link} to={paths[0] ?? "/"} c="inherit" td="none" display="block">
        {site.data.organisationName}
      </Text>
      <Group gap={4} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {entries.map((entry, index) => (
          <li key={paths[index]}>
            <Button
              component={Link}
              to={paths[index] ?? "/"}
              size="compact-md"
              variant={index === active ? "light" : "subtle"}
              aria-current={index === active ? "page" : undefined}
            >
              {label(t, entry)}
            </Button>
          </li>
        ))}
      </Group>
    </nav>
  );
}
