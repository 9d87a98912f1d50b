import { Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { VoteDetail } from "../../../../contracts/votes";
import { del, post } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert } from "../../../components/error-alert";
import { notifySuccess } from "../../../components/notify";
import { Section } from "../../../components/section";
import { refreshVotes, voteApi } from "../api";

/** A parent of the electorate stands with a short introduction, changes it, or withdraws before voting. */
function Candidacy({ slug, vote }: { slug: string; vote: VoteDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const own = vote.options.find((o) => o.id === vote.me.candidacyOptionId);
  const form = useForm({ initialValues: { introduction: own?.introduction ?? "" } });
  const stand = useMutation({
    mutationFn: (values: { introduction: string }) => post(`${voteApi(slug, vote.id)}/candidacy`, values),
    onSuccess: async () => {
      await refreshVotes(client, slug);
      notifySuccess(t(own ? "votesWeb.candidacy.updated" : "votesWeb.candidacy.standing"));
    },
  });
  const withdraw = useMutation({
    mutationFn: () => del(`${voteApi(slug, vote.id)}/candidacy`),
    onSuccess: async () => {
      await refreshVotes(client, slug);
      notifySuccess(t("votesWeb.candidacy.withdrawn"));
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => stand.mutate(values))} noValidate data-testid="candidacy-form">
      <Stack gap="sm">
        {own ? (
          <Text fw={600} data-testid="candidacy-state">
            {t("votesWeb.candidacy.youStand")}
          </Text>
        ) : (
          <Text>{t("votesWeb.candidacy.invite", { count: vote.seats })}</Text>
        )}
        {(stand.error || withdraw.error) && <ErrorAlert error={stand.error ?? withdraw.error} />}
        <Textarea
          label={t("votesWeb.candidacy.introduction")}
          description={t("votesWeb.candidacy.introductionHint")}
          autosize
          minRows={3}
          maxLength={1500}
          {...form.getInputProps("introduction")}
        />
        <Group gap="xs">
          <Button type="submit" loading={stand.isPending} data-testid="candidacy-submit">
            {t(own ? "votesWeb.candidacy.save" : "votesWeb.candidacy.stand")}
          </Button>
          {own && (
            <ConfirmButton
              variant="default"
              title={t("votesWeb.candidacy.withdrawTitle")}
              message={t("votesWeb.candidacy.withdrawText")}
              confirmLabel={t("votesWeb.candidacy.withdraw")}
              onConfirm={() => withdraw.mutateAsync()}
              loading={withdraw.isPending}
            >
              {t("votesWeb.candidacy.withdraw")}
            </ConfirmButton>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** An election's candidates with their introductions; during the nomination also one's own candidacy. */
export function CandidatesSection({ slug, vote }: { slug: string; vote: VoteDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (optionId: string) =>
      del(`${voteApi(slug, vote.id)}/candidates/${encodeURIComponent(optionId)}`),
    onSuccess: async () => {
      await refreshVotes(client, slug);
      notifySuccess(t("votesWeb.candidacy.removed"));
    },
  });
  const beforeVoting = vote.status === "draft" || vote.status === "nomination";
  return (
    <Section id="kandidaturen" title={t("votesWeb.candidacy.title")}>
      {remove.error && <ErrorAlert error={remove.error} />}
      {vote.options.length === 0 ? (
        <Text>{t("votesWeb.candidacy.none")}</Text>
      ) : (
        <Stack
          gap="sm"
          component="ul"
          style={{ listStyle: "none", padding: 0, margin: 0 }}
          data-testid="candidates"
        >
          {vote.options.map((option) => (
            <Paper component="li" withBorder p="sm" key={option.id} data-testid="candidate">
              <Stack gap={4}>
                <Title order={3} fz="h4">
                  {option.label}
                </Title>
                {option.introduction && <Text style={{ whiteSpace: "pre-line" }}>{option.introduction}</Text>}
                {vote.canManage && beforeVoting && (
                  <ConfirmButton
                    variant="default"
                    size="xs"
                    w="fit-content"
                    title={t("votesWeb.candidacy.removeTitle")}
                    message={t("votesWeb.candidacy.removeText", { name: option.label })}
                    confirmLabel={t("votesWeb.candidacy.remove")}
                    onConfirm={() => remove.mutateAsync(option.id)}
                    loading={remove.isPending}
                  >
                    {t("votesWeb.candidacy.removeNamed", { name: option.label })}
                  </ConfirmButton>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {(vote.me.canStand || vote.me.candidacyOptionId) && vote.status === "nomination" && (
        <Candidacy slug={slug} vote={vote} />
      )}
    </Section>
  );
}
