/**
 * What every Leaflet map of the app shares: the styles, a marker icon that survives Vite's hashed file
 * names, and the detection of a tile server that cannot be reached. Imported only by the lazily loaded map
 * components, so Leaflet stays out of the pages' main bundles.
 */
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import markerIconUrl from "leaflet/dist/images/marker-icon.png";
import markerIconRetinaUrl from "leaflet/dist/images/marker-icon-2x.png";
import markerShadowUrl from "leaflet/dist/images/marker-shadow.png";
import { useMemo, useRef } from "react";

// Leaflet finds its marker images through a CSS path that Vite's hashed file names break; give it the
// bundled files directly.
L.Icon.Default.mergeOptions({
  iconUrl: markerIconUrl,
  iconRetinaUrl: markerIconRetinaUrl,
  shadowUrl: markerShadowUrl,
});

export const markerIcon = new L.Icon({
  iconUrl: markerIconUrl,
  iconRetinaUrl: markerIconRetinaUrl,
  shadowUrl: markerShadowUrl,
  iconSize: [25, 41],
  iconAnchor: [12, 41],
  popupAnchor: [1, -34],
  shadowSize: [41, 41],
});

/** Germany as a whole, for a map with nothing to show yet. */
export const germanyView = { center: [51.2, 10.4] as [number, number], zoom: 6 };

/**
 * Tile-layer events that call `onTilesFailed` once, when at least four tiles have failed and none has
 * loaded: the tile server is unreachable, and the page should say so instead of showing a grey box.
 */
export function useTileFailureEvents(onTilesFailed: () => void) {
  const loaded = useRef(0);
  const failed = useRef(0);
  const hasReported = useRef(false);
  return useMemo(
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
}
