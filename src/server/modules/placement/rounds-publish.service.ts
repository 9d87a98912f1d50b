import { OFFER_DAYS, SETTLING_IN_DAYS } from "../../../contracts/placement";
import type {
  PublishBody,
  RoundDetail,
  SuggestAllBody,
  SuggestAllResponse,
} from "../../../contracts/placement-rounds";
import { describeCareTimes } from "../../../core/placement/requests";
import { addDays, maxDate } from "../../../core/shared/dates";
import { AppError, fieldError } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import { composeMail } from "../../platform/mail/mailer";
import type { ServiceContext } from "../../platform/types";
import { findPlacementCaregivers } from "../caregivers/caregivers.queries";
import { findUserLocales } from "../identity/identity.queries";
import { endOfDay, judgeForRequest } from "./matching.service";
import { caregiverNameOf } from "./placement.presenter";
import * as repo from "./placement.repository";
import { actorOf, changeStatus, formatDate, officeOf, queueRequestMail, todayOf } from "./placement.service";
import {
  assertOpen,
  audit,
  contextOfService,
  detailOf,
  isRankingClosed,
  isRunDead,
  loadRoundData,
  requireDoneRun,
  requireRound,
} from "./rounds.context";
import * as rounds from "./rounds.repository";

/**
 * Publishes the latest run: every placed family gets an offer (by mail and on its page), every unplaced one
 * a mail that the request stays open, every caregiver the children allocated to her. The data must still be
 * what the run solved; otherwise the office runs again first.
 */
export async function publishRound(
  ctx: ServiceContext,
  id: string,
  input: PublishBody,
): Promise<RoundDetail> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const today = todayOf(platform);
  const respondBy = input.respondBy ?? addDays(today, OFFER_DAYS);
  if (respondBy < today) throw fieldError("respondBy", "startInPast");
  const detail = await platform.db.transaction(async (tx) => {
    const now = platform.now();
    const round = await requireRound(tx, org, id, { forUpdate: true });
    assertOpen(round);
    if (!isRankingClosed(round, now)) throw new AppError("rankingOpen", 409);
    const latest = await rounds.findLatestRun(tx, org.id, id);
    if (latest?.status === "running" && !isRunDead(latest, now)) throw new AppError("runRunning", 409);
    const run = await requireDoneRun(tx, org, id);
    const data = await loadRoundData(tx, contextOfService(ctx), org, round, { withNeeds: false });
    if (data.fingerprint !== run.fingerprint) throw new AppError("roundStale", 409);

    const { rows } = await rounds.listResults(tx, org.id, run.id, { filter: "all" });
    const byCaregiver = new Map<string, repo.RequestRow[]>();
    let offers = 0;
    for (const result of rows) {
      const request = await repo.lockRequest(tx, org.id, result.requestId);
      if (!request) continue;
      if (!result.caregiverId) {
        await queueRequestMail(tx, platform, org, request, "placementRoundUnplaced", { round: round.title });
        continue;
      }
      const person = data.people.get(result.caregiverId);
      const start = maxDate(round.startDate, request.wantedStart);
      const offer = await repo.insertOffer(tx, org.id, {
        requestId: request.id,
        caregiverId: result.caregiverId,
        start,
        end: null,
        careTimes: request.careTimes,
        settlingInEnd: addDays(start, SETTLING_IN_DAYS),
        respondBy: endOfDay(respondBy),
        createdByUserId: actorOf(ctx).userId,
        createdAt: now,
        roundId: round.id,
      });
      offers++;
      await changeStatus(tx, ctx, org, request, {
        to: "offered",
        actor: { kind: "staff", userId: actorOf(ctx).userId },
        reason: "offerMade",
        auditDetails: { offerId: offer.id, caregiverId: result.caregiverId, roundId: round.id },
        mailParams: {
          caregiver: caregiverNameOf(person),
          offerStart: formatDate(start, request.locale),
          respondBy: formatDate(respondBy, request.locale),
        },
      });
      const list = byCaregiver.get(result.caregiverId);
      if (list) list.push(request);
      else byCaregiver.set(result.caregiverId, [request]);
    }
    const locales = await findUserLocales(
      tx,
      [...byCaregiver.keys()].flatMap((id) => {
        const userId = data.people.get(id)?.userId;
        return userId ? [userId] : [];
      }),
    );
    for (const [caregiverId, children] of byCaregiver) {
      const person = data.people.get(caregiverId);
      if (!person?.email) continue;
      // Her account's language where she has one; otherwise German, the office's working language.
      const locale = (person.userId && locales.get(person.userId)) || "de";
      const t = translator(locale);
      const dayNames = t("common.weekdaysShort", { returnObjects: true }) as unknown as string[];
      const mail = composeMail(
        locale,
        "placementRoundCaregiver",
        {
          name: person.firstName,
          organisation: org.name,
          round: round.title,
          count: children.length,
          children: children
            .map((c) => `${c.childFirstName} (${describeCareTimes(c.careTimes, dayNames)})`)
            .join("; "),
        },
        `${platform.env.PUBLIC_URL}/app/${org.slug}/meine-woche`,
      );
      await platform.mailer.queue(tx, { to: person.email, organisationId: org.id, ...mail });
    }
    const updated = await rounds.updateRound(tx, org.id, id, {
      status: "published",
      publishedAt: now,
      publishedByUserId: actorOf(ctx).userId,
      respondBy,
      updatedAt: now,
    });
    await audit(tx, ctx, org, "placement.roundPublished", id, {
      runId: run.id,
      offers,
      unplaced: rows.length - offers,
      respondBy,
    });
    return detailOf(tx, ctx, org, updated);
  });
  platform.mailer.kick();
  return detail;
}

