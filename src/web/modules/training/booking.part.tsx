import type { WebModule } from "../../app/module-types";

/** The catalogue, course runs with their sessions, booking with a waiting list, guest booking. */
export const bookingPart: WebModule = {};
