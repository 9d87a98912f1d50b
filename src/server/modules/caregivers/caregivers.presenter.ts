import type { CaregiverDetail, CaregiverListItem, DeadlineDto } from "../../../contracts/caregivers";
import type { TimelineSegment } from "../../../core/caregivers/capacity";
import type { Deadline, DeadlineState } from "../../../core/caregivers/deadlines";
import type { GeoPoint } from "../../../core/geo/geo";
import type {
  CapacityProfileRow,
  CaregiverRow,
  LatestLicence,
  LicenceRow,
  QualificationRow,
} from "./caregivers.repository";

/** Whether the viewer may learn that a criminal-record check found a relevant entry. */
export interface Visibility {
  canSeeCriminalRecordFlag: boolean;
}

export function presentDeadline(deadline: Deadline, visibility: Visibility): DeadlineDto {
  return {
    kind: deadline.kind,
    dueOn: deadline.dueOn,
    state: deadline.state,
    basedOn: deadline.basedOn,
    ...(deadline.hasRelevantEntry && visibility.canSeeCriminalRecordFlag ? { hasRelevantEntry: true } : {}),
  };
}

export function presentListItem(
  row: Pick<CaregiverRow, "id" | "firstName" | "lastName" | "town" | "postalCode" | "employment" | "status">,
  licence: Pick<LatestLicence, "validTo" | "maxChildren"> | null,
  worstDeadlineState: DeadlineState,
): CaregiverListItem {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    town: row.town,
    postalCode: row.postalCode,
    employment: row.employment,
    status: row.status,
    licenceValidTo: licence?.validTo ?? null,
    maxChildren: licence?.maxChildren ?? null,
    worstDeadlineState,
  };
}

export function presentDetail(
  row: CaregiverRow,
  related: {
    licences: readonly LicenceRow[];
    profiles: readonly CapacityProfileRow[];
    qualifications: readonly QualificationRow[];
    deadlines: readonly Deadline[];
    week: readonly TimelineSegment[];
    postalCodeCentre: GeoPoint | null;
    today: string;
  },
  visibility: Visibility,
): CaregiverDetail {
  return {
    id: row.id,
    today: related.today,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    street: row.street,
    postalCode: row.postalCode,
    town: row.town,
    employment: row.employment,
    languages: row.languages,
    hasPets: row.hasPets,
    petsNote: row.petsNote,
    meals: row.meals,
    pedagogy: row.pedagogy,
    hasInclusionExperience: row.hasInclusionExperience,
    ageMinMonths: row.ageMinMonths,
    ageMaxMonths: row.ageMaxMonths,
    careGroupName: row.careGroupName,
    hasPhotoConsent: row.hasPhotoConsent,
    status: row.status,
    lat: row.lat,
    lon: row.lon,
    locationPrecision: row.locationPrecision,
    postalCodeCentre: related.postalCodeCentre
      ? { lat: related.postalCodeCentre.lat, lon: related.postalCodeCentre.lon }
      : null,
    hasAccount: row.userId !== null,
    hasPhoto: row.photoFileId !== null && row.hasPhotoConsent,
    licences: related.licences.map((l) => ({
      id: l.id,
      number: l.number,
      issuer: l.issuer,
      validFrom: l.validFrom,
      validTo: l.validTo,
      maxChildren: l.maxChildren,
      conditions: l.conditions,
    })),
    capacityProfiles: related.profiles.map((p) => ({
      id: p.id,
      effectiveFrom: p.effectiveFrom,
      slots: p.slots,
    })),
    qualifications: related.qualifications.map((q) => ({
      id: q.id,
      kind: q.kind,
      title: q.title,
      completedOn: q.completedOn,
      hasRelevantEntry: visibility.canSeeCriminalRecordFlag ? q.hasRelevantEntry : null,
      note: q.note,
    })),
    deadlines: related.deadlines.map((d) => presentDeadline(d, visibility)),
    week: related.week.map((s) => ({ ...s })),
  };
}
