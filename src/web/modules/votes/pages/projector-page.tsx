import { Anchor, Box, Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconMaximize } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { VoteDetail } from "../../../../contracts/votes";
import { OrgGuard } from "../../../components/org-guard";
import { usePageMeta } from "../../../components/page-meta";
import { QueryState } from "../../../components/query-state";
import { MANAGER_ROLES, type ProjectorView, useProjector, useVote, votePath } from "../api";
import { ResultNumbers } from "../components/results";
import { usePercent } from "../components/vote-format";

function Screen({ view, vote }: { view: ProjectorView; vote: VoteDetail }) {
  const { t } = useTranslation();
  const percent = usePercent();
  usePageMeta(t("votesWeb.projector.pageTitle", { title: view.title }));
  const results = view.results;
  const labelOf = (option: { id: string; label: string }) => {
    const role = vote.options.find((o) => o.id === option.id)?.role;
    return role ? t(`votesWeb.ballot.${role}`) : option.label;
  };
  const participants = results.participants ?? results.ballots;
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        {view.eventTitle && (
          <Text fz={28} fw={600}>
            {view.eventTitle}
          </Text>
        )}
        <Title order={1} fz={{ base: 40, md: 64 }} lh={1.1} style={{ overflowWrap: "anywhere" }}>
          {view.title}
        </Title>
        <Text fz={32} fw={700} data-testid="projector-status">
          {t(`votesWeb.projector.status.${view.status}`)}
        </Text>
      </Stack>
      {/* The screen changes by itself; screen readers in the hall hear the new numbers. */}
      <Stack gap="lg" aria-live="polite">
        {view.present !== null && (
          <Text fz={32} data-testid="projector-present">
            {t("votesWeb.projector.present", { count: view.present })}
          </Text>
        )}
        {participants !== null && results.entitled !== null && (
          <Text fz={32} data-testid="projector-participation">
            {t("votesWeb.projector.voted", {
              count: participants,
              entitled: results.entitled,
              percent: percent(participants, results.entitled),
            })}
          </Text>
        )}
        {results.visible ? (
          <ResultNumbers results={results} kind={vote.kind} labelOf={labelOf} size="xl" />
        ) : (
          <Text fz={32}>{t("votesWeb.projector.hidden")}</Text>
        )}
      </Stack>
    </Stack>
  );
}

function Projector({ membership, id }: { membership: MyMembership; id: string }) {
  const { t } = useTranslation();
  const view = useProjector(membership.slug, id);
  const vote = useVote(membership.slug, id);
  return (
    // Covers the whole window, navigation included: the hall sees only the vote. Black on white is the
    // highest contrast a projector in a bright room keeps.
    <Box
      pos="fixed"
      inset={0}
      bg="white"
      c="black"
      p={{ base: "md", md: 48 }}
      style={{ zIndex: 300, overflowY: "auto" }}
      data-testid="projector"
    >
      <Group justify="space-between" mb="lg">
        <Anchor component={Link} to={votePath(membership.slug, id)} size="sm" c="dark">
          <IconArrowLeft size={14} aria-hidden /> {t("votesWeb.projector.leave")}
        </Anchor>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconMaximize size={14} aria-hidden />}
          onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
        >
          {t("votesWeb.projector.fullscreen")}
        </Button>
      </Group>
      <QueryState query={view}>
        {(data) => <QueryState query={vote}>{(detail) => <Screen view={data} vote={detail} />}</QueryState>}
      </QueryState>
    </Box>
  );
}

/** abstimmungen/:id/beamer: the vote for the hall's screen — big type, high contrast, refreshing itself. */
export function ProjectorPage() {
  const { id = "" } = useParams();
  return (
    <OrgGuard roles={MANAGER_ROLES}>{(membership) => <Projector membership={membership} id={id} />}</OrgGuard>
  );
}
