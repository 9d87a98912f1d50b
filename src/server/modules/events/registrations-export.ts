import type { Locale } from "../../../contracts/i18n";
import { todayIso } from "../../../core/shared/dates";
import { writeAudit } from "../../platform/audit/audit";
import { formatCsv } from "../../platform/csv";
import { translator } from "../../platform/i18n";
import type { ServiceContext } from "../../platform/types";
import { listForEvent } from "./registrations.service";

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

function dateTime(iso: string | null, locale: Locale): string {
  if (!iso) return "";
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
      dateStyle: "short",
      timeStyle: "short",
      timeZone: "Europe/Berlin",
    });
    dateTimeFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

/**
 * The registrations of one date as CSV for the organisers' spreadsheet (name tags, a list at the door, who
 * brings what): every registration with its state and one column per question, in the caller's language.
 * It holds names and addresses, so the export is audited like the member register's.
 */
export async function exportRegistrationsCsv(
  ctx: ServiceContext,
  id: string,
): Promise<{ filename: string; content: string }> {
  const list = await listForEvent(ctx, id);
  const t = translator(ctx.locale);
  const header = [
    t("events.registrations.csv.name"),
    t("events.registrations.csv.email"),
    t("events.registrations.csv.kind"),
    t("events.registrations.csv.status"),
    t("events.registrations.csv.waitingPosition"),
    t("events.registrations.csv.registeredAt"),
    t("events.registrations.csv.cancelledAt"),
    t("events.registrations.csv.attended"),
    ...list.questions.map((q) => q.label),
  ];
  const yesNo = (value: boolean | null) =>
    value === null ? "" : t(value ? "events.questions.yes" : "events.questions.no");
  const rows = list.items.map((r) => [
    r.name,
    r.email,
    t(r.isGuest ? "events.registrations.csv.guest" : "events.registrations.csv.member"),
    t(`events.registrations.csv.statuses.${r.status}`),
    r.waitingPosition === null ? "" : String(r.waitingPosition),
    dateTime(r.registeredAt, ctx.locale),
    dateTime(r.cancelledAt, ctx.locale),
    yesNo(r.attended),
    ...list.questions.map((q) => {
      const answer = r.answers.find((a) => a.questionId === q.id);
      if (!answer) return "";
      return typeof answer.value === "boolean" ? yesNo(answer.value) : answer.value;
    }),
  ]);
  await writeAudit(ctx.platform.db, {
    organisationId: ctx.organisation?.id ?? null,
    actorUserId: ctx.actor?.userId ?? null,
    action: "events.registrationsExported",
    entityType: "event",
    entityId: list.event.id,
    details: { count: rows.length },
    ip: ctx.ip,
  });
  const day = todayIso(new Date(list.event.startsAt));
  return {
    filename: `${t("events.registrations.csv.fileName")}-${day}.csv`,
    content: formatCsv(header, rows),
  };
}
