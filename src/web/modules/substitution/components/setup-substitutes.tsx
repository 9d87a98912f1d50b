import { Button, Group, NumberInput, Select, Stack, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type SubstituteDto, substituteInput } from "../../../../contracts/substitution";
import { del, post, put } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert, FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { useSchemaValidation } from "../../../components/zod-form";
import { type Column, ResponsiveTable } from "../../caregivers/components/responsive-table";
import { refreshSubstitution, substitutionApi, useRegistryCaregivers, useSubstitutes } from "../api";
import { SetupList } from "./setup-list";

interface Values {
  caregiverId: string;
  hoursPerMonth: number | string;
  note: string;
}

function SubstituteForm({
  slug,
  substitute,
  taken,
  onDone,
}: {
  slug: string;
  substitute: SubstituteDto | null;
  /** Caregivers already marked, who cannot be chosen again. */
  taken: string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const registry = useRegistryCaregivers(slug, substitute === null);
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<Values>({
    initialValues: {
      caregiverId: substitute?.caregiverId ?? "",
      hoursPerMonth: substitute?.hoursPerMonth ?? 40,
      note: substitute?.note ?? "",
    },
    validate: useSchemaValidation<Values>(substituteInput),
  });
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = { ...values, hoursPerMonth: Number(values.hoursPerMonth) };
      return substitute
        ? put<SubstituteDto>(
            `${substitutionApi(slug)}/substitutes/${encodeURIComponent(substitute.id)}`,
            body,
          )
        : post<SubstituteDto>(`${substitutionApi(slug)}/substitutes`, body);
    },
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.substitutes.saved"));
      onDone();
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      }, onInvalid)}
      noValidate
      data-testid="substitute-form"
    >
      <Stack gap="md">
        <FormAlert message={formError} />
        {substitute === null && (
          <Select
            label={t("substitution.substitutes.caregiver")}
            description={t("substitution.substitutes.caregiverHint")}
            searchable
            withAsterisk
            data={(registry.data?.items ?? [])
              .filter((c) => !taken.includes(c.id))
              .map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName} (${c.town})` }))}
            nothingFoundMessage="–"
            {...form.getInputProps("caregiverId")}
          />
        )}
        <NumberInput
          label={t("substitution.substitutes.hoursPerMonth")}
          min={1}
          max={200}
          allowDecimal={false}
          maw={240}
          withAsterisk
          {...form.getInputProps("hoursPerMonth")}
        />
        <Textarea
          label={t("substitution.substitutes.note")}
          autosize
          minRows={2}
          {...form.getInputProps("note")}
        />
        <Button type="submit" loading={save.isPending} w="fit-content" data-testid="substitute-save">
          {t("substitution.substitutes.save")}
        </Button>
      </Stack>
    </form>
  );
}

function RemoveSubstitute({ slug, substitute }: { slug: string; substitute: SubstituteDto }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => del(`${substitutionApi(slug)}/substitutes/${encodeURIComponent(substitute.id)}`),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.substitutes.removed"));
    },
  });
  return (
    <>
      <ConfirmButton
        size="compact-sm"
        variant="default"
        color="red"
        title={t("substitution.substitutes.removeTitle")}
        message={t("substitution.substitutes.removeText", { name: substitute.name })}
        confirmLabel={t("substitution.substitutes.remove")}
        onConfirm={() => remove.mutateAsync().catch(() => undefined)}
        loading={remove.isPending}
        aria-label={t("substitution.substitutes.removeFor", { name: substitute.name })}
      >
        {t("substitution.substitutes.remove")}
      </ConfirmButton>
      {remove.isError && <ErrorAlert error={remove.error} />}
    </>
  );
}

/** The employed substitutes: registry caregivers the office employs, with their hours per month. */
export function SubstitutesTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const substitutes = useSubstitutes(slug);
  const columns = (edit: (s: SubstituteDto) => void): Column<SubstituteDto>[] => [
    { key: "name", header: t("substitution.substitutes.columns.name"), isPrimary: true, cell: (s) => s.name },
    { key: "town", header: t("substitution.substitutes.columns.town"), cell: (s) => s.town },
    {
      key: "hours",
      header: t("substitution.substitutes.columns.hours"),
      isNumeric: true,
      cell: (s) => t("substitution.substitutes.hours", { hours: s.hoursPerMonth }),
    },
    { key: "note", header: t("substitution.substitutes.columns.note"), cell: (s) => s.note || "–" },
    {
      key: "actions",
      header: t("substitution.substitutes.columns.actions"),
      cell: (s) => (
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => edit(s)}
            aria-label={t("substitution.substitutes.editFor", { name: s.name })}
          >
            {t("substitution.substitutes.edit")}
          </Button>
          <RemoveSubstitute slug={slug} substitute={s} />
        </Group>
      ),
    },
  ];
  return (
    <SetupList
      intro={t("substitution.substitutes.intro")}
      addLabel={t("substitution.substitutes.add")}
      addTestId="substitute-add"
      query={substitutes}
      emptyText={t("substitution.substitutes.empty")}
      list={(items, edit) => (
        <ResponsiveTable
          caption={t("substitution.substitutes.caption")}
          columns={columns(edit)}
          rows={items}
          rowKey={(s) => s.id}
          rowTestId="substitute-row"
        />
      )}
      dialogTitle={(s) =>
        s === null
          ? t("substitution.substitutes.addTitle")
          : t("substitution.substitutes.editTitle", { name: s.name })
      }
      form={(s, items, done) => (
        <SubstituteForm slug={slug} substitute={s} taken={items.map((i) => i.caregiverId)} onDone={done} />
      )}
    />
  );
}
