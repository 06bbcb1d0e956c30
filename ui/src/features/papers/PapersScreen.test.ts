import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { CoverField } from "../../bindings/CoverField";
import type { Period } from "../../bindings/Period";
import { coverSheet, paperDocument, periodChoices } from "../../test-fixtures";
import PapersScreen from "./PapersScreen.svelte";
import { seriousAxeProblems } from "../../test-axe";
import { mockCommands, type Handlers } from "../../test-commands";


function mockPapers(handlers: Handlers = {}) {
  return mockCommands({
    recent_periods: () => periodChoices,
    protective_marking: () => "OFFICIAL-SENSITIVE",
    paper_cover: (args) => coverSheet({ period: (args as { period: Period }).period }),
    preview_paper: () => paperDocument(),
    ...handlers,
  });
}

const section = (name: string) => screen.getByRole("region", { name });

describe("the papers screen: cover sheet", () => {
  it("loads the cover sheet of the current year and saves what was edited", async () => {
    const calls = mockPapers({
      save_paper_cover: (args) => {
        const { period, values } = args as { period: Period; values: Record<string, string> };
        return coverSheet({ period, values: Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim())) });
      },
    });
    render(PapersScreen);
    const title = (await screen.findByLabelText("Title")) as HTMLInputElement;
    expect(calls.paper_cover).toEqual([{ period: { year: 2026, quarter: null } }]);
    expect(title.value).toBe("Safeguarding assurance report 2026/27");
    expect((screen.getByLabelText("Executive lead") as HTMLInputElement).value).toBe("Chief Nurse");
    // A long field is a multi-line box.
    const summary = screen.getByLabelText("Executive summary");
    expect(summary.tagName).toBe("TEXTAREA");

    const user = userEvent.setup();
    await user.clear(screen.getByLabelText("Executive lead"));
    await user.type(summary, "Assurance is reasonable.");
    await user.click(screen.getByRole("button", { name: "Save cover sheet" }));

    expect((await within(section("Cover sheet")).findByRole("status")).textContent).toContain("The cover sheet was saved.");
    expect(calls.save_paper_cover).toEqual([
      {
        period: { year: 2026, quarter: null },
        values: { title: "Safeguarding assurance report 2026/27", "executive-lead": "", "executive-summary": "Assurance is reasonable." },
      },
    ]);
    // The preview is made again with the new cover sheet.
    await screen.findAllByRole("heading", { name: "Cover sheet", level: 3 });
    expect(calls.preview_paper).toHaveLength(2);
  });

  it("builds the form afresh for another period", async () => {
    const calls = mockPapers({
      paper_cover: (args) => {
        const { period } = args as { period: Period };
        return coverSheet({ period, values: period.quarter === 2 ? { title: "Quarter 2 report" } : { title: "Year report" } });
      },
    });
    render(PapersScreen);
    const user = userEvent.setup();
    const title = (await screen.findByLabelText("Title")) as HTMLInputElement;
    expect(title.value).toBe("Year report");
    await user.type(title, " (draft)");
    await user.selectOptions(screen.getByLabelText("The financial year or quarter the paper reports on"), "Q2 2026/27");
    await screen.findByDisplayValue("Quarter 2 report");
    expect(screen.queryByDisplayValue(/draft/)).toBeNull();
    expect(calls.paper_cover).toEqual([{ period: { year: 2026, quarter: null } }, { period: { year: 2026, quarter: 2 } }]);
    expect(calls.preview_paper).toEqual([
      { period: { year: 2026, quarter: null }, sections: ["summary"] },
      { period: { year: 2026, quarter: 2 }, sections: ["summary"] },
    ]);
  });

  it("ties the core's error to the field it is about", async () => {
    mockPapers({
      save_paper_cover: () => {
        throw { kind: "Validation", message: "Executive summary is too long: at most 4000 characters.", field: "executive-summary" };
      },
    });
    render(PapersScreen);
    await screen.findByLabelText("Title");
    await userEvent.setup().click(screen.getByRole("button", { name: "Save cover sheet" }));
    const alert = await screen.findByRole("alert");
    const link = within(alert).getByRole("link", { name: "Executive summary is too long: at most 4000 characters." });
    expect(link.getAttribute("href")).toBe("#cover-executive-summary");
    const summary = screen.getByLabelText("Executive summary");
    expect(summary.getAttribute("aria-describedby")).toBe("cover-executive-summary-error");
    expect(within(section("Cover sheet")).queryByRole("status")).toBeNull();
  });
});

