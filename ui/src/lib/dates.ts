const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** `2026-08-06` → `06/08/2026`, for tables and inputs. */
export function dense(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

/** `2026-08-06` → `6 August 2026`, for prose. */
export function prose(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A UTC timestamp shown in UK time, e.g. `6 August 2026, 14:05`. */
export function timestamp(utc: string): string {
  const when = new Date(utc);
  const fmt = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });
  return fmt.format(when);
}

/** The UK date of a UTC timestamp, e.g. `6 August 2026`. */
export function ukDate(utc: string): string {
  const fmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
  return fmt.format(new Date(utc));
}

/** Today as `06/08/2026`, a default for date inputs. */
export function todayDense(now: Date = new Date()): string {
  const d = String(now.getDate()).padStart(2, "0");
  const m = String(now.getMonth() + 1).padStart(2, "0");
  return `${d}/${m}/${now.getFullYear()}`;
}

/** Today as an ISO date in local time, `2026-08-06`, to compare with a record's day. */
export function todayIso(now: Date = new Date()): string {
  const d = String(now.getDate()).padStart(2, "0");
  const m = String(now.getMonth() + 1).padStart(2, "0");
  return `${now.getFullYear()}-${m}-${d}`;
}
