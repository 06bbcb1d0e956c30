import type { Status } from "../bindings/Status";

/** Each compliance status as its word and NHS tag colour; the word is always shown. */
export const STATUS: Record<Status, { label: string; tag: string }> = {
  "in-date": { label: "In date", tag: "nhsuk-tag--green" },
  "due-soon": { label: "Due soon", tag: "nhsuk-tag--yellow" },
  expired: { label: "Expired", tag: "nhsuk-tag--red" },
  "not-met": { label: "Not met", tag: "nhsuk-tag--orange" },
  "not-required": { label: "Not required", tag: "nhsuk-tag--grey" },
};
