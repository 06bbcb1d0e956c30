import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { AssuranceLevel } from "../../bindings/AssuranceLevel";
import type { ErrorBody } from "../../bindings/ErrorBody";
import { seriousAxeProblems } from "../../test-axe";
import AssuranceLevelSettings from "./AssuranceLevelSettings.svelte";
import { mockCommands } from "../../test-commands";

const defaults: AssuranceLevel[] = [
  { code: "substantial", label: "Substantial", definition: "Sound and working well." },
  { code: "reasonable", label: "Reasonable", definition: "Largely sound." },
  { code: "limited", label: "Limited", definition: "Significant weaknesses." },
  { code: "none", label: "No assurance", definition: "Not working." },
];

/** Mocks the core, recording each scale sent to it; `save` answers the save, as the core would. */
function mockLevels(save: (levels: AssuranceLevel[]) => AssuranceLevel[] = (levels) => levels) {
  const sent: AssuranceLevel[][] = [];
  mockCommands({
    assurance_levels: () => defaults,
    save_assurance_levels: (args) => {
      const { levels } = args as { levels: AssuranceLevel[] };
      sent.push(levels);
      return save(levels);
    },
  });
  return sent;
}

/** Renders the levels with the page's part played by a prop: a reported problem is shown back. */
function renderLevels() {
  const view = render(AssuranceLevelSettings, {
    error: null,
    onerror: (e: ErrorBody | null) => view.rerender({ error: e }),
  });
  return view;
}

const button = (name: string) => screen.getByRole("button", { name });
const status = () => screen.getByRole("status");

describe("settings: assurance levels", () => {
  it("adds a fifth level, leaving its code to the core", async () => {
    const sent = mockLevels((levels) => levels.map((l) => (l.code ? l : { ...l, code: "inadequate" })));
    const user = userEvent.setup();
    renderLevels();
    await user.click(await screen.findByRole("button", { name: "Add an assurance level" }));
    const added = screen.getByLabelText("Level 5 wording (weakest)");
    expect(document.activeElement).toBe(added);
    expect(document.getElementById(added.getAttribute("aria-describedby") ?? "")?.textContent).toContain("given a code when the levels are saved");
    await user.type(added, "Inadequate");
    await user.type(screen.getByLabelText("What level 5 means"), "Nothing is in place.");
    await user.click(button("Save assurance levels"));

    expect(await screen.findByText("The assurance levels were saved.")).toBeTruthy();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(5);
    expect(sent[0].map((l) => l.code)).toEqual(["substantial", "reasonable", "limited", "none", ""]);
    expect(sent[0][4]).toEqual({ code: "", label: "Inadequate", definition: "Nothing is in place." });
    // The code the core gave is shown from then on.
    expect(screen.getByText("Kept with each scrutiny entry as “inadequate”")).toBeTruthy();
  });

  it("moves a level up, keeping every code with its level", async () => {
    const sent = mockLevels();
    const user = userEvent.setup();
    renderLevels();
    await user.click(await screen.findByRole("button", { name: "Move up assurance level 3" }));
    expect(status().textContent).toContain("“Limited” is now level 2 of 4. Save the assurance levels to keep this order.");
    // Focus stays on the moved level's button, now named for its new place.
    expect(document.activeElement).toBe(button("Move up assurance level 2"));
    expect((screen.getByLabelText("Level 2 wording") as HTMLInputElement).value).toBe("Limited");

    await user.click(button("Save assurance levels"));
    expect(sent[0]).toEqual([defaults[0], defaults[2], defaults[1], defaults[3]]);
  });

  it("moves focus to the other button when a level reaches the top", async () => {
    mockLevels();
    const user = userEvent.setup();
    renderLevels();
    await user.click(await screen.findByRole("button", { name: "Move up assurance level 2" }));
    expect(screen.queryByRole("button", { name: "Move up assurance level 1" })).toBeNull();
    expect(document.activeElement).toBe(button("Move down assurance level 1"));
  });

  it("shows the core's refusal to remove a level that entries use", async () => {
    const sent = mockLevels(() => {
      throw {
        kind: "InUse",
        message: "The assurance level 'Limited' is used by scrutiny entries, so it cannot be removed. Reword it instead.",
        field: null,
      };
    });
    const user = userEvent.setup();
    renderLevels();
    await user.click(await screen.findByRole("button", { name: "Remove assurance level 3" }));
    expect(status().textContent).toContain("“Limited” will be removed when you save the assurance levels.");
    // Focus moves to the level that took its place.
    expect(document.activeElement).toBe(screen.getByLabelText("Level 3 wording (weakest)"));
    await user.click(button("Save assurance levels"));

    expect(sent[0].map((l) => l.code)).toEqual(["substantial", "reasonable", "none"]);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The assurance level 'Limited' is used by scrutiny entries, so it cannot be removed. Reword it instead.");
    expect(document.activeElement).toBe(alert);
    expect(document.getElementById("assurance-levels-error")?.textContent).toContain("cannot be removed");
    expect(screen.getByLabelText("Level 1 wording (strongest)").getAttribute("aria-describedby")).toContain("assurance-levels-error");
    expect(screen.queryByRole("status")).toBeNull();
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });

  it("links the core's check of the scale to the first level", async () => {
    mockLevels(() => {
      throw { kind: "Validation", message: "Every assurance level needs a label and a one-line definition.", field: "assuranceLevels" };
    });
    const user = userEvent.setup();
    renderLevels();
    await user.clear(await screen.findByLabelText("What level 2 means"));
    await user.click(button("Save assurance levels"));
    const alert = await screen.findByRole("alert");
    const link = within(alert).getByRole("link", { name: "Every assurance level needs a label and a one-line definition." });
    expect(link.getAttribute("href")).toBe(`#${screen.getByLabelText("Level 1 wording (strongest)").id}`);
  });

  it("stops adding at six levels and removing at two", async () => {
    const sent = mockLevels();
    const user = userEvent.setup();
    renderLevels();
    const add = await screen.findByRole("button", { name: "Add an assurance level" });
    await user.click(add);
    await user.click(add);
    expect(screen.getAllByRole("listitem")).toHaveLength(6);
    await user.click(add);
    expect(screen.getAllByRole("listitem")).toHaveLength(6);
    expect(status().textContent).toContain("An assurance scale can have at most six levels. Remove a level before adding another.");

    for (const n of [6, 5, 4, 3]) await user.click(button(`Remove assurance level ${n}`));
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
    await user.click(button("Remove assurance level 2"));
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
    expect(status().textContent).toContain("An assurance scale needs at least two levels. Add another level before removing “Reasonable”.");
    expect(sent).toEqual([]);
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });
});
