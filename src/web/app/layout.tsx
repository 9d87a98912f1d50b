import { Anchor, AppShell, Burger, Group, Menu, NavLink, Select, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconUserCircle } from "@tabler/icons-react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from "react-router";
import { Loading } from "../components/loading";
import { PublicSiteMenu } from "../modules/site/components/site-menu";
import { post } from "./api";
import { LanguageSwitch } from "./language-switch";
import type { NavItem } from "./module-types";
import { navItemsFor } from "./modules";
import { navSections } from "./nav-sections";
import { useMemberships, useResetSession, useSession } from "./session";

function Brand({ to = "/" }: { to?: string }) {
  const { t } = useTranslation();
  return (
    <Anchor
      component={Link}
      to={to}
      underline="never"
      c="inherit"
      fw={700}
      fz="lg"
      aria-label={t("common.appName")}
    >
      <Group gap={6} wrap="nowrap">
        <img src="/favicon.svg" alt="" width={26} height={26} />
        <span style={{ whiteSpace: "nowrap" }}>{t("common.appName")}</span>
      </Group>
    </Anchor>
  );
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main" className="skip-link">
      {t("common.skipToContent")}
    </a>
  );
}

/** The frame of public pages: brand, language, sign-in. */
/**
 * The navigation entry the page belongs to: the longest entry path the location lies under, so that a
 * request's page marks "Vermittlung" but the rounds page only "Vergaberunden", not both.
 */
function activeItemPath(items: readonly { path: string }[], base: string, pathname: string): string | null {
  const matching = items
    .map((item) => item.path)
    .filter((path) => {
      const prefix = path ? `${base}/${path}` : base;
      return (
        pathname === prefix || pathname === `${prefix}/` || (path !== "" && pathname.startsWith(`${prefix}/`))
      );
    })
    .sort((a, b) => b.length - a.length);
  return matching[0] ?? null;
}

export function PublicLayout() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <SkipLink />
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Brand />
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            {session.data?.user ? (
              <Anchor component={Link} to="/app">
                {t("common.account")}
              </Anchor>
            ) : (
              <Anchor component={Link} to="/anmelden">
                {t("common.signIn")}
              </Anchor>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        <PublicSiteMenu />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function NavEntries({
  items,
  orgSlug,
  activePath,
}: {
  items: readonly NavItem[];
  orgSlug: string;
  activePath: string | null;
}) {
  const base = `/app/${orgSlug}`;
  const { t } = useTranslation();
  return items.map((item) => (
    <NavLink
      key={item.path}
      component={Link}
      to={`${base}${item.path ? `/${item.path}` : ""}`}
      active={item.path === activePath}
      aria-current={item.path === activePath ? "page" : undefined}
      label={t(item.labelKey)}
      rightSection={item.Badge ? <item.Badge orgSlug={orgSlug} /> : undefined}
    />
  ));
}

/** Signed-in pages: header with organisation switch and account menu, navigation by role. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const session = useSession();
  const memberships = useMemberships(Boolean(session.data?.user));
  const { orgSlug } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const reset = useResetSession();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the phone menu closes whenever the page changes
  useEffect(() => {
    close();
  }, [location.pathname, close]);

  if (session.isPending) return <Loading />;
  const user = session.data?.user;
  if (!user || session.data?.isMfaPending) {
    return <Navigate to={`/anmelden?weiter=${encodeURIComponent(location.pathname)}`} replace />;
  }
  const current = memberships.data?.find((m) => m.slug === orgSlug) ?? null;
  const navItems = navItemsFor(current);
  const activeNavPath = current ? activeItemPath(navItems, `/app/${current.slug}`, location.pathname) : null;

  const signOut = async () => {
    await post("/api/auth/logout");
    await reset();
    navigate("/anmelden");
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{
        width: 250,
        breakpoint: "sm",
        collapsed: { mobile: !opened, desktop: navItems.length === 0 },
      }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            {navItems.length > 0 && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t("common.menu")}
              />
            )}
            <Brand to="/app" />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton
                  aria-label={`${t("common.account")}: ${user.name}`}
                  data-testid="account-menu"
                >
                  <Group gap={6} wrap="nowrap">
                    <IconUserCircle aria-hidden size={24} stroke={1.6} />
                    <Text size="sm" fw={500} truncate maw={160} visibleFrom="xs">
                      {user.name}
                    </Text>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                {(memberships.data?.length ?? 0) > 0 && (
                  <Menu.Label>{t("common.myOrganisations")}</Menu.Label>
                )}
                {(memberships.data ?? []).map((m) => (
                  <Menu.Item key={m.slug} component={Link} to={`/app/${m.slug}`}>
                    {m.name}
                  </Menu.Item>
                ))}
                {(memberships.data?.length ?? 0) > 0 && <Menu.Divider />}
                {user.isPlatformAdmin && (
                  <Menu.Item component={Link} to="/app/admin/postausgang" data-testid="menu-outbox">
                    {t("messages.outbox.title")}
                  </Menu.Item>
                )}
                <Menu.Item component={Link} to="/app/konto">
                  {t("common.account")}
                </Menu.Item>
                <Menu.Item onClick={signOut} data-testid="sign-out">
                  {t("common.signOut")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      {navItems.length > 0 && current && (
        <AppShell.Navbar
          p="sm"
          aria-label={t("common.menu")}
          // With many modules the list is taller than a laptop screen: the navigation scrolls on its own.
          style={{ overflowY: "auto" }}
        >
          {(memberships.data?.length ?? 0) > 1 && (
            <Select
              mb="sm"
              label={t("common.switchOrganisation")}
              data={(memberships.data ?? []).map((m) => ({ value: m.slug, label: m.name }))}
              value={current.slug}
              onChange={(slug) => slug && navigate(`/app/${slug}`)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {navSections(navItems).map((section) =>
            section.group ? (
              <div key={section.group} style={{ marginTop: "var(--mantine-spacing-sm)" }}>
                <Text component="h2" m={0} size="xs" fw={700} c="gray.7" tt="uppercase" px="sm" py={4}>
                  {t(`common.navGroups.${section.group}`)}
                </Text>
                <NavEntries items={section.items} orgSlug={current.slug} activePath={activeNavPath} />
              </div>
            ) : (
              <div key="loose">
                <NavEntries items={section.items} orgSlug={current.slug} activePath={activeNavPath} />
              </div>
            ),
          )}
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
