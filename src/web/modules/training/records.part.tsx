import type { WebModule } from "../../app/module-types";

/** Attendance on a phone, assessments, practice hours, certificates and their public verification. */
export const recordsPart: WebModule = {};
