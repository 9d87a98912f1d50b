import { Component, type ReactNode } from "react";

/**
 * Keeps a page working when its map fails to load or render (a lost chunk, a Leaflet error): the fallback
 * says so, and the rest of the page (the list of entries, the coordinate inputs) still works without it.
 */
export class MapBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { hasFailed: boolean }
> {
  override state = { hasFailed: false };
  static getDerivedStateFromError() {
    return { hasFailed: true };
  }
  override render() {
    return this.state.hasFailed ? this.props.fallback : this.props.children;
  }
}
