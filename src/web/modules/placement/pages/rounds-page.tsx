import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { RoundDetail, RoundInput, RoundSummary } from "../../../../contracts/placement-rounds";
import { todayIso } from "../../../../core/shared/dates";
import { post } from "../../../app/api";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { defaultRound, RoundForm } from "../components/round-form";
import { RoundStatusBadges } from "../components/round-status";
import { orgPath } from "../format";
import { roundsApi, storeRound, useRounds } from "../rounds-api";

function RoundItem({ slug, round }: { slug: string; round: RoundSummary }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const headingId = `round-${round.id}`;
  return (
    <Paper withBorder p="md" component="li" aria-labelledby={headingId} data-testid="round-item">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} fz="md" id={headingId}>
            <Anchor component={Link} to={orgPath(slug, `vermittlung/runden/${round.id}`)}>
              {round.title}
            </Anchor>
          </Title>
          <RoundStatusBadges round={round} />
        </Group>
        <Text size="sm">
          {t("rounds.list.dates", {
            start: formatDate(round.startDate),
            deadline: formatDate(round.deadline),
          })}
        </Text>
        {round.publishedAt && (
          <Text size="sm" c="dimmed">
            {t("rounds.list.published", { date: formatDate(round.publishedAt) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function NewRound({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: RoundInput) => post<RoundDetail>(roundsApi(slug), body),
    onSuccess: async (round) => {
      await storeRound(client, slug, round);
      notifySuccess(t("rounds.list.created"));
      await navigate(orgPath(slug, `vermittlung/runden/${round.id}`));
    },
  });
  const initial = defaultRound(todayIso(new Date()), (from, to) =>
    t("rounds.form.defaultTitle", { from, to: String(to).padStart(2, "0") }),
  );
  return (
    <Section id="neu" title={t("rounds.list.newTitle")} intro={t("rounds.list.newIntro")}>
      <RoundForm
        initialValues={initial}
        submitLabel={t("rounds.list.create")}
        onSubmit={(values) => create.mutateAsync(values)}
        isPending={create.isPending}
        testId="round-new"
      />
    </Section>
  );
}

function Rounds({ membership, rounds }: { membership: MyMembership; rounds: RoundSummary[] }) {
  const { t } = useTranslation();
  const slug = membership.slug;
  const open = rounds.find((r) => r.status === "open");
  return (
    <Stack gap="lg">
      {open ? (
        <Text data-testid="round-open-exists">
          {t("rounds.list.openExists")}{" "}
          <Anchor component={Link} to={orgPath(slug, `vermittlung/runden/${open.id}`)}>
            {open.title}
          </Anchor>
        </Text>
      ) : (
        <NewRound slug={slug} />
      )}
      <Section id="alle" title={t("rounds.list.allTitle")}>
        {rounds.length === 0 ? (
          <Text size="sm">{t("rounds.list.empty")}</Text>
        ) : (
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }} data-testid="round-list">
            {rounds.map((round) => (
              <RoundItem key={round.id} slug={slug} round={round} />
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

function RoundsView({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const rounds = useRounds(membership.slug);
  return (
    <Stack gap="md" maw={960}>
      <PageHeader title={t("rounds.list.title")} description={t("rounds.list.intro")} />
      <QueryState query={rounds}>{(data) => <Rounds membership={membership} rounds={data} />}</QueryState>
    </Stack>
  );
}

/** "vermittlung/runden": the office's allocation rounds, newest first, and a new one. */
export function RoundsPage() {
  return (
    <OrgGuard roles={["admin", "coordinator"]}>
      {(membership) => <RoundsView membership={membership} />}
    </OrgGuard>
  );
}
