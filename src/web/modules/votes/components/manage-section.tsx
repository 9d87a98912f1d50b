import { ActionIcon, Button, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconDeviceTv, IconDownload, IconEdit, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { PaperBallotInput, VoteDetail } from "../../../../contracts/votes";
import { del, post } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert, FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { Section } from "../../../components/section";
import { ballotsCsvUrl, meetingPath, recordPdfUrl, refreshVotes, voteApi, votePath, votesPath } from "../api";

interface PaperValues {
  ballots: string;
  abstentions: string;
  counts: Record<string, string>;
  counters: string[];
}

const toNumber = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);

/**
 * Paper ballots counted by hand in the hall, entered as one aggregate; the counters sign with their names,
 * which go into the record.
 */
function PaperBallots({ slug, vote }: { slug: string; vote: VoteDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const optionLabel = (option: VoteDetail["options"][number]) =>
    option.role ? t(`votesWeb.ballot.${option.role}`) : option.label;
  const form = useForm<PaperValues>({
    initialValues: {
      ballots: "",
      abstentions: "0",
      counts: Object.fromEntries(vote.options.map((o) => [o.id, "0"])),
      counters: ["", ""],
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      const number = t("votesWeb.paper.wholeNumber");
      if (Number.isNaN(toNumber(values.ballots))) errors.ballots = number;
      if (Number.isNaN(toNumber(values.abstentions))) errors.abstentions = number;
      for (const option of vote.options)
        if (Number.isNaN(toNumber(values.counts[option.id] ?? ""))) errors[`counts.${option.id}`] = number;
      if (values.counters.every((c) => !c.trim())) errors["counters.0"] = t("validation.required");
      return errors;
    },
  });
  const save = useMutation({
    mutationFn: (body: PaperBallotInput) => post(`${voteApi(slug, vote.id)}/paper-ballots`, body),
    onSuccess: async () => {
      form.reset();
      await refreshVotes(client, slug);
      notifySuccess(t("votesWeb.paper.saved"));
    },
    onError: (error) =>
      setFormError(
        applyApiErrors(error, (path, message) => {
          const match = /^counts\.(\d+)/.exec(path);
          const option = match ? vote.options[Number(match[1])] : undefined;
          form.setFieldError(option ? `counts.${option.id}` : path, message);
        }),
      ),
  });
  const submit = (values: PaperValues) => {
    setFormError(null);
    save.mutate({
      ballots: toNumber(values.ballots),
      abstentions: toNumber(values.abstentions),
      counts: vote.options.map((o) => ({ optionId: o.id, votes: toNumber(values.counts[o.id] ?? "0") })),
      counters: values.counters.map((c) => c.trim()).filter(Boolean),
    });
  };
  return (
    <form onSubmit={form.onSubmit(submit, onInvalid)} noValidate data-testid="paper-form">
      <Stack gap="sm">
        <Text size="sm">{t("votesWeb.paper.intro")}</Text>
        <FormAlert message={formError} />
        <TextInput
          label={t("votesWeb.paper.ballots")}
          inputMode="numeric"
          maw={220}
          {...form.getInputProps("ballots")}
        />
        {vote.options.map((option) => (
          <TextInput
            key={option.id}
            label={t("votesWeb.paper.votesFor", { option: optionLabel(option) })}
            inputMode="numeric"
            maw={220}
            {...form.getInputProps(`counts.${option.id}`)}
          />
        ))}
        <TextInput
          label={t("votesWeb.paper.abstentions")}
          inputMode="numeric"
          maw={220}
          {...form.getInputProps("abstentions")}
        />
        {form.values.counters.map((_, index) => {
          const number = index + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is its position; keyed by the name, typing would remount it
            <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                label={t("votesWeb.paper.counter", { number })}
                maxLength={120}
                style={{ flex: 1 }}
                {...form.getInputProps(`counters.${index}`)}
              />
              <ActionIcon
                variant="default"
                size="lg"
                mb={2}
                disabled={form.values.counters.length <= 1}
                aria-label={t("votesWeb.paper.counterRemove", { number })}
                onClick={() => form.removeListItem("counters", index)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
        {form.values.counters.length < 10 && (
          <Button
            variant="default"
            w="fit-content"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => form.insertListItem("counters", "")}
          >
            {t("votesWeb.paper.counterAdd")}
          </Button>
        )}
        <Button type="submit" loading={save.isPending} w="fit-content" data-testid="paper-submit">
          {t("votesWeb.paper.save")}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * What those who manage votes do with one: change it while it is a draft, open the nomination or the
 * voting, close it, enter paper ballots, show it on the projector, download the record and the named list.
 */
export function ManageSection({ slug, vote }: { slug: string; vote: VoteDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const action = useMutation({
    mutationFn: (step: "open" | "open-nomination" | "close") =>
      post<VoteDetail>(`${voteApi(slug, vote.id)}/${step}`),
    onSuccess: async (_, step) => {
      await refreshVotes(client, slug);
      notifySuccess(t(`votesWeb.manage.done.${step}`));
    },
  });
  const remove = useMutation({
    mutationFn: () => del(voteApi(slug, vote.id)),
    onSuccess: async () => {
      await refreshVotes(client, slug);
      notifySuccess(t("votesWeb.manage.deleted"));
      navigate(votesPath(slug));
    },
  });
  const isEditable = vote.status === "draft" || vote.status === "nomination";
  const canOpen = isEditable && (vote.kind === "motion" || vote.options.length > 0);
  return (
    <Section id="verwalten" title={t("votesWeb.manage.title")}>
      {(action.error || remove.error) && <ErrorAlert error={action.error ?? remove.error} />}
      <Group gap="xs">
        {isEditable && (
          <Button
            component={Link}
            to={votePath(slug, vote.id, "bearbeiten")}
            variant="default"
            leftSection={<IconEdit size={16} aria-hidden />}
          >
            {t("votesWeb.manage.edit")}
          </Button>
        )}
        {vote.kind === "election" && vote.status === "draft" && (
          <ConfirmButton
            title={t("votesWeb.manage.openNominationTitle")}
            message={t("votesWeb.manage.openNominationText")}
            confirmLabel={t("votesWeb.manage.openNomination")}
            onConfirm={() => action.mutateAsync("open-nomination")}
            loading={action.isPending}
            data-testid="vote-open-nomination"
          >
            {t("votesWeb.manage.openNomination")}
          </ConfirmButton>
        )}
        {canOpen && (
          <ConfirmButton
            color="teal.9"
            title={t("votesWeb.manage.openTitle")}
            message={t(`votesWeb.manage.openText.${vote.secrecy}`)}
            confirmLabel={t("votesWeb.manage.open")}
            onConfirm={() => action.mutateAsync("open")}
            loading={action.isPending}
            data-testid="vote-open"
          >
            {t("votesWeb.manage.open")}
          </ConfirmButton>
        )}
        {vote.status === "open" && (
          <ConfirmButton
            color="red.9"
            title={t("votesWeb.manage.closeTitle")}
            message={t("votesWeb.manage.closeText")}
            confirmLabel={t("votesWeb.manage.close")}
            onConfirm={() => action.mutateAsync("close")}
            loading={action.isPending}
            data-testid="vote-close"
          >
            {t("votesWeb.manage.close")}
          </ConfirmButton>
        )}
        {vote.status === "draft" && (
          <ConfirmButton
            variant="default"
            title={t("votesWeb.manage.deleteTitle")}
            message={t("votesWeb.manage.deleteText")}
            confirmLabel={t("votesWeb.manage.delete")}
            onConfirm={() => remove.mutateAsync()}
            loading={remove.isPending}
            leftSection={<IconTrash size={16} aria-hidden />}
          >
            {t("votesWeb.manage.delete")}
          </ConfirmButton>
        )}
        {(vote.status === "open" || vote.status === "closed") && (
          <Button
            component={Link}
            to={votePath(slug, vote.id, "beamer")}
            variant="default"
            leftSection={<IconDeviceTv size={16} aria-hidden />}
            data-testid="vote-projector"
          >
            {t("votesWeb.manage.projector")}
          </Button>
        )}
        {vote.eventId && (
          <Button component={Link} to={meetingPath(slug, vote.eventId)} variant="default">
            {t("votesWeb.manage.meeting")}
          </Button>
        )}
        {vote.status === "closed" && (
          <Button
            component="a"
            href={recordPdfUrl(slug, vote.id)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            data-testid="vote-record-pdf"
          >
            {t("votesWeb.manage.recordPdf")}
          </Button>
        )}
        {vote.secrecy === "named" && (vote.status === "open" || vote.status === "closed") && (
          <Button
            component="a"
            href={ballotsCsvUrl(slug, vote.id)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            data-testid="vote-ballots-csv"
          >
            {t("votesWeb.manage.ballotsCsv")}
          </Button>
        )}
      </Group>
      {vote.status === "open" && (
        <Stack gap="xs">
          <Title order={3} fz="h4">
            {t("votesWeb.paper.title")}
          </Title>
          <PaperBallots slug={slug} vote={vote} />
        </Stack>
      )}
    </Section>
  );
}
