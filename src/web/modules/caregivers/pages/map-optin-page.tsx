import { Anchor, Button, Grid, Group, List, Loader, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconMapPin, IconMapPinOff } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { mapEntryInput } from "../../../../contracts/caregivers";
import { del, put } from "../../../app/api";
import { applyApiErrors } from "../../../components/form-errors";
import { useSchemaValidation } from "../../../components/zod-form";
import { caregiverKeys, type MyMapEntry, useMyMapEntry } from "../api";
import { FormAlert, focusFirstError, LoadError, Notice } from "../components/form-alert";
import { PageHeader, Section } from "../components/page";
import { emptyToNull, orgApi } from "../format";
import { useSaveMutation } from "../mutation";

interface FormValues {
  displayName: string;
  postalCode: string;
  town: string;
  contactUrl: string;
}

const toBody = (values: FormValues) => ({ ...values, contactUrl: emptyToNull(values.contactUrl) });

/** "karte": a member decides whether, and under which name, she appears on the association's public map. */
export function MapOptInPage() {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const entry = useMyMapEntry(orgSlug);

  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t("map.mine.title")} />
      {entry.isPending && <Loader role="status" aria-label={t("common.loading")} />}
      {entry.isError && <LoadError error={entry.error} />}
      {entry.isSuccess && <EntryForm orgSlug={orgSlug} entry={entry.data} key={entry.data ? "on" : "off"} />}
      {!entry.isSuccess && <HowItWorks orgSlug={orgSlug} />}
    </Stack>
  );
}

/** What joining the map means: opt-in, an approximate point, no free places, removal at once. */
function HowItWorks({ orgSlug }: { orgSlug: string }) {
  const { t } = useTranslation();
  return (
    <Section title={t("map.mine.howTitle")}>
      <List size="sm" spacing={4}>
        <List.Item>{t("map.mine.ruleOptIn")}</List.Item>
        <List.Item>{t("map.mine.ruleApproximate")}</List.Item>
        <List.Item>{t("map.mine.ruleNoPlaces")}</List.Item>
        <List.Item>{t("map.mine.ruleRemove")}</List.Item>
      </List>
      <Anchor component={Link} to={`/o/${orgSlug}`} size="sm" w="fit-content">
        {t("map.mine.viewPublic")}
      </Anchor>
    </Section>
  );
}

function EntryForm({ orgSlug, entry }: { orgSlug: string; entry: MyMapEntry }) {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);
  const validateBody = useSchemaValidation(mapEntryInput);
  const form = useForm<FormValues>({
    initialValues: {
      displayName: entry?.displayName ?? "",
      postalCode: entry?.postalCode ?? "",
      town: entry?.town ?? "",
      contactUrl: entry?.contactUrl ?? "",
    },
    validate: (values) => validateBody(toBody(values)),
  });
  const invalidate = [caregiverKeys.myMap(orgSlug), caregiverKeys.publicMap(orgSlug)];
  const save = useSaveMutation({
    mutationFn: (body: ReturnType<typeof toBody>) => put<MyMapEntry>(`${orgApi(orgSlug)}/map/me`, body),
    successMessage: entry ? t("map.mine.updated") : t("map.mine.added"),
    invalidate,
    onError: (error) => setAlert(applyApiErrors(error, form.setFieldError)),
  });
  const remove = useSaveMutation({
    mutationFn: () => del<unknown>(`${orgApi(orgSlug)}/map/me`),
    successMessage: t("map.mine.removed"),
    invalidate,
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
    <>
      {entry ? (
        <Notice
          color="teal"
          icon={<IconMapPin aria-hidden="true" />}
          title={t("map.mine.onMap")}
          role="status"
          testId="map-status"
        >
          {t("map.mine.onMapText", { name: entry.displayName, town: entry.town })}
        </Notice>
      ) : (
        <Notice
          color="gray"
          icon={<IconMapPinOff aria-hidden="true" />}
          title={t("map.mine.notOnMap")}
          role="status"
          testId="map-status"
        >
          {t("map.mine.notOnMapText")}
        </Notice>
      )}
      <HowItWorks orgSlug={orgSlug} />
      <Section title={entry ? t("map.mine.editTitle") : t("map.mine.joinTitle")}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t("map.fields.displayName")}
              description={t("map.fields.displayNameHint")}
              required
              {...form.getInputProps("displayName")}
            />
            <Grid>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput
                  label={t("map.fields.postalCode")}
                  required
                  inputMode="numeric"
                  maxLength={5}
                  {...form.getInputProps("postalCode")}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <TextInput label={t("map.fields.town")} required {...form.getInputProps("town")} />
              </Grid.Col>
            </Grid>
            <TextInput
              label={t("map.fields.contactUrl")}
              description={t("map.fields.contactUrlHint")}
              inputMode="url"
              {...form.getInputProps("contactUrl")}
            />
            <Text size="sm" c="dimmed">
              {t("map.mine.approximateNote")}
            </Text>
            <FormAlert message={alert} />
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="map-optin-submit">
                {entry ? t("map.mine.save") : t("map.mine.join")}
              </Button>
              {entry && (
                <Button
                  color="red.9"
                  variant="outline"
                  loading={remove.isPending}
                  onClick={() => remove.mutate(undefined)}
                  data-testid="map-optout"
                >
                  {t("map.mine.remove")}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Section>
    </>
  );
}
