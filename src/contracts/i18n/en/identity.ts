import type { identity as de } from "../de/identity";

export const identity: typeof de = {};
