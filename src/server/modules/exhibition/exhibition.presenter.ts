import type {
  ExhibitionConsent,
  ExhibitionPhoto,
  ExhibitionSummary,
  PublicExhibitionPhoto,
} from "../../../contracts/exhibition";
import { type ConsentRecord, consentProblems } from "../../../core/exhibition/consent";
import { todayIso } from "../../../core/shared/dates";
import type { ConsentRow, ExhibitionRow, PhotoRow } from "./exhibition.repository";

/** The consent rows as the core rule reads them; a withdrawal counts from the moment it was recorded. */
export function consentRecords(rows: readonly ConsentRow[]): ConsentRecord[] {
  return rows.map((row) => ({
    personName: row.personName,
    givenOn: row.givenOn,
    scopes: row.scopes,
    validUntil: row.validUntil,
    withdrawnAt: row.withdrawnAt ? todayIso(row.withdrawnAt) : null,
  }));
}

/** Why the photo may not be shown online today (empty: it may). */
export function problemsOf(photo: PhotoRow, consents: readonly ConsentRow[], today: string) {
  return consentProblems(
    { noIdentifiablePeople: photo.noIdentifiablePeople, consents: consentRecords(consents) },
    "online",
    today,
  );
}

export function presentConsent(row: ConsentRow): ExhibitionConsent {
  return {
    id: row.id,
    personName: row.personName,
    givenBy: row.givenBy,
    guardianName: row.guardianName,
    givenOn: row.givenOn,
    scopes: row.scopes,
    validUntil: row.validUntil,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: row.withdrawalReason,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentPhoto(
  orgSlug: string,
  row: PhotoRow,
  consents: readonly ConsentRow[],
  today: string,
): ExhibitionPhoto {
  const problems = problemsOf(row, consents, today);
  const image = `/api/orgs/${orgSlug}/exhibition-photos/${row.id}/image`;
  return {
    id: row.id,
    exhibitionId: row.exhibitionId,
    caption: row.caption,
    altText: row.altText,
    credit: row.credit,
    position: row.position,
    width: row.width,
    height: row.height,
    isPublished: row.isPublished,
    noIdentifiablePeople: row.noIdentifiablePeople,
    publishable: problems.length === 0,
    problems,
    isVisible: row.isPublished && problems.length === 0,
    imageUrl: image,
    thumbUrl: `${image}?size=thumb`,
    consents: consents.map(presentConsent),
  };
}

export function presentSummary(
  row: ExhibitionRow,
  counts: { photoCount: number; visibleCount: number },
): ExhibitionSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    isPublished: row.isPublished,
    position: row.position,
    ...counts,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Only what a visitor needs to see the photo: never who is shown or who agreed. */
export function presentPublicPhoto(
  orgSlug: string,
  exhibitionSlug: string,
  row: PhotoRow,
): PublicExhibitionPhoto {
  const image = `/api/public/orgs/${orgSlug}/exhibitions/${exhibitionSlug}/photos/${row.id}/image`;
  return {
    id: row.id,
    caption: row.caption,
    altText: row.altText,
    credit: row.credit,
    width: row.width,
    height: row.height,
    imageUrl: image,
    thumbUrl: `${image}?size=thumb`,
  };
}
