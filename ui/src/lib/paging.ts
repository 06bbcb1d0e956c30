// Long lists (the challenge log, the action tracker) are fetched and shown a page at a time.

/** How many items one page shows; the core accepts 1 to 500. */
export const PAGE_SIZE = 50;

/** A count as it is written: "345", "100,000". */
export const number = (n: number) => n.toLocaleString("en-GB");

/** How many pages `total` items fill; at least 1, so an empty list is "page 1 of 1". */
export function pageCount(total: number, limit: number = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / limit));
}

/** The 1-based number of the page that starts at `offset`. */
export function pageNumber(offset: number, limit: number = PAGE_SIZE): number {
  return Math.floor(offset / limit) + 1;
}

/** Where the last page starts. */
export function lastPageOffset(total: number, limit: number = PAGE_SIZE): number {
  return (pageCount(total, limit) - 1) * limit;
}

/** "Page 2 of 7". */
export function pagePosition(offset: number, total: number, limit: number = PAGE_SIZE): string {
  return `Page ${number(pageNumber(offset, limit))} of ${number(pageCount(total, limit))}`;
}

/**
 * Which items a page shows: "Showing 51 to 100 of 345 challenges", or "Showing challenge 7 of 7"
 * when the page holds one. Empty when nothing matches, as the screen then says so in words.
 */
export function showing(offset: number, shown: number, total: number, one: string, many = `${one}s`): string {
  if (total === 0 || shown === 0) return "";
  const from = offset + 1;
  const to = offset + shown;
  if (from === to) return `Showing ${one} ${number(from)} of ${number(total)}`;
  return `Showing ${number(from)} to ${number(to)} of ${number(total)} ${total === 1 ? one : many}`;
}
