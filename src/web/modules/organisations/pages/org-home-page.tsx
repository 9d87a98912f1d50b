import { Anchor, Card, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import { staffRoles } from "../../../../contracts/roles";
import { navItemsFor } from "../../../app/modules";
import { useSession } from "../../../app/session";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { UnreadAnnouncements } from "../../announcements/components/unread-announcements";
import { ParentRequestsPanel } from "../../placement/components/parent-requests-panel";
import { usePublicOrganisation } from "../api";
import { ContactBlock } from "../components/contact-block";
import { orgPaths } from "../paths";

/** Card texts for the pages the home page knows; other modules' pages get a card with their nav label. */
const cardKeys: Record<string, string> = {
  [orgPaths.registry]: "registry",
  [orgPaths.deadlines]: "deadlines",
  [orgPaths.myProfile]: "myProfile",
  [orgPaths.myMap]: "myMap",
  [orgPaths.members]: "members",
  [orgPaths.settings]: "settings",
};

function LinkCard({ to, title, text, testId }: { to: string; title: string; text: string; testId: string }) {
  return (
    <Card withBorder padding="lg" component="li" data-testid={testId}>
      <Stack gap={6}>
        <Title order={2} fz="h4">
          <Anchor component={Link} to={to} inherit>
            {title}
          </Anchor>
        </Title>
        {text && (
          <Text size="sm" c="dimmed">
            {text}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** For parents: what this place is for, said plainly, their requests for a place, and whom to ask. */
function ParentHome({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const organisation = usePublicOrganisation(membership.slug);
  return (
    <Paper
      withBorder
      p={{ base: "md", sm: "lg" }}
      component="section"
      aria-labelledby="eltern-titel"
      data-testid="parent-home"
    >
      <Stack gap="md">
        <Title order={2} fz="h3" id="eltern-titel">
          {t("organisations.home.parent.title")}
        </Title>
        <Text>{t("organisations.home.parent.intro", { organisation: membership.name })}</Text>
        <ParentRequestsPanel membership={membership} />
        <Title order={3} fz="h4">
          {t("organisations.home.parent.contactTitle")}
        </Title>
        <QueryState query={organisation}>{(org) => <ContactBlock organisation={org} />}</QueryState>
      </Stack>
    </Paper>
  );
}

function HomeContent({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const session = useSession();
  const name = session.data?.user?.name ?? "";
  const isParent = membership.roles.includes("parent");
  // The same pages as the navigation, so that a card never leads where the person may not go.
  const cards = navItemsFor(membership).filter((item) => item.path !== orgPaths.home);
  const isStaff = membership.roles.some((r) => staffRoles.includes(r));
  let cardList: ReactNode = null;
  if (cards.length > 0) {
    cardList = (
      <SimpleGrid
        cols={{ base: 1, sm: 2 }}
        component="ul"
        style={{ listStyle: "none", padding: 0, margin: 0 }}
      >
        {cards.map((item) => {
          const isReadOnlySettings = item.path === orgPaths.settings && !membership.roles.includes("admin");
          const key = isReadOnlySettings ? "settingsReadOnly" : cardKeys[item.path];
          return (
            <LinkCard
              key={item.path}
              to={`/app/${membership.slug}/${item.path}`}
              title={key ? t(`organisations.home.cards.${key}.title`) : t(item.labelKey)}
              text={key ? t(`organisations.home.cards.${key}.text`) : ""}
              testId={`home-card-${key ?? item.path}`}
            />
          );
        })}
      </SimpleGrid>
    );
  }
  return (
    <Stack gap="lg" data-testid="org-home">
      <PageHeader
        title={t("organisations.home.greeting", { name })}
        description={
          <>
            {membership.name}
            {" · "}
            {membership.roles.map((r) => t(`roles.${r}`)).join(", ")}
          </>
        }
      />
      <UnreadAnnouncements membership={membership} />
      {isParent && <ParentHome membership={membership} />}
      {cardList && (
        <Stack
          gap="sm"
          component="section"
          aria-label={t(isStaff ? "organisations.home.workTitle" : "organisations.home.linksTitle")}
        >
          {cardList}
        </Stack>
      )}
    </Stack>
  );
}

/** /app/:orgSlug: the start page of an organisation, with what the person's roles need most. */
export function OrgHomePage() {
  return <OrgGuard>{(membership) => <HomeContent membership={membership} />}</OrgGuard>;
}
