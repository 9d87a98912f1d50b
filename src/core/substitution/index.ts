/** Substitution (Vertretung): absences into child-days, cover proposals, familiarity, model report, hours. */

export * from "./absences";
export * from "./calendar";
export * from "./familiarity";
export * from "./hours";
export * from "./problems";
export * from "./proposals";
export * from "./report";
export * from "./types";
