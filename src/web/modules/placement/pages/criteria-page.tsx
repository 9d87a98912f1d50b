import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { IconArrowLeft, IconPencil, IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import {
  type CriteriaCatalogue,
  type CriterionDto,
  type CriterionInput,
  criterionFacts,
  criterionInput,
} from "../../../../contracts/placement";
import { api } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess, useFormError } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { useSchemaValidation } from "../../../components/zod-form";
import { type Column, ResponsiveTable } from "../../caregivers/components/responsive-table";
import { orgApi, placementKeys, useCatalogue } from "../api";
import { criterionName, criterionText, orgPath } from "../format";

interface CriterionFormValues {
  fact: CriterionInput["fact"];
  label: string;
  points: number | string;
  isPublished: boolean;
}

function toInput(values: CriterionFormValues): CriterionInput {
  const points = values.points;
  return {
    fact: values.fact,
    label: values.label.trim(),
    points: typeof points === "number" ? points : points.trim() === "" ? Number.NaN : Number(points),
    isPublished: values.isPublished,
  };
}

/** Saving a criterion answers with the whole catalogue, points recomputed; the board follows. */
function useSaveCriterion(slug: string, onSaved: () => void, onError: (error: unknown) => void) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method, url, body }: { method: string; url: string; body?: CriterionInput }) =>
      api<CriteriaCatalogue>(method, url, body),
    onSuccess: async (catalogue) => {
      client.setQueryData(placementKeys.catalogue(slug), catalogue);
      await client.invalidateQueries({ queryKey: placementKeys.all(slug) });
      await client.invalidateQueries({ queryKey: placementKeys.published(slug) });
      notifySuccess(t("placement.criteria.saved"));
      onSaved();
    },
    onError,
  });
}