describe("the papers screen: protective marking", () => {
  it("shows the marking and saves a new one", async () => {
    const calls = mockPapers({ save_protective_marking: (args) => (args as { marking: string }).marking.trim() });
    render(PapersScreen);
    const marking = (await screen.findByRole("textbox", { name: "Protective marking" })) as HTMLInputElement;
    expect(marking.value).toBe("OFFICIAL-SENSITIVE");
    const user = userEvent.setup();
    await user.clear(marking);
    await user.type(marking, "OFFICIAL");
    await user.click(screen.getByRole("button", { name: "Save protective marking" }));
    expect((await within(section("Protective marking")).findByRole("status")).textContent).toContain("Every page now shows “OFFICIAL”.");
    expect(calls.save_protective_marking).toEqual([{ marking: "OFFICIAL" }]);
  });
});

describe("the papers screen: preview", () => {
  it("shows tables with captions and column headers, and charts with words", async () => {
    mockPapers();
    render(PapersScreen);
    const preview = await screen.findByRole("region", { name: "Preview of the paper" });
    expect(preview.getAttribute("tabindex")).toBe("0");

    // Level 1 headings sit under the screen's h2s.
    expect(within(preview).getByRole("heading", { level: 3, name: "Assurance summary by area" })).toBeTruthy();
    expect(within(preview).getByRole("heading", { level: 4, name: "Areas with no scrutiny in the period" })).toBeTruthy();

    const table = within(preview).getByRole("table", { name: "Scrutiny by assurance area, 2026/27" });
    const headers = within(table).getAllByRole("columnheader");
    expect(headers.map((h) => h.textContent)).toEqual(["Area", "Challenges", "Last scrutinised"]);
    expect(headers.every((h) => h.getAttribute("scope") === "col")).toBe(true);
    expect(within(table).getAllByRole("row")[1].textContent).toContain("Leadership and accountability614/09/2026");

    // A table with no rows says so instead.
    expect(within(preview).queryByRole("table", { name: /Actions not closed/ })).toBeNull();
    expect(within(preview).getByText(/There are no open actions\./)).toBeTruthy();

    const chart = within(preview).getByRole("img", { name: "Assurance levels by area" });
    expect(chart.tagName.toLowerCase()).toBe("svg");
    const words = document.getElementById(chart.getAttribute("aria-describedby") ?? "");
    expect(words?.textContent).toContain("Leadership and accountability: 5 substantial, 1 limited");
    const key = within(preview).getByRole("list", { name: "Key to Assurance levels by area" });
    expect(within(key).getAllByRole("listitem").map((li) => li.textContent?.trim())).toEqual(["Substantial", "Limited"]);

    // Cover-sheet fields as a description list, and the marking on the page.
    expect(within(preview).getByText("Executive lead").tagName).toBe("DT");
    expect(within(preview).getAllByText("OFFICIAL-SENSITIVE")).toHaveLength(2);
    expect(within(preview).getByText(/As at 6 August 2026/)).toBeTruthy();
  });
});

