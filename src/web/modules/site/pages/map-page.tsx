import { Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError } from "../../../app/api";
import { Loading } from "../../../components/loading";
import { usePageMeta } from "../../../components/page-meta";
import { PublicMapSection } from "../../caregivers/public-map-section";
import { usePublicOrganisation } from "../../organisations/api";
import { SiteQueryError } from "../components/site-not-found";

/** /o/:slug/karte: the members' map on a page of its own (associations only; elsewhere "not found"). */
export function MapPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const organisation = usePublicOrganisation(slug);
  usePageMeta(organisation.data ? `${t("site.map.title")} – ${organisation.data.name}` : null);
  if (organisation.isPending) return <Loading />;
  if (organisation.isError)
    return (
      <SiteQueryError slug={slug} error={organisation.error} onRetry={() => void organisation.refetch()} />
    );
  if (!organisation.data.hasMap) {
    return <SiteQueryError slug={slug} error={new ApiError(404, "notFound", "")} onRetry={() => undefined} />;
  }
  return (
    <Stack gap="lg">
      <Title order={1} fz={{ base: 26, sm: 34 }}>
        {t("site.map.title")}
      </Title>
      <PublicMapSection slug={slug} />
    </Stack>
  );
}

export default MapPage;
