/** The contract's form of a cover problem: clock times and the person's name instead of minutes and id. */

import type { CoverProblem } from "../../contracts/substitution";
import { minutesToHhmm } from "../caregivers/capacity";
import type { CoverCheckProblem } from "./types";

export function toCoverProblemDto(problem: CoverCheckProblem, personName: string | null): CoverProblem {
  return {
    code: problem.code,
    personName,
    day: problem.day,
    from: problem.from === null ? null : minutesToHhmm(problem.from),
    to: problem.to === null ? null : minutesToHhmm(problem.to),
    present: problem.present,
    limit: problem.limit,
  };
}
