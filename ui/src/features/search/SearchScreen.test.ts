import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SearchHit } from "../../bindings/SearchHit";
import SearchScreen from "./SearchScreen.svelte";
import { mockCommands } from "../../test-commands";

const hit: SearchHit = {
  kind: "challenge",
  recordId: "e1",
  contextId: null,
  day: "2026-05-12",
  title: [{ text: "Where is the voice of the child?", matched: false }],
  snippet: [
    { text: "The team will add ", matched: false },
    { text: "case", matched: true },
    { text: " ", matched: false },
    { text: "studies", matched: true },
  ],
};

describe("search", () => {
  it("searches as the person types and marks the matching words", async () => {
    const asked: unknown[] = [];
    mockCommands({
      recent_periods: () => [],
      search_kinds: () => [{ value: "challenge", label: "Challenge" }, { value: "action", label: "Action" }],
      search: (args) => {
        asked.push(args);
        return { hits: [hit], total: 1, offset: 0, ranked: 1, more: false };
      },
    });
    const user = userEvent.setup();
    render(SearchScreen);
    await user.type(screen.getByRole("searchbox", { name: "Search the board’s records" }), "case stud");
    expect(await screen.findByRole("heading", { name: "1 result" })).toBeTruthy();
    expect(asked.at(-1)).toEqual({ text: "case stud", filter: { kinds: [], period: null }, offset: 0 });
    const marks = Array.from(document.querySelectorAll("mark")).map((m) => m.textContent);
    expect(marks).toEqual(["case", "studies"]);
    expect(screen.getByRole("link", { name: "Where is the voice of the child?" }).getAttribute("href")).toBe("#/scrutiny/e1/edit");
    expect(screen.getByText("12/05/2026")).toBeTruthy();
    expect(screen.getByText("Challenge", { selector: "strong" })).toBeTruthy();
    expect(screen.queryByText(/More than/)).toBeNull();

    await user.selectOptions(screen.getByLabelText("Only"), "challenge");
    await vi.waitFor(() => expect(asked.at(-1)).toEqual({ text: "case stud", filter: { kinds: ["challenge"], period: null }, offset: 0 }));
  });

  it("says when more records match than were ranked, and how to narrow the search", async () => {
    mockCommands({
      recent_periods: () => [],
      search_kinds: () => [],
      search: () => ({ hits: [hit], total: 912, offset: 0, ranked: 500, more: true }),
    });
    const user = userEvent.setup();
    render(SearchScreen);
    await user.type(screen.getByRole("searchbox", { name: "Search the board’s records" }), "voice");
    expect(await screen.findByText(/More than 500 records match\. These are the best of the 500 most recent/)).toBeTruthy();
  });

  it("reports the true number of matches and pages through them", async () => {
    const asked: { offset: number }[] = [];
    const page = (offset: number) =>
      Array.from({ length: offset === 100 ? 17 : 50 }, (_, i) => ({ ...hit, recordId: `e${offset + i}`, title: [{ text: `Challenge ${offset + i}`, matched: false }] }));
    mockCommands({
      recent_periods: () => [],
      search_kinds: () => [],
      search: (args) => {
        const offset = (args as { offset: number }).offset;
        asked.push({ offset });
        return { hits: page(offset), total: 117, offset, ranked: 117, more: false };
      },
    });
    const user = userEvent.setup();
    render(SearchScreen);
    await user.type(screen.getByRole("searchbox", { name: "Search the board’s records" }), "maternity");
    expect(await screen.findByRole("heading", { name: "117 results" })).toBeTruthy();
    expect(screen.getByText("Showing 1 to 50 of 117, the best first.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Next 50" }));
    expect(await screen.findByText("Showing 51 to 100 of 117, the best first.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Challenge 50" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Next 17" }));
    expect(await screen.findByText("Showing 101 to 117 of 117, the best first.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Next/ })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Previous 50" }));
    expect(await screen.findByText("Showing 51 to 100 of 117, the best first.")).toBeTruthy();
    expect(asked.map((a) => a.offset).filter((o, i, all) => o !== all[i - 1])).toEqual([0, 50, 100, 50]);
  });
});
