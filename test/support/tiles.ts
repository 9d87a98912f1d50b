import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

// One light-grey pixel; Leaflet stretches every tile image to 256 × 256.
const TILE = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN48eIFAAV0ArnZwsdlAAAAAElFTkSuQmCC",
  "base64",
);

export interface TestTileServer {
  /** A Leaflet tile URL template pointing at this server. */
  urlTemplate: string;
  requests: number;
  stop(): Promise<void>;
}

/**
 * A map tile server on loopback, so that journeys render the real Leaflet map whether or not this machine
 * reaches openstreetmap.org, and the page under test is the same in every run.
 */
export async function startTileServer(): Promise<TestTileServer> {
  const state = { requests: 0 };
  const server = createServer((request, response) => {
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(request.url ?? "")) {
      response.writeHead(404).end();
      return;
    }
    state.requests++;
    response.writeHead(200, { "content-type": "image/png", "access-control-allow-origin": "*" }).end(TILE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlTemplate: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    get requests() {
      return state.requests;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
