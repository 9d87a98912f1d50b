import type { trainingRecords as de } from "../de/trainingRecords";

/** Training records: attendance, assessments, practice hours, completion, certificates and their verification. */
export const trainingRecords: typeof de = {};
