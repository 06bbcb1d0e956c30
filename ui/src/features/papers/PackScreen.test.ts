import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { MeetingView } from "../../bindings/MeetingView";
import type { PackPlan } from "../../bindings/PackPlan";
import type { Period } from "../../bindings/Period";
import { coverSheet, meeting, packPlan, periodChoices } from "../../test-fixtures";
import { seriousAxeProblems } from "../../test-axe";
import PackScreen from "./PackScreen.svelte";
import { mockCommands, type Handler, type Handlers } from "../../test-commands";

const view: MeetingView = { meeting: meeting({ id: "mt1" }), label: "Board, 6 August 2026", entries: [] };

/** The core's answer to a plan it accepted: the plan as sent. */
const echo: Handler = (args) => (args as { plan: PackPlan }).plan;

function mockPack(handlers: Handlers = {}, plan: PackPlan = packPlan()) {
  return mockCommands({
    get_meeting: () => view,
    pack_plan: () => plan,
    recent_periods: () => periodChoices,
    update_pack_plan: (args) => echo(args),
    paper_cover: (args) => coverSheet({ period: (args as { period: Period }).period }),
    ...handlers,
  });
}

const papers = () => within(screen.getByRole("list", { name: "Papers in the pack" })).getAllByRole("listitem");
const titles = () => papers().map((li) => (within(li).getByRole("textbox") as HTMLInputElement).value);

