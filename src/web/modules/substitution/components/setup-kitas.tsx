import {
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  type KitaArchived,
  type KitaDto,
  type KitaInput,
  kitaInput,
} from "../../../../contracts/substitution";
import { del, post, put } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert, FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useWeekdayNames } from "../../../components/format";
import { notifySuccess, useFormError } from "../../../components/notify";
import {
  type CareTimeRow,
  CareTimesEditor,
  careTimeErrors,
  toCareTimes,
  toRows,
} from "../../placement/components/care-times-editor";
import { refreshSubstitution, substitutionApi, useKitas } from "../api";
import { useSubstitutionFormat } from "../format";
import { SetupList } from "./setup-list";

interface Values {
  name: string;
  contact: string;
  street: string;
  postalCode: string;
  town: string;
  places: number | string;
  ageMinMonths: number | string;
  ageMaxMonths: number | string;
  /** The opening hours, named as the shared week editor expects. */
  careTimes: CareTimeRow[];
}

const toBody = (values: Values): KitaInput => ({
  name: values.name,
  contact: values.contact,
  street: values.street,
  postalCode: values.postalCode,
  town: values.town,
  places: Number(values.places),
  ageMinMonths: Number(values.ageMinMonths),
  ageMaxMonths: Number(values.ageMaxMonths),
  hours: toCareTimes(values.careTimes),
});

/** The API's "hours.2.to" is the week editor's "careTimes.2.to". */
const formPath = (path: string) => (path.startsWith("hours") ? path.replace(/^hours/, "careTimes") : path);

function KitaForm({ slug, kita, onDone }: { slug: string; kita: KitaDto | null; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<Values>({
    initialValues: {
      name: kita?.name ?? "",
      contact: kita?.contact ?? "",
      street: kita?.street ?? "",
      postalCode: kita?.postalCode ?? "",
      town: kita?.town ?? "",
      places: kita?.places ?? 2,
      ageMinMonths: kita?.ageMinMonths ?? 12,
      ageMaxMonths: kita?.ageMaxMonths ?? 72,
      careTimes: toRows(kita?.hours ?? [1, 2, 3, 4, 5].map((day) => ({ day, from: "07:30", to: "16:30" }))),
    },
    validate: (values) => {
      const errors: Record<string, string> = { ...careTimeErrors(values.careTimes, t) };
      const result = kitaInput.safeParse(toBody(values));
      if (!result.success) {
        for (const issue of result.error.issues) {
          const path = formPath(issue.path.join("."));
          errors[path] ??= issue.message.startsWith("v.")
            ? t(`validation.${issue.message.slice(2)}`)
            : issue.message;
        }
      }
      if (Number(values.ageMaxMonths) < Number(values.ageMinMonths)) {
        errors.ageMaxMonths ??= t("validation.ageRange");
      }
      return errors;
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      kita
        ? put<KitaDto>(`${substitutionApi(slug)}/kitas/${encodeURIComponent(kita.id)}`, toBody(values))
        : post<KitaDto>(`${substitutionApi(slug)}/kitas`, toBody(values)),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.kitas.saved"));
      onDone();
    },
    onError: (error) =>
      setFormError(applyApiErrors(error, (path, message) => form.setFieldError(formPath(path), message))),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      }, onInvalid)}
      noValidate
      data-testid="kita-form"
    >
      <Stack gap="md">
        <FormAlert message={formError} />
        <TextInput label={t("substitution.kitas.name")} withAsterisk {...form.getInputProps("name")} />
        <Textarea
          label={t("substitution.kitas.contact")}
          autosize
          minRows={2}
          {...form.getInputProps("contact")}
        />
        <TextInput
          label={t("substitution.kitas.street")}
          withAsterisk
          autoComplete="street-address"
          {...form.getInputProps("street")}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t("substitution.kitas.postalCode")}
            withAsterisk
            inputMode="numeric"
            autoComplete="postal-code"
            {...form.getInputProps("postalCode")}
          />
          <TextInput label={t("substitution.kitas.town")} withAsterisk {...form.getInputProps("town")} />
        </SimpleGrid>
        <NumberInput
          label={t("substitution.kitas.places")}
          min={1}
          max={30}
          allowDecimal={false}
          maw={240}
          withAsterisk
          {...form.getInputProps("places")}
        />
        <SimpleGrid cols={2} spacing="sm" maw={480}>
          <NumberInput
            label={t("substitution.kitas.ageMin")}
            min={0}
            max={144}
            allowDecimal={false}
            {...form.getInputProps("ageMinMonths")}
          />
          <NumberInput
            label={t("substitution.kitas.ageMax")}
            min={0}
            max={144}
            allowDecimal={false}
            {...form.getInputProps("ageMaxMonths")}
          />
        </SimpleGrid>
        <Text size="sm" c="dimmed" mt={-8}>
          {t("substitution.kitas.ageHint")}
        </Text>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t("substitution.kitas.hoursHint")}
          </Text>
          <CareTimesEditor form={form} rows={form.values.careTimes} />
        </Stack>
        <Button type="submit" loading={save.isPending} w="fit-content" data-testid="kita-save">
          {t("substitution.kitas.save")}
        </Button>
      </Stack>
    </form>
  );
}