describe("the papers screen: saving the paper", () => {
  it("shows a busy button while saving, then where the paper was saved", async () => {
    let finish: (v: unknown) => void = () => {};
    const calls = mockPapers({ save_paper: () => new Promise((resolve) => (finish = resolve)) });
    render(PapersScreen);
    await screen.findByLabelText("Title");
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Save as PDF…" }));
    const busy = await screen.findByRole("button", { name: "Saving…" });
    expect(busy.getAttribute("aria-busy")).toBe("true");
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Save as web page…" }) as HTMLButtonElement).disabled).toBe(true);

    finish({ path: "/home/sam/Safeguarding assurance report 2026-27.pdf", title: "Safeguarding assurance report 2026/27", bytes: 52000, pages: 12 });
    const status = await within(section("Save the paper")).findByRole("status");
    expect(status.textContent).toContain(
      "Saved “Safeguarding assurance report 2026/27” to /home/sam/Safeguarding assurance report 2026-27.pdf (12 pages).",
    );
    expect(calls.save_paper).toEqual([{ period: { year: 2026, quarter: null }, format: "pdf", sections: ["summary"] }]);
    expect((screen.getByRole("button", { name: "Save as PDF…" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("leaves out pages for a web page, and says nothing when the dialog is cancelled", async () => {
    let answer: unknown = null;
    const calls = mockPapers({ save_paper: () => answer });
    render(PapersScreen);
    await screen.findByLabelText("Title");
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Save as web page…" }));
    await screen.findByRole("button", { name: "Save as web page…" });
    expect(calls.save_paper).toEqual([{ period: { year: 2026, quarter: null }, format: "html", sections: ["summary"] }]);
    expect(within(section("Save the paper")).queryByRole("status")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();

    answer = { path: "/home/sam/report.html", title: "Safeguarding assurance report 2026/27", bytes: 52000, pages: null };
    await user.click(screen.getByRole("button", { name: "Save as web page…" }));
    const status = await within(section("Save the paper")).findByRole("status");
    expect(status.textContent).toContain("Saved “Safeguarding assurance report 2026/27” to /home/sam/report.html.");
    expect(status.textContent).not.toContain("pages");
  });

  it("shows why a save failed", async () => {
    mockPapers({
      save_paper: () => {
        throw { kind: "Io", message: "Could not write the file: permission denied.", field: null };
      },
    });
    render(PapersScreen);
    await screen.findByLabelText("Title");
    await userEvent.setup().click(screen.getByRole("button", { name: "Save as PDF…" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Could not write the file: permission denied.");
  });
});

describe("the papers screen: appendices", () => {
  it("sends the summary alone by default, and the appendices chosen after it in the paper's order", async () => {
    const calls = mockPapers({ save_paper: () => null });
    render(PapersScreen);
    await screen.findByLabelText("Title");
    const group = screen.getByRole("group", { name: "Appendices to print after the summary" });
    const boxes = within(group).getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([false, false, false, false]);
    expect(section("What the paper includes").textContent).toContain("always a summary of a few pages");

    const user = userEvent.setup();
    // Chosen out of order, sent in the paper's order.
    await user.click(within(group).getByLabelText("The full training matrix: every member against every requirement"));
    await user.click(within(group).getByLabelText("The full scrutiny log of the period"));
    await vi.waitFor(() => expect(calls.preview_paper).toHaveLength(3));
    expect(calls.preview_paper!.at(-1)).toEqual({ period: { year: 2026, quarter: null }, sections: ["summary", "log", "training"] });

    await user.click(screen.getByRole("button", { name: "Save as PDF…" }));
    await screen.findByRole("button", { name: "Save as PDF…" });
    expect(calls.save_paper).toEqual([{ period: { year: 2026, quarter: null }, format: "pdf", sections: ["summary", "log", "training"] }]);

    // Unticked again, the paper is the summary alone.
    await user.click(within(group).getByLabelText("The full scrutiny log of the period"));
    await user.click(within(group).getByLabelText("The full training matrix: every member against every requirement"));
    await vi.waitFor(() => expect(calls.preview_paper!.at(-1)).toEqual({ period: { year: 2026, quarter: null }, sections: ["summary"] }));
  });

  it("saves the scrutiny log or the open actions alone, without the summary", async () => {
    const calls = mockPapers({
      save_paper: () => ({ path: "/home/sam/Scrutiny log 2026-27.pdf", title: "Scrutiny log: 2026/27", bytes: 40000, pages: 9 }),
    });
    render(PapersScreen);
    await screen.findByLabelText("Title");
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Save the scrutiny log alone…" }));
    const status = await within(section("Save the paper")).findByRole("status");
    expect(status.textContent).toContain("Saved “Scrutiny log: 2026/27” to /home/sam/Scrutiny log 2026-27.pdf (9 pages).");
    await user.click(screen.getByRole("button", { name: "Save the open actions alone…" }));
    await vi.waitFor(() => expect(calls.save_paper).toHaveLength(2));
    expect(calls.save_paper).toEqual([
      { period: { year: 2026, quarter: null }, format: "pdf", sections: ["log"] },
      { period: { year: 2026, quarter: null }, format: "pdf", sections: ["actions"] },
    ]);
  });

  it("has no serious accessibility problems with appendices chosen", async () => {
    mockPapers();
    render(PapersScreen);
    await screen.findByLabelText("Title");
    await userEvent.setup().click(screen.getByLabelText("The full list of open actions, whenever raised"));
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });
});

describe("the papers screen: fields on the cover sheet", () => {

  /** The section once the fields have loaded. */
  const fieldsRegion = async () => {
    await screen.findByRole("button", { name: "Save fields" });
    return section("Fields on the cover sheet");
  };

  /** The core's answer: blank codes made from the label, as save_cover_fields does. */
  const saveFields = (args: unknown) =>
    (args as { fields: CoverField[] }).fields.map((f) => ({ ...f, code: f.code || f.label.toLowerCase().replace(/[^a-z0-9]+/g, "-") }));

  it("renames, reorders, removes and adds fields, then shows the cover sheet with them", async () => {
    let fields = coverSheet().fields;
    const calls = mockPapers({
      save_cover_fields: (args) => (fields = saveFields(args)),
      paper_cover: (args) => coverSheet({ period: (args as { period: Period }).period, fields }),
    });
    render(PapersScreen);
    const user = userEvent.setup();
    const region = await fieldsRegion();
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf("Fields on the cover sheet")).toBe(headings.indexOf("Cover sheet") + 1);

    // Rename the executive lead; the buttons say which field they act on.
    const lead = within(region).getByLabelText("Label of field 2") as HTMLInputElement;
    expect(lead.value).toBe("Executive lead");
    await user.clear(lead);
    await user.type(lead, "Lead director");
    expect(within(region).getByRole("button", { name: "Remove Lead director" })).toBeTruthy();

    // The summary moves above the lead director; the title becomes a long field.
    await user.click(within(region).getByRole("button", { name: "Move up Executive summary" }));
    expect(document.activeElement?.textContent).toContain("Move up");
    await user.click(within(region).getByLabelText("Several lines for Title"));

    // Removing asks first and says the text is kept.
    await user.click(within(region).getByRole("button", { name: "Remove Lead director" }));
    const dialog = screen.getByRole("dialog", { name: "Remove “Lead director” from the cover sheet?" });
    expect(dialog.textContent?.replace(/\s+/g, " ")).toContain("What was written in it is kept, and comes back if you add the field again");
    await user.click(within(dialog).getByRole("button", { name: "Remove field" }));
    expect(dialog.hasAttribute("open")).toBe(false);
    expect(within(region).getByRole("status").textContent).toContain("“Lead director” will be removed when you save the fields.");
    expect(within(region).queryByRole("button", { name: "Remove Lead director" })).toBeNull();

    await user.type(within(region).getByLabelText("Label of a new field"), "Patient voice{Enter}");
    expect((within(region).getByLabelText("Label of field 3") as HTMLInputElement).value).toBe("Patient voice");
    expect(calls.save_cover_fields).toBeUndefined();

    await user.click(within(region).getByRole("button", { name: "Save fields" }));
    expect((await within(region).findByRole("status")).textContent).toContain("The cover sheet fields were saved.");
    expect(calls.save_cover_fields).toEqual([
      {
        fields: [
          { code: "title", label: "Title", long: true },
          { code: "executive-summary", label: "Executive summary", long: true },
          { code: "", label: "Patient voice", long: false },
        ],
      },
    ]);
    // The cover sheet and the preview are made again with the new fields.
    expect(await screen.findByLabelText("Patient voice")).toBeTruthy();
    expect(screen.getByLabelText("Title").tagName).toBe("TEXTAREA");
    expect(within(section("Cover sheet")).queryByLabelText("Executive lead")).toBeNull();
    expect(calls.paper_cover).toHaveLength(2);
    expect(calls.preview_paper).toHaveLength(2);
    // The new field now has the code the core gave it.
    expect(document.querySelector("#cover-fields-form li:last-child")?.getAttribute("data-code")).toBe("patient-voice");
  });

  it("puts a removed field back under its own code when it is added again by its label", async () => {
    const calls = mockPapers({ save_cover_fields: saveFields });
    render(PapersScreen);
    const user = userEvent.setup();
    const region = await fieldsRegion();
    await user.click(within(region).getByRole("button", { name: "Remove Executive lead" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Remove field" }));
    await user.type(within(region).getByLabelText("Label of a new field"), "executive lead");
    await user.click(within(region).getByRole("button", { name: "Add field" }));
    expect(within(region).getByRole("status").textContent).toContain("will be put back when you save the fields, with what was written in it");
    await user.click(within(region).getByRole("button", { name: "Save fields" }));
    await within(region).findByText("The cover sheet fields were saved.");
    expect((calls.save_cover_fields?.[0] as { fields: CoverField[] }).fields.map((f) => f.code)).toEqual([
      "title",
      "executive-summary",
      "executive-lead",
    ]);
  });

  it("asks for a label before adding, and shows the core's error about the list", async () => {
    mockPapers({
      save_cover_fields: () => {
        throw { kind: "Validation", message: "The cover sheet has 'Title' twice.", field: "fields" };
      },
    });
    render(PapersScreen);
    const user = userEvent.setup();
    const region = await fieldsRegion();
    await user.click(within(region).getByRole("button", { name: "Add field" }));
    const alert = await within(region).findByRole("alert");
    expect(within(alert).getByRole("link", { name: /Enter the label of the new field/ }).getAttribute("href")).toBe("#cover-field-new");
    expect(within(region).getByLabelText("Label of a new field").getAttribute("aria-describedby")).toBe("cover-field-new-error");

    await user.type(within(region).getByLabelText("Label of a new field"), "Title");
    await user.click(within(region).getByRole("button", { name: "Add field" }));
    await user.click(within(region).getByRole("button", { name: "Save fields" }));
    const problem = await within(region).findByRole("link", { name: "The cover sheet has 'Title' twice." });
    expect(problem.getAttribute("href")).toBe(`#${within(region).getByLabelText("Label of field 1").id}`);
    expect(within(region).getByLabelText("Label of field 1").getAttribute("aria-describedby")).toContain("cover-fields-error");
  });
});
