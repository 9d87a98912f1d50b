import type { Answers } from "../../src/contracts/surveys";
import { addDays, addYears } from "../../src/core/shared/dates";
import { checkAnswers } from "../../src/core/surveys/definition";
import { shuffled } from "../../src/core/surveys/results";
import { SURVEY_TEMPLATES } from "../../src/core/surveys/templates";
import { listActiveMemberIds } from "../../src/server/modules/organisations/organisations.queries";
import { surveyInvitations, surveyResponses, surveys } from "../../src/server/modules/surveys/surveys.tables";
import { hashToken } from "../../src/server/platform/crypto";
import type { Executor } from "../../src/server/platform/db/client";
import { SeededRandom } from "./random";

const PRAISE = [
  "Die liebevolle Eingewöhnung",
  "Viel Zeit draußen, auch bei Regen",
  "Das gemeinsame Mittagessen",
  "Kleine Gruppe, feste Bezugsperson",
  "Die Fotos im Tagebuch",
];
const WISHES = [
  "Mehr Vertretung in den Ferien",
  "Längere Betreuungszeiten am Freitag",
  "Eine Elternrunde im Jahr",
];

/**
 * Last year's parents' survey of the office, closed, with twelve anonymous answers: the office sees what
 * results look like and can start this year's round from it (compared with last year's).
 */
export async function seedSurveys(tx: Executor, input: { officeId: string; today: string; now: Date }) {
  const rng = new SeededRandom("beckum:survey");
  const template = SURVEY_TEMPLATES.parents;
  const parents = (await listActiveMemberIds(tx, input.officeId, ["parent"])).sort().slice(0, 20);
  if (parents.length < 12) return;
  const openedOn = addYears(input.today, -1);
  const closedOn = addDays(openedOn, 21);
  const [survey] = await tx
    .insert(surveys)
    .values({
      organisationId: input.officeId,
      title: template.title.de,
      template: "parents",
      definition: template.definition,
      status: "closed",
      audience: "parents",
      closesOn: closedOn,
      invitedCount: parents.length,
      responseCount: 12,
      openedOn,
      closedOn,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning({ id: surveys.id });
  if (!survey) return;
  await tx.insert(surveyInvitations).values(
    parents.map((userId, i) => ({
      surveyId: survey.id,
      organisationId: input.officeId,
      userId,
      // Never mailed: a hash of a random value, so no link leads here.
      tokenHash: hashToken(rng.uuid()),
      locale: "de" as const,
      isCompleted: i < 12,
    })),
  );
  const rating = () => rng.int(3, 5);
  const answers: Answers[] = Array.from({ length: 12 }, (_, i) => {
    const hadGap = rng.chance(0.5);
    const raw: Answers = {
      gesamt: rating(),
      verlaesslich: { zeiten: rating(), puenktlich: rating(), wohl: rng.int(4, 5), raeume: rating() },
      ausfall: hadGap ? "yes" : "no",
      ...(hadGap ? { vertretung: rng.int(2, 5) } : {}),
      eingewoehnung: rating(),
      "eingewoehnung-zeit": rng.chance(0.8) ? "yes" : "no",
      essen: rating(),
      draussen: rng.int(4, 5),
      angebote: ["vorlesen", "musik", "basteln", "natur", "spiel"].filter(() => rng.chance(0.6)),
      austausch: rating(),
      informationen: rng.pick(["taeglich", "woechentlich", "selten"]),
      fachberatung: rng.int(2, 5),
      empfehlen: rng.chance(0.9) ? "yes" : "no",
      kinder: rng.int(1, 2),
      ...(i % 2 === 0 ? { gut: PRAISE[i % PRAISE.length] ?? "" } : {}),
      ...(i % 3 === 0 ? { besser: WISHES[i % WISHES.length] ?? "" } : {}),
    };
    return checkAnswers(template.definition, raw).answers;
  });
  await tx.insert(surveyResponses).values(
    shuffled(answers, () => rng.next()).map((a) => ({
      surveyId: survey.id,
      organisationId: input.officeId,
      answeredOn: openedOn,
      answers: a,
    })),
  );
}
