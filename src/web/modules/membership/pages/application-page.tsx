import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Container,
  Group,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconMailCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  type ApplicationBody,
  applicationBody,
  type ContactPreference,
  contactPreferences,
  type MembershipFormInfo,
} from "../../../../contracts/membership";
import type { PublicOrganisation } from "../../../../contracts/organisations";
import { post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useFormError } from "../../../components/notify";
import { PageHeader } from "../../../components/page-header";
import { usePageMeta } from "../../../components/page-meta";
import { QueryState } from "../../../components/query-state";
import { useSchemaValidation } from "../../../components/zod-form";
import { usePublicOrganisation } from "../../organisations/api";
import { publicMembershipApi, useMembershipForm } from "../api";

type Values = Omit<ApplicationBody, "places"> & { places: number | string };

const emptyValues: Values = {
  name: "",
  email: "",
  phone: "",
  postalCode: "",
  town: "",
  isActiveCaregiver: false,
  places: "",
  contactPreference: "email",
  acceptsStatutes: false,
  acceptsPrivacy: false,
  website: "",
};

function toBody(values: Values): ApplicationBody {
  return {
    ...values,
    places: values.isActiveCaregiver && values.places !== "" ? Number(values.places) : null,
  };
}

function FormSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} fz="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function ApplicationForm({
  organisation,
  info,
  onSent,
}: {
  organisation: PublicOrganisation;
  info: MembershipFormInfo;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const validate = useSchemaValidation<ApplicationBody>(applicationBody);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: emptyValues,
    validate: (values) => validate(toBody(values)),
  });
  const send = useMutation({
    mutationFn: (values: Values) =>
      post(`${publicMembershipApi(organisation.slug)}/membership-applications`, toBody(values)),
    onMutate: () => setFormError(null),
    onSuccess: onSent,
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => send.mutate(values), onInvalid)}
      noValidate
      data-testid="membership-form"
    >
      <Stack gap="lg">
        <FormSection id="person-titel" title={t("membership.form.personTitle")}>
          <TextInput
            label={t("membership.form.name")}
            required
            autoComplete="name"
            {...form.getInputProps("name")}
          />
          <TextInput
            label={t("membership.form.email")}
            required
            type="email"
            autoComplete="email"
            {...form.getInputProps("email")}
          />
          <TextInput
            label={t("membership.form.phone")}
            type="tel"
            autoComplete="tel"
            {...form.getInputProps("phone")}
          />
          {/* A field people never see; bots fill it in and their application is dropped. */}
          <div
            aria-hidden="true"
            style={{ position: "absolute", left: "-10000px", height: 1, overflow: "hidden" }}
          >
            <TextInput
              label={t("membership.form.honeypot")}
              tabIndex={-1}
              autoComplete="off"
              {...form.getInputProps("website")}
            />
          </div>
        </FormSection>
        <FormSection id="pflegestelle-titel" title={t("membership.form.placeTitle")}>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t("membership.form.postalCode")}
              inputMode="numeric"
              autoComplete="postal-code"
              miw={140}
              {...form.getInputProps("postalCode")}
            />
            <TextInput
              label={t("membership.form.town")}
              autoComplete="address-level2"
              miw={160}
              {...form.getInputProps("town")}
            />
          </Group>
          <Checkbox
            label={t("membership.form.isActiveCaregiver")}
            data-testid="membership-caregiver"
            {...form.getInputProps("isActiveCaregiver", { type: "checkbox" })}
          />
          {form.values.isActiveCaregiver && (
            <NumberInput
              label={t("membership.form.places")}
              min={1}
              max={10}
              allowDecimal={false}
              w={200}
              {...form.getInputProps("places")}
            />
          )}
        </FormSection>
        <FormSection id="kontakt-titel" title={t("membership.form.contactTitle")}>
          <Radio.Group
            label={t("membership.form.contactPreference")}
            value={form.values.contactPreference}
            onChange={(value) => form.setFieldValue("contactPreference", value as ContactPreference)}
          >
            <Group gap="md" mt={6}>
              {contactPreferences.map((preference) => (
                <Radio
                  key={preference}
                  value={preference}
                  label={t(`membership.contactPreference.${preference}`)}
                />
              ))}
            </Group>
          </Radio.Group>
        </FormSection>
        <FormSection id="zustimmung-titel" title={t("membership.form.consentTitle")}>
          {info.statutesUrl || info.privacyUrl ? (
            <Group gap="md">
              {info.statutesUrl && (
                <Anchor href={info.statutesUrl} target="_blank" rel="noopener noreferrer">
                  {t("membership.form.statutesLink")}
                </Anchor>
              )}
              {info.privacyUrl && (
                <Anchor href={info.privacyUrl} target="_blank" rel="noopener noreferrer">
                  {t("membership.form.privacyLink")}
                </Anchor>
              )}
            </Group>
          ) : (
            <Text size="sm">{t("membership.form.noDocuments")}</Text>
          )}
          <Checkbox
            label={t("membership.form.acceptsStatutes")}
            data-testid="membership-statutes"
            {...form.getInputProps("acceptsStatutes", { type: "checkbox" })}
          />
          <Checkbox
            label={t("membership.form.acceptsPrivacy")}
            data-testid="membership-privacy"
            {...form.getInputProps("acceptsPrivacy", { type: "checkbox" })}
          />
        </FormSection>
        <FormAlert message={formError} />
        <Button type="submit" size="md" loading={send.isPending} fullWidth data-testid="membership-submit">
          {t("membership.form.submit")}
        </Button>
      </Stack>
    </form>
  );
}

function Content({ organisation }: { organisation: PublicOrganisation }) {
  const { t } = useTranslation();
  const isAssociation = organisation.kind === "association";
  const info = useMembershipForm(organisation.slug, isAssociation);
  const [isSent, setSent] = useState(false);
  const back = (
    <Anchor component={Link} to={`/o/${organisation.slug}`}>
      {t("membership.form.back", { organisation: organisation.name })}
    </Anchor>
  );
  if (!isAssociation) {
    return (
      <Stack>
        <PageHeader title={t("membership.linkCard.title")} />
        <Text>{t("membership.form.notAssociation")}</Text>
        {back}
      </Stack>
    );
  }
  if (isSent) {
    return (
      <Stack gap="md" data-testid="membership-sent">
        <PageHeader title={t("membership.form.sentTitle")} />
        <Alert color="teal" variant="light" icon={<IconMailCheck aria-hidden="true" />} role="status">
          <Text c="var(--mantine-color-text)">{t("membership.form.sent")}</Text>
        </Alert>
        {back}
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("membership.form.title", { organisation: organisation.name })}
        description={t("membership.form.intro")}
      />
      <QueryState query={info}>
        {(formInfo) => (
          <ApplicationForm
            organisation={organisation}
            info={formInfo}
            onSent={() => {
              setSent(true);
              window.scrollTo({ top: 0 });
            }}
          />
        )}
      </QueryState>
    </Stack>
  );
}

/** /o/:slug/mitglied-werden: the public membership application of an association, phone first. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const organisation = usePublicOrganisation(slug);
  const name = organisation.data?.name;
  usePageMeta(
    name ? t("membership.form.title", { organisation: name }) : null,
    name ? t("membership.form.metaDescription", { organisation: name }) : null,
  );
  return (
    <Container size="sm" px={0} py={{ base: 0, sm: "md" }}>
      <QueryState query={organisation}>{(org) => <Content organisation={org} />}</QueryState>
    </Container>
  );
}
