import { Anchor, Button, Group, List, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconArrowLeft, IconCalendar } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import { OFFER_DAYS } from "../../../../contracts/placement";
import {
  type FollowUpBody,
  followUpBody,
  type RoundChangeBody,
  type RoundDetail,
  type SuggestAllResponse,
} from "../../../../contracts/placement-rounds";
import { addDays, todayIso } from "../../../../core/shared/dates";
import { patch, post } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert, FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess, useFormError } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { useSchemaValidation } from "../../../components/zod-form";
import { placementKeys } from "../api";
import { RoundForm } from "../components/round-form";
import { RoundResultsPanel } from "../components/round-results";
import { RoundRunPanel } from "../components/round-run";
import { RoundStatusBadges } from "../components/round-status";
import { orgPath } from "../format";
import { roundApi, roundKeys, storeRound, useRound } from "../rounds-api";

function Facts({ items }: { items: { label: string; value: ReactNode; testId?: string }[] }) {
  return (
    <Stack
      component="dl"
      gap="xs"
      m={0}
      style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 220px), 1fr))" }}
    >
      {items.map((item) => (
        <div key={item.label}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" m={0} data-testid={item.testId} style={{ overflowWrap: "anywhere" }}>
            {item.value}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

/** A change of the round answered with the round: stored at once, the error shown beside the action. */
function useRoundAction<Body = void>(
  slug: string,
  send: (body: Body) => Promise<RoundDetail>,
  success: string,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (updated) => {
      await storeRound(client, slug, updated);
      notifySuccess(success);
    },
  });
}

/** As many as a family is likely to visit before the deadline; they rank up to eight. */
const SUGGESTIONS_PER_FAMILY = 5;

function StatusSection({ slug, round }: { slug: string; round: RoundDetail }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const [isChanging, setChanging] = useState(false);
  const url = roundApi(slug, round.id);
  const change = useRoundAction(
    slug,
    (body: RoundChangeBody) => patch<RoundDetail>(url, body),
    t("rounds.round.changed"),
  );
  const closeRanking = useRoundAction(
    slug,
    () => post<RoundDetail>(`${url}/close-ranking`),
    t("rounds.round.rankingClosedDone"),
  );
  const cancel = useRoundAction(slug, () => post<RoundDetail>(`${url}/cancel`), t("rounds.round.cancelled"));
  const client = useQueryClient();
  const suggestAll = useMutation({
    mutationFn: () => post<SuggestAllResponse>(`${url}/suggest-all`, { perFamily: SUGGESTIONS_PER_FAMILY }),
    onSuccess: async (outcome) => {
      // The families' requests changed status: the board and the round's counts are read again.
      await client.invalidateQueries({ queryKey: placementKeys.all(slug) });
      notifySuccess(
        t("rounds.round.suggestAllDone", {
          count: outcome.families,
          suggestions: outcome.suggestions,
          withoutFit: outcome.withoutFit,
        }),
      );
    },
  });
  const isOpen = round.status === "open";
  const canChange = isOpen && !round.isRankingClosed;
  const error = closeRanking.error ?? cancel.error ?? suggestAll.error;
  const counts = round.counts;
  return (
    <Section id="stand" title={t("rounds.round.statusTitle")}>
      <Facts
        items={[
          { label: t("rounds.form.startDate"), value: formatDate(round.startDate) },
          { label: t("rounds.form.latestWantedStart"), value: formatDate(round.latestWantedStart) },
          {
            label: t("rounds.form.deadline"),
            value: round.isRankingClosed
              ? t("rounds.round.deadlinePassed", { date: formatDate(round.deadline) })
              : t("rounds.round.deadlineOpen", { date: formatDate(round.deadline) }),
            testId: "round-deadline",
          },
          {
            label: t("rounds.round.requests"),
            value: t("rounds.round.requestsValue", { count: counts.requests, ranked: counts.ranked }),
            testId: "round-requests",
          },
          { label: t("rounds.round.caregivers"), value: counts.caregivers },
          ...(round.publishedAt
            ? [
                { label: t("rounds.round.publishedAt"), value: formatDate(round.publishedAt) },
                ...(round.respondBy
                  ? [{ label: t("rounds.publish.respondBy"), value: formatDate(round.respondBy) }]
                  : []),
              ]
            : []),
        ]}
      />
      {isChanging ? (
        <RoundForm
          initialValues={{
            title: round.title,
            startDate: round.startDate,
            latestWantedStart: round.latestWantedStart,
            deadline: round.deadline,
          }}
          submitLabel={t("common.save")}
          onSubmit={async (values) => {
            await change.mutateAsync(values);
            setChanging(false);
          }}
          onCancel={() => setChanging(false)}
          isPending={change.isPending}
          testId="round-change"
        />
      ) : (
        isOpen && (
          <Group gap="xs">
            {canChange && (
              <Button
                variant="default"
                leftSection={<IconCalendar size={16} aria-hidden="true" />}
                onClick={() => setChanging(true)}
                data-testid="round-change-open"
              >
                {t("rounds.round.change")}
              </Button>
            )}
            {canChange && (
              <ConfirmButton
                variant="default"
                title={t("rounds.round.suggestAllTitle")}
                message={t("rounds.round.suggestAllText", { count: SUGGESTIONS_PER_FAMILY })}
                confirmLabel={t("rounds.round.suggestAllConfirm")}
                onConfirm={() => suggestAll.mutateAsync().catch(() => undefined)}
                loading={suggestAll.isPending}
                data-testid="round-suggest-all"
              >
                {t("rounds.round.suggestAll")}
              </ConfirmButton>
            )}
            {canChange && (
              <ConfirmButton
                variant="default"
                title={t("rounds.round.closeRankingTitle")}
                message={t("rounds.round.closeRankingText", { date: formatDate(round.deadline) })}
                confirmLabel={t("rounds.round.closeRankingConfirm")}
                onConfirm={() => closeRanking.mutateAsync().catch(() => undefined)}
                loading={closeRanking.isPending}
                data-testid="round-close-ranking"
              >
                {t("rounds.round.closeRanking")}
              </ConfirmButton>
            )}
            <ConfirmButton
              variant="default"
              c="red.9"
              title={t("rounds.round.cancelTitle")}
              message={t("rounds.round.cancelText")}
              confirmLabel={t("rounds.round.cancelConfirm")}
              color="red.9"
              onConfirm={() => cancel.mutateAsync().catch(() => undefined)}
              loading={cancel.isPending}
              data-testid="round-cancel"
            >
              {t("rounds.round.cancel")}
            </ConfirmButton>
          </Group>
        )
      )}
      {error && <ErrorAlert error={error} />}
    </Section>
  );
}

function ReviewsSection({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const { formatDateTime } = useDateFormat();
  return (
    <Section id="reihenfolgen" title={t("rounds.reviews.title")} intro={t("rounds.reviews.intro")}>
      {round.reviews.length === 0 ? (
        <Text size="sm" data-testid="reviews-none">
          {t("rounds.reviews.none")}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }} data-testid="reviews">
          {round.reviews.map((review) => (
            <Paper component="li" withBorder p="sm" key={review.caregiverId} data-testid="review">
              <Stack gap={4}>
                <Title order={3} fz="md">
                  {review.caregiverName}
                </Title>
                <Text size="sm" c="dimmed">
                  {t("rounds.reviews.moved", {
                    count: review.movedCount,
                    date: formatDateTime(review.savedAt),
                  })}
                </Text>
                <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                  {`${t("rounds.reviews.reason")}: ${review.reason}`}
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function PublishSection({ slug, round }: { slug: string; round: RoundDetail }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const today = todayIso(new Date());
  const [respondBy, setRespondBy] = useState(addDays(today, OFFER_DAYS));
  const publish = useRoundAction(
    slug,
    () => post<RoundDetail>(`${roundApi(slug, round.id)}/publish`, { respondBy }),
    t("rounds.publish.done"),
  );
  // A problem with the date belongs at the date; anything else (stale, ranking open) above the button.
  let fieldMessage: string | null = null;
  if (publish.isError) {
    applyApiErrors(publish.error, (path, message) => {
      if (path === "respondBy") fieldMessage = message;
    });
  }
  const run = round.latestRun;
  const missing = [
    !round.isRankingClosed && t("rounds.publish.needsRankingClosed", { date: formatDate(round.deadline) }),
    run?.status !== "done" && t("rounds.publish.needsRun"),
    run?.status === "done" && run.isStale && t("rounds.publish.needsFreshRun"),
  ].filter((text): text is string => Boolean(text));
  const stats = run?.stats;
  return (
    <Section id="veroeffentlichen" title={t("rounds.publish.title")} intro={t("rounds.publish.intro")}>
      {missing.length > 0 && (
        <Stack gap={4} data-testid="publish-missing">
          <Text size="sm" fw={600}>
            {t("rounds.publish.missing")}
          </Text>
          <List size="sm">
            {missing.map((text) => (
              <List.Item key={text}>{text}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      <TextInput
        type="date"
        label={t("rounds.publish.respondBy")}
        description={t("rounds.publish.respondByHint")}
        value={respondBy}
        min={today}
        onChange={(e) => {
          setRespondBy(e.currentTarget.value);
          publish.reset();
        }}
        error={fieldMessage}
        maw={320}
        data-testid="publish-respond-by"
      />
      {publish.isError && !fieldMessage && <ErrorAlert error={publish.error} />}
      <ConfirmButton
        w="fit-content"
        disabled={missing.length > 0 || !respondBy}
        title={t("rounds.publish.confirmTitle")}
        message={t("rounds.publish.confirmText", {
          count: stats?.placed ?? 0,
          unplaced: stats?.unplaced ?? 0,
          date: respondBy ? formatDate(respondBy) : "",
        })}
        confirmLabel={t("rounds.publish.confirm", { count: stats?.placed ?? 0 })}
        onConfirm={() => publish.mutateAsync().catch(() => undefined)}
        loading={publish.isPending}
        data-testid="publish"
      >
        {t("rounds.publish.button")}
      </ConfirmButton>
    </Section>
  );
}

function FollowUpForm({ slug, round }: { slug: string; round: RoundDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<FollowUpBody>({
    initialValues: {
      title: t("rounds.followUp.defaultTitle", { title: round.title }).slice(0, 120),
      deadline: addDays(todayIso(new Date()), 14),
    },
    validate: useSchemaValidation(followUpBody),
  });
  const create = useMutation({
    mutationFn: (body: FollowUpBody) => post<RoundDetail>(`${roundApi(slug, round.id)}/follow-up`, body),
    onMutate: () => setFormError(null),
    onSuccess: async (created) => {
      await storeRound(client, slug, created);
      await client.invalidateQueries({ queryKey: roundKeys.round(slug, round.id), exact: true });
      notifySuccess(t("rounds.followUp.created"));
      await navigate(orgPath(slug, `vermittlung/runden/${created.id}`));
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values), onInvalid)} noValidate>
      <Stack gap="sm" maw={480}>
        <FormAlert message={formError} />
        <TextInput
          label={t("rounds.form.title")}
          required
          withAsterisk={false}
          maxLength={120}
          {...form.getInputProps("title")}
        />
        <TextInput
          type="date"
          label={t("rounds.form.deadline")}
          description={t("rounds.form.deadlineHint")}
          required
          withAsterisk={false}
          {...form.getInputProps("deadline")}
        />
        <Button type="submit" w="fit-content" loading={create.isPending} data-testid="follow-up-create">
          {t("rounds.followUp.create")}
        </Button>
      </Stack>
    </form>
  );
}

function OffersSection({ slug, round }: { slug: string; round: RoundDetail }) {
  const { t } = useTranslation();
  const counts = round.counts;
  return (
    <Section id="angebote" title={t("rounds.offers.title")} intro={t("rounds.offers.intro")}>
      <Facts
        items={[
          { label: t("rounds.offers.open"), value: counts.offersOpen, testId: "offers-open" },
          { label: t("rounds.offers.accepted"), value: counts.offersAccepted, testId: "offers-accepted" },
          { label: t("rounds.offers.declined"), value: counts.offersDeclined, testId: "offers-declined" },
        ]}
      />
      <Title order={3} fz="h5">
        {t("rounds.followUp.title")}
      </Title>
      {round.followUpRoundId ? (
        <Anchor
          component={Link}
          to={orgPath(slug, `vermittlung/runden/${round.followUpRoundId}`)}
          w="fit-content"
          data-testid="follow-up-link"
        >
          {t("rounds.followUp.open")}
        </Anchor>
      ) : (
        <>
          <Text size="sm">{t("rounds.followUp.intro")}</Text>
          <FollowUpForm slug={slug} round={round} />
        </>
      )}
    </Section>
  );
}

function RoundView({ slug, round }: { slug: string; round: RoundDetail }) {
  const { t } = useTranslation();
  const run = round.latestRun;
  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={6}>
        <Anchor component={Link} to={orgPath(slug, "vermittlung/runden")} size="sm" w="fit-content">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={16} aria-hidden="true" />
            {t("rounds.round.back")}
          </Group>
        </Anchor>
        <PageHeader title={round.title} description={<RoundStatusBadges round={round} />} />
        {round.previousRoundId && (
          <Anchor
            component={Link}
            to={orgPath(slug, `vermittlung/runden/${round.previousRoundId}`)}
            size="sm"
            w="fit-content"
          >
            {t("rounds.round.previous")}
          </Anchor>
        )}
      </Stack>
      <StatusSection slug={slug} round={round} />
      {round.status === "published" && <OffersSection slug={slug} round={round} />}
      <ReviewsSection round={round} />
      {round.status !== "cancelled" && (
        <Section id="berechnung" title={t("rounds.run.title")} intro={t("rounds.run.intro")}>
          <RoundRunPanel slug={slug} round={round} />
        </Section>
      )}
      {run?.status === "done" && (
        <Section id="ergebnis" title={t("rounds.results.title")}>
          <RoundResultsPanel slug={slug} roundId={round.id} run={run} />
        </Section>
      )}
      {round.status === "open" && <PublishSection slug={slug} round={round} />}
    </Stack>
  );
}

function Round({ membership }: { membership: MyMembership }) {
  const { id = "" } = useParams();
  const round = useRound(membership.slug, id);
  return (
    <QueryState query={round}>
      {(data) => <RoundView key={data.id} slug={membership.slug} round={data} />}
    </QueryState>
  );
}

/** "vermittlung/runden/:id": one allocation round — dates, reviews, runs, result, publishing, follow-up. */
export function RoundPage() {
  return (
    <OrgGuard roles={["admin", "coordinator"]}>{(membership) => <Round membership={membership} />}</OrgGuard>
  );
}
