import { Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Loading } from "../../../components/loading";
import { usePageMeta } from "../../../components/page-meta";
import { usePublicOrganisation } from "../../organisations/api";
import { ContactBlock } from "../../organisations/components/contact-block";
import { usePublicSite } from "../api";
import { ContactForm } from "../components/contact-form";
import { SiteQueryError } from "../components/site-not-found";

/** /o/:slug/kontakt: address, phone, mail, and the contact form when the organisation has an inbox. */
export function ContactPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const organisation = usePublicOrganisation(slug);
  const site = usePublicSite(slug);
  usePageMeta(organisation.data ? `${t("site.contact.title")} – ${organisation.data.name}` : null);
  if (organisation.isPending || site.isPending) return <Loading />;
  if (organisation.isError)
    return (
      <SiteQueryError slug={slug} error={organisation.error} onRetry={() => void organisation.refetch()} />
    );
  if (site.isError)
    return <SiteQueryError slug={slug} error={site.error} onRetry={() => void site.refetch()} />;
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1} fz={{ base: 26, sm: 34 }}>
        {t("site.contact.title")}
      </Title>
      <ContactBlock organisation={organisation.data} />
      <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="nachricht-titel">
        <Stack gap="sm">
          <Title order={2} fz="h3" id="nachricht-titel">
            {t("site.contact.formTitle")}
          </Title>
          {site.data.hasContactForm ? (
            <ContactForm slug={slug} organisationName={organisation.data.name} />
          ) : (
            <Text>{t("site.contact.unavailable")}</Text>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

export default ContactPage;