function CriterionForm({
  slug,
  criterion,
  takenFacts,
  onDone,
}: {
  slug: string;
  criterion: CriterionDto | null;
  takenFacts: string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const validate = useSchemaValidation(criterionInput);
  const form = useForm<CriterionFormValues>({
    initialValues: criterion
      ? {
          fact: criterion.fact,
          label: criterion.label,
          points: criterion.points,
          isPublished: criterion.isPublished,
        }
      : {
          fact: criterionFacts.find((f) => f === "custom" || !takenFacts.includes(f)) ?? "custom",
          label: "",
          points: 10,
          isPublished: false,
        },
    validate: (values) => validate(toInput(values)),
  });
  const save = useSaveCriterion(slug, onDone, (error) =>
    setFormError(applyApiErrors(error, form.setFieldError)),
  );
  const base = `${orgApi(slug)}/placement-criteria`;
  const isCustom = form.getValues().fact === "custom";
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(
          criterion
            ? { method: "PUT", url: `${base}/${criterion.id}`, body: toInput(values) }
            : { method: "POST", url: base, body: toInput(values) },
        );
      }, onInvalid)}
      noValidate
      data-testid="criterion-form"
    >
      <Stack gap="md">
        <FormAlert message={formError} />
        <NativeSelect
          label={t("placement.criteria.fact")}
          data={criterionFacts
            .filter((f) => f === "custom" || f === criterion?.fact || !takenFacts.includes(f))
            .map((f) => ({ value: f, label: t(`placement.factNames.${f}`) }))}
          {...form.getInputProps("fact")}
        />
        <TextInput
          label={t("placement.criteria.label")}
          description={isCustom ? t("placement.criteria.labelCustomHint") : t("placement.criteria.labelHint")}
          placeholder={isCustom ? "" : t(`placement.facts.${form.getValues().fact}`)}
          withAsterisk={isCustom}
          {...form.getInputProps("label")}
        />
        <NumberInput
          label={t("placement.criteria.points")}
          min={0}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          maw={200}
          {...form.getInputProps("points")}
        />
        <Checkbox
          label={t("placement.criteria.published")}
          {...form.getInputProps("isPublished", { type: "checkbox" })}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="criterion-save">
            {t("placement.criteria.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Catalogue({ membership, catalogue }: { membership: MyMembership; catalogue: CriteriaCatalogue }) {
  const { t } = useTranslation();
  const { formatDateTime } = useDateFormat();
  const slug = membership.slug;
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<CriterionDto | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const remove = useSaveCriterion(
    slug,
    () => setRemoveError(null),
    (error) => setRemoveError(applyApiErrors(error, () => undefined)),
  );
  const takenFacts = catalogue.criteria.map((c) => c.fact);
  const startEdit = (criterion: CriterionDto | null) => {
    setEditing(criterion);
    open();
  };

  const columns: Column<CriterionDto>[] = [
    {
      key: "name",
      header: t("placement.criteria.fact"),
      isPrimary: true,
      cell: (c) => (
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {criterionName(c, t)}
          </Text>
          {c.fact !== "custom" && (
            <Text size="xs" c="dimmed">
              {criterionText(c, t)}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: "points", header: t("placement.criteria.points"), isNumeric: true, cell: (c) => c.points },
    {
      key: "published",
      header: t("placement.criteria.published"),
      cell: (c) => (
        <Badge color={c.isPublished ? "teal.9" : "gray.7"} variant="filled" tt="none" size="sm">
          {c.isPublished ? t("placement.criteria.publishedYes") : t("placement.criteria.publishedNo")}
        </Badge>
      ),
    },
    {
      key: "actions",
      header: t("placement.criteria.edit"),
      cell: (c) => (
        <Group gap={4} wrap="nowrap">
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPencil size={14} aria-hidden="true" />}
            onClick={() => startEdit(c)}
            aria-label={t("placement.criteria.editLabel", { name: criterionName(c, t) })}
          >
            {t("placement.criteria.edit")}
          </Button>
          <ConfirmButton
            variant="subtle"
            size="compact-sm"
            color="red"
            c="red.9"
            title={t("placement.criteria.removeTitle")}
            message={t("placement.criteria.removeText")}
            confirmLabel={t("placement.criteria.remove")}
            loading={remove.isPending}
            onConfirm={() =>
              // The failure is shown by the mutation's onError; the dialog just closes.
              remove
                .mutateAsync({ method: "DELETE", url: `${orgApi(slug)}/placement-criteria/${c.id}` })
                .catch(() => undefined)
            }
            aria-label={t("placement.criteria.removeLabel", { name: criterionName(c, t) })}
          >
            {t("placement.criteria.remove")}
          </ConfirmButton>
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="md" maw={960}>
      <Stack gap={6}>
        <Anchor component={Link} to={orgPath(slug, "vermittlung")} size="sm" w="fit-content">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={16} aria-hidden="true" />
            {t("placement.criteria.back")}
          </Group>
        </Anchor>
        <PageHeader
          title={t("placement.criteria.title")}
          description={t("placement.criteria.intro")}
          actions={
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => startEdit(null)}
              data-testid="criterion-add"
            >
              {t("placement.criteria.add")}
            </Button>
          }
        />
      </Stack>
      <Text size="sm" data-testid="catalogue-version">
        {catalogue.updatedAt
          ? t("placement.criteria.version", {
              version: catalogue.version,
              date: formatDateTime(catalogue.updatedAt),
            })
          : t("placement.criteria.noVersion")}
      </Text>
      <FormAlert message={removeError} />
      {catalogue.criteria.length === 0 ? (
        <Text>{t("placement.criteria.none")}</Text>
      ) : (
        <ResponsiveTable
          caption={t("placement.criteria.tableLabel")}
          columns={columns}
          rows={catalogue.criteria}
          rowKey={(c) => c.id}
          testId="criteria-list"
          rowTestId="criterion-row"
        />
      )}
      <Modal
        opened={opened}
        onClose={close}
        title={editing ? t("placement.criteria.editTitle") : t("placement.criteria.addTitle")}
        centered
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {opened && <CriterionForm slug={slug} criterion={editing} takenFacts={takenFacts} onDone={close} />}
      </Modal>
    </Stack>
  );
}

function CriteriaSettings({ membership }: { membership: MyMembership }) {
  const catalogue = useCatalogue(membership.slug);
  return (
    <QueryState query={catalogue}>
      {(data) => <Catalogue membership={membership} catalogue={data} />}
    </QueryState>
  );
}

/** "vermittlung/kriterien": the office's catalogue of allocation criteria — add, edit, publish, remove. */
export function CriteriaPage() {
  return (
    <OrgGuard roles={["admin", "coordinator"]}>
      {(membership) => <CriteriaSettings membership={membership} />}
    </OrgGuard>
  );
}
