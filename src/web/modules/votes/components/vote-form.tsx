import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconInfoCircle, IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { EventListItem } from "../../../../contracts/events";
import type { OrganisationKind } from "../../../../contracts/roles";
import {
  electorateKinds,
  majorityRules,
  resultVisibilities,
  secrecies,
  type VoteInput,
  voteWeightings,
} from "../../../../contracts/votes";
import { type ServerProblem, useCheckedForm } from "../../../components/checked-form";
import { FormAlert } from "../../../components/error-alert";
import { Section } from "../../../components/section";
import type { VotePeople } from "../api";
import { checkVoteValues, formPath, type VoteFormValues } from "./vote-form-values";
import { useVoteDateTime } from "./vote-format";

/**
 * Create or change a motion or an election (before voting starts). The body is checked with the contract's
 * schema before it is sent, so problems stand at their fields at once; the server's answer goes there too.
 */
export function VoteForm({
  initialValues,
  organisationKind,
  events,
  people,
  isPending,
  submitLabel,
  onSubmit,
}: {
  initialValues: VoteFormValues;
  organisationKind: OrganisationKind;
  /** The organisation's coming meetings a vote can belong to. */
  events: readonly EventListItem[];
  people: VotePeople["items"];
  isPending: boolean;
  submitLabel: string;
  onSubmit: (body: VoteInput) => Promise<ServerProblem | null>;
}) {
  const { t } = useTranslation();
  const formatDateTime = useVoteDateTime();
  const { form, formError, handleSubmit } = useCheckedForm({
    initialValues,
    check: checkVoteValues,
    toFormPath: formPath,
    onSubmit: (checked) => onSubmit(checked.body),
  });
  const values = form.values;
  const isElection = values.kind === "election";
  const hasOwnOptions = !isElection && values.optionKind !== "yesNo";

  return (
    <form onSubmit={handleSubmit} noValidate data-testid="vote-form">
      <Stack gap="md">
        <FormAlert message={formError} />
        <Section id="was" title={t(isElection ? "votesWeb.form.electionWhat" : "votesWeb.form.what")}>
          <TextInput
            label={t("votesWeb.form.title")}
            description={isElection ? t("votesWeb.form.electionTitleHint") : undefined}
            required
            withAsterisk={false}
            maxLength={200}
            data-testid="vote-title"
            {...form.getInputProps("title")}
          />
          <Textarea
            label={t(isElection ? "votesWeb.form.electionText" : "votesWeb.form.text")}
            autosize
            minRows={3}
            maxLength={10000}
            {...form.getInputProps("text")}
          />
        </Section>

        {isElection ? (
          <Section id="wahl" title={t("votesWeb.form.electionRules")}>
            <TextInput
              label={t("votesWeb.form.seats")}
              description={t("votesWeb.form.seatsHint")}
              inputMode="numeric"
              maw={200}
              data-testid="vote-seats"
              {...form.getInputProps("seats")}
            />
            <Radio.Group label={t("votesWeb.form.weighting")} {...form.getInputProps("weighting")}>
              <Stack gap="xs" mt={6}>
                {voteWeightings.map((w) => (
                  <Radio key={w} value={w} label={t(`votesWeb.weighting.${w}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Text size="sm">{t("votesWeb.form.electorateParents")}</Text>
          </Section>
        ) : (
          <Section id="antworten" title={t("votesWeb.form.answers")}>
            <Radio.Group label={t("votesWeb.form.optionKind")} {...form.getInputProps("optionKind")}>
              <Stack gap="xs" mt={6}>
                <Radio
                  value="yesNo"
                  label={t("votesWeb.optionKinds.yesNo")}
                  data-testid="option-kind-yesNo"
                />
                <Radio
                  value="oneOf"
                  label={t("votesWeb.optionKinds.oneOf")}
                  data-testid="option-kind-oneOf"
                />
                <Radio
                  value="severalOf"
                  label={t("votesWeb.optionKinds.severalOf")}
                  data-testid="option-kind-severalOf"
                />
              </Stack>
            </Radio.Group>
            {hasOwnOptions && (
              <Stack gap="xs">
                <Text size="sm" fw={500} id="optionen-label">
                  {t("votesWeb.form.options")}
                </Text>
                {values.options.map((_, index) => {
                  const number = index + 1;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a row is its position; keyed by its text, typing would remount the field
                    <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
                      <TextInput
                        label={t("votesWeb.form.option", { number })}
                        maxLength={200}
                        style={{ flex: 1 }}
                        {...form.getInputProps(`options.${index}`)}
                      />
                      <ActionIcon
                        variant="default"
                        size="lg"
                        mb={2}
                        aria-label={t("votesWeb.form.optionRemove", { number })}
                        disabled={values.options.length <= 2}
                        onClick={() => form.removeListItem("options", index)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  );
                })}
                {form.errors.options && (
                  <Text c="red.8" size="sm" role="alert">
                    {form.errors.options}
                  </Text>
                )}
                {values.options.length < 50 && (
                  <Button
                    variant="default"
                    w="fit-content"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => form.insertListItem("options", "")}
                  >
                    {t("votesWeb.form.optionAdd")}
                  </Button>
                )}
                {values.optionKind === "severalOf" && (
                  <TextInput
                    label={t("votesWeb.form.maxChoices")}
                    inputMode="numeric"
                    maw={200}
                    {...form.getInputProps("maxChoices")}
                  />
                )}
                <Checkbox
                  label={t("votesWeb.form.allowAbstain")}
                  {...form.getInputProps("allowAbstain", { type: "checkbox" })}
                />
              </Stack>
            )}
            <NativeSelect
              label={t("votesWeb.form.majority")}
              data={majorityRules.map((rule) => ({ value: rule, label: t(`votesWeb.majority.${rule}`) }))}
              data-testid="vote-majority"
              {...form.getInputProps("majority")}
            />
            <TextInput
              label={t("votesWeb.form.quorum")}
              description={t("votesWeb.form.quorumHint")}
              inputMode="numeric"
              rightSection="%"
              maw={320}
              data-testid="vote-quorum"
              {...form.getInputProps("quorumPercent")}
            />
          </Section>
        )}

        {!isElection && (
          <Section id="wer" title={t("votesWeb.form.who")}>
            <Radio.Group label={t("votesWeb.form.electorate")} {...form.getInputProps("electorateKind")}>
              <Stack gap="xs" mt={6}>
                {/* An association has members, not families with care contracts. */}
                {electorateKinds
                  .filter((kind) => organisationKind !== "association" || kind !== "parentsWithContract")
                  .map((kind) => (
                    <Radio key={kind} value={kind} label={t(`votesWeb.electorate.${kind}`)} />
                  ))}
              </Stack>
            </Radio.Group>
            {values.electorateKind === "list" && (
              <MultiSelect
                label={t("votesWeb.form.listMembers")}
                data={people.map((p) => ({ value: p.userId, label: p.name }))}
                searchable
                clearable
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps("userIds")}
              />
            )}
            <NativeSelect
              label={t("votesWeb.form.meeting")}
              description={t("votesWeb.form.meetingHint")}
              data={[
                { value: "", label: t("votesWeb.form.noMeeting") },
                ...events.map((e) => ({ value: e.id, label: `${e.title} – ${formatDateTime(e.startsAt)}` })),
              ]}
              data-testid="vote-meeting"
              {...form.getInputProps("eventId")}
            />
          </Section>
        )}

        <Section id="wann" title={t("votesWeb.form.when")} intro={t("votesWeb.form.whenHint")}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {isElection && (
              <TextInput
                type="datetime-local"
                label={t("votesWeb.form.nominationClosesAt")}
                style={{ gridColumn: "1 / -1" }}
                {...form.getInputProps("nominationClosesAt")}
              />
            )}
            <TextInput
              type="datetime-local"
              label={t("votesWeb.form.opensAt")}
              {...form.getInputProps("opensAt")}
            />
            <TextInput
              type="datetime-local"
              label={t("votesWeb.form.closesAt")}
              {...form.getInputProps("closesAt")}
            />
          </SimpleGrid>
        </Section>

        <Section id="geheim" title={t("votesWeb.form.secrecyTitle")}>
          <Radio.Group label={t("votesWeb.form.secrecy")} {...form.getInputProps("secrecy")}>
            <Stack gap="xs" mt={6}>
              {secrecies.map((s) => (
                <Radio
                  key={s}
                  value={s}
                  label={t(`votesWeb.secrecy.${s}`)}
                  description={t(`votesWeb.secrecyHint.${s}`)}
                  data-testid={`secrecy-${s}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Alert color="blue" icon={<IconInfoCircle aria-hidden />} p="sm">
            {t("votesWeb.form.secrecyLocked")}
          </Alert>
          <Radio.Group
            label={t("votesWeb.form.resultVisibility")}
            {...form.getInputProps("resultVisibility")}
          >
            <Stack gap="xs" mt={6}>
              {resultVisibilities.map((v) => (
                <Radio key={v} value={v} label={t(`votesWeb.resultVisibility.${v}`)} />
              ))}
            </Stack>
          </Radio.Group>
        </Section>
        <Group>
          <Button
            type="submit"
            loading={isPending}
            w={{ base: "100%", xs: "fit-content" }}
            data-testid="vote-submit"
          >
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
