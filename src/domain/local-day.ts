import { TZDate } from "@date-fns/tz";
import type { LocalDate } from "./types.ts";

// Conversions between instants and district-local calendar days. A LocalDate
// means "that day in the district", whatever the server's own time zone.

export function toLocalDate(instant: Date, timeZone: string): LocalDate {
  const z = new TZDate(instant.getTime(), timeZone);
  return `${z.getFullYear()}-${String(z.getMonth() + 1).padStart(2, "0")}-${String(z.getDate()).padStart(2, "0")}`;
}

/** The instant the local day begins (00:00 in the district). */
export function dayStart(date: LocalDate, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, timeZone).getTime());
}

/** The last millisecond of the local day: "as of" a day includes all of it. */
export function dayEnd(date: LocalDate, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d + 1, 0, 0, 0, timeZone).getTime() - 1);
}

/** An instant as the district reads it: "2026-12-04 21:06" in its time zone (no "Z", no UTC). */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  const z = new TZDate(instant.getTime(), timeZone);
  return `${toLocalDate(instant, timeZone)} ${String(z.getHours()).padStart(2, "0")}:${String(z.getMinutes()).padStart(2, "0")}`;
}
