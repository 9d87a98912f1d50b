import { Button, Card, Group, MultiSelect, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type PlayGroupDto, playGroupInput } from "../../../../contracts/substitution";
import { addDays } from "../../../../core/shared/dates";
import { del, post, put } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert, FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { useSchemaValidation } from "../../../components/zod-form";
import {
  refreshSubstitution,
  substitutionApi,
  useActiveContracts,
  usePlayGroups,
  useRegistryCaregivers,
  useSubstitutionSettings,
} from "../api";
import { useSubstitutionFormat } from "../format";
import { SetupList } from "./setup-list";

interface Values {
  hostCaregiverId: string;
  on: string;
  note: string;
  contractIds: string[];
}

function PlayGroupForm({
  slug,
  playGroup,
  today,
  onDone,
}: {
  slug: string;
  playGroup: PlayGroupDto | null;
  today: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const registry = useRegistryCaregivers(slug, true);
  const contracts = useActiveContracts(slug, true);
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<Values>({
    initialValues: {
      hostCaregiverId: playGroup?.hostCaregiverId ?? "",
      on: playGroup?.on ?? today,
      note: playGroup?.note ?? "",
      contractIds: playGroup?.children.map((c) => c.contractId) ?? [],
    },
    validate: useSchemaValidation<Values>(playGroupInput),
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      playGroup
        ? put<PlayGroupDto>(
            `${substitutionApi(slug)}/play-groups/${encodeURIComponent(playGroup.id)}`,
            values,
          )
        : post<PlayGroupDto>(`${substitutionApi(slug)}/play-groups`, values),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.playGroups.saved"));
      onDone();
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  // Children already recorded stay choosable even when their contract has ended since.
  const childOptions = new Map<string, string>();
  for (const child of playGroup?.children ?? []) {
    childOptions.set(
      child.contractId,
      t("substitution.playGroups.childOption", {
        child: child.childFirstName,
        caregiver: child.caregiverName,
      }),
    );
  }
  for (const contract of contracts.data ?? []) {
    childOptions.set(
      contract.id,
      t("substitution.playGroups.childOption", {
        child: contract.childFirstName,
        caregiver: contract.caregiverName,
      }),
    );
  }
  const hostOptions = (registry.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.firstName} ${c.lastName} (${c.town})`,
  }));
  if (playGroup && !hostOptions.some((o) => o.value === playGroup.hostCaregiverId)) {
    hostOptions.push({ value: playGroup.hostCaregiverId, label: playGroup.hostName });
  }
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      }, onInvalid)}
      noValidate
      data-testid="play-group-form"
    >
      <Stack gap="md">
        <FormAlert message={formError} />
        <Select
          label={t("substitution.playGroups.host")}
          searchable
          withAsterisk
          data={hostOptions}
          {...form.getInputProps("hostCaregiverId")}
        />
        <TextInput
          type="date"
          label={t("substitution.playGroups.on")}
          withAsterisk
          maw={220}
          {...form.getInputProps("on")}
        />
        <MultiSelect
          label={t("substitution.playGroups.children")}
          description={t("substitution.playGroups.childrenHint")}
          searchable
          data={[...childOptions].map(([value, label]) => ({ value, label }))}
          maxValues={30}
          {...form.getInputProps("contractIds")}
        />
        <Textarea
          label={t("substitution.playGroups.note")}
          autosize
          minRows={2}
          {...form.getInputProps("note")}
        />
        <Button type="submit" loading={save.isPending} w="fit-content" data-testid="play-group-save">
          {t("substitution.playGroups.save")}
        </Button>
      </Stack>
    </form>
  );
}

function PlayGroupCard({
  slug,
  playGroup,
  onEdit,
}: {
  slug: string;
  playGroup: PlayGroupDto;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => del(`${substitutionApi(slug)}/play-groups/${encodeURIComponent(playGroup.id)}`),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.playGroups.removed"));
    },
  });
  const labels = { day: f.dayShort(playGroup.on), name: playGroup.hostName };
  return (
    <Card component="li" withBorder padding="sm" data-testid="play-group">
      <Stack gap={4}>
        <Text fw={700}>
          {f.dayLong(playGroup.on)} – {playGroup.hostName}
        </Text>
        {playGroup.note && <Text size="sm">{playGroup.note}</Text>}
        <Text size="sm">
          <strong>{t("substitution.playGroups.childCount", { count: playGroup.children.length })}:</strong>{" "}
          {playGroup.children.map((c) => `${c.childFirstName} (${c.caregiverName})`).join(", ") || "–"}
        </Text>
        <Group gap="xs" mt={4}>
          <Button
            size="compact-sm"
            variant="default"
            onClick={onEdit}
            aria-label={t("substitution.playGroups.editFor", labels)}
          >
            {t("substitution.playGroups.edit")}
          </Button>
          <ConfirmButton
            size="compact-sm"
            variant="default"
            color="red"
            title={t("substitution.playGroups.removeTitle")}
            message={t("substitution.playGroups.removeText", labels)}
            confirmLabel={t("substitution.playGroups.remove")}
            onConfirm={() => remove.mutateAsync().catch(() => undefined)}
            loading={remove.isPending}
            aria-label={t("substitution.playGroups.removeFor", labels)}
          >
            {t("substitution.playGroups.remove")}
          </ConfirmButton>
        </Group>
        {remove.isError && <ErrorAlert error={remove.error} />}
      </Stack>
    </Card>
  );
}

function PlayGroupList({
  items,
  slug,
  recentFrom,
  onShowOlder,
  onEdit,
}: {
  items: PlayGroupDto[];
  slug: string;
  /** Dates before this day stay folded away; null shows all. */
  recentFrom: string | null;
  onShowOlder: () => void;
  onEdit: (playGroup: PlayGroupDto) => void;
}) {
  const { t } = useTranslation();
  const shown = recentFrom === null ? items : items.filter((p) => p.on >= recentFrom);
  const hidden = items.length - shown.length;
  return (
    <>
      {shown.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {shown.map((playGroup) => (
            <PlayGroupCard
              key={playGroup.id}
              slug={slug}
              playGroup={playGroup}
              onEdit={() => onEdit(playGroup)}
            />
          ))}
        </Stack>
      )}
      {hidden > 0 && (
        <Button variant="default" w="fit-content" onClick={onShowOlder} data-testid="play-group-older">
          {t("substitution.playGroups.showOlder", { count: hidden })}
        </Button>
      )}
    </>
  );
}

/** Play-group dates with who attended: how the platform learns which children know which person. */
export function PlayGroupsTab({ slug, today }: { slug: string; today: string }) {
  const { t } = useTranslation();
  const playGroups = usePlayGroups(slug);
  const settings = useSubstitutionSettings(slug);
  const [showOlder, setShowOlder] = useState(false);
  // A year of fortnightly dates is a long scroll on a phone: the coming ones and the last eight weeks first.
  const recentFrom = addDays(today, -56);
  return (
    <SetupList
      intro={t("substitution.playGroups.intro", { visits: settings.data?.familiarityVisits ?? 3 })}
      addLabel={t("substitution.playGroups.add")}
      addTestId="play-group-add"
      query={playGroups}
      emptyText={t("substitution.playGroups.empty")}
      list={(items, edit) => (
        <PlayGroupList
          items={[...items].sort((a, b) => b.on.localeCompare(a.on))}
          slug={slug}
          recentFrom={showOlder ? null : recentFrom}
          onShowOlder={() => setShowOlder(true)}
          onEdit={edit}
        />
      )}
      dialogTitle={(group) =>
        group === null ? t("substitution.playGroups.addTitle") : t("substitution.playGroups.editTitle")
      }
      form={(group, _items, done) => (
        <PlayGroupForm slug={slug} playGroup={group} today={today} onDone={done} />
      )}
    />
  );
}
