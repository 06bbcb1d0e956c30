import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { MeetingView } from "../../bindings/MeetingView";
import { meeting, meetingKinds, meetingParts, member } from "../../test-fixtures";
import MeetingForm from "./MeetingForm.svelte";

const members = [
  member({ id: "m1", name: "Priya Raman" }),
  member({ id: "m2", name: "Margaret Ellison" }),
  member({ id: "m3", name: "Tom Okafor" }),
];

type Call = { cmd: string; args: unknown };

function mockForm(calls: Call[], handle: (cmd: string, args: unknown) => unknown = () => undefined) {
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    if (cmd === "meeting_kinds") return meetingKinds;
    if (cmd === "meeting_parts") return meetingParts;
    if (cmd === "list_members") return members;
    return handle(cmd, args);
  });
}

const saves = (calls: Call[]) => calls.filter((c) => ["add_meeting", "update_meeting", "add_meeting_kind"].includes(c.cmd));

beforeEach(() => {
  window.location.hash = "#/meetings/new";
});

describe("recording a meeting", () => {
  it("sends the kind, date, part, agenda items and attendance, then opens the meeting", async () => {
    const calls: Call[] = [];
    mockForm(calls, (cmd) => (cmd === "add_meeting" ? meeting({ id: "new-meeting" }) : undefined));
    render(MeetingForm);
    const user = userEvent.setup();
    await screen.findByRole("heading", { level: 1, name: "Record a meeting" });
    expect(calls.find((c) => c.cmd === "list_members")?.args).toEqual({ filter: "current" });

    await user.selectOptions(screen.getByLabelText("Meeting"), "Board");
    const date = screen.getByLabelText("Date of the meeting");
    await user.clear(date);
    await user.type(date, "14/05/2026");
    await user.click(screen.getByLabelText("Private"));

    await user.click(screen.getByRole("button", { name: "Add an agenda item" }));
    // Focus moves to the new row so typing can carry straight on.
    expect(document.activeElement).toBe(screen.getByLabelText("Number of agenda item 1"));
    await user.type(screen.getByLabelText("Number of agenda item 1"), "4.1");
    await user.type(screen.getByLabelText("Title of agenda item 1"), "Safeguarding annual report");
    await user.type(screen.getByLabelText("Paper reference of agenda item 1"), "B/26/041");
    await user.type(screen.getByLabelText("Executive lead of agenda item 1"), "Chief Nurse");
    await user.click(screen.getByRole("button", { name: "Add an agenda item" }));
    await user.type(screen.getByLabelText("Title of agenda item 2"), "To be removed");
    await user.click(screen.getByRole("button", { name: "Add an agenda item" }));
    await user.type(screen.getByLabelText("Number of agenda item 3"), "4.3");
    await user.type(screen.getByLabelText("Title of agenda item 3"), "Learning from reviews");
    await user.click(screen.getByRole("button", { name: "Remove agenda item 2, To be removed" }));
    expect(screen.queryByLabelText("Title of agenda item 3")).toBeNull();

    await user.selectOptions(screen.getByLabelText("Priya Raman"), "Present");
    await user.selectOptions(screen.getByLabelText("Margaret Ellison"), "Apologies");
    await user.selectOptions(screen.getByLabelText("Tom Okafor"), "Present");
    await user.click(screen.getByRole("button", { name: "Record meeting" }));

    expect(saves(calls)).toEqual([
      {
        cmd: "add_meeting",
        args: {
          input: {
            kind: "board",
            heldOn: "14/05/2026",
            part: "private",
            items: [
              { id: "", number: "4.1", title: "Safeguarding annual report", paperRef: "B/26/041", executiveLead: "Chief Nurse" },
              { id: "", number: "4.3", title: "Learning from reviews", paperRef: "", executiveLead: "" },
            ],
            present: ["m1", "m3"],
            apologies: ["m2"],
          },
        },
      },
    ]);
    expect(window.location.hash).toBe("#/meetings/new-meeting");
  });

  it("shows a clash with an existing meeting in the summary and stays on the form", async () => {
    const calls: Call[] = [];
    mockForm(calls, (cmd) => {
      if (cmd === "add_meeting") {
        throw { kind: "Conflict", message: "There is already a board meeting (public part) on that date.", field: null };
      }
    });
    render(MeetingForm);
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText("Meeting"), "Board");
    await user.click(screen.getByRole("button", { name: "Record meeting" }));
    const summary = await screen.findByRole("alert");
    expect(summary.textContent).toContain("There is a problem");
    expect(summary.textContent).toContain("There is already a board meeting (public part) on that date.");
    expect(window.location.hash).toBe("#/meetings/new");
  });

  it("ties a missing kind to its field", async () => {
    mockForm([], (cmd) => {
      if (cmd === "add_meeting") throw { kind: "Validation", message: "Choose which meeting this is.", field: "kind" };
    });
    render(MeetingForm);
    await userEvent.setup().click(await screen.findByRole("button", { name: "Record meeting" }));
    const link = await screen.findByRole("link", { name: "Choose which meeting this is." });
    expect(link.getAttribute("href")).toBe("#meeting-kind");
    expect(screen.getByLabelText("Meeting").getAttribute("aria-describedby")).toBe("meeting-kind-error");
    expect(document.getElementById("meeting-kind-error")?.textContent).toContain("Choose which meeting this is.");
  });

  it("adds a kind of meeting and chooses it", async () => {
    const calls: Call[] = [];
    mockForm(calls, (cmd) => (cmd === "add_meeting_kind" ? { code: "people-committee", label: "People Committee" } : undefined));
    render(MeetingForm);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Add a kind of meeting" }));
    await user.type(screen.getByLabelText("Name of the new kind of meeting"), "People Committee");
    await user.click(screen.getByRole("button", { name: "Add" }));
    expect(saves(calls)).toEqual([{ cmd: "add_meeting_kind", args: { label: "People Committee" } }]);
    expect((screen.getByLabelText("Meeting") as HTMLSelectElement).value).toBe("people-committee");
    expect(screen.getByRole("status").textContent).toContain("“People Committee” was added and chosen.");
  });
});

