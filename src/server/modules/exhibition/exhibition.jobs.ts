import { todayIso } from "../../../core/shared/dates";
import { writeAudit } from "../../platform/audit/audit";
import type { Job } from "../../platform/jobs/scheduler";
import { composeMail } from "../../platform/mail/mailer";
import type { Platform } from "../../platform/types";
import { findOrganisationSummaries } from "../organisations/organisations.queries";
import { problemsOf } from "./exhibition.presenter";
import * as repo from "./exhibition.repository";

/**
 * Takes published photos whose consents no longer hold (mostly: the last day has passed) off the website
 * and tells each organisation's office by mail, without naming anyone. The public never sees such a
 * photo anyway (every read checks the consents); the job makes the staff's view and the audit log say so.
 * Running it again finds nothing more to do.
 */
export async function unpublishExpiredPhotos(platform: Platform): Promise<number> {
  const { db } = platform;
  const now = platform.now();
  const day = todayIso(now);
  const published = await repo.listPublishedPhotos(db);
  const consents = await repo.listConsents(
    db,
    published.map((p) => p.id),
  );
  const byOrganisation = new Map<string, { exhibitionIds: Set<string>; count: number }>();
  for (const photo of published) {
    const problems = problemsOf(
      photo,
      consents.filter((c) => c.photoId === photo.id),
      day,
    );
    if (problems.length === 0) continue;
    await repo.updatePhoto(db, photo.organisationId, photo.id, { isPublished: false, updatedAt: now });
    await writeAudit(db, {
      organisationId: photo.organisationId,
      actorUserId: null,
      action: "exhibition.photoUnpublished",
      entityType: "exhibitionPhoto",
      entityId: photo.id,
      details: { reason: "consentExpired", problems: problems.map((p) => p.kind) },
    });
    const entry = byOrganisation.get(photo.organisationId) ?? { exhibitionIds: new Set(), count: 0 };
    entry.exhibitionIds.add(photo.exhibitionId);
    entry.count += 1;
    byOrganisation.set(photo.organisationId, entry);
  }
  const organisations = await findOrganisationSummaries(db, [...byOrganisation.keys()]);
  for (const organisation of organisations) {
    const entry = byOrganisation.get(organisation.id);
    if (!entry || !organisation.email) continue;
    const mail = composeMail(
      "de",
      "exhibitionPhotosUnpublished",
      { name: organisation.name, organisation: organisation.name, count: entry.count },
      `${platform.env.PUBLIC_URL}/app/${organisation.slug}/ausstellungen`,
    );
    await platform.mailer.queue(db, { to: organisation.email, organisationId: organisation.id, ...mail });
  }
  return [...byOrganisation.values()].reduce((sum, e) => sum + e.count, 0);
}

export const unpublishExpiredPhotosJob: Job = {
  name: "exhibition.unpublishExpired",
  everyMs: 60 * 60 * 1000,
  run: unpublishExpiredPhotos,
};
