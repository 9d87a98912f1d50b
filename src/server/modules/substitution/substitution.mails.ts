import type { Locale } from "../../../contracts/i18n";
import { ageInMonths } from "../../../core/placement/requests";
import { rangesToTimes } from "../../../core/substitution";
import type { Executor } from "../../platform/db/client";
import { translator } from "../../platform/i18n";
import { composeMail } from "../../platform/mail/mailer";
import type { ServiceContext } from "../../platform/types";
import { findMailRecipients } from "../identity/identity.queries";
import { listActiveMemberIds } from "../organisations/organisations.queries";
import type { SubstitutionContract } from "../placement/placement.queries";
import { discloseCareNotes } from "./care-notes.service";
import { appLink, nameOf, placeOf, type World } from "./substitution.context";
import type { AbsenceRow, CoverRow } from "./substitution.repository";
import type { LostCover } from "./substitution.tables";

/** "2026-03-02" as the reader writes dates. */
function localDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split("-");
  return locale === "de" ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

const timesText = (ranges: CoverRow["ranges"]) =>
  rangesToTimes(ranges)
    .map((t) => `${t.from}–${t.to}`)
    .join(", ");

/** A new illness goes to every coordinator at once, in her language: the morning's phone calls start now. */
export async function mailIllness(
  tx: Executor,
  ctx: ServiceContext,
  world: World,
  absence: AbsenceRow,
  covers: readonly CoverRow[],
): Promise<void> {
  const { platform } = ctx;
  const coordinators = await listActiveMemberIds(tx, world.org.id, ["coordinator"]);
  const person = world.contacts.get(absence.caregiverId);
  const caregiver = person ? nameOf(person) : "";
  const children = new Set(covers.map((c) => c.contractId)).size;
  const days = new Set(covers.map((c) => c.day)).size;
  const open = covers.filter((c) => c.status !== "confirmed").length;
  for (const r of await findMailRecipients(tx, coordinators)) {
    const period =
      absence.startsOn === absence.endsOn
        ? localDate(absence.startsOn, r.locale)
        : `${localDate(absence.startsOn, r.locale)} – ${localDate(absence.endsOn, r.locale)}`;
    const mail = composeMail(
      r.locale,
      "substitutionIllness",
      { name: r.name, caregiver, period, children, days, open },
      appLink(platform, world.org, ""),
    );
    await platform.mailer.queue(tx, { to: r.email, organisationId: world.org.id, ...mail });
  }
}

/**
 * Mails about confirmed covers, in the caller's transaction: the parents of each child (who, where, when,
 * and the link to answer) and each covering person (her added children, with the care notes only where the
 * parents consented to them; each disclosure is audited). Contracts without a family are left to the
 * office's phone.
 */
export async function mailConfirmed(
  tx: Executor,
  ctx: ServiceContext,
  world: World,
  covers: readonly CoverRow[],
  absences: ReadonlyMap<string, AbsenceRow>,
): Promise<void> {
  const { platform } = ctx;
  const org = world.org;
  const absentName = (cover: CoverRow) => {
    const absence = absences.get(cover.absenceId);
    const person = absence ? world.contacts.get(absence.caregiverId) : undefined;
    return person ? nameOf(person) : "";
  };

  // Parents: one mail per child and covering place, listing the days.
  const byChildPlace = new Map<string, CoverRow[]>();
  for (const cover of covers) {
    const key = `${cover.contractId}|${cover.coverCaregiverId ?? cover.kitaId}`;
    byChildPlace.set(key, [...(byChildPlace.get(key) ?? []), cover]);
  }
  for (const group of byChildPlace.values()) {
    const first = group[0] as CoverRow;
    const contract = world.contracts.get(first.contractId);
    const place = placeOf(world, first);
    if (!contract?.family || !place) continue;
    const locale = contract.family.locale;
    const t = translator(locale);
    const mail = composeMail(
      locale,
      "substitutionParents",
      {
        name: contract.family.parentName,
        child: contract.childFirstName,
        caregiver: absentName(first),
        cover: place.name,
        address: [place.street, `${place.postalCode} ${place.town}`].filter(Boolean).join(", "),
        phone: place.phone ? t("mail.substitutionPhone", { phone: place.phone }) : "",
        times: group.map((c) => `${localDate(c.day, locale)}: ${timesText(c.ranges)}`).join("\n"),
      },
      appLink(platform, org, "/meine"),
    );
    await platform.mailer.queue(tx, { to: contract.family.email, organisationId: org.id, ...mail });
  }

  // Covering persons: one mail each with all her added children.
  const byPerson = new Map<string, CoverRow[]>();
  for (const cover of covers) {
    if (!cover.coverCaregiverId) continue;
    byPerson.set(cover.coverCaregiverId, [...(byPerson.get(cover.coverCaregiverId) ?? []), cover]);
  }
  for (const [personId, group] of byPerson) {
    const person = world.contacts.get(personId);
    if (!person) continue;
    const [account] = person.userId ? await findMailRecipients(tx, [person.userId]) : [];
    const to = account?.email ?? person.email;
    if (!to) continue;
    const locale = account?.locale ?? "de";
    const t = translator(locale);
    const notes = await discloseCareNotes(
      tx,
      ctx,
      org,
      group.map((c) => c.contractId),
      { purpose: "coverMail", coverCaregiverId: personId },
    );
    const lines: string[] = [];
    for (const cover of group) {
      const contract = world.contracts.get(cover.contractId);
      if (!contract) continue;
      const care = notes.get(cover.contractId);
      lines.push(
        `- ${t("mail.substitutionCoverChild", {
          child: contract.childFirstName,
          age: t("mail.substitutionAge", { months: ageInMonths(contract.childBirthDate, cover.day) }),
          day: localDate(cover.day, locale),
          times: timesText(cover.ranges),
        })}${
          care
            ? `${t("mail.substitutionCoverNeeds", { allergies: care.allergies || "–", diet: care.diet || "–" })}${
                care.notes ? t("mail.substitutionCoverNotes", { notes: care.notes }) : ""
              }`
            : t("mail.substitutionCoverNoNeeds")
        }`,
      );
    }
    const first = group[0] as CoverRow;
    const mail = composeMail(
      locale,
      "substitutionCoverAdded",
      {
        name: nameOf(person),
        count: lines.length,
        caregiver: absentName(first),
        children: lines.join("\n"),
      },
      appLink(platform, org, "/vertretungskinder"),
    );
    await platform.mailer.queue(tx, { to, organisationId: org.id, ...mail });
  }
}

