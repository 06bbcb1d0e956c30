/** Shading for a count of entries in the coverage grid: 0, 1, 2, 3 or 4, and 5 or more. */
export const HEAT = [
  { step: 0, legend: "No entries" },
  { step: 1, legend: "1 entry" },
  { step: 2, legend: "2 entries" },
  { step: 3, legend: "3 or 4 entries" },
  { step: 4, legend: "5 or more entries" },
] as const;

export function heatStep(count: number): number {
  if (count <= 0) return 0;
  if (count <= 2) return count;
  return count <= 4 ? 3 : 4;
}

const LEVEL_TAGS = ["nhsuk-tag--green", "nhsuk-tag--yellow", "nhsuk-tag--orange", "nhsuk-tag--red"];

/** The tag colour for the level at `index` of `count` levels, strongest (green) to weakest (red). */
export function levelTag(index: number, count: number): string {
  if (index < 0) return "nhsuk-tag--grey";
  if (count <= 1) return LEVEL_TAGS[0];
  return LEVEL_TAGS[Math.round((index / (count - 1)) * (LEVEL_TAGS.length - 1))];
}