/**
 * Sends every family of the open round that has no suggestions yet the caregivers who fit best (as the
 * coordinator's suggestion list ranks them), so that each family has someone to rank before the deadline.
 * Families who already have suggestions keep theirs: the office chose those by hand.
 */
export async function suggestToAll(
  ctx: ServiceContext,
  id: string,
  input: SuggestAllBody,
): Promise<SuggestAllResponse> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const outcome = await platform.db.transaction(async (tx) => {
    const round = await requireRound(tx, org, id, { forUpdate: true });
    assertOpen(round);
    if (isRankingClosed(round, platform.now())) throw new AppError("rankingClosed", 409);
    const requests = await rounds.listRoundRequests(tx, org.id, round.latestWantedStart);
    const counted = await rounds.countSuggestionsByRequest(tx, org.id);
    // Read once for all families: suggestions do not change anyone's capacity.
    const loaded = {
      people: await findPlacementCaregivers(tx, org.id),
      contracts: await repo.listContracts(tx, org.id),
    };
    let families = 0;
    let suggestions = 0;
    let withoutFit = 0;
    for (const listed of requests) {
      if ((counted.get(listed.id) ?? 0) > 0) continue;
      const row = await repo.lockRequest(tx, org.id, listed.id);
      if (!row || (row.status !== "open" && row.status !== "suggested")) continue;
      const { judged } = await judgeForRequest(tx, ctx, org, row, loaded);
      const best = judged.filter((s) => s.fits).slice(0, input.perFamily);
      if (best.length === 0) {
        withoutFit++;
        continue;
      }
      const now = platform.now();
      const added = await repo.insertSuggestions(
        tx,
        org.id,
        best.map((s) => ({
          requestId: row.id,
          caregiverId: s.caregiverId,
          sentAt: now,
          sentByUserId: actorOf(ctx).userId,
          distanceKm: s.score.distanceKm,
        })),
      );
      await changeStatus(tx, ctx, org, row, {
        to: "suggested",
        actor: { kind: "staff", userId: actorOf(ctx).userId },
        reason: "suggestionsSent",
        auditDetails: { caregiverIds: added.map((s) => s.caregiverId), roundId: round.id },
        mailParams: { count: added.length },
      });
      families++;
      suggestions += added.length;
    }
    await audit(tx, ctx, org, "placement.roundSuggested", id, { families, suggestions, withoutFit });
    return { families, suggestions, withoutFit };
  });
  platform.mailer.kick();
  return outcome;
}
