/**
 * Wall-clock times in a time zone (Europe/Berlin) and the instants they name. Meetings are agreed in local
 * time ("19:30"), stored as instants, and shown again in local time; the zone's rules come from the runtime's
 * Intl data, so the conversion is right on every server whatever its own zone.
 */

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormatters.set(timeZone, format);
  }
  return format;
}

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallPartsAt(instantMs: number, timeZone: string): WallParts & { second: number } {
  const parts = formatter(timeZone).formatToParts(new Date(instantMs));
  const find = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: find("year"),
    month: find("month"),
    day: find("day"),
    hour: find("hour"),
    minute: find("minute"),
    second: find("second"),
  };
}

/** The zone's offset from UTC in milliseconds at an instant (Berlin: +1 h in winter, +2 h in summer). */
export function zoneOffsetMs(instantMs: number, timeZone = "Europe/Berlin"): number {
  const p = wallPartsAt(instantMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant of a local date and time ("2026-10-25", "19:30"). "24:00" is the next midnight. A time that
 * does not exist (02:30 on the March switch) is taken one hour later, as clocks show it; a time that exists
 * twice (02:30 on the October switch) is the first one.
 */
export function zonedInstant(date: string, time: string, timeZone = "Europe/Berlin"): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wallMs = Date.UTC(year, month - 1, day, hour, minute);
  // Offsets change at most once a day: the offsets a day before and after are the only candidates.
  const before = zoneOffsetMs(wallMs - 86_400_000, timeZone);
  const after = zoneOffsetMs(wallMs + 86_400_000, timeZone);
  const candidates = [wallMs - before, wallMs - after].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (candidate + zoneOffsetMs(candidate, timeZone) === wallMs) return new Date(candidate);
  }
  // In the gap of the spring switch: the wall time read with the offset before it, i.e. the skipped hour later.
  return new Date(wallMs - before);
}

/** The local date and "HH:MM" time of an instant. */
export function zonedWallTime(instant: Date, timeZone = "Europe/Berlin"): { date: string; time: string } {
  const p = wallPartsAt(instant.getTime(), timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return { date: `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}
