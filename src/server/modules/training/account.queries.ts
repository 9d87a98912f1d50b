/**
 * What other modules may read of the training accounts. The caregivers module's deadline reminders link the
 * next matching run through {@link nextRunFinder}, so that a lapse of first aid or infection protection is
 * announced by one mail, not two.
 */
import type { StateRules } from "../../../core/organisations/presets";
import { nextMatchingRun } from "../../../core/training/account";
import type { BookerKind, CourseCategory } from "../../../core/training/catalogue";
import {
  type Certificate,
  type CountedCertificate,
  countingCertificates,
  type ExternalCertificate,
} from "../../../core/training/certificates";
import type { Executor } from "../../platform/db/client";
import * as repo from "./account.repository";

/** The run a reminder links to. */
export interface LinkedRun {
  id: string;
  title: string;
  startsOn: string;
  freePlaces: number;
  /** The run's page in the member catalogue, where she books. */
  url: string;
}

const CATEGORY_OF_DEADLINE = {
  firstAid: "firstAidChildren",
  infectionProtection: "infectionProtection",
} as const satisfies Record<string, CourseCategory>;

export type RunFinder = (person: {
  userId: string | null;
  /** A registry deadline kind, or a course category for certificates the registry does not track. */
  kind: keyof typeof CATEGORY_OF_DEADLINE | CourseCategory;
  /** The completion the deadline is counted from and the last valid day, as the reminder states them. */
  basedOn: string | null;
  dueOn: string | null;
}) => Promise<LinkedRun | null>;

/** The stored rows in the shapes core/training computes on. */
export function toCoreInternal(row: repo.InternalCertificateRow): Certificate {
  return {
    id: row.id,
    participantId: row.participantId,
    courseId: row.courseId ?? "",
    category: row.category,
    units: row.units,
    completedOn: row.completedOn,
    validUntil: row.validUntil,
    countsTowardsObligation: row.countsTowardsObligation,
    verificationCode: row.verificationCode,
    status: row.status,
    replacesId: row.replacesId,
  };
}

export function toCoreExternal(row: repo.ExternalRow): ExternalCertificate {
  return {
    id: row.id,
    participantId: row.participantId,
    category: row.category,
    provider: row.provider,
    title: row.title,
    units: row.units,
    completedOn: row.completedOn,
    status: row.status,
    reviewedOn: row.reviewedOn,
    validUntil: row.validUntil,
    countsTowardsObligation: row.countsTowardsObligation,
    rejectionReason: row.rejectionReason,
  };
}

/** Where she books the run: its page in the member catalogue, or the public catalogue for a guest. */
export function runUrl(publicUrl: string, orgSlug: string, runId: string, booker: BookerKind): string {
  // A guest has no account to sign in with: her way to book is the public catalogue.
  if (booker === "guest") return `${publicUrl}/o/${orgSlug}/fortbildungen`;
  return `${publicUrl}/app/${orgSlug}/fortbildungen/${runId}`;
}

/**
 * A finder for one organisation and day: it reads the published upcoming runs once, and per person her
 * certificates, then lets core `nextMatchingRun` pick a refresher while her certificate still holds, else a
 * full course, one with a free place first. The record the reminder is about counts as a certificate valid
 * until its due date even when it was entered by hand in the registry.
 */
export async function nextRunFinder(
  db: Executor,
  organisation: { id: string; slug: string; rules: StateRules },
  today: string,
  publicUrl: string,
): Promise<RunFinder> {
  const runs = await repo.listUpcomingRuns(db, organisation.id, today);
  return async (person) => {
    const category: CourseCategory =
      person.kind in CATEGORY_OF_DEADLINE
        ? CATEGORY_OF_DEADLINE[person.kind as keyof typeof CATEGORY_OF_DEADLINE]
        : (person.kind as CourseCategory);
    const ofCategory = runs.filter((r) => r.category === category);
    if (ofCategory.length === 0) return null;
    const history: CountedCertificate[] = [];
    if (person.userId) {
      const [participant] = await repo.findParticipantsOfUsers(db, organisation.id, [person.userId]);
      if (participant) {
        const internal = await repo.listIssuedCertificates(db, organisation.id, [participant.id]);
        const externals = await repo.listExternals(db, organisation.id, {
          participantIds: [participant.id],
          status: "accepted",
        });
        history.push(...countingCertificates(internal.map(toCoreInternal), externals.map(toCoreExternal)));
      }
    }
    if (person.basedOn)
      history.push({
        id: "reminded",
        source: "internal",
        category,
        completedOn: person.basedOn,
        validUntil: person.dueOn,
        units: 0,
        countsTowardsObligation: false,
      });
    // Without an account she can book only as a guest; the registry's people with one are day-care persons.
    const booker: BookerKind = person.userId ? "caregiver" : "guest";
    const run = nextMatchingRun(category, ofCategory, history, today, organisation.rules, booker);
    if (!run) return null;
    return {
      id: run.id,
      title: run.title,
      startsOn: run.startsOn,
      freePlaces: run.freePlaces,
      url: runUrl(publicUrl, organisation.slug, run.id, booker),
    };
  };
}
