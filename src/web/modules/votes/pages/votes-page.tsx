import { Anchor, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconPlus, IconSettings } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { VoteList } from "../../../../contracts/votes";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { settingsPath, useVotes, votePath, votesPath } from "../api";
import { useVoteWhen, VoteStatusBadge } from "../components/vote-format";

type Summary = VoteList["items"][number];

function VoteCard({ slug, vote }: { slug: string; vote: Summary }) {
  const { t } = useTranslation();
  const when = useVoteWhen();
  return (
    <Paper component="li" withBorder p="md" data-testid="vote-card">
      <Stack gap={6}>
        <Group gap={6}>
          <Badge variant="light" tt="none">
            {t(`votesWeb.kinds.${vote.kind}`)}
          </Badge>
          <VoteStatusBadge status={vote.status} />
          {vote.hasVoted && (
            <Badge
              color="teal.9"
              variant="outline"
              tt="none"
              leftSection={<IconCircleCheck size={12} aria-hidden />}
              data-testid="vote-card-voted"
            >
              {t("votesWeb.list.voted")}
            </Badge>
          )}
        </Group>
        <Anchor
          component={Link}
          to={votePath(slug, vote.id)}
          fw={700}
          size="lg"
          style={{ overflowWrap: "anywhere" }}
        >
          {vote.title}
        </Anchor>
        <Text size="sm">{when(vote)}</Text>
        {vote.eventTitle && (
          <Text size="sm" c="dimmed">
            {t("votesWeb.list.atMeeting", { event: vote.eventTitle })}
          </Text>
        )}
        {vote.canVote && (
          <Button component={Link} to={votePath(slug, vote.id)} w={{ base: "100%", xs: "fit-content" }}>
            {t("votesWeb.list.voteNow")}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function VoteGroup({
  slug,
  title,
  id,
  items,
  empty,
}: {
  slug: string;
  title: string;
  id: string;
  items: Summary[];
  empty: string;
}) {
  return (
    <Section id={id} title={title}>
      {items.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Stack
          gap="sm"
          component="ul"
          style={{ listStyle: "none", padding: 0, margin: 0 }}
          data-testid={`votes-${id}`}
        >
          {items.map((vote) => (
            <VoteCard key={vote.id} slug={slug} vote={vote} />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function Lists({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const votes = useVotes(membership.slug);
  const slug = membership.slug;
  return (
    <QueryState query={votes}>
      {(data) => {
        const open = data.items.filter((v) => v.status === "open");
        const coming = data.items.filter((v) => v.status !== "open" && v.status !== "closed");
        const closed = data.items.filter((v) => v.status === "closed");
        return (
          <Stack gap="md">
            {data.canManage && (
              <Group gap="xs">
                <Button
                  component={Link}
                  to={votesPath(slug, "neu")}
                  leftSection={<IconPlus size={16} aria-hidden />}
                  data-testid="vote-new"
                >
                  {t("votesWeb.list.newMotion")}
                </Button>
                {membership.kind === "coordinationOffice" && (
                  <Button
                    component={Link}
                    to={votesPath(slug, "neu?art=wahl")}
                    variant="default"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    data-testid="election-new"
                  >
                    {t("votesWeb.list.newElection")}
                  </Button>
                )}
                <Button
                  component={Link}
                  to={settingsPath(slug)}
                  variant="default"
                  leftSection={<IconSettings size={16} aria-hidden />}
                >
                  {t("votesWeb.list.settings")}
                </Button>
              </Group>
            )}
            <VoteGroup
              slug={slug}
              id="offen"
              title={t("votesWeb.list.open")}
              items={open}
              empty={t("votesWeb.list.openEmpty")}
            />
            <VoteGroup
              slug={slug}
              id="demnaechst"
              title={t("votesWeb.list.coming")}
              items={coming}
              empty={t("votesWeb.list.comingEmpty")}
            />
            <VoteGroup
              slug={slug}
              id="beendet"
              title={t("votesWeb.list.closed")}
              items={closed}
              empty={t("votesWeb.list.closedEmpty")}
            />
          </Stack>
        );
      }}
    </QueryState>
  );
}

/** abstimmungen: the votes and elections she may take part in — open ones first, with her own state. */
export function VotesPage() {
  const { t } = useTranslation();
  return (
    <OrgGuard>
      {(membership) => (
        <Stack gap="md">
          <PageHeader title={t("votesWeb.list.title")} description={t("votesWeb.list.intro")} />
          <Lists membership={membership} />
        </Stack>
      )}
    </OrgGuard>
  );
}
