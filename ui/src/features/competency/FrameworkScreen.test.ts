import { render, screen, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Framework } from "../../bindings/Framework";
import { frameworkSummary, options } from "../../test-fixtures";
import FrameworkScreen from "./FrameworkScreen.svelte";
import { mockCommands } from "../../test-commands";

const source = { document: "000_a939462d5240f456.txt", section: "Chair" };
const item = (id: string, text: string) => ({ id, text, source });

function framework(id: string, title: string): Framework {
  return {
    formatVersion: 1,
    id,
    title,
    description: "",
    source: { document: "000_a939462d5240f456.txt", title },
    expectation: item("smc.expectation", "Expectation – accountability by the board"),
    jobRoles: {
      introduction: item("smc.jobroles.intro", "This applies to senior managers"),
      categories: [item("smc.jobroles.1", "Board members")],
      nationTitles: [{ id: "smc.jobroles.england", nation: "england", text: "Chief Nurse", source }],
    },
    overview: [],
    roles: [
      {
        code: "chair",
        title: "Chair",
        purpose: item("smc.role.chair.purpose", "Leads the board"),
        responsibilitiesHeading: "Key responsibilities",
        responsibilities: [item("smc.role.chair.responsibility.1", "promote a positive culture")],
      },
    ],
    coreCompetencies: { stem: "Health care staff at this level should:", appliesTo: "all board members", items: [item("smc.core.1", "build, maintain, and sustain")] },
    voices: [],
    corrections: [{ itemId: "smc.core.1", kind: "joined", note: "Rejoined a line split across pages." }],
    sourceGaps: [{ itemId: "smc.role.chair.responsibility.1", note: "The published list ends here." }],
    omitted: [{ text: "Arrow graphic caption", note: "Image captions, not the framework’s words." }],
  };
}

const library = [
  frameworkSummary(),
  frameworkSummary({
    id: "adult-safeguarding",
    title: "Adult safeguarding for boards",
    builtIn: false,
    itemCount: 1,
    appliesTo: { everyone: false, roles: ["chair"] },
    importedAt: "2026-11-20T10:00:00.000Z",
  }),
];

function mockFrameworks(asked: unknown[]) {
  mockCommands({
    list_frameworks: () => library,
    register_options: () => options,
    get_framework: (args) => {
      asked.push(args);
      const id = (args as { id: string }).id;
      return framework(id, library.find((f) => f.id === id)!.title);
    },
  });
}

describe("the framework library", () => {
  it("lists the library and shows the built-in framework when none is chosen", async () => {
    const asked: unknown[] = [];
    mockFrameworks(asked);
    render(FrameworkScreen, { id: null });
    expect(await screen.findByRole("heading", { level: 2, name: "Competencies for Senior Managers and Executives" })).toBeTruthy();
    expect(asked).toEqual([{ id: "senior-manager-children" }]);

    const nav = await screen.findByRole("navigation", { name: "Framework library" });
    expect(within(nav).getByText("Competencies for Senior Managers and Executives").getAttribute("aria-current")).toBe("page");
    const other = within(nav).getByRole("link", { name: "Adult safeguarding for boards" });
    expect(other.getAttribute("href")).toBe("#/framework/adult-safeguarding");
    expect(nav.textContent).toContain("Built in. 42 items. Applies to every board member.");
    expect(nav.textContent).toContain("Imported 20/11/2026. 1 item. Applies to Chair.");
  });

  it("shows the chosen framework with its roles, item ids, source gaps, corrections and omitted lines", async () => {
    const asked: unknown[] = [];
    mockFrameworks(asked);
    render(FrameworkScreen, { id: "adult-safeguarding" });
    expect(await screen.findByRole("heading", { level: 2, name: "Adult safeguarding for boards" })).toBeTruthy();
    expect(asked).toEqual([{ id: "adult-safeguarding" }]);
    expect(screen.getByText("Expectation – accountability by the board")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3, name: "Chair" })).toBeTruthy();
    const responsibility = screen.getByText(/promote a positive culture/);
    expect(responsibility.textContent).toContain("(smc.role.chair.responsibility.1)");
    expect(responsibility.textContent).toContain("Source note: The published list ends here.");
    expect(screen.getByText(/build, maintain, and sustain/).textContent).toContain("(smc.core.1)");
    expect(screen.getByText("Rejoined a line split across pages.")).toBeTruthy();
    expect(screen.getByText(/Left out: “Arrow graphic caption”/).textContent).toContain("Image captions, not the framework’s words.");
    expect(screen.getByText("Chief Nurse")).toBeTruthy();
  });

  it("explains a framework that cannot be found", async () => {
    mockCommands({
      list_frameworks: () => library,
      register_options: () => options,
      get_framework: () => { throw { kind: "NotFound", message: "No framework has the id 'gone'.", field: null }; },
    });
    render(FrameworkScreen, { id: "gone" });
    expect(await screen.findByText("No framework has the id 'gone'.")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Competency frameworks" })).toBeTruthy();
  });
});
