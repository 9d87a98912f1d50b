/**
 * The two surveys shipped ready to use. They ask what coordination offices and associations in family day
 * care ask in their yearly satisfaction surveys, in short sentences that parents with little German can read.
 * Question ids stay the same from year to year, so that each run compares with the previous one.
 */
import type { BilingualText, Question, SurveyDefinition, TemplateKey } from "../../contracts/surveys";

const t = (de: string, en: string): BilingualText => ({ de, en });

const AGREE = { low: t("stimmt gar nicht", "not at all true"), high: t("stimmt voll", "completely true") };
const SATISFIED = {
  low: t("sehr unzufrieden", "very dissatisfied"),
  high: t("sehr zufrieden", "very satisfied"),
};

type Extra = Partial<Omit<Question, "id" | "kind" | "text">>;

function question(id: string, kind: Question["kind"], text: BilingualText, extra: Extra = {}): Question {
  return {
    id,
    kind,
    text,
    help: null,
    isRequired: false,
    options: [],
    scale: kind === "rating" || kind === "matrix" ? SATISFIED : null,
    items: [],
    min: null,
    max: null,
    condition: null,
    ...extra,
  };
}

const choices = (entries: [string, string, string][]) =>
  entries.map(([id, de, en]) => ({ id, text: t(de, en) }));

const parents: SurveyDefinition = {
  intro: t(
    "Wir möchten wissen, wie zufrieden Sie mit der Kindertagespflege sind. Die Umfrage ist anonym: Niemand kann sehen, wer was geantwortet hat. Ergebnisse zeigen wir erst ab 5 Antworten. Die Umfrage dauert etwa 5 Minuten.",
    "We would like to know how satisfied you are with family day care. The survey is anonymous: nobody can see who answered what. We only show results once 5 people have answered. The survey takes about 5 minutes.",
  ),
  sections: [
    {
      id: "betreuung",
      title: t("Betreuung", "Care"),
      questions: [
        question(
          "gesamt",
          "rating",
          t(
            "Wie zufrieden sind Sie insgesamt mit der Betreuung Ihres Kindes?",
            "Overall, how satisfied are you with the care of your child?",
          ),
          { isRequired: true },
        ),
        question(
          "verlaesslich",
          "matrix",
          t("Wie sehr stimmen diese Sätze?", "How true are these sentences?"),
          {
            scale: AGREE,
            items: choices([
              [
                "zeiten",
                "Die Betreuungszeiten passen zu unserer Familie.",
                "The care hours suit our family.",
              ],
              ["puenktlich", "Die Betreuung findet verlässlich statt.", "Care takes place reliably."],
              ["wohl", "Mein Kind fühlt sich wohl.", "My child feels comfortable."],
              [
                "raeume",
                "Die Räume sind sicher und kindgerecht.",
                "The rooms are safe and suitable for children.",
              ],
            ]),
          },
        ),
        question(
          "ausfall",
          "yesNo",
          t(
            "Ist die Betreuung in den letzten 12 Monaten einmal ausgefallen (z. B. Krankheit, Urlaub)?",
            "Was care cancelled at any time in the last 12 months (e.g. illness, holiday)?",
          ),
        ),
        question(
          "vertretung",
          "rating",
          t(
            "Wie zufrieden waren Sie mit der Vertretung?",
            "How satisfied were you with the substitute care?",
          ),
          {
            condition: { questionId: "ausfall", anyOf: ["yes"] },
          },
        ),
      ],
    },
    {
      id: "eingewoehnung",
      title: t("Eingewöhnung", "Settling in"),
      questions: [
        question(
          "eingewoehnung",
          "rating",
          t("Wie gut ist die Eingewöhnung Ihres Kindes gelaufen?", "How well did your child settle in?"),
          {
            scale: { low: t("sehr schlecht", "very badly"), high: t("sehr gut", "very well") },
          },
        ),
        question(
          "eingewoehnung-zeit",
          "yesNo",
          t(
            "Hatten Sie und Ihr Kind genug Zeit für die Eingewöhnung?",
            "Did you and your child have enough time to settle in?",
          ),
        ),
      ],
    },
    {
      id: "alltag",
      title: t("Alltag, Essen und Angebote", "Daily life, meals and activities"),
      questions: [
        question(
          "essen",
          "rating",
          t("Wie zufrieden sind Sie mit dem Essen?", "How satisfied are you with the meals?"),
        ),
        question(
          "draussen",
          "rating",
          t(
            "Wie zufrieden sind Sie mit der Zeit draußen und der Bewegung?",
            "How satisfied are you with time outdoors and exercise?",
          ),
        ),
        question(
          "angebote",
          "multiple",
          t(
            "Was erlebt Ihr Kind in der Kindertagespflege? (mehrere Antworten möglich)",
            "What does your child experience in day care? (several answers possible)",
          ),
          {
            options: choices([
              ["vorlesen", "Vorlesen und Sprache", "Reading aloud and language"],
              ["musik", "Singen und Musik", "Singing and music"],
              ["basteln", "Malen und Basteln", "Painting and crafts"],
              ["natur", "Ausflüge und Natur", "Outings and nature"],
              ["spiel", "Freies Spiel mit anderen Kindern", "Free play with other children"],
            ]),
          },
        ),
      ],
    },
    {
      id: "austausch",
      title: t("Austausch und Information", "Communication and information"),
      questions: [
        question(
          "austausch",
          "rating",
          t(
            "Wie zufrieden sind Sie mit dem Austausch mit der Tagesmutter oder dem Tagesvater?",
            "How satisfied are you with communication with your child's day-care person?",
          ),
          {
            isRequired: true,
          },
        ),
        question(
          "informationen",
          "single",
          t(
            "Wie oft erfahren Sie, was Ihr Kind am Tag erlebt hat?",
            "How often do you hear what your child did during the day?",
          ),
          {
            options: choices([
              ["taeglich", "Jeden Tag", "Every day"],
              ["woechentlich", "Jede Woche", "Every week"],
              ["selten", "Selten", "Rarely"],
              ["nie", "Nie", "Never"],
            ]),
          },
        ),
        question(
          "fachberatung",
          "rating",
          t(
            "Wie zufrieden sind Sie mit der Fachberatung (Ansprechbarkeit, Hilfe bei Fragen)?",
            "How satisfied are you with the counselling service (reachability, help with questions)?",
          ),
        ),
        question(
          "empfehlen",
          "yesNo",
          t(
            "Würden Sie die Kindertagespflege anderen Eltern empfehlen?",
            "Would you recommend family day care to other parents?",
          ),
          {
            isRequired: true,
          },
        ),
      ],
    },
    {
      id: "zum-schluss",
      title: t("Zum Schluss", "Finally"),
      questions: [
        question(
          "kinder",
          "number",
          t(
            "Wie viele Ihrer Kinder sind in der Kindertagespflege?",
            "How many of your children are in family day care?",
          ),
          {
            min: 1,
            max: 5,
          },
        ),
        question("gut", "text", t("Was gefällt Ihnen besonders gut?", "What do you like most?")),
        question("besser", "text", t("Was können wir besser machen?", "What could we do better?")),
      ],
    },
  ],
};

