import type { AssuranceLevel } from "../../bindings/AssuranceLevel";

/**
 * The NHS tag colour for a level by its place on the scale, strongest first: green for the
 * strongest, red for the weakest, blue and orange between. The level's word is always shown too.
 */
export function levelTag(levels: AssuranceLevel[], code: string): string {
  const i = levels.findIndex((l) => l.code === code);
  if (i < 0) return "nhsuk-tag--grey";
  const last = levels.length - 1;
  if (i === 0) return "nhsuk-tag--green";
  if (i === last) return "nhsuk-tag--red";
  return i / last < 0.5 ? "nhsuk-tag--blue" : "nhsuk-tag--orange";
}

/** "1 challenge", "3 challenges". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