describe("editing a meeting", () => {
  const view: MeetingView = {
    meeting: meeting({
      id: "mt1",
      kind: "quality-committee",
      kindLabel: "Quality Committee",
      heldOn: "2026-08-06",
      part: "public",
      items: [
        { id: "i1", number: "4.1", title: "Safeguarding annual report", paperRef: "QC/12", executiveLead: "Chief Nurse" },
        { id: "i2", number: "4.2", title: "Learning from reviews", paperRef: "", executiveLead: "" },
      ],
      attendance: [
        { memberId: "m2", name: "Margaret Ellison", status: "present" },
        { memberId: "gone", name: "Alan Former", status: "apologies" },
      ],
    }),
    label: "Quality Committee, 6 August 2026",
    entries: [],
  };

  it("loads the meeting, keeps the ids of kept items and people no longer on the board", async () => {
    const calls: Call[] = [];
    mockForm(calls, (cmd) => {
      if (cmd === "get_meeting") return view;
      if (cmd === "update_meeting") return view.meeting;
    });
    render(MeetingForm, { id: "mt1" });
    const user = userEvent.setup();
    expect(await screen.findByRole("heading", { level: 1, name: "Edit meeting" })).toBeTruthy();
    expect(screen.getByText("Quality Committee, 6 August 2026")).toBeTruthy();
    expect((screen.getByLabelText("Meeting") as HTMLSelectElement).value).toBe("quality-committee");
    expect((screen.getByLabelText("Date of the meeting") as HTMLInputElement).value).toBe("06/08/2026");
    expect((screen.getByLabelText("Public") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("Title of agenda item 1") as HTMLInputElement).value).toBe("Safeguarding annual report");
    expect((screen.getByLabelText("Margaret Ellison") as HTMLSelectElement).value).toBe("present");
    expect((screen.getByLabelText("Alan Former") as HTMLSelectElement).value).toBe("apologies");

    await user.click(screen.getByRole("button", { name: "Remove agenda item 2, Learning from reviews" }));
    await user.click(screen.getByRole("button", { name: "Add an agenda item" }));
    await user.type(screen.getByLabelText("Title of agenda item 2"), "Any other business");
    await user.click(screen.getByRole("button", { name: "Save changes" }));

    expect(saves(calls)).toEqual([
      {
        cmd: "update_meeting",
        args: {
          id: "mt1",
          input: {
            kind: "quality-committee",
            heldOn: "06/08/2026",
            part: "public",
            items: [
              { id: "i1", number: "4.1", title: "Safeguarding annual report", paperRef: "QC/12", executiveLead: "Chief Nurse" },
              { id: "", number: "", title: "Any other business", paperRef: "", executiveLead: "" },
            ],
            present: ["m2"],
            apologies: ["gone"],
          },
        },
      },
    ]);
    expect(window.location.hash).toBe("#/meetings/mt1");
  });

  it("explains why an agenda item with entries cannot be removed", async () => {
    mockForm([], (cmd) => {
      if (cmd === "get_meeting") return view;
      if (cmd === "update_meeting") {
        throw { kind: "InUse", message: "Agenda item 4.2 Learning from reviews has scrutiny entries, so it cannot be removed.", field: null };
      }
    });
    render(MeetingForm, { id: "mt1" });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Remove agenda item 2, Learning from reviews" }));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect((await screen.findByRole("alert")).textContent).toContain("has scrutiny entries, so it cannot be removed.");
    expect(window.location.hash).toBe("#/meetings/new");
  });
});
