import { Box } from "@mantine/core";
import type L from "leaflet";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { CircleMarker, MapContainer, Marker, TileLayer, useMap, useMapEvents } from "react-leaflet";
import { type GeoPoint, offsetPoint } from "../../../core/geo/geo";
import type { MapTiles } from "./api";
import { markerIcon, useTileFailureEvents } from "./leaflet-base";

interface Props {
  tiles: MapTiles;
  point: GeoPoint;
  /** The postal code's centre, drawn as a small circle for orientation (the page's text says so). */
  centre: GeoPoint | null;
  /** Street level for an exact point; a little wider around a postal code's centre. */
  zoom: number;
  /** Without it the map only shows the point. */
  onMove?: (point: GeoPoint) => void;
  /** Called once every tile requested so far has failed, so the page can say so. */
  onTilesFailed: () => void;
  /** The id of the text that explains how to move the point. */
  describedBy?: string;
}

// One arrow key press moves the point by about a house's width; with Shift by a street block.
const NUDGE_M = 10;
const NUDGE_SHIFT_M = 100;
const BEARING_OF_KEY: Record<string, number> = { ArrowUp: 0, ArrowRight: 90, ArrowDown: 180, ArrowLeft: 270 };

/** Pans the map when the point leaves the visible part (typed coordinates, arrow keys). */
function FollowPoint({ point }: { point: GeoPoint }) {
  const map = useMap();
  useEffect(() => {
    const target: [number, number] = [point.lat, point.lon];
    if (!map.getBounds().pad(-0.1).contains(target)) map.panTo(target);
  }, [map, point.lat, point.lon]);
  return null;
}

/** A click or tap on the map puts the point there. */
function PlaceOnClick({ onMove }: { onMove: (point: GeoPoint) => void }) {
  useMapEvents({ click: (event) => onMove({ lat: event.latlng.lat, lon: event.latlng.lng }) });
  return null;
}

function PointMarker({ point, onMove }: { point: GeoPoint; onMove?: (point: GeoPoint) => void }) {
  const { t } = useTranslation();
  const markerRef = useRef<L.Marker>(null);
  const events = useMemo(
    () => ({
      dragend: () => {
        const position = markerRef.current?.getLatLng();
        if (position && onMove) onMove({ lat: position.lat, lon: position.lng });
      },
    }),
    [onMove],
  );
  // Leaflet makes the marker focusable but has no keyboard dragging; arrow keys nudge it instead, so the
  // map works without a mouse as well as the coordinate fields do.
  useEffect(() => {
    const element = markerRef.current?.getElement();
    if (!element || !onMove) return;
    const nudge = (event: KeyboardEvent) => {
      const bearing = BEARING_OF_KEY[event.key];
      const position = markerRef.current?.getLatLng();
      if (bearing === undefined || !position) return;
      event.preventDefault();
      event.stopPropagation();
      onMove(
        offsetPoint(
          { lat: position.lat, lon: position.lng },
          event.shiftKey ? NUDGE_SHIFT_M : NUDGE_M,
          bearing,
        ),
      );
    };
    element.addEventListener("keydown", nudge);
    return () => element.removeEventListener("keydown", nudge);
  }, [onMove]);
  return (
    <Marker
      ref={markerRef}
      position={[point.lat, point.lon]}
      icon={markerIcon}
      draggable={onMove !== undefined}
      eventHandlers={events}
      alt={onMove ? t("registry.location.markerMovable") : t("registry.location.marker")}
      title={onMove ? t("registry.location.markerMovable") : t("registry.location.marker")}
    />
  );
}

/**
 * The care address's point on a Leaflet map; with `onMove`, the point can be dragged, placed by a click and
 * nudged with the arrow keys. Loaded lazily: Leaflet is only fetched when a profile's map is opened.
 */
export default function LocationMapLeaflet({
  tiles,
  point,
  centre,
  zoom,
  onMove,
  onTilesFailed,
  describedBy,
}: Props) {
  const { t } = useTranslation();
  const tileEvents = useTileFailureEvents(onTilesFailed);
  return (
    <Box
      role="region"
      aria-label={onMove ? t("registry.location.mapEditLabel") : t("registry.location.mapLabel")}
      aria-describedby={describedBy}
      style={{ height: "min(50vh, 360px)", minHeight: 240, borderRadius: 8, overflow: "hidden" }}
      data-testid="location-map"
    >
      <MapContainer
        center={[point.lat, point.lon]}
        zoom={zoom}
        scrollWheelZoom={false}
        style={{ height: "100%", width: "100%" }}
      >
        <TileLayer url={tiles.tileUrl} attribution={tiles.tileAttribution} eventHandlers={tileEvents} />
        {centre && (
          <CircleMarker
            center={[centre.lat, centre.lon]}
            radius={7}
            pathOptions={{ color: "#343a40", weight: 2, fillColor: "#ffffff", fillOpacity: 0.9 }}
            interactive={false}
          />
        )}
        <PointMarker point={point} {...(onMove ? { onMove } : {})} />
        <FollowPoint point={point} />
        {onMove && <PlaceOnClick onMove={onMove} />}
      </MapContainer>
    </Box>
  );
}
