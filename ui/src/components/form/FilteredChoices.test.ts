import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { seriousAxeProblems } from "../../test-axe";
import FilteredChoices from "./FilteredChoices.svelte";

type Challenge = { id: string; text: string };
const challenges: Challenge[] = Array.from({ length: 176 }, (_, i) => ({
  id: `e${i}`,
  text: i % 40 === 0 ? `How is the voice of the child heard in case ${i}?` : `Question about training number ${i}`,
}));

describe("a long list of choices", () => {
  it("filters as you type, says how many it shows, and never hides what is chosen", async () => {
    const user = userEvent.setup();
    render(FilteredChoices<Challenge>, {
      props: { id: "ev", label: "challenges you raised", items: challenges, key: (c: Challenge) => c.id, text: (c: Challenge) => c.text, chosen: ["e3"] },
    });
    expect(screen.getByText("176 challenges you raised, 1 chosen.")).toBeTruthy();
    await user.type(screen.getByRole("searchbox", { name: "Filter the challenges you raised" }), "voice child");
    expect(await screen.findByText("Showing 6 of 176 challenges you raised, 1 chosen.")).toBeTruthy();
    const boxes = screen.getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((b) => b.id)).toEqual(["ev-e0", "ev-e3", "ev-e40", "ev-e80", "ev-e120", "ev-e160"]);
    expect(boxes[1].checked).toBe(true);
    await user.click(screen.getByRole("checkbox", { name: "How is the voice of the child heard in case 40?" }));
    expect(await screen.findByText("Showing 6 of 176 challenges you raised, 2 chosen.")).toBeTruthy();
    await user.clear(screen.getByRole("searchbox", { name: "Filter the challenges you raised" }));
    await user.type(screen.getByRole("searchbox", { name: "Filter the challenges you raised" }), "nothing like this");
    expect(await screen.findByText("None matches “nothing like this”; those chosen are still listed.")).toBeTruthy();
    expect(screen.getAllByRole("checkbox")).toHaveLength(2);
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });

  it("has no filter for a short list", () => {
    render(FilteredChoices<Challenge>, {
      props: { id: "t", label: "training records", items: challenges.slice(0, 3), key: (c: Challenge) => c.id, text: (c: Challenge) => c.text },
    });
    expect(screen.queryByRole("searchbox")).toBeNull();
    expect(screen.getByText("3 training records.")).toBeTruthy();
  });
});
