import { describe, expect, it } from "vitest";
import { dense, prose, todayDense, ukDate } from "./dates";

describe("British dates", () => {
  it("shows day first, never month first", () => {
    expect(dense("2026-08-06")).toBe("06/08/2026");
    expect(prose("2026-08-06")).toBe("6 August 2026");
    expect(todayDense(new Date(2026, 0, 9))).toBe("09/01/2026");
    expect(dense(null)).toBe("");
    // Just after midnight in summer time is already the next day in the UK.
    expect(ukDate("2026-08-05T23:30:00.000Z")).toBe("6 August 2026");
    expect(ukDate("2026-01-05T23:30:00.000Z")).toBe("5 January 2026");
  });
});
