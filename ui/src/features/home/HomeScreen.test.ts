import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Home } from "../../bindings/Home";
import { homePage, upcomingMeeting } from "../../test-fixtures";
import { seriousAxeProblems } from "../../test-axe";
import HomeScreen from "./HomeScreen.svelte";
import { mockCommands } from "../../test-commands";

function mockHome(home: Home) {
  const calls: Record<string, unknown[]> = {};
  mockIPC((cmd, args) => {
    (calls[cmd] ??= []).push(args);
    if (cmd === "home") return home;
  });
  return calls;
}

const section = (name: string) => screen.getByRole("region", { name });
const headings = () => screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent?.trim());

describe("the home page", () => {
  it("says how many actions there are when it names only the most pressing, and links to them all", async () => {
    mockHome(homePage({ myActionsTotal: 107, followingUpTotal: 64 }));
    render(HomeScreen);
    const mine = await screen.findByRole("region", { name: "My actions" });
    expect(mine.textContent).toContain("Showing the 2 most pressing of your 107 open actions.");
    expect(within(mine).getByRole("link", { name: "See all 107 in the action tracker" }).getAttribute("href")).toBe("#/actions/member/m1");
    expect(section("Actions I am following up").textContent).toContain("Showing the 1 most pressing of the 64 you are following up.");
  });

  it("says nothing of a cut when every action is named", async () => {
    mockHome(homePage());
    render(HomeScreen);
    const mine = await screen.findByRole("region", { name: "My actions" });
    expect(mine.textContent).not.toContain("most pressing");
  });

  it("shows the meetings coming up and the person's overdue action first, each linked to its record", async () => {
    const calls = mockHome(homePage());
    render(HomeScreen);
    expect(await screen.findByRole("heading", { level: 1, name: "What needs me now" })).toBeTruthy();
    expect(await screen.findByText("For Priya Raman, as at 6 August 2026.")).toBeTruthy();
    expect(calls.home).toHaveLength(1);
    expect(headings()).toEqual([
      "Meetings coming up",
      "My actions",
      "Actions I am following up",
      "My training",
      "Competency without evidence",
      "Areas not scrutinised in 2026/27",
      "For the whole board",
    ]);

    const meeting = section("Meetings coming up");
    expect(within(meeting).getByRole("link", { name: "Board, 18 August 2026" }).getAttribute("href")).toBe("#/meetings/mt1");
    expect(meeting.textContent).toContain("Board, 18 August 2026 is in 12 days.");
    const agenda = within(within(meeting).getByRole("list", { name: "Agenda of Board, 18 August 2026" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent?.replace(/\s+/g, " ").trim());
    expect(agenda).toEqual(["4.1 Safeguarding annual report", "4.2 Learning from reviews"]);
    // No questions planned for it, so none are mentioned.
    expect(meeting.textContent).not.toContain("You plan to ask");

    // Overdue comes first, said in words as well as by its red edge.
    const mine = within(section("My actions")).getAllByRole("listitem");
    expect(mine[0].textContent).toContain("Bring the re-audit results to the committee");
    expect(mine[0].textContent).toContain("Overdue by 6 days");
    expect(mine[0].textContent).toContain("Was due on 31 July 2026");
    expect(mine[0].className).toContain("app-home-item--overdue");
    const overdue = within(mine[0]).getByRole("link", { name: "Bring the re-audit results to the committee" });
    expect(overdue.getAttribute("href")).toBe("#/scrutiny/e1/edit");
    expect(mine[1].textContent).not.toContain("Overdue");
    expect(mine[1].textContent).toContain("Due on 30 September 2026");

    const following = section("Actions I am following up");
    expect(within(following).getByRole("link", { name: "Audit the use of the escalation policy" }).getAttribute("href")).toBe("#/scrutiny/e3/edit");
    expect(following.textContent).toContain("Owner: Head of Safeguarding");

    const training = section("My training");
    expect(within(training).getByRole("link", { name: "Board safeguarding update" }).getAttribute("href")).toBe("#/members/m1/training");
    expect(training.textContent).toContain("Expired");
    expect(training.textContent).toContain("Renewal was due by 01/07/2026.");

    const competency = section("Competency without evidence");
    expect(competency.textContent).toContain("12 of 42 items have no evidence yet.");
    expect(within(competency).getAllByRole("listitem")).toHaveLength(10);
    expect(within(competency).getByRole("link", { name: "Competency item 1" }).getAttribute("href")).toBe("#/members/m1/competency");
    expect(within(competency).getByRole("link", { name: "Show all 12 items without evidence" }).getAttribute("href")).toBe("#/members/m1/competency");

    expect(within(section("Areas not scrutinised in 2026/27")).getByRole("link", { name: "Learning from reviews" }).getAttribute("href")).toBe("#/coverage");

    const board = section("For the whole board");
    expect(board.textContent).toContain("9 open actions, 3 of them overdue.");
    const owners = within(board).getByRole("table", { name: "Overdue actions by owner" });
    expect(within(owners).getAllByRole("row")[1].textContent).toBe("Head of Safeguarding240 days");
    // Each owner leads to the tracker showing their overdue actions.
    expect(within(owners).getByRole("link", { name: "Head of Safeguarding" }).getAttribute("href")).toBe("#/actions/overdue/owner/Head%20of%20Safeguarding");
    const gaps = within(board).getByRole("table", { name: "Members with training gaps" });
    expect(within(gaps).getByRole("link", { name: "Margaret Ellison" }).getAttribute("href")).toBe("#/members/m2/training");
  });

  it("asks whose laptop this is instead of showing personal sections when nobody is chosen", async () => {
    mockHome(homePage({ me: null, myActions: [], followingUp: [], trainingDue: [], unevidenced: [], applicableItems: 0 }));
    render(HomeScreen);
    const prompt = await screen.findByRole("region", { name: "Your actions, training and competency" });
    expect(prompt.textContent).toContain("once the app knows whose laptop this is");
    expect(within(prompt).getByRole("link", { name: "Choose whose laptop this is in Settings" }).getAttribute("href")).toBe("#/settings");
    for (const personal of ["My actions", "Actions I am following up", "My training", "Competency without evidence"]) {
      expect(screen.queryByRole("heading", { name: personal })).toBeNull();
    }
    // The rest of the page is for anyone.
    expect(headings()).toEqual([
      "Meetings coming up",
      "Your actions, training and competency",
      "Areas not scrutinised in 2026/27",
      "For the whole board",
    ]);
    expect(screen.getByText("As at 6 August 2026.")).toBeTruthy();
  });

  it("says plainly when there is nothing to do", async () => {
    const empty = homePage();
    mockHome({
      ...empty,
      nextMeeting: null,
      upcomingMeetings: [],
      myActions: [],
      followingUp: [],
      trainingDue: [],
      unevidenced: [],
      unscrutinisedAreas: [],
      board: { openActions: 0, overdueActions: 0, overdueByOwner: [], complianceGaps: [] },
    });
    render(HomeScreen);
    await screen.findByRole("heading", { name: "Meetings coming up" });
    expect(section("Meetings coming up").textContent).toContain("No meeting is planned.");
    expect(within(section("Meetings coming up")).getByRole("link", { name: "Add a meeting" }).getAttribute("href")).toBe("#/meetings/new");
    expect(section("My actions").textContent).toContain("You have no open actions.");
    expect(section("My training").textContent).toContain("None of your training is due soon, expired or not met.");
    expect(section("Competency without evidence").textContent).toContain("Every one of your 42 items has evidence.");
    expect(section("Areas not scrutinised in 2026/27").textContent).toContain("Every assurance area has been scrutinised in 2026/27.");
    const board = section("For the whole board");
    expect(board.textContent).toContain("There are no open actions.");
    expect(board.textContent).toContain("No actions are overdue.");
    expect(within(board).queryByRole("table")).toBeNull();
  });

  it("lists every meeting of the coming fortnight, soonest first, with the questions I plan to ask at each", async () => {
    const today = upcomingMeeting({
      meetingId: "mt2",
      label: "Quality Committee, 6 August 2026",
      heldOn: "2026-08-06",
      inDays: 0,
      items: [{ id: "q1", number: "3", title: "Serious incidents", paperRef: "", executiveLead: "" }],
      plannedQuestions: 2,
    });
    const tomorrow = upcomingMeeting({ label: "Board, 7 August 2026", heldOn: "2026-08-07", inDays: 1, plannedQuestions: 1 });
    mockHome(homePage({ nextMeeting: today, upcomingMeetings: [today, tomorrow] }));
    render(HomeScreen);
    const meetings = await screen.findByRole("region", { name: "Meetings coming up" });
    const list = within(meetings).getAllByRole("list")[0];
    const [first, second] = within(list).getAllByRole("listitem").filter((li) => li.parentElement === list);
    expect(first.textContent).toContain("Quality Committee, 6 August 2026 is today.");
    expect(within(first).getByRole("link", { name: "Quality Committee, 6 August 2026" }).getAttribute("href")).toBe("#/meetings/mt2");
    expect(within(first).getByRole("list", { name: "Agenda of Quality Committee, 6 August 2026" }).textContent).toContain("Serious incidents");
    // The count leads to the questions, on the meeting's page; the hidden words say which meeting.
    const planned = within(first).getByRole("link", { name: "You plan to ask 2 questions at Quality Committee, 6 August 2026" });
    expect(planned.getAttribute("href")).toBe("#/meetings/mt2/questions");

    expect(second.textContent).toContain("Board, 7 August 2026 is tomorrow.");
    expect(within(second).getByRole("list", { name: "Agenda of Board, 7 August 2026" }).textContent).toContain("4.2 Learning from reviews");
    expect(within(second).getByRole("link", { name: "You plan to ask 1 question at Board, 7 August 2026" }).getAttribute("href")).toBe("#/meetings/mt1/questions");
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });

  it("says in days how far off a later meeting is, and invites agenda items when it has none", async () => {
    const later = upcomingMeeting({ inDays: 9, items: [] });
    mockHome(homePage({ nextMeeting: later, upcomingMeetings: [later] }));
    render(HomeScreen);
    const meetings = await screen.findByRole("region", { name: "Meetings coming up" });
    expect(meetings.textContent).toContain("Board, 18 August 2026 is in 9 days.");
    expect(within(meetings).getByRole("link", { name: "Add agenda items to Board, 18 August 2026" }).getAttribute("href")).toBe("#/meetings/mt1/edit");
  });

  it("shows why the page could not be loaded", async () => {
    mockCommands({
      home: () => { throw { kind: "Io", message: "The database could not be read.", field: null }; },
    });
    render(HomeScreen);
    expect((await screen.findByRole("alert")).textContent).toContain("The database could not be read.");
  });
});