function KitaCard({ slug, kita, onEdit }: { slug: string; kita: KitaDto; onEdit: () => void }) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => del<KitaArchived>(`${substitutionApi(slug)}/kitas/${encodeURIComponent(kita.id)}`),
    onSuccess: async (answer) => {
      await refreshSubstitution(client, slug);
      notifySuccess(
        answer.moved > 0
          ? t("substitution.kitas.removedMoved", { count: answer.moved })
          : t("substitution.kitas.removed"),
      );
    },
  });
  const { weekdaysShort } = useWeekdayNames();
  const hours = kita.hours
    .map((h) => `${weekdaysShort[h.day - 1] ?? h.day} ${t("substitution.times", { from: h.from, to: h.to })}`)
    .join(", ");
  return (
    <Card component="li" withBorder padding="sm" data-testid="kita-card">
      <Stack gap={4}>
        <Text fw={700}>{kita.name}</Text>
        <Text size="sm">
          {kita.street}, {kita.postalCode} {kita.town}
        </Text>
        {kita.contact && (
          <Text size="sm" style={{ whiteSpace: "pre-line" }}>
            {kita.contact}
          </Text>
        )}
        <Text size="sm">
          {t("substitution.kitas.placesLine", { count: kita.places })} ·{" "}
          {t("substitution.kitas.ageLine", { from: f.age(kita.ageMinMonths), to: f.age(kita.ageMaxMonths) })}
        </Text>
        <Text size="sm" c="dimmed">
          {hours}
        </Text>
        <Group gap="xs" mt={4}>
          <Button
            size="compact-sm"
            variant="default"
            onClick={onEdit}
            aria-label={t("substitution.kitas.editFor", { name: kita.name })}
          >
            {t("substitution.kitas.edit")}
          </Button>
          <ConfirmButton
            size="compact-sm"
            variant="default"
            color="red"
            title={t("substitution.kitas.removeTitle")}
            message={t("substitution.kitas.removeText", { name: kita.name })}
            confirmLabel={t("substitution.kitas.remove")}
            onConfirm={() => remove.mutateAsync().catch(() => undefined)}
            loading={remove.isPending}
            aria-label={t("substitution.kitas.removeFor", { name: kita.name })}
          >
            {t("substitution.kitas.remove")}
          </ConfirmButton>
        </Group>
        {remove.isError && <ErrorAlert error={remove.error} />}
      </Stack>
    </Card>
  );
}

/** The cooperating Kitas with address, places, ages and opening hours. */
export function KitasTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const kitas = useKitas(slug);
  return (
    <SetupList
      intro={t("substitution.kitas.intro")}
      addLabel={t("substitution.kitas.add")}
      addTestId="kita-add"
      query={kitas}
      emptyText={t("substitution.kitas.empty")}
      list={(items, edit) => (
        <SimpleGrid
          cols={{ base: 1, md: 2 }}
          spacing="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
        >
          {items.map((kita) => (
            <KitaCard key={kita.id} slug={slug} kita={kita} onEdit={() => edit(kita)} />
          ))}
        </SimpleGrid>
      )}
      dialogTitle={(kita) =>
        kita === null
          ? t("substitution.kitas.addTitle")
          : t("substitution.kitas.editTitle", { name: kita.name })
      }
      form={(kita, _items, done) => <KitaForm slug={slug} kita={kita} onDone={done} />}
    />
  );
}
