import { Box } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Circle, MapContainer, TileLayer } from "react-leaflet";
import type { MapTiles } from "../../caregivers/api";
import { useTileFailureEvents } from "../../caregivers/leaflet-base";

/**
 * The place's postal-code area on the platform's Leaflet map. The point is the area's centre, not the house:
 * a circle says "about here" honestly where a pin would claim the exact door. Loaded lazily.
 */
export default function EventPlaceMapLeaflet({
  tiles,
  lat,
  lon,
  onTilesFailed,
}: {
  tiles: MapTiles;
  lat: number;
  lon: number;
  onTilesFailed: () => void;
}) {
  const { t } = useTranslation();
  const tileEvents = useTileFailureEvents(onTilesFailed);
  return (
    <Box
      role="region"
      aria-label={t("events.place.mapLabel")}
      style={{ height: 220, borderRadius: 8, overflow: "hidden" }}
      data-testid="event-map"
    >
      <MapContainer
        center={[lat, lon]}
        zoom={13}
        scrollWheelZoom={false}
        style={{ height: "100%", width: "100%" }}
      >
        <TileLayer url={tiles.tileUrl} attribution={tiles.tileAttribution} eventHandlers={tileEvents} />
        <Circle
          center={[lat, lon]}
          radius={900}
          pathOptions={{ color: "#1c7ed6", weight: 2, fillOpacity: 0.15 }}
          interactive={false}
        />
      </MapContainer>
    </Box>
  );
}
