import { Anchor, Box, Loader, Stack, Text } from "@mantine/core";
import { IconExternalLink, IconMapPin, IconVideo } from "@tabler/icons-react";
import { lazy, Suspense, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlaceDto } from "../../../../contracts/events";
import { useMapTiles } from "../../caregivers/api";
import { MapBoundary } from "../../caregivers/components/map-boundary";
import { placeLines } from "./event-format";

const EventPlaceMapLeaflet = lazy(() => import("./event-place-map-leaflet"));

function PlaceMap({ lat, lon }: { lat: number; lon: number }) {
  const { t } = useTranslation();
  const tiles = useMapTiles();
  const [tilesFailed, setTilesFailed] = useState(false);
  const onTilesFailed = useCallback(() => setTilesFailed(true), []);
  const unavailable = (
    <Text size="sm" c="dimmed">
      {t("events.place.mapUnavailable")}
    </Text>
  );
  if (tiles.isError || tilesFailed) return unavailable;
  const placeholder = (
    <Box h={220} bg="gray.1" style={{ borderRadius: 8 }}>
      <Loader role="status" aria-label={t("events.place.mapLoading")} m="md" />
    </Box>
  );
  if (!tiles.data) return placeholder;
  return (
    <MapBoundary fallback={unavailable}>
      <Suspense fallback={placeholder}>
        <EventPlaceMapLeaflet tiles={tiles.data} lat={lat} lon={lon} onTilesFailed={onTilesFailed} />
      </Suspense>
    </MapBoundary>
  );
}

/**
 * Where it takes place: the address (with a link to the way there), the online link when the reader may
 * have it, and the map when the place has a postal code.
 */
export function EventPlace({ place, withMap = false }: { place: PlaceDto; withMap?: boolean }) {
  const { t } = useTranslation();
  const lines = placeLines(place);
  const hasMap = withMap && place.lat !== null && place.lon !== null;
  const query = lines.join(", ");
  return (
    <Stack gap="xs" data-testid="event-place">
      {lines.length > 0 && (
        <Box style={{ display: "flex", gap: 8 }}>
          <IconMapPin size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Stack gap={0}>
            <Text component="address" fs="normal">
              {lines.map((line, index) => (
                <span key={line}>
                  {index > 0 && <br />}
                  {line}
                </span>
              ))}
            </Text>
            {(place.street || place.postalCode) && (
              <Anchor
                href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`}
                target="_blank"
                rel="noreferrer"
                size="sm"
              >
                {t("events.place.routeLink")} <IconExternalLink size={12} aria-hidden />
              </Anchor>
            )}
          </Stack>
        </Box>
      )}
      {place.isOnline && (
        <Box style={{ display: "flex", gap: 8 }}>
          <IconVideo size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          {place.onlineUrl ? (
            <Anchor
              href={place.onlineUrl}
              target="_blank"
              rel="noreferrer"
              style={{ overflowWrap: "anywhere" }}
            >
              {t("events.place.onlineLink")}
            </Anchor>
          ) : (
            <Text size="sm">
              {t("events.place.online")} – {t("events.place.onlineAfterRegistration")}
            </Text>
          )}
        </Box>
      )}
      {hasMap && (
        <Stack gap={4}>
          <PlaceMap lat={place.lat as number} lon={place.lon as number} />
          <Text size="xs" c="dimmed">
            {t("events.place.mapHint")}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