/** The parents (unless left out) and the covering person of a cover, each with her address and language. */
async function coverRecipients(
  tx: Executor,
  world: World,
  contract: SubstitutionContract,
  cover: Pick<CoverRow, "coverCaregiverId">,
  withParents: boolean,
): Promise<{ to: string; name: string; locale: Locale }[]> {
  const recipients: { to: string; name: string; locale: Locale }[] = [];
  if (contract.family && withParents)
    recipients.push({
      to: contract.family.email,
      name: contract.family.parentName,
      locale: contract.family.locale,
    });
  const person = cover.coverCaregiverId ? world.contacts.get(cover.coverCaregiverId) : undefined;
  if (person) {
    const [account] = person.userId ? await findMailRecipients(tx, [person.userId]) : [];
    const to = account?.email ?? person.email;
    if (to) recipients.push({ to, name: nameOf(person), locale: account?.locale ?? "de" });
  }
  return recipients;
}

/** Confirmed covers that no longer take place: the parents and the covering person learn it at once. */
export async function mailCancelled(
  tx: Executor,
  ctx: ServiceContext,
  world: World,
  covers: readonly CoverRow[],
  absence: AbsenceRow,
  /** "coverPerson": only the person who no longer covers (the child went elsewhere; parents get the new mail). */
  audience: "all" | "coverPerson" = "all",
): Promise<void> {
  const { platform } = ctx;
  const absent = world.contacts.get(absence.caregiverId);
  const caregiver = absent ? nameOf(absent) : "";
  for (const cover of covers) {
    const contract = world.contracts.get(cover.contractId);
    if (!contract) continue;
    for (const r of await coverRecipients(tx, world, contract, cover, audience === "all")) {
      const mail = composeMail(
        r.locale,
        "substitutionCancelled",
        { name: r.name, child: contract.childFirstName, day: localDate(cover.day, r.locale), caregiver },
        appLink(platform, world.org, "/meine"),
      );
      await platform.mailer.queue(tx, { to: r.to, organisationId: world.org.id, ...mail });
    }
  }
}

/** The parents and the former covering person of confirmed covers that fell through, in their language. */
export async function mailCoverLost(
  tx: Executor,
  ctx: ServiceContext,
  world: World,
  covers: readonly CoverRow[],
  reason: LostCover["reason"],
): Promise<void> {
  const { platform } = ctx;
  for (const cover of covers) {
    const contract = world.contracts.get(cover.contractId);
    const place = placeOf(world, cover);
    if (!contract || !place) continue;
    for (const r of await coverRecipients(tx, world, contract, cover, true)) {
      const t = translator(r.locale);
      const mail = composeMail(
        r.locale,
        "substitutionCoverLost",
        {
          name: r.name,
          child: contract.childFirstName,
          day: localDate(cover.day, r.locale),
          cover: place.name,
          reason:
            reason === "coverAbsent"
              ? t("mail.substitutionCoverLostAbsent", { cover: place.name })
              : t("mail.substitutionCoverLostKita"),
        },
        appLink(platform, world.org, "/meine"),
      );
      await platform.mailer.queue(tx, { to: r.to, organisationId: world.org.id, ...mail });
    }
  }
}
