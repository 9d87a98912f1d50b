import { Alert, Anchor, Button, Container, Paper, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconMailCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PublicOrganisation } from "../../../../contracts/organisations";
import { type PublishedCriteria, publicRequestBody } from "../../../../contracts/placement";
import { post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useFormError } from "../../../components/notify";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { usePublicOrganisation } from "../../organisations/api";
import { publicApi, usePublishedCriteria } from "../api";
import {
  CareFields,
  ChildFields,
  ContactFields,
  CriteriaFields,
  emptyRequest,
  NeedsFields,
  PlaceFields,
  type RequestFormValues,
  toPublicBody,
  useRequestValidation,
  WishesFields,
} from "../components/request-fields";

function RequestForm({
  organisation,
  criteria,
  onSent,
}: {
  organisation: PublicOrganisation;
  criteria: PublishedCriteria;
  onSent: (email: string) => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<RequestFormValues>({
    mode: "controlled",
    initialValues: emptyRequest(),
    validate: useRequestValidation(publicRequestBody, toPublicBody),
  });
  const send = useMutation({
    mutationFn: (values: RequestFormValues) =>
      post(`${publicApi(organisation.slug)}/placement-requests`, toPublicBody(values)),
    onMutate: () => setFormError(null),
    onSuccess: (_result, values) => onSent(values.email.trim()),
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => send.mutate(values), onInvalid)}
      noValidate
      data-testid="request-form"
    >
      <Stack gap="lg">
        <ChildFields form={form} />
        <CareFields form={form} />
        <PlaceFields form={form} />
        <WishesFields form={form} />
        <CriteriaFields form={form} criteria={criteria} organisationName={organisation.name} />
        <NeedsFields form={form} />
        <ContactFields form={form} />
        <Paper
          withBorder
          p={{ base: "md", sm: "lg" }}
          component="section"
          aria-labelledby="datenschutz-titel"
        >
          <Stack gap="xs">
            <Title order={2} fz="h3" id="datenschutz-titel">
              {t("placement.form.privacyTitle")}
            </Title>
            <Text size="sm">{t("placement.form.privacyText", { organisation: organisation.name })}</Text>
          </Stack>
        </Paper>
        <FormAlert message={formError} />
        <Button type="submit" size="md" loading={send.isPending} fullWidth data-testid="request-submit">
          {t("placement.form.submit")}
        </Button>
      </Stack>
    </form>
  );
}

function Sent({ email, organisation }: { email: string; organisation: PublicOrganisation }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="request-sent">
      <PageHeader title={t("placement.public.sentTitle")} />
      <Alert color="teal" variant="light" icon={<IconMailCheck aria-hidden="true" />} role="status">
        <Text c="var(--mantine-color-text)">{t("placement.public.sentText", { email })}</Text>
      </Alert>
      <Text size="sm">{t("placement.public.sentSpam")}</Text>
      <Anchor component={Link} to={`/o/${organisation.slug}`}>
        {t("placement.public.backToOrganisation", { organisation: organisation.name })}
      </Anchor>
    </Stack>
  );
}

/** /o/:slug/anfrage: the public request form, for parents without an account, phone first. */
export function PublicRequestPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const organisation = usePublicOrganisation(slug);
  const isOffice = organisation.data?.kind === "coordinationOffice";
  const criteria = usePublishedCriteria(slug, isOffice);
  const [sentTo, setSentTo] = useState<string | null>(null);

  return (
    <Container size="sm" px={0} py={{ base: 0, sm: "md" }}>
      <QueryState query={organisation}>
        {(org) => {
          if (org.kind !== "coordinationOffice") {
            return (
              <Stack>
                <PageHeader title={t("placement.public.title")} />
                <Text>{t("placement.public.notOffered")}</Text>
              </Stack>
            );
          }
          if (sentTo) return <Sent email={sentTo} organisation={org} />;
          return (
            <Stack gap="lg">
              <PageHeader
                title={t("placement.public.title")}
                description={t("placement.public.intro", { organisation: org.name })}
              />
              <QueryState query={criteria}>
                {(published) => (
                  <RequestForm
                    organisation={org}
                    criteria={published}
                    onSent={(email) => {
                      setSentTo(email);
                      window.scrollTo({ top: 0 });
                    }}
                  />
                )}
              </QueryState>
            </Stack>
          );
        }}
      </QueryState>
    </Container>
  );
}
