import { Badge, Button, Container, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { Loading } from "../../../components/loading";
import { usePageMeta } from "../../../components/page-meta";
import { PublicMapSection } from "../../caregivers/public-map-section";
import { NextDatesSection } from "../../events/components/next-dates-section";
import { ExhibitionSection } from "../../exhibition/components/exhibition-section";
import { MembershipLinkCard } from "../../membership/components/membership-link-card";
import { RequestLinkCard } from "../../placement/components/request-link-card";
import { LatestNewsSection } from "../../site/components/latest-news-section";
import { CatalogueLinkCard } from "../../training/components/catalogue-link-card";
import { usePublicOrganisation } from "../api";
import { ContactBlock } from "../components/contact-block";

/**
 * /o/:slug: the home of an organisation's public website — who they are, the next dates, the latest news,
 * how to reach them, and (associations) the map. The site menu above it comes from the public layout.
 */
export function PublicOrganisationPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const query = usePublicOrganisation(slug);
  const organisation = query.data;
  usePageMeta(
    organisation?.name ?? (query.isError ? t("organisations.public.notFoundTitle") : null),
    organisation?.description || organisation?.name,
  );

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <Container size="sm" px={0} py="xl">
          <Stack>
            <Title order={1}>{t("organisations.public.notFoundTitle")}</Title>
            <Text>{t("organisations.public.notFoundText")}</Text>
            <Button component={Link} to="/" w="fit-content">
              {t("common.home")}
            </Button>
          </Stack>
        </Container>
      );
    }
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  const org = query.data;
  return (
    <Container size="md" px={0} py={{ base: 0, sm: "md" }}>
      <Stack gap="lg">
        <Stack gap="xs">
          <Badge variant="light" tt="none" size="lg" w="fit-content" data-testid="org-kind">
            {t(`organisationKinds.${org.kind}`)}
          </Badge>
          <Title order={1} fz={{ base: 26, sm: 34 }} style={{ overflowWrap: "anywhere" }}>
            {org.name}
          </Title>
        </Stack>
        {org.description && (
          <Text size="lg" style={{ whiteSpace: "pre-line" }} maw={720} data-testid="org-description">
            {org.description}
          </Text>
        )}
        {/* The events module's next public dates; youth offices hold none. */}
        {org.kind !== "youthOffice" && <NextDatesSection slug={org.slug} />}
        {/* The site module's newest posts. */}
        <LatestNewsSection slug={org.slug} />
        {/* The exhibition module's photo exhibition, while one is on show. */}
        <ExhibitionSection slug={org.slug} />
        {/* The placement module's request form; only coordination offices place children. */}
        {org.kind === "coordinationOffice" && <RequestLinkCard slug={org.slug} />}
        {/* The training module's public catalogue; offices and associations both run courses. */}
        {org.kind !== "youthOffice" && <CatalogueLinkCard slug={org.slug} />}
        {org.kind === "association" && <MembershipLinkCard slug={org.slug} />}
        <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="kontakt-titel">
          <Stack gap="sm">
            <Title order={2} fz="h3" id="kontakt-titel">
              {t("organisations.contact.title")}
            </Title>
            <ContactBlock organisation={org} />
            {org.email && (
              <Button
                component={Link}
                to={`/o/${encodeURIComponent(org.slug)}/kontakt`}
                variant="light"
                w="fit-content"
                data-testid="contact-form-link"
              >
                {t("site.contact.formTitle")}
              </Button>
            )}
          </Stack>
        </Paper>
        {/* The caregivers module's public map (opt-in entries of members); only associations have one. */}
        {org.hasMap && <PublicMapSection slug={org.slug} />}
      </Stack>
    </Container>
  );
}
