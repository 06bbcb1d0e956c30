import type { Period } from "../../bindings/Period";
import type { PeriodChoice } from "../../bindings/PeriodChoice";

/** The period a choice's code stands for, or null for all time (an empty or unknown code). */
export function periodOf(choices: PeriodChoice[], code: string): Period | null {
  return choices.find((c) => c.code === code)?.period ?? null;
}
