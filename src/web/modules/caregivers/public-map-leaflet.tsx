import { Anchor, Box, Stack, Text } from "@mantine/core";
import L from "leaflet";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { MapContainer, Marker, Popup, TileLayer } from "react-leaflet";
import type { PublicMap } from "./api";
import { isSafeContactUrl } from "./format";
import { germanyView, markerIcon, useTileFailureEvents } from "./leaflet-base";

interface Props {
  map: PublicMap;
  /** Called once every tile requested so far has failed, so the page can fall back to the list alone. */
  onTilesFailed: () => void;
}

/** The Leaflet map of the association's opt-in entries; loaded lazily so public pages stay small. */
export default function PublicMapLeaflet({ map, onTilesFailed }: Props) {
  const { t } = useTranslation();
  const bounds = useMemo(() => {
    if (map.entries.length === 0) return null;
    return L.latLngBounds(map.entries.map((e) => [e.lat, e.lon] as [number, number])).pad(0.2);
  }, [map.entries]);
  const tileEvents = useTileFailureEvents(onTilesFailed);

  return (
    <Box
      role="region"
      aria-label={t("map.public.mapLabel")}
      style={{ height: "min(60vh, 420px)", minHeight: 280, borderRadius: 8, overflow: "hidden" }}
      data-testid="public-map"
    >
      <MapContainer
        {...(bounds ? { bounds, boundsOptions: { maxZoom: 12 } } : germanyView)}
        scrollWheelZoom={false}
        style={{ height: "100%", width: "100%" }}
      >
        <TileLayer url={map.tileUrl} attribution={map.tileAttribution} eventHandlers={tileEvents} />
        {map.entries.map((entry) => (
          <Marker
            key={entry.id}
            position={[entry.lat, entry.lon]}
            icon={markerIcon}
            alt={t("map.public.markerAlt", { name: entry.displayName, town: entry.town })}
            title={entry.displayName}
          >
            <Popup>
              <Stack gap={2}>
                <Text fw={600} size="sm">
                  {entry.displayName}
                </Text>
                <Text size="sm">{entry.town}</Text>
                {isSafeContactUrl(entry.contactUrl) && (
                  <Anchor href={entry.contactUrl} size="sm" target="_blank" rel="noopener noreferrer">
                    {t("map.public.contact")}
                  </Anchor>
                )}
              </Stack>
            </Popup>
          </Marker>
        ))}
      </MapContainer>
    </Box>
  );
}
