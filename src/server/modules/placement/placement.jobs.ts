import { writeAudit } from "../../platform/audit/audit";
import type { Job } from "../../platform/jobs/scheduler";
import type { Platform } from "../../platform/types";
import { findPlacementCaregivers } from "../caregivers/caregivers.queries";
import { findOrganisationSummaries } from "../organisations/organisations.queries";
import { caregiverNameOf } from "./placement.presenter";
import * as repo from "./placement.repository";
import { changeStatus, formatDate, queueOfficeMail, queueRequestMail } from "./placement.service";

const JOB_NAME = "placement.expireUnconfirmed";

/**
 * Deletes requests whose confirmation link ran out unused: nobody confirmed that the address is theirs, so the
 * data (a child's name and birth date, perhaps typed by a stranger) must not stay. Idempotent by nature: a
 * second run finds nothing left to delete. Each organisation's log says how many went, never whose.
 */
export async function deleteExpiredRequests(platform: Platform): Promise<number> {
  const deleted = await repo.deleteExpiredUnconfirmed(platform.db, platform.now());
  let total = 0;
  for (const [organisationId, count] of deleted) {
    total += count;
    await writeAudit(platform.db, {
      organisationId,
      actorUserId: null,
      action: "placement.unconfirmedExpired",
      entityType: "placementRequest",
      details: { count },
    });
  }
  return total;
}

export const expireUnconfirmedJob: Job = {
  name: JOB_NAME,
  everyMs: 60 * 60 * 1000,
  run: deleteExpiredRequests,
};

/**
 * Lets offers lapse whose time to answer has run out: the offer is marked expired and the request goes back
 * to "suggested", with a history entry by the system, so the office sees it and can offer another place.
 * Each offer in its own transaction, re-read under lock: an answer that came in meanwhile wins.
 */
export async function expireLapsedOffers(platform: Platform): Promise<number> {
  const lapsed = await repo.listLapsedOffers(platform.db, platform.now());
  let count = 0;
  for (const candidate of lapsed) {
    const isExpired = await platform.db.transaction(async (tx) => {
      const row = await repo.lockRequest(tx, candidate.organisationId, candidate.requestId);
      const offer = await repo.lockOpenOffer(tx, candidate.organisationId, candidate.requestId);
      if (!row || !offer || offer.id !== candidate.id || platform.now() < offer.respondBy) return false;
      const [org] = await findOrganisationSummaries(tx, [candidate.organisationId]);
      if (!org) return false;
      await repo.updateOffer(tx, org.id, offer.id, { status: "expired", decidedAt: platform.now() });
      if (row.status === "offered") {
        await changeStatus(
          tx,
          { platform, actor: null, organisation: null, membership: null, locale: row.locale, ip: "" },
          org,
          row,
          {
            to: "suggested",
            actor: { kind: "system", userId: null },
            reason: "offerExpired",
            auditDetails: { offerId: offer.id, caregiverId: offer.caregiverId },
            isMailSkipped: true,
          },
        );
        // Both sides hear of it: the family that its place is gone, the office that the place is free.
        const [person] = await findPlacementCaregivers(tx, org.id, [offer.caregiverId]);
        const caregiver = caregiverNameOf(person);
        const lastDay = new Date(offer.respondBy.getTime() - 1).toISOString().slice(0, 10);
        await queueRequestMail(tx, platform, org, row, "placementOfferLapsed", {
          caregiver,
          respondBy: formatDate(lastDay, row.locale),
        });
        await queueOfficeMail(tx, platform, org.id, row, "placementOfficeOfferLapsed", {
          caregiver,
          offerStart: formatDate(offer.start, "de"),
          respondBy: formatDate(lastDay, "de"),
        });
      }
      return true;
    });
    if (isExpired) count++;
  }
  if (count > 0) platform.mailer.kick();
  return count;
}

export const expireOffersJob: Job = {
  name: "placement.expireOffers",
  everyMs: 60 * 60 * 1000,
  run: expireLapsedOffers,
};
