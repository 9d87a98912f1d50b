import { Alert, Button, Select, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonRef } from "../../../../contracts/training-account";
import type { CourseCategory } from "../../../../core/training/catalogue";
import { ApiError } from "../../../app/api";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { Section } from "../../../components/section";
import { useInvitableRuns, useInvite } from "../account-api";

/**
 * Invites the selected people to a published upcoming run: each gets a mail with the run's link and books
 * herself. The runs offered follow the list's course filter, so "first aid expired" leads to first-aid runs.
 */
export function AccountInvite({
  slug,
  people,
  category,
}: {
  slug: string;
  people: PersonRef[];
  category: CourseCategory | "";
}) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const runs = useInvitableRuns(slug, category, true);
  const invite = useInvite(slug);
  const [runId, setRunId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const options = (runs.data ?? []).map((run) => ({
    value: run.id,
    label: t("trainingAccount.invite.runOption", {
      title: run.title,
      date: formatDate(run.startsOn),
      free: run.freePlaces,
    }),
  }));
  const send = async () => {
    setError(null);
    setMissing([]);
    if (people.length === 0) {
      setError(t("trainingAccount.invite.nobodySelected"));
      return;
    }
    if (!runId) {
      setError(t("validation.required"));
      return;
    }
    try {
      const result = await invite.mutateAsync({ runId, people, note });
      notifySuccess(t("trainingAccount.invite.sent", { count: result.sent }));
      setMissing(result.withoutEmail.map((p) => p.name));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("errors.internal"));
    }
  };
  return (
    <Section
      id="einladen"
      title={t("trainingAccount.invite.title")}
      intro={t("trainingAccount.invite.intro")}
    >
      <Stack gap="sm">
        <Text fw={600} aria-live="polite">
          {t("trainingAccount.list.selected", { count: people.length })}
        </Text>
        {runs.isSuccess && options.length === 0 ? (
          <Text>
            {t("trainingAccount.invite.noRuns", {
              category: category ? ` (${t(`trainingAccount.categories.${category}`)})` : "",
            })}
          </Text>
        ) : (
          <Select
            label={t("trainingAccount.invite.run")}
            data={options}
            value={runId}
            onChange={setRunId}
            searchable
            required
          />
        )}
        <Textarea
          label={t("trainingAccount.invite.note")}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={1000}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {missing.length > 0 && (
          <Alert color="yellow" role="status">
            {t("trainingAccount.invite.withoutEmail", { names: missing.join(", ") })}
          </Alert>
        )}
        <Button onClick={send} loading={invite.isPending} w={{ base: "100%", sm: "auto" }}>
          {t("trainingAccount.invite.send")}
        </Button>
      </Stack>
    </Section>
  );
}
