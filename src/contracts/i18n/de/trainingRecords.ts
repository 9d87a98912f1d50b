/** Training records: attendance, assessments, practice hours, completion, certificates and their verification. */
export const trainingRecords = {};
