import type { registry as de } from "../de/registry";

export const registry: typeof de = {};
