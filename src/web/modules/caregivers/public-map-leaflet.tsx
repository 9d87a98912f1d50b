import "leaflet/dist/leaflet.css";
import { Anchor, Box, Stack, Text } from "@mantine/core";
import L from "leaflet";
import markerIconUrl from "leaflet/dist/images/marker-icon.png";
import markerIconRetinaUrl from "leaflet/dist/images/marker-icon-2x.png";
import markerShadowUrl from "leaflet/dist/images/marker-shadow.png";
import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { MapContainer, Marker, Popup, TileLayer } from "react-leaflet";
import type { PublicMap } from "./api";
import { isSafeContactUrl } from "./format";

// Leaflet finds its marker images through a CSS path that Vite's hashed file names break; give it the
// bundled files directly.
L.Icon.Default.mergeOptions({
  iconUrl: markerIconUrl,
  iconRetinaUrl: markerIconRetinaUrl,
  shadowUrl: markerShadowUrl,
});
const markerIcon = new L.Icon({
  iconUrl: markerIconUrl,
  iconRetinaUrl: markerIconRetinaUrl,
  shadowUrl: markerShadowUrl,
  iconSize: [25, 41],
  iconAnchor: [12, 41],
  popupAnchor: [1, -34],
  shadowSize: [41, 41],
});

interface Props {
  map: PublicMap;
  /** Called once every tile requested so far has failed, so the page can fall back to the list alone. */
  onTilesFailed: () => void;
}

/** The Leaflet map of the association's opt-in entries; loaded lazily so public pages stay small. */
export default function PublicMapLeaflet({ map, onTilesFailed }: Props) {
  const { t } = useTranslation();
  const loaded = useRef(0);
  const failed = useRef(0);
  const hasReported = useRef(false);
  const bounds = useMemo(() => {
    if (map.entries.length === 0) return null;
    return L.latLngBounds(map.entries.map((e) => [e.lat, e.lon] as [number, number])).pad(0.2);
  }, [map.entries]);

  const tileEvents = useMemo(
    () => ({
      tileload: () => {
        loaded.current++;
      },
      tileerror: () => {
        failed.current++;
        if (loaded.current === 0 && failed.current >= 4 && !hasReported.current) {
          hasReported.current = true;
          onTilesFailed();
        }
      },
    }),
    [onTilesFailed],
  );

  return (
    <Box
      role="region"
      aria-label={t("map.public.mapLabel")}
      style={{ height: "min(60vh, 420px)", minHeight: 280, borderRadius: 8, overflow: "hidden" }}
      data-testid="public-map"
    >
      <MapContainer
        {...(bounds ? { bounds, boundsOptions: { maxZoom: 12 } } : { center: [51.2, 10.4], zoom: 6 })}
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
