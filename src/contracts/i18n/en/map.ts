import type { map as de } from "../de/map";

export const map: typeof de = {};
