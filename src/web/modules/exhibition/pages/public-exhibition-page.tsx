import { Anchor, Image, Modal, SimpleGrid, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PublicExhibitionPhoto } from "../../../../contracts/exhibition";
import { Loading } from "../../../components/loading";
import { usePageMeta } from "../../../components/page-meta";
import { SiteQueryError } from "../../site/components/site-not-found";
import { usePublicExhibition } from "../api";

function Caption({ photo }: { photo: PublicExhibitionPhoto }) {
  const { t } = useTranslation();
  if (!photo.caption && !photo.credit) return null;
  return (
    <Stack gap={2} component="figcaption" mt={6}>
      {photo.caption && <Text size="sm">{photo.caption}</Text>}
      {photo.credit && (
        <Text size="xs" c="dimmed">
          {t("exhibition.public.credit", { credit: photo.credit })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * /o/:slug/ausstellung/:exhibitionSlug: the photos as a grid of figures with their captions; a photo opens
 * larger in a dialog. Thumbnails load as they scroll into view, which matters on a phone.
 */
export function PublicExhibitionPage() {
  const { t } = useTranslation();
  const { slug = "", exhibitionSlug = "" } = useParams();
  const query = usePublicExhibition(slug, exhibitionSlug);
  const [open, setOpen] = useState<PublicExhibitionPhoto | null>(null);
  const exhibition = query.data;
  usePageMeta(
    exhibition ? `${exhibition.title} – ${exhibition.organisationName}` : null,
    exhibition?.description || exhibition?.title,
  );
  if (query.isError)
    return <SiteQueryError slug={slug} error={query.error} onRetry={() => void query.refetch()} />;
  if (!exhibition) return <Loading />;
  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to={`/o/${encodeURIComponent(slug)}/ausstellung`} w="fit-content">
        <IconArrowLeft size={16} aria-hidden="true" style={{ verticalAlign: "-3px" }} />{" "}
        {t("exhibition.public.back")}
      </Anchor>
      <Title order={1} fz={{ base: 26, sm: 34 }}>
        {exhibition.title}
      </Title>
      {exhibition.description && (
        <Text size="lg" maw={720} style={{ whiteSpace: "pre-line" }}>
          {exhibition.description}
        </Text>
      )}
      {exhibition.photos.length === 0 && <Text c="dimmed">{t("exhibition.public.photosEmpty")}</Text>}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg" data-testid="exhibition-photos">
        {exhibition.photos.map((photo) => (
          <figure key={photo.id} style={{ margin: 0 }} data-testid="exhibition-photo">
            <UnstyledButton
              onClick={() => setOpen(photo)}
              aria-label={t("exhibition.public.enlarge", { alt: photo.altText })}
              style={{ display: "block", width: "100%" }}
            >
              <Image
                src={photo.thumbUrl}
                alt={photo.altText}
                loading="lazy"
                radius="sm"
                w="100%"
                h="auto"
                style={{ aspectRatio: `${photo.width} / ${photo.height}`, objectFit: "cover" }}
              />
            </UnstyledButton>
            <Caption photo={photo} />
          </figure>
        ))}
      </SimpleGrid>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        size="auto"
        centered
        title={open?.caption || exhibition.title}
        closeButtonProps={{ "aria-label": t("exhibition.public.close") }}
      >
        {open && (
          <figure style={{ margin: 0 }}>
            <Image
              src={open.imageUrl}
              alt={open.altText}
              mah="80vh"
              maw="100%"
              w="auto"
              fit="contain"
              style={{ aspectRatio: `${open.width} / ${open.height}` }}
            />
            {open.credit && (
              <Text size="xs" c="dimmed" mt={6} component="figcaption">
                {t("exhibition.public.credit", { credit: open.credit })}
              </Text>
            )}
          </figure>
        )}
      </Modal>
    </Stack>
  );
}

export default PublicExhibitionPage;
