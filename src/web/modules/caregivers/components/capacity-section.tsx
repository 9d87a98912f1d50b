import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { capacityProfileInput } from "../../../../contracts/caregivers";
import { del, put } from "../../../app/api";
import { applyApiErrors } from "../../../components/form-errors";
import { useSchemaValidation } from "../../../components/zod-form";
import {
  type CaregiverDetail,
  caregiverKeys,
  currentLicence,
  profileInEffectOn,
  useDefaultMaxChildren,
} from "../api";
import { formatDate, orgApi, today } from "../format";
import { useSaveMutation } from "../mutation";
import { CapacityEditor, capacityErrors, rowsToSlots, type SlotRow, slotsToRows } from "./capacity-editor";
import { ProfileSlots, WeekView } from "./capacity-view";
import { ConfirmDelete } from "./confirm-delete";
import { FormDialog } from "./dialog";
import { FormAlert, focusFirstError } from "./form-alert";
import { Section } from "./page";

interface Props {
  orgSlug: string;
  detail: CaregiverDetail;
  canEdit: boolean;
}

/** Weekly capacity: the profiles by the date they take effect, and this week's places, children and free places. */
export function CapacitySection({ orgSlug, detail, canEdit }: Props) {
  const { t, i18n } = useTranslation();
  const [isAdding, setAdding] = useState(false);
  const todayIso = detail.today;
  const inEffect = profileInEffectOn(detail.capacityProfiles, todayIso);
  const sorted = [...detail.capacityProfiles].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const remove = useSaveMutation({
    mutationFn: (profileId: string) =>
      del<CaregiverDetail>(`${orgApi(orgSlug)}/caregivers/${detail.id}/capacity-profiles/${profileId}`),
    successMessage: t("registry.capacity.deleted"),
    invalidate: [caregiverKeys.all(orgSlug)],
  });

  return (
    <Section
      title={t("registry.capacity.title")}
      testId="capacity-section"
      actions={
        canEdit && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setAdding(true)}
            data-testid="capacity-add"
          >
            {t("registry.capacity.add")}
          </Button>
        )
      }
    >
      <Title order={3} size="h4">
        {t("registry.week.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("registry.week.intro")}
      </Text>
      <WeekView week={detail.week} />

      <Title order={3} size="h4" mt="sm">
        {t("registry.capacity.profiles")}
      </Title>
      {sorted.length === 0 && <Text c="dimmed">{t("registry.capacity.none")}</Text>}
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {sorted.map((p) => {
          const isCurrent = inEffect?.id === p.id;
          const isFuture = p.effectiveFrom > todayIso;
          return (
            <Card component="li" withBorder padding="sm" key={p.id} data-testid="capacity-profile">
              <Stack gap={6}>
                <Group justify="space-between" gap="xs">
                  <Group gap="xs">
                    <Text fw={600}>
                      {t("registry.capacity.fromDate", { date: formatDate(p.effectiveFrom, i18n.language) })}
                    </Text>
                    {isCurrent && (
                      <Badge color="blue.9" tt="none">
                        {t("registry.capacity.current")}
                      </Badge>
                    )}
                    {isFuture && (
                      <Badge color="gray.8" tt="none">
                        {t("registry.capacity.future")}
                      </Badge>
                    )}
                  </Group>
                  {canEdit && (
                    <ConfirmDelete
                      label={t("registry.capacity.deleteNamed", {
                        date: formatDate(p.effectiveFrom, i18n.language),
                      })}
                      question={t("registry.capacity.deleteQuestion")}
                      onConfirm={() => remove.mutateAsync(p.id)}
                      isPending={remove.isPending}
                    />
                  )}
                </Group>
                <ProfileSlots slots={p.slots} />
              </Stack>
            </Card>
          );
        })}
      </Stack>
      <FormDialog opened={isAdding} onClose={() => setAdding(false)} title={t("registry.capacity.add")}>
        <CapacityForm
          orgSlug={orgSlug}
          detail={detail}
          initialRows={slotsToRows(inEffect?.slots ?? [])}
          onDone={() => setAdding(false)}
        />
      </FormDialog>
    </Section>
  );
}

interface FormValues {
  effectiveFrom: string;
  slots: SlotRow[];
}

function CapacityForm({
  orgSlug,
  detail,
  initialRows,
  onDone,
}: {
  orgSlug: string;
  detail: CaregiverDetail;
  initialRows: SlotRow[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const defaultMax = useDefaultMaxChildren(orgSlug);
  const maxChildren = currentLicence(detail, detail.today)?.maxChildren ?? defaultMax;
  const [alert, setAlert] = useState<string | null>(null);
  const validateBody = useSchemaValidation(capacityProfileInput);
  const toBody = (values: FormValues) => ({
    effectiveFrom: values.effectiveFrom,
    slots: rowsToSlots(values.slots),
  });
  const form = useForm<FormValues>({
    initialValues: { effectiveFrom: today(), slots: initialRows },
    validate: (values) => ({
      ...validateBody(toBody(values)),
      ...capacityErrors(values.slots, maxChildren, "", t),
    }),
  });
  const save = useSaveMutation({
    mutationFn: (body: ReturnType<typeof toBody>) =>
      put<CaregiverDetail>(`${orgApi(orgSlug)}/caregivers/${detail.id}/capacity-profiles`, body),
    successMessage: t("registry.capacity.saved"),
    invalidate: [caregiverKeys.all(orgSlug)],
    onSuccess: onDone,
    onError: (error) => setAlert(applyApiErrors(error, form.setFieldError, "capacity.")),
  });
  const submit = form.onSubmit(
    (values) => {
      setAlert(null);
      save.mutate(toBody(values));
    },
    () => {
      setAlert(t("errors.validation"));
      focusFirstError();
    },
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("registry.capacity.addIntro")}</Text>
        <TextInput
          type="date"
          label={t("registry.capacity.effectiveFrom")}
          required
          maw={260}
          {...form.getInputProps("effectiveFrom")}
        />
        <CapacityEditor form={form} prefix="" rows={form.getValues().slots} maxChildren={maxChildren} />
        <FormAlert message={alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="capacity-submit">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