describe("the board pack", () => {
  it("lists the papers in order with their source and agenda item", async () => {
    const calls = mockPack();
    render(PackScreen, { id: "mt1" });
    expect(await screen.findByRole("heading", { level: 1, name: "Board pack" })).toBeTruthy();
    expect(calls.pack_plan).toEqual([{ meetingId: "mt1" }]);
    expect(screen.getByRole("link", { name: "Back to the meeting" }).getAttribute("href")).toBe("#/meetings/mt1");
    const [first, second] = papers();
    expect(first.textContent).toContain("Source: Safeguarding paper, 2026/27 Q2");
    expect(second.textContent).toContain("Source: Learning from reviews.pdf");
    expect(second.textContent).not.toContain("/home/sam");
    const title = within(first).getByLabelText("Title of paper 1") as HTMLInputElement;
    expect(title.value).toBe("Safeguarding assurance report: 2026/27 Q2 (July to September 2026)");
    const item = within(second).getByLabelText("Agenda item for paper 2") as HTMLSelectElement;
    expect(item.selectedOptions[0].textContent).toBe("4.2 Learning from reviews");
    expect([...item.options].map((o) => o.textContent)).toEqual(["None", "4.1 Safeguarding annual report", "4.2 Learning from reviews"]);
    // Every button says which paper it acts on.
    expect(within(first).getByRole("button", { name: "Move down: Safeguarding assurance report: 2026/27 Q2 (July to September 2026)" })).toBeTruthy();
    expect(within(second).getByRole("button", { name: "Remove: Learning from reviews" })).toBeTruthy();
    expect((within(first).getByRole("button", { name: /^Move up/ }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(second).getByRole("button", { name: /^Move down/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("moves a paper down, saves the new order and keeps focus on the paper", async () => {
    const calls = mockPack();
    render(PackScreen, { id: "mt1" });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /^Move down: Safeguarding assurance report/ }));
    await screen.findByText(/is now paper 2 of 2/);
    const [safeguarding, file] = packPlan().papers;
    expect(calls.update_pack_plan).toEqual([{ plan: { meetingId: "mt1", papers: [file, safeguarding] } }]);
    expect(titles()).toEqual(["Learning from reviews", "Safeguarding assurance report: 2026/27 Q2 (July to September 2026)"]);
    // At the bottom, its "Move down" is disabled, so focus goes to its "Move up".
    expect(document.activeElement?.textContent).toBe("Move up: Safeguarding assurance report: 2026/27 Q2 (July to September 2026)");
  });

  it("asks before removing a paper and says the file is not deleted", async () => {
    const calls = mockPack();
    render(PackScreen, { id: "mt1" });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Remove: Learning from reviews" }));
    const dialog = screen.getByRole("dialog", { name: "Remove “Learning from reviews” from the pack?" });
    expect(dialog.textContent).toContain("The file Learning from reviews.pdf is not deleted");
    expect(calls.update_pack_plan).toBeUndefined();

    // Cancelling changes nothing.
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(dialog.hasAttribute("open")).toBe(false);
    expect(calls.update_pack_plan).toBeUndefined();
    expect(papers()).toHaveLength(2);

    await user.click(screen.getByRole("button", { name: "Remove: Learning from reviews" }));
    await user.click(within(dialog).getByRole("button", { name: "Remove paper" }));
    expect((await screen.findByText(/was removed from the pack/)).textContent).toContain(
      "“Learning from reviews” was removed from the pack. The file Learning from reviews.pdf was not deleted.",
    );
    expect(calls.update_pack_plan).toEqual([{ plan: { meetingId: "mt1", papers: [packPlan().papers[0]] } }]);
    expect(papers()).toHaveLength(1);
    expect(dialog.hasAttribute("open")).toBe(false);
  });

  it("shows why a PDF could not be added, and nothing when the dialog is cancelled", async () => {
    let answer: unknown = null;
    const calls = mockPack({
      add_pack_paper: () => {
        if (answer instanceof Error) throw { kind: "Validation", message: answer.message, field: "papers" };
        return answer;
      },
    });
    render(PackScreen, { id: "mt1" });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Add a PDF paper…" }));
    expect(calls.add_pack_paper).toEqual([{ meetingId: "mt1" }]);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("status")).toBeNull();
    expect(papers()).toHaveLength(2);

    answer = new Error("Minutes.pdf cannot be added to the pack: it is protected with a password. Save a copy without the password and add that.");
    await user.click(screen.getByRole("button", { name: "Add a PDF paper…" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Minutes.pdf cannot be added to the pack: it is protected with a password. Save a copy without the password and add that.",
    );
    expect(papers()).toHaveLength(2);
  });

  it("adds a PDF paper at the end and moves focus to its title", async () => {
    const added = packPlan();
    added.papers.push({ itemId: null, title: "Annual report", source: { kind: "file", path: "C:\\Papers\\Annual report.pdf" } });
    mockPack({ add_pack_paper: () => added });
    render(PackScreen, { id: "mt1" });
    await userEvent.setup().click(await screen.findByRole("button", { name: "Add a PDF paper…" }));
    expect(await screen.findByText(/“Annual report” was added at the end of the pack/)).toBeTruthy();
    expect(papers()[2].textContent).toContain("Source: Annual report.pdf");
    expect(document.activeElement).toBe(within(papers()[2]).getByRole("textbox"));
  });

  it("adds the safeguarding paper for the chosen period under the safeguarding item", async () => {
    const calls = mockPack({}, packPlan({ papers: [] }));
    render(PackScreen, { id: "mt1" });
    expect(await screen.findByText(/The pack has no papers yet/)).toBeTruthy();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("Period the safeguarding paper reports on"), "Q2 2026/27");
    await user.click(screen.getByRole("button", { name: "Add the safeguarding paper" }));
    await screen.findByText(/was added at the end of the pack/);
    expect(calls.update_pack_plan).toEqual([
      {
        plan: {
          meetingId: "mt1",
          papers: [{ itemId: "i1", title: "Safeguarding assurance report: Q2 2026/27", source: { kind: "safeguarding", period: { year: 2026, quarter: 2 } } }],
        },
      },
    ]);
    // The same period twice is refused before anything is sent.
    await user.click(screen.getByRole("button", { name: "Add the safeguarding paper" }));
    expect((await screen.findByRole("alert")).textContent).toContain("The safeguarding paper for 2026/27 Q2 is already in the pack.");
    expect(calls.update_pack_plan).toHaveLength(1);
  });

  it("saves changed titles and agenda items", async () => {
    const calls = mockPack();
    render(PackScreen, { id: "mt1" });
    const user = userEvent.setup();
    const title = await screen.findByLabelText("Title of paper 2");
    await user.clear(title);
    await user.type(title, "Learning from reviews: annual report");
    await user.selectOptions(screen.getByLabelText("Agenda item for paper 2"), "None");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("Your changes to the pack were saved.")).toBeTruthy();
    const [safeguarding, file] = packPlan().papers;
    expect(calls.update_pack_plan).toEqual([
      { plan: { meetingId: "mt1", papers: [safeguarding, { ...file, itemId: null, title: "Learning from reviews: annual report" }] } },
    ]);
  });

  it("saves the board pack with a busy button, saving changed titles first", async () => {
    let finish: (v: unknown) => void = () => {};
    const order: string[] = [];
    const calls = mockPack({
      update_pack_plan: (args) => {
        order.push("update_pack_plan");
        return echo(args);
      },
      save_pack: () => {
        order.push("save_pack");
        return new Promise((resolve) => (finish = resolve));
      },
    });
    render(PackScreen, { id: "mt1" });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Title of paper 2"), " (revised)");
    await user.click(screen.getByRole("button", { name: "Save the board pack…" }));
    const busy = await screen.findByRole("button", { name: "Saving…" });
    expect(busy.getAttribute("aria-busy")).toBe("true");
    finish({ path: "/home/sam/Board pack 2026-08-06.pdf", title: "Board pack: Board, 6 August 2026", bytes: 900000, pages: 48 });
    expect(
      await screen.findByText("Saved “Board pack: Board, 6 August 2026” to /home/sam/Board pack 2026-08-06.pdf (48 pages)."),
    ).toBeTruthy();
    expect(order).toEqual(["update_pack_plan", "save_pack"]);
    expect(calls.save_pack).toEqual([{ meetingId: "mt1" }]);
  });

  it("warns before saving a pack whose safeguarding paper has an empty cover sheet, and saves only when told to", async () => {
    const calls = mockPack({
      paper_cover: (args) => coverSheet({ period: (args as { period: Period }).period, values: { title: "  " } }),
      save_pack: () => ({ path: "/home/sam/Board pack, Board, 6 August 2026.pdf", title: "Board pack: Board, 6 August 2026", bytes: 900000, pages: 12 }),
    });
    render(PackScreen, { id: "mt1" });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Save the board pack…" }));
    const dialog = await screen.findByRole("dialog", { name: "Save the pack with an empty cover sheet?" });
    expect(dialog.textContent).toContain("Nothing has been written on the cover sheet of the safeguarding paper for 2026/27 Q2");
    expect(calls.paper_cover).toEqual([{ period: { year: 2026, quarter: 2 } }]);
    expect(calls.save_pack).toBeUndefined();
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });

    // Cancelling saves nothing.
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(dialog.hasAttribute("open")).toBe(false);
    expect(calls.save_pack).toBeUndefined();

    await user.click(screen.getByRole("button", { name: "Save the board pack…" }));
    await user.click(within(dialog).getByRole("button", { name: "Save the pack anyway" }));
    expect(await screen.findByText(/Saved “Board pack: Board, 6 August 2026”/)).toBeTruthy();
    expect(calls.save_pack).toEqual([{ meetingId: "mt1" }]);
    expect(dialog.hasAttribute("open")).toBe(false);
  });

  it("says when the meeting cannot be found", async () => {
    mockIPC((cmd) => {
      if (cmd === "get_meeting") throw { kind: "NotFound", message: "No meeting has the id 'x'.", field: null };
      if (cmd === "recent_periods") return periodChoices;
      return packPlan();
    });
    render(PackScreen, { id: "x" });
    expect(await screen.findByRole("heading", { level: 1, name: "Board pack not available" })).toBeTruthy();
    expect(screen.getByText("No meeting has the id 'x'.")).toBeTruthy();
  });
});
