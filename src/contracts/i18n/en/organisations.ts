import type { organisations as de } from "../de/organisations";

export const organisations: typeof de = {};