const caregivers: SurveyDefinition = {
  intro: t(
    "Wir möchten wissen, wie zufrieden Sie mit der Beratung und den Rahmenbedingungen sind. Die Umfrage ist anonym: Niemand kann sehen, wer was geantwortet hat. Ergebnisse zeigen wir erst ab 5 Antworten. Die Umfrage dauert etwa 5 Minuten.",
    "We would like to know how satisfied you are with counselling and working conditions. The survey is anonymous: nobody can see who answered what. We only show results once 5 people have answered. The survey takes about 5 minutes.",
  ),
  sections: [
    {
      id: "beratung",
      title: t("Fachberatung", "Counselling"),
      questions: [
        question(
          "gesamt",
          "rating",
          t(
            "Wie zufrieden sind Sie insgesamt mit der Fachberatung?",
            "Overall, how satisfied are you with the counselling service?",
          ),
          {
            isRequired: true,
          },
        ),
        question("beratung", "matrix", t("Wie sehr stimmen diese Sätze?", "How true are these sentences?"), {
          scale: AGREE,
          items: choices([
            [
              "erreichbar",
              "Ich erreiche die Fachberatung, wenn ich sie brauche.",
              "I can reach my counsellor when I need to.",
            ],
            ["schnell", "Ich bekomme schnell eine Antwort.", "I get an answer quickly."],
            [
              "kompetent",
              "Die Beratung hilft mir bei schwierigen Fragen.",
              "Counselling helps me with difficult questions.",
            ],
            [
              "vermittlung",
              "Die Vermittlung von Kindern passt zu meinem Angebot.",
              "The children placed with me fit my offer.",
            ],
          ]),
        }),
      ],
    },
    {
      id: "vertretung",
      title: t("Vertretung", "Substitute care"),
      questions: [
        question(
          "vertretung-gebraucht",
          "yesNo",
          t(
            "Haben Sie in den letzten 12 Monaten eine Vertretung gebraucht (z. B. bei Krankheit oder Urlaub)?",
            "Did you need a substitute in the last 12 months (e.g. illness or holiday)?",
          ),
        ),
        question(
          "vertretung",
          "rating",
          t("Wie gut hat die Vertretung geklappt?", "How well did the substitute care work?"),
          {
            scale: { low: t("sehr schlecht", "very badly"), high: t("sehr gut", "very well") },
            condition: { questionId: "vertretung-gebraucht", anyOf: ["yes"] },
          },
        ),
      ],
    },
    {
      id: "fortbildung",
      title: t("Fortbildung", "Training"),
      questions: [
        question(
          "fortbildung",
          "rating",
          t(
            "Wie zufrieden sind Sie mit dem Fortbildungsangebot?",
            "How satisfied are you with the training on offer?",
          ),
        ),
        question(
          "themen",
          "multiple",
          t(
            "Welche Themen wünschen Sie sich für Fortbildungen? (mehrere Antworten möglich)",
            "Which topics would you like training on? (several answers possible)",
          ),
          {
            options: choices([
              ["erste-hilfe", "Erste Hilfe am Kind", "First aid for children"],
              ["sprache", "Sprachförderung", "Language development"],
              ["eltern", "Gespräche mit Eltern", "Talking with parents"],
              ["inklusion", "Kinder mit besonderem Förderbedarf", "Children with special needs"],
              ["verwaltung", "Buchhaltung und Steuern", "Bookkeeping and tax"],
            ]),
          },
        ),
        question(
          "zeiten",
          "single",
          t("Wann passen Fortbildungen für Sie am besten?", "When does training suit you best?"),
          {
            options: choices([
              ["abends", "Abends unter der Woche", "Weekday evenings"],
              ["samstag", "Samstags", "Saturdays"],
              ["online", "Online, egal wann", "Online, any time"],
            ]),
          },
        ),
      ],
    },
    {
      id: "rahmenbedingungen",
      title: t("Geld und Verwaltung", "Pay and paperwork"),
      questions: [
        question(
          "verguetung",
          "rating",
          t(
            "Wie zufrieden sind Sie mit der Höhe der laufenden Geldleistung?",
            "How satisfied are you with the level of your remuneration?",
          ),
          {
            isRequired: true,
          },
        ),
        question(
          "puenktlich",
          "yesNo",
          t("Kommt das Geld pünktlich bei Ihnen an?", "Is your pay transferred on time?"),
          { isRequired: true },
        ),
        question(
          "verwaltung",
          "rating",
          t(
            "Wie zufrieden sind Sie mit dem Aufwand für Anträge, Abrechnungen und Nachweise?",
            "How satisfied are you with the effort for applications, accounts and records?",
          ),
        ),
        question(
          "stunden",
          "number",
          t(
            "Wie viele Stunden pro Monat brauchen Sie ungefähr für Verwaltung?",
            "About how many hours per month do you spend on paperwork?",
          ),
          {
            min: 0,
            max: 200,
          },
        ),
      ],
    },
    {
      id: "zum-schluss",
      title: t("Zum Schluss", "Finally"),
      questions: [
        question(
          "bleiben",
          "yesNo",
          t(
            "Möchten Sie in zwei Jahren noch in der Kindertagespflege arbeiten?",
            "Do you want to still work in family day care in two years?",
          ),
        ),
        question(
          "wunsch",
          "text",
          t("Was würde Ihre Arbeit leichter machen?", "What would make your work easier?"),
        ),
      ],
    },
  ],
};

export const SURVEY_TEMPLATES: Record<TemplateKey, { title: BilingualText; definition: SurveyDefinition }> = {
  parents: {
    title: t(
      "Zufriedenheit der Eltern mit der Kindertagespflege",
      "Parents' satisfaction with family day care",
    ),
    definition: parents,
  },
  caregivers: {
    title: t(
      "Zufriedenheit der Kindertagespflegepersonen mit Beratung und Rahmenbedingungen",
      "Day-care persons' satisfaction with counselling and working conditions",
    ),
    definition: caregivers,
  },
};

/** An empty survey: one section with one question to start from. */
export function emptyDefinition(): SurveyDefinition {
  return {
    intro: null,
    sections: [
      {
        id: "teil-1",
        title: t("Teil 1", "Part 1"),
        questions: [question("frage-1", "rating", t("Wie zufrieden sind Sie?", "How satisfied are you?"))],
      },
    ],
  };
}
