import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "./commands";

describe("the list of commands", () => {
  it("names exactly the commands api.ts invokes", () => {
    const source = readFileSync(resolve(__dirname, "api.ts"), "utf8");
    const invoked = [...source.matchAll(/\bcall(?:<.*?>)?\(\s*"([a-z_]+)"/g)].map((m) => m[1]);
    expect(new Set(invoked).size).toBeGreaterThan(0);
    expect([...new Set(invoked)].sort()).toEqual([...commands].sort());
  });
});
