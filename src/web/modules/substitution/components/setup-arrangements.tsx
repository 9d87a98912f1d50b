import {
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconSearch } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ArrangementDto,
  type ArrangementInput,
  arrangementInput,
  substitutionModels,
} from "../../../../contracts/substitution";
import { put } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { QueryState } from "../../../components/query-state";
import { useSchemaValidation } from "../../../components/zod-form";
import { FormDialog } from "../../caregivers/components/dialog";
import { type Column, ResponsiveTable } from "../../caregivers/components/responsive-table";
import { refreshSubstitution, substitutionApi, useArrangements, useKitas, useSubstitutes } from "../api";
import { ModelBadge } from "./badges";

interface Values {
  tandemPartnerIds: string[];
  substituteIds: string[];
  kitaId: string | null;
  note: string;
}

function ArrangementForm({
  slug,
  arrangement,
  everyone,
  onDone,
}: {
  slug: string;
  arrangement: ArrangementDto;
  everyone: ArrangementDto[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const substitutes = useSubstitutes(slug);
  const kitas = useKitas(slug);
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<Values>({
    initialValues: {
      tandemPartnerIds: arrangement.tandemPartners.map((p) => p.id),
      substituteIds: arrangement.substitutes.map((s) => s.id),
      kitaId: arrangement.kita?.id ?? null,
      note: arrangement.note,
    },
    validate: useSchemaValidation<Values>(arrangementInput),
  });
  const save = useMutation({
    mutationFn: (values: ArrangementInput) =>
      put<ArrangementDto>(
        `${substitutionApi(slug)}/arrangements/${encodeURIComponent(arrangement.caregiverId)}`,
        values,
      ),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.arrangements.saved", { name: arrangement.caregiverName }));
      onDone();
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  // Substitutes are chosen by their registry caregiver id, the id the arrangement stores.
  const substituteOptions = (substitutes.data?.items ?? [])
    .filter((s) => s.caregiverId !== arrangement.caregiverId)
    .map((s) => ({ value: s.caregiverId, label: `${s.name} (${s.town})` }));
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      }, onInvalid)}
      noValidate
      data-testid="arrangement-form"
    >
      <Stack gap="md">
        <FormAlert message={formError} />
        <MultiSelect
          label={t("substitution.arrangements.tandemPartners")}
          description={t("substitution.arrangements.tandemHint")}
          data={everyone
            .filter((a) => a.caregiverId !== arrangement.caregiverId)
            .map((a) => ({ value: a.caregiverId, label: a.caregiverName }))}
          searchable
          maxValues={3}
          {...form.getInputProps("tandemPartnerIds")}
        />
        <MultiSelect
          label={t("substitution.arrangements.substitutes")}
          description={t("substitution.arrangements.substitutesHint")}
          data={substituteOptions}
          searchable
          maxValues={5}
          {...form.getInputProps("substituteIds")}
        />
        <Select
          label={t("substitution.arrangements.kita")}
          data={(kitas.data?.items ?? []).map((k) => ({ value: k.id, label: `${k.name} (${k.town})` }))}
          placeholder={t("substitution.arrangements.noKita")}
          clearable
          {...form.getInputProps("kitaId")}
        />
        <Textarea
          label={t("substitution.arrangements.note")}
          autosize
          minRows={2}
          {...form.getInputProps("note")}
        />
        <Button type="submit" loading={save.isPending} w="fit-content" data-testid="arrangement-save">
          {t("substitution.arrangements.save")}
        </Button>
      </Stack>
    </form>
  );
}

/** Every day-care person with her arrangement and model; one dialog edits it. */
export function ArrangementsTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const arrangements = useArrangements(slug);
  const [q, setQ] = useState("");
  const [model, setModel] = useState("");
  const [editing, setEditing] = useState<ArrangementDto | null>(null);
  const names = (list: { name: string }[]) => (list.length ? list.map((p) => p.name).join(", ") : "–");

  const columns: Column<ArrangementDto>[] = [
    {
      key: "name",
      header: t("substitution.arrangements.columns.name"),
      isPrimary: true,
      cell: (a) => a.caregiverName,
    },
    {
      key: "model",
      header: t("substitution.arrangements.columns.model"),
      cell: (a) => <ModelBadge model={a.model} />,
    },
    {
      key: "tandem",
      header: t("substitution.arrangements.columns.tandem"),
      cell: (a) => names(a.tandemPartners),
    },
    {
      key: "substitutes",
      header: t("substitution.arrangements.columns.substitutes"),
      cell: (a) => names(a.substitutes),
    },
    { key: "kita", header: t("substitution.arrangements.columns.kita"), cell: (a) => a.kita?.name ?? "–" },
    {
      key: "actions",
      header: t("substitution.arrangements.columns.actions"),
      cell: (a) => (
        <Button
          size="compact-sm"
          variant="default"
          onClick={() => setEditing(a)}
          aria-label={t("substitution.arrangements.editFor", { name: a.caregiverName })}
          data-testid="arrangement-edit"
        >
          {t("substitution.arrangements.edit")}
        </Button>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        {t("substitution.arrangements.intro")}
      </Text>
      <QueryState query={arrangements}>
        {(data) => {
          const needle = q.trim().toLowerCase();
          const rows = data.items.filter(
            (a) =>
              (!needle || a.caregiverName.toLowerCase().includes(needle)) && (!model || a.model === model),
          );
          return (
            <Stack gap="sm">
              <Group gap="sm" align="flex-end">
                <TextInput
                  type="search"
                  label={t("substitution.arrangements.search")}
                  leftSection={<IconSearch size={16} aria-hidden="true" />}
                  value={q}
                  onChange={(e) => setQ(e.currentTarget.value)}
                  style={{ flex: "1 1 200px" }}
                />
                <NativeSelect
                  label={t("substitution.arrangements.model")}
                  value={model}
                  onChange={(e) => setModel(e.currentTarget.value)}
                  data={[
                    { value: "", label: t("substitution.arrangements.allModels") },
                    ...substitutionModels.map((m) => ({ value: m, label: t(`substitution.models.${m}`) })),
                  ]}
                  style={{ flex: "1 1 200px" }}
                />
              </Group>
              <Text size="sm" aria-live="polite">
                {t("substitution.arrangements.count", { count: rows.length })}
              </Text>
              {rows.length > 0 && (
                <ResponsiveTable
                  caption={t("substitution.arrangements.caption")}
                  columns={columns}
                  rows={rows}
                  rowKey={(a) => a.caregiverId}
                  rowTestId="arrangement-row"
                />
              )}
              <FormDialog
                opened={editing !== null}
                onClose={() => setEditing(null)}
                title={
                  editing ? t("substitution.arrangements.editTitle", { name: editing.caregiverName }) : ""
                }
              >
                {editing && (
                  <ArrangementForm
                    slug={slug}
                    arrangement={editing}
                    everyone={data.items}
                    onDone={() => setEditing(null)}
                  />
                )}
              </FormDialog>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
