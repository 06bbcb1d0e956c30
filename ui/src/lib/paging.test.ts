import { describe, expect, it } from "vitest";
import { lastPageOffset, pageCount, pageNumber, pagePosition, showing } from "./paging";

describe("paging", () => {
  it("counts pages of 50, with at least one", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(50)).toBe(1);
    expect(pageCount(51)).toBe(2);
    expect(pageCount(345)).toBe(7);
    expect(pageNumber(0)).toBe(1);
    expect(pageNumber(50)).toBe(2);
    expect(lastPageOffset(345)).toBe(300);
    expect(lastPageOffset(100)).toBe(50);
    expect(lastPageOffset(0)).toBe(0);
    expect(pagePosition(50, 345)).toBe("Page 2 of 7");
  });

  it("says which items a page shows", () => {
    expect(showing(50, 50, 345, "challenge")).toBe("Showing 51 to 100 of 345 challenges");
    expect(showing(300, 45, 345, "challenge")).toBe("Showing 301 to 345 of 345 challenges");
    expect(showing(0, 1, 1, "action")).toBe("Showing action 1 of 1");
    expect(showing(50, 1, 51, "action")).toBe("Showing action 51 of 51");
    expect(showing(0, 50, 100_000, "challenge")).toBe("Showing 1 to 50 of 100,000 challenges");
    expect(showing(0, 0, 0, "challenge")).toBe("");
  });
});
