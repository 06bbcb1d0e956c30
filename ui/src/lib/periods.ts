import type { Period } from "../bindings/Period";
import type { PeriodChoice } from "../bindings/PeriodChoice";

/** The period a choice's code stands for, or null for all time (an empty or unknown code). */
export function periodOf(choices: PeriodChoice[], code: string): Period | null {
  return choices.find((c) => c.code === code)?.period ?? null;
}

/** A period in short words: `2026/27` for a year, `2026/27 Q2` for a quarter. */
export function periodName(p: Period): string {
  const year = `${p.year}/${String((p.year + 1) % 100).padStart(2, "0")}`;
  return p.quarter ? `${year} Q${p.quarter}` : year;
}

/** Whether two values name the same period. */
export function samePeriod(a: Period, b: Period): boolean {
  return a.year === b.year && (a.quarter ?? null) === (b.quarter ?? null);
}
