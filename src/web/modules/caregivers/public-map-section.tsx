import { Anchor, Box, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { IconMapPin } from "@tabler/icons-react";
import { lazy, Suspense, useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type PublicMapEntry, usePublicMap } from "./api";
import { Notice } from "./components/form-alert";
import { MapBoundary } from "./components/map-boundary";
import { isSafeContactUrl } from "./format";

// Leaflet and its styles load only when an association's page actually shows a map.
const PublicMapLeaflet = lazy(() => import("./public-map-leaflet"));

function groupByTown(entries: PublicMapEntry[], locale: string): [string, PublicMapEntry[]][] {
  const groups = new Map<string, PublicMapEntry[]>();
  for (const entry of entries) {
    const list = groups.get(entry.town) ?? [];
    list.push(entry);
    groups.set(entry.town, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, locale))
    .map(([town, list]) => [town, list.sort((a, b) => a.displayName.localeCompare(b.displayName, locale))]);
}

/**
 * The association's opt-in map on its public page: a Leaflet map as an enhancement and, always, the same
 * entries as a list by town, so the page works without map tiles, by keyboard and with a screen reader.
 */
export function PublicMapSection({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const query = usePublicMap(slug);
  const [tilesFailed, setTilesFailed] = useState(false);
  const onTilesFailed = useCallback(() => setTilesFailed(true), []);

  return (
    <Paper
      component="section"
      withBorder
      p={{ base: "sm", sm: "md" }}
      aria-labelledby={headingId}
      data-testid="public-map-section"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {t("map.public.title")}
        </Title>
        <Text size="sm">{t("map.public.intro")}</Text>
        {query.isPending && <Loader role="status" aria-label={t("common.loading")} />}
        {query.isError && (
          <Notice color="red" role="alert">
            {t("map.public.loadError")}
          </Notice>
        )}
        {query.data && query.data.entries.length === 0 && (
          <Text c="dimmed" data-testid="map-empty">
            {t("map.public.empty")}
          </Text>
        )}
        {query.data && query.data.entries.length > 0 && (
          <>
            {tilesFailed ? (
              <Notice color="gray">{t("map.public.tilesFailed")}</Notice>
            ) : (
              <MapBoundary fallback={<Notice color="gray">{t("map.public.tilesFailed")}</Notice>}>
                <Suspense
                  fallback={<Box h={280} aria-hidden="true" bg="gray.1" style={{ borderRadius: 8 }} />}
                >
                  <PublicMapLeaflet map={query.data} onTilesFailed={onTilesFailed} />
                </Suspense>
              </MapBoundary>
            )}
            <Title order={3} size="h4">
              {t("map.public.listTitle", { count: query.data.entries.length })}
            </Title>
            <Stack gap="sm" data-testid="map-list">
              {groupByTown(query.data.entries, i18n.language).map(([town, entries]) => (
                <div key={town}>
                  <Title order={4} size="h5">
                    {town}
                  </Title>
                  <Stack component="ul" gap={4} m={0} mt={4} p={0} style={{ listStyle: "none" }}>
                    {entries.map((entry) => (
                      <Box
                        component="li"
                        key={entry.id}
                        data-testid="map-entry"
                        data-lat={entry.lat}
                        data-lon={entry.lon}
                        style={{ display: "flex", gap: 6, alignItems: "baseline", flexWrap: "wrap" }}
                      >
                        <IconMapPin size={14} aria-hidden="true" style={{ alignSelf: "center" }} />
                        <Text span fw={500}>
                          {entry.displayName}
                        </Text>
                        {isSafeContactUrl(entry.contactUrl) && (
                          <Anchor href={entry.contactUrl} size="sm" target="_blank" rel="noopener noreferrer">
                            {t("map.public.contactNamed", { name: entry.displayName })}
                          </Anchor>
                        )}
                      </Box>
                    ))}
                  </Stack>
                </div>
              ))}
            </Stack>
            <Text size="xs" c="dimmed">
              {query.data.dataAttribution}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
