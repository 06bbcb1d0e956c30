import { describe, expect, it } from "vitest";
import { href, parseRoute } from "./routes";

describe("routes", () => {
  it("round-trips every screen through its link", () => {
    expect(parseRoute(href.home())).toEqual({ name: "home" });
    expect(parseRoute(href.members())).toEqual({ name: "members", show: "current" });
    expect(parseRoute(href.members("ended"))).toEqual({ name: "members", show: "ended" });
    expect(parseRoute(href.addMember())).toEqual({ name: "add-member" });
    expect(parseRoute(href.editMember("0190-ab"))).toEqual({ name: "edit-member", id: "0190-ab" });
    expect(parseRoute(href.memberHistory("x"))).toEqual({ name: "member-history", id: "x" });
    expect(parseRoute(href.organisation())).toEqual({ name: "organisation" });
    expect(parseRoute(href.memberCompetency("m1"))).toEqual({ name: "member-competency", id: "m1" });
    expect(parseRoute(href.framework())).toEqual({ name: "framework", id: null });
    expect(parseRoute(href.framework("trust-adults"))).toEqual({ name: "framework", id: "trust-adults" });
    expect(parseRoute(href.compliance())).toEqual({ name: "compliance" });
    expect(parseRoute(href.settings())).toEqual({ name: "settings", section: null });
    expect(parseRoute(href.settings("posts"))).toEqual({ name: "settings", section: "posts" });
    expect(parseRoute(href.myCompetency())).toEqual({ name: "my-competency" });
    expect(parseRoute(href.myTraining())).toEqual({ name: "my-training" });
    expect(parseRoute(href.scrutiny())).toEqual({ name: "scrutiny" });
    expect(parseRoute(href.addEntry())).toEqual({ name: "add-entry", meetingId: null });
    expect(parseRoute(href.addEntry("m 1"))).toEqual({ name: "add-entry", meetingId: "m 1" });
    expect(parseRoute(href.editEntry("e1"))).toEqual({ name: "edit-entry", id: "e1" });
    expect(parseRoute(href.entryHistory("e1"))).toEqual({ name: "entry-history", id: "e1" });
    expect(parseRoute(href.meetings())).toEqual({ name: "meetings" });
    expect(parseRoute(href.addMeeting())).toEqual({ name: "add-meeting" });
    expect(parseRoute(href.meeting("m1"))).toEqual({ name: "meeting", id: "m1" });
    expect(parseRoute(href.editMeeting("m1"))).toEqual({ name: "edit-meeting", id: "m1" });
    expect(parseRoute(href.actions())).toEqual({ name: "actions" });
    expect(href.actions({ owner: { member: "m1" }, overdue: true })).toBe("#/actions/overdue/member/m1");
    expect(parseRoute(href.actions({ owner: { member: "m1" }, overdue: true }))).toEqual({ name: "actions", member: "m1", overdue: "overdue" });
    expect(parseRoute(href.actions({ owner: { name: "Chief Nurse / Deputy" } }))).toEqual({ name: "actions", owner: "Chief Nurse / Deputy" });
    expect(parseRoute(href.actions({ overdue: true }))).toEqual({ name: "actions", overdue: "overdue" });
    expect(parseRoute(href.coverage())).toEqual({ name: "coverage" });
    expect(parseRoute(href.papers())).toEqual({ name: "papers" });
    expect(parseRoute(href.exchange())).toEqual({ name: "exchange" });
    expect(parseRoute(href.meetingPack("m 1"))).toEqual({ name: "meeting-pack", id: "m 1" });
    expect(parseRoute(href.meetingQuestions("m 1"))).toEqual({ name: "meeting-questions", id: "m 1" });
    expect(href.logQuestion("m1", "q/1")).toBe("#/meetings/m1/questions/q%2F1/log");
    expect(parseRoute(href.logQuestion("m1", "q/1"))).toEqual({ name: "log-question", meetingId: "m1", question: "q/1" });
    expect(parseRoute(href.search())).toEqual({ name: "search" });
    expect(parseRoute(href.memberTraining("m1"))).toEqual({ name: "member-training", id: "m1" });
  });

  it("falls back to the register for an unknown address", () => {
    expect(parseRoute("#/nowhere")).toEqual({ name: "home" });
    expect(parseRoute("")).toEqual({ name: "home" });
    expect(parseRoute("#/members/m1")).toEqual({ name: "members", show: "current" });
  });
});
