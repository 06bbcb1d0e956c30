// Shared data for the UI unit tests, typed by the generated bindings so it stays in step with
// the Rust types.
import type { Member } from "./bindings/Member";
import type { RegisterOptions } from "./bindings/RegisterOptions";

export const options: RegisterOptions = {
  nations: [
    { value: "england", label: "England" },
    { value: "scotland", label: "Scotland" },
  ],
  orgTypes: [{ value: "nhs-trust", label: "NHS trust" }],
  kinds: [
    { value: "executive", label: "Executive" },
    { value: "non-executive", label: "Non-executive" },
  ],
  roles: [
    { value: "chair", label: "Chair" },
    { value: "executive-lead", label: "Executive Lead / Executive Director" },
  ],
};

export function member(overrides: Partial<Member> = {}): Member {
  return {
    id: "0190a0b0-0000-7000-8000-000000000001",
    name: "Priya Raman",
    kind: "executive",
    roles: ["executive-lead"],
    jobTitle: "Chief Nurse",
    startDate: "2022-01-10",
    endDate: null,
    committees: ["Safeguarding Committee"],
    createdAt: "2026-01-01T09:00:00.000Z",
    updatedAt: "2026-01-01T09:00:00.000Z",
    ...overrides,
  };
}

// Fixtures for training requirements, compliance, settings and the framework library.
import type { Choice } from "./bindings/Choice";
import type { ComplianceMatrix } from "./bindings/ComplianceMatrix";
import type { FrameworkSummary } from "./bindings/FrameworkSummary";
import type { Requirement } from "./bindings/Requirement";
import type { RequirementKind } from "./bindings/RequirementKind";
import type { Settings } from "./bindings/Settings";

export function requirement(overrides: Partial<Requirement> = {}): Requirement {
  return {
    id: "r1",
    title: "Safeguarding learning hours",
    kind: "hours",
    roles: [],
    minutes: 720,
    windowMonths: 36,
    renewMonths: null,
    matches: "",
    retired: false,
    createdAt: "2026-01-01T09:00:00.000Z",
    updatedAt: "2026-01-01T09:00:00.000Z",
    ...overrides,
  };
}

export const requirementKinds: Choice<RequirementKind>[] = [
  { value: "hours", label: "Hours of learning within a rolling window" },
  { value: "renewal", label: "Learning renewed every so many months" },
];

export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    ratingScale: [
      { code: "not-yet-started", label: "Not yet started", meets: false },
      { code: "developing", label: "Developing", meets: false },
      { code: "competent", label: "Competent", meets: true },
      { code: "confident-to-lead", label: "Confident to lead", meets: true },
    ],
    dueSoonDays: 90,
    myMemberId: null,
    ...overrides,
  };
}

export function frameworkSummary(overrides: Partial<FrameworkSummary> = {}): FrameworkSummary {
  return {
    id: "senior-manager-children",
    title: "Competencies for Senior Managers and Executives",
    builtIn: true,
    itemCount: 42,
    appliesTo: { everyone: true, roles: [] },
    importedAt: null,
    ...overrides,
  };
}

/** Two members against two requirements on 23/11/2026. */
export function complianceMatrix(overrides: Partial<ComplianceMatrix> = {}): ComplianceMatrix {
  const renewal = requirement({ id: "r2", title: "Board safeguarding update", kind: "renewal", roles: ["chair"], minutes: null, windowMonths: null, renewMonths: 12, matches: "board" });
  return {
    on: "2026-11-23",
    dueSoonDays: 90,
    requirements: [requirement(), renewal],
    rows: [
      {
        memberId: "m1",
        name: "Priya Raman",
        roles: ["executive-lead"],
        cells: [
          { requirementId: "r1", status: "in-date", nextChange: "2027-05-14", detail: "12 hours since 23/11/2023; needs 12." },
          { requirementId: "r2", status: "not-required", nextChange: null, detail: "Applies only to the Chair." },
        ],
      },
      {
        memberId: "m2",
        name: "Margaret Ellison",
        roles: ["chair"],
        cells: [
          { requirementId: "r1", status: "not-met", nextChange: null, detail: "3 hours since 23/11/2023; needs 12." },
          { requirementId: "r2", status: "due-soon", nextChange: "2026-12-01", detail: "Renewal due by 01/12/2026." },
        ],
      },
    ],
    totals: [
      { requirementId: "r1", inDate: 1, dueSoon: 0, expired: 0, notMet: 1, notRequired: 0 },
      { requirementId: "r2", inDate: 0, dueSoon: 1, expired: 0, notMet: 0, notRequired: 1 },
    ],
    ...overrides,
  };
}

// Fixtures for the scrutiny challenge log.
import type { ActionStatus } from "./bindings/ActionStatus";
import type { ActionView } from "./bindings/ActionView";
import type { AssuranceArea } from "./bindings/AssuranceArea";
import type { AssuranceLevel } from "./bindings/AssuranceLevel";
import type { Entry } from "./bindings/Entry";
import type { EntryView } from "./bindings/EntryView";
import type { EvidenceSource } from "./bindings/EvidenceSource";
import type { Meeting } from "./bindings/Meeting";
import type { MeetingSummary } from "./bindings/MeetingSummary";
import type { PeriodChoice } from "./bindings/PeriodChoice";

export const periodChoices: PeriodChoice[] = [
  { period: { year: 2026, quarter: null }, code: "2026-27", label: "2026/27" },
  { period: { year: 2026, quarter: 2 }, code: "2026-27-q2", label: "Q2 2026/27" },
  { period: { year: 2025, quarter: null }, code: "2025-26", label: "2025/26" },
];

export const assuranceAreas: AssuranceArea[] = [
  { id: "area-1", title: "Safeguarding children", text: "", source: null },
  { id: "area-2", title: "Learning from reviews", text: "", source: null },
];

export const assuranceLevels: AssuranceLevel[] = [
  { code: "substantial", label: "Substantial", definition: "The arrangements are sound and the evidence shows them working well." },
  { code: "reasonable", label: "Reasonable", definition: "The arrangements are largely sound; some weaknesses need action." },
  { code: "limited", label: "Limited", definition: "Significant weaknesses; action is needed to reduce risk." },
  { code: "none", label: "No assurance", definition: "The arrangements are not working; urgent action is needed." },
];

export const evidenceSources: { value: EvidenceSource; label: string }[] = [
  { value: "audit", label: "Audit" },
  { value: "dashboard", label: "Dashboard or KPI" },
  { value: "voice", label: "Voice of children and families" },
];

export const actionStatuses: { value: ActionStatus; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "in-progress", label: "In progress" },
  { value: "closed", label: "Closed" },
  { value: "escalated", label: "Escalated" },
];

export function entry(overrides: Partial<Entry> = {}): Entry {
  return {
    id: "e1",
    meetingId: null,
    agendaItemId: null,
    raisedOn: "2026-08-06",
    areaId: "area-1",
    raisedBy: "m1",
    challenge: "How do we know the audit actions are embedded?",
    directedTo: "Chief Nurse",
    response: "The re-audit is due in October.",
    evidence: ["audit"],
    assuranceLevel: "reasonable",
    minuteRef: "",
    createdAt: "2026-08-06T10:00:00Z",
    updatedAt: "2026-08-06T10:00:00Z",
    ...overrides,
  };
}

export function actionView(overrides: Partial<ActionView["action"]> = {}, overdue = 0): ActionView {
  return {
    action: {
      id: "a1",
      entryId: "e1",
      description: "Bring the re-audit results to the committee",
      ownerMemberId: null,
      ownerName: "Head of Safeguarding",
      dueOn: "2026-10-31",
      status: "open",
      escalatedTo: "",
      closureNote: "",
      closedOn: null,
      createdAt: "2026-08-06T10:00:00Z",
      updatedAt: "2026-08-06T10:00:00Z",
      ...overrides,
    },
    overdue: overdue > 0,
    daysOverdue: overdue,
  };
}

export function entryView(e: Partial<Entry> = {}, overrides: Partial<EntryView> = {}): EntryView {
  return {
    entry: entry(e),
    meetingLabel: null,
    itemLabel: null,
    areaTitle: "Safeguarding children",
    raisedByName: "Fiona Gallagher",
    levelLabel: "Reasonable",
    actions: [],
    ...overrides,
  };
}

export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: "mt1",
    kind: "board",
    kindLabel: "Board",
    heldOn: "2026-08-06",
    part: "public",
    items: [
      { id: "i1", number: "4.1", title: "Safeguarding annual report", paperRef: "", executiveLead: "" },
      { id: "i2", number: "4.2", title: "Learning from reviews", paperRef: "", executiveLead: "" },
    ],
    attendance: [],
    createdAt: "2026-08-01T09:00:00Z",
    updatedAt: "2026-08-01T09:00:00Z",
    ...overrides,
  };
}

export function meetingSummary(overrides: Partial<Meeting> = {}, label = "Board, 6 August 2026"): MeetingSummary {
  return { meeting: meeting(overrides), label, entries: 0, openActions: 0 };
}

// Fixtures for meetings, the action tracker and coverage.
import type { Coverage } from "./bindings/Coverage";
import type { MeetingKind } from "./bindings/MeetingKind";
import type { MeetingPart } from "./bindings/MeetingPart";
import type { TrackedAction } from "./bindings/TrackedAction";

export const meetingKinds: MeetingKind[] = [
  { code: "board", label: "Board" },
  { code: "quality-committee", label: "Quality Committee" },
];

export const meetingParts: Choice<MeetingPart>[] = [
  { value: "public", label: "Public" },
  { value: "private", label: "Private" },
];

/** An action as the tracker lists it, with the challenge it follows up; `overdue` is days late. */
export function trackedAction(overrides: Partial<ActionView["action"]> = {}, overdue = 0): TrackedAction {
  return {
    ...actionView(overrides, overdue),
    challenge: "How do we know the audit actions are embedded?",
    areaTitle: "Safeguarding children",
    raisedOn: "2026-08-06",
    meetingLabel: "Board, 6 August 2026",
    postHolder: null,
  };
}

/** Coverage of three areas in 2026/27: one well covered, one weakly, one not at all. */
export function coverageReport(overrides: Partial<Coverage> = {}): Coverage {
  const area = (id: string, title: string, text: string) => ({ id, title, text, source: null });
  return {
    period: { year: 2026, quarter: null },
    periodLabel: "2026/27",
    levels: assuranceLevels,
    rows: [
      {
        area: area("a1", "Leadership and accountability", "The board has a named executive lead for safeguarding."),
        entries: 6,
        byLevel: [5, 1, 0, 0],
        weakestLevel: "reasonable",
        lastScrutinised: "2026-09-14",
      },
      {
        area: area("a2", "Learning from reviews", "Learning from reviews is shared and acted on."),
        entries: 2,
        byLevel: [0, 0, 1, 1],
        weakestLevel: "none",
        lastScrutinised: "2026-07-02",
      },
      {
        area: area("a3", "Voice of the child", "Children's views shape services."),
        entries: 0,
        byLevel: [0, 0, 0, 0],
        weakestLevel: null,
        lastScrutinised: null,
      },
    ],
    uncovered: 1,
    ...overrides,
  };
}

// Fixtures for the assurance paper and the board pack.
import type { CoverSheet } from "./bindings/CoverSheet";
import type { PackPlan } from "./bindings/PackPlan";
import type { PaperDocument } from "./bindings/PaperDocument";

/** The cover sheet of 2026/27 with a title written and the summary left blank. */
export function coverSheet(overrides: Partial<CoverSheet> = {}): CoverSheet {
  return {
    period: { year: 2026, quarter: null },
    fields: [
      { code: "title", label: "Title", long: false },
      { code: "executive-lead", label: "Executive lead", long: false },
      { code: "executive-summary", label: "Executive summary", long: true },
    ],
    values: { title: "Safeguarding assurance report 2026/27", "executive-lead": "Chief Nurse" },
    ...overrides,
  };
}

/** A short paper with one of every kind of block, including a table with no rows. */
export function paperDocument(overrides: Partial<PaperDocument> = {}): PaperDocument {
  return {
    title: "Safeguarding assurance report 2026/27",
    author: "Wyvern Valley Hospitals NHS Foundation Trust",
    subject: "Safeguarding assurance, 2026/27",
    marking: "OFFICIAL-SENSITIVE",
    dated: "2026-08-06",
    blocks: [
      { kind: "heading", value: { level: 1, text: "Cover sheet", newPage: false } },
      { kind: "paragraph", value: { text: "Wyvern Valley Hospitals NHS Foundation Trust", style: "strong" } },
      { kind: "fields", value: [{ label: "Executive lead", value: "Chief Nurse" }] },
      { kind: "heading", value: { level: 1, text: "Assurance summary by area", newPage: true } },
      {
        kind: "chart",
        value: {
          title: "Assurance levels by area",
          categories: ["Leadership and accountability", "Learning from reviews"],
          series: [
            { name: "Substantial", colour: "#007f3b", values: [5, 0] },
            { name: "Limited", colour: "#ffb81c", values: [1, 2] },
          ],
          textEquivalent: "Challenges by the assurance they gave. Leadership and accountability: 5 substantial, 1 limited; Learning from reviews: 2 limited.",
        },
      },
      {
        kind: "table",
        value: {
          caption: "Scrutiny by assurance area, 2026/27",
          columns: [
            { title: "Area", weight: 4 },
            { title: "Challenges", weight: 1.4 },
            { title: "Last scrutinised", weight: 1.8 },
          ],
          rows: [
            ["Leadership and accountability", "6", "14/09/2026"],
            ["Learning from reviews", "2", "02/07/2026"],
          ],
          empty: "The organisation has no assurance areas selected.",
        },
      },
      { kind: "heading", value: { level: 2, text: "Areas with no scrutiny in the period", newPage: false } },
      { kind: "list", value: ["Voice of the child"] },
      { kind: "heading", value: { level: 1, text: "Open and overdue actions", newPage: true } },
      {
        kind: "table",
        value: { caption: "Actions not closed on 06/08/2026, overdue first", columns: [{ title: "Action", weight: 1 }], rows: [], empty: "There are no open actions." },
      },
      { kind: "paragraph", value: { text: "Source: the challenge log.", style: "small" } },
    ],
    ...overrides,
  };
}

/** The pack for meeting mt1: the safeguarding paper for Q2 2026/27, then a PDF paper. */
export function packPlan(overrides: Partial<PackPlan> = {}): PackPlan {
  return {
    meetingId: "mt1",
    papers: [
      {
        itemId: "i1",
        title: "Safeguarding assurance report: 2026/27 Q2 (July to September 2026)",
        source: { kind: "safeguarding", period: { year: 2026, quarter: 2 } },
      },
      { itemId: "i2", title: "Learning from reviews", source: { kind: "file", path: "/home/sam/Papers/Learning from reviews.pdf" } },
    ],
    ...overrides,
  };
}

// Fixtures for the home page and reminders.
import type { Home } from "./bindings/Home";
import type { NextMeeting } from "./bindings/NextMeeting";
import type { ReminderPreferences } from "./bindings/ReminderPreferences";

/** A meeting on Home's list of those coming up: the board on 18/08/2026, 12 days ahead, nothing planned for it. */
export function upcomingMeeting(overrides: Partial<NextMeeting> = {}): NextMeeting {
  return {
    meetingId: "mt1",
    label: "Board, 18 August 2026",
    heldOn: "2026-08-18",
    inDays: 12,
    items: meeting().items,
    plannedQuestions: 0,
    ...overrides,
  };
}

/**
 * Priya Raman's home page on 06/08/2026: a board meeting in 12 days (the only one of the coming
 * fortnight, with no questions planned for it yet), one action of hers due and
 * one 6 days overdue (listed in that order, to show the page puts overdue first), one she is
 * following up, an expired requirement and 12 of 42 framework items without evidence.
 */
export function homePage(overrides: Partial<Home> = {}): Home {
  const mine = { ownerMemberId: "m1", ownerName: "Priya Raman" };
  const board = upcomingMeeting();
  return {
    today: "2026-08-06",
    me: member({ id: "m1" }),
    nextMeeting: board,
    upcomingMeetings: [board],
    myActions: [
      trackedAction({ id: "a2", entryId: "e2", description: "Report on the new referral pathway", dueOn: "2026-09-30", ...mine }),
      trackedAction({ id: "a1", entryId: "e1", description: "Bring the re-audit results to the committee", dueOn: "2026-07-31", ...mine }, 6),
    ],
    myActionsTotal: 2,
    followingUp: [
      trackedAction({ id: "a3", entryId: "e3", description: "Audit the use of the escalation policy", ownerName: "Head of Safeguarding", dueOn: "2026-10-31" }),
    ],
    followingUpTotal: 1,
    trainingDue: [{ requirement: "Board safeguarding update", status: "expired", nextChange: null, detail: "Renewal was due by 01/07/2026." }],
    unevidenced: Array.from({ length: 12 }, (_, i) => ({
      frameworkId: "senior-manager-children",
      itemId: `smc-${i + 1}`,
      text: `Competency item ${i + 1}`,
      assessed: i % 2 === 0,
    })),
    applicableItems: 42,
    yearLabel: "2026/27",
    unscrutinisedAreas: [assuranceAreas[1]],
    board: {
      openActions: 9,
      overdueActions: 3,
      overdueByOwner: [
        { owner: "Head of Safeguarding", ownerMemberId: null, overdue: 2, longestDays: 40 },
        { owner: "Priya Raman", ownerMemberId: "m1", overdue: 1, longestDays: 6 },
      ],
      complianceGaps: [{ memberId: "m2", name: "Margaret Ellison", expired: 1, notMet: 0, dueSoon: 2 }],
    },
    ...overrides,
  };
}

export function reminderPreferences(overrides: Partial<ReminderPreferences> = {}): ReminderPreferences {
  return { training: true, actions: true, meetings: true, desktop: true, actionDays: 7, ...overrides };
}

// Fixtures for exchanging files between laptops.
import type { Identity } from "./bindings/Identity";
import type { ImportPlan } from "./bindings/ImportPlan";
import type { PlannedChange } from "./bindings/PlannedChange";

export const FINGERPRINT = "3F2A 9C1B 77D0 12EF A5B6 0C3D 9E8F 4411 2233 ABCD";
export const SENDER_FINGERPRINT = "B0B0 1234 5678 9ABC DEF0 1357 2468 ACE0 FFFF 0001";

export function identity(overrides: Partial<Identity> = {}): Identity {
  return {
    fingerprint: FINGERPRINT,
    signers: [
      {
        publicKey: "pk-fiona",
        fingerprint: SENDER_FINGERPRINT,
        name: "Fiona Gallagher",
        trustedAt: "2026-08-05T23:30:00.000Z",
      },
    ],
    ...overrides,
  };
}

export function plannedChange(overrides: Partial<PlannedChange> = {}): PlannedChange {
  return {
    entity: "training",
    id: "t1",
    label: "Training: Board safeguarding update, 01/06/2026",
    outcome: "new",
    resolution: "undecided",
    reason: "",
    differences: [],
    writes: true,
    ...overrides,
  };
}

/** A file from Fiona Gallagher: one new record, one update, one unchanged, one blocked and two conflicts. */
export function importPlan(overrides: Partial<ImportPlan> = {}): ImportPlan {
  return {
    sender: { name: "Fiona Gallagher", fingerprint: SENDER_FINGERPRINT, publicKey: "pk-fiona", trusted: true },
    madeAt: "2026-08-06T13:05:00.000Z",
    description: "Records of Fiona Gallagher, 2026/27",
    counts: { new: 1, updated: 1, unchanged: 1, yoursNewer: 0, conflicts: 2, blocked: 1 },
    changes: [
      plannedChange(),
      plannedChange({
        entity: "member",
        id: "m2",
        label: "Member: Fiona Gallagher",
        outcome: "updated",
        differences: [{ field: "Job title", yours: "Non-executive director", theirs: "Vice chair" }],
      }),
      plannedChange({ entity: "training", id: "t0", label: "Training: Level 3 refresher", outcome: "unchanged", writes: false }),
      plannedChange({
        entity: "training",
        id: "t9",
        label: "Training: Prevent awareness",
        outcome: "blocked",
        reason: "Its member is not on this laptop's register.",
        writes: false,
      }),
      plannedChange({
        entity: "assessment",
        id: "a1",
        label: "Self-assessment: item 1.2",
        outcome: "conflict",
        differences: [{ field: "Rating", yours: "Developing", theirs: "Competent" }],
        writes: false,
      }),
      plannedChange({
        entity: "assessment",
        id: "a2",
        label: "Self-assessment: item 2.4",
        outcome: "conflict",
        differences: [{ field: "Evidence", yours: "", theirs: "Attended the board seminar" }],
        writes: false,
      }),
    ],
    applied: false,
    ...overrides,
  };
}

// Fixtures for the paged lists and the text size.
import type { ActionPage } from "./bindings/ActionPage";
import type { EntryPage } from "./bindings/EntryPage";
import type { PageRequest } from "./bindings/PageRequest";
import type { TextSize } from "./bindings/TextSize";

/** The page of `all` that entry_page would answer, as the core cuts it. */
export function entryPageOf(all: EntryView[], page: PageRequest = { offset: 0, limit: 50 }): EntryPage {
  return { entries: all.slice(page.offset, page.offset + page.limit), total: all.length, offset: page.offset };
}

/** The page of `all` that action_page would answer, counting the overdue over every page. */
export function actionPageOf(all: TrackedAction[], page: PageRequest = { offset: 0, limit: 50 }): ActionPage {
  return {
    actions: all.slice(page.offset, page.offset + page.limit),
    total: all.length,
    overdue: all.filter((t) => t.overdue).length,
    offset: page.offset,
  };
}

/** `n` distinct challenges, `e1` to `e{n}`, the newest first. */
export function manyEntries(n: number): EntryView[] {
  return Array.from({ length: n }, (_, i) => entryView({ id: `e${i + 1}`, challenge: `Challenge number ${i + 1}` }));
}

/** `n` distinct actions, `a1` to `a{n}`; the first `overdue` of them are overdue. */
export function manyActions(n: number, overdue = 0): TrackedAction[] {
  return Array.from({ length: n }, (_, i) => trackedAction({ id: `a${i + 1}`, description: `Action number ${i + 1}` }, i < overdue ? 3 : 0));
}

export const textSizes: Choice<TextSize>[] = [
  { value: "standard", label: "Standard (100%)" },
  { value: "large", label: "Large (125%)" },
  { value: "larger", label: "Larger (150%)" },
  { value: "largest", label: "Largest (200%)" },
];

import type { AppStatus } from "./bindings/AppStatus";
import type { Opening } from "./bindings/Opening";
import type { Organisation } from "./bindings/Organisation";

/**
 * Answers the `opening` call as the core does, from a mock's answers to the calls it stands
 * for (each counted as if it had been made): the status and the register's choices always;
 * the organisation and the text size only when the database is open, and no text size when it
 * cannot be read.
 */
export async function opening(ask: (command: string) => unknown): Promise<Opening> {
  const status = (await ask("status")) as AppStatus;
  const open = !status.openError && !status.newDatabase && !status.locked;
  const options = (await ask("register_options")) as RegisterOptions;
  const organisation = open ? ((await ask("get_organisation")) as Organisation | null) : null;
  let textSize: TextSize | null = null;
  if (open) {
    try {
      textSize = (await ask("text_size")) as TextSize | null;
    } catch {
      textSize = null;
    }
  }
  return { status, options, organisation, textSize };
}

import type { ImportPreview } from "./bindings/ImportPreview";
import type { MappingReport } from "./bindings/MappingReport";

/** How a legacy challenge log with its own headers and words would be read. */
export function importMapping(overrides: Partial<MappingReport> = {}): MappingReport {
  return {
    columns: [
      { field: "Date", required: true, header: "Date raised", how: "loose" },
      { field: "Assurance area", required: true, header: null, how: "unknown" },
      { field: "Assurance level", required: true, header: "Level", how: "loose" },
      { field: "Action owner", required: false, header: "Owner", how: "exact" },
    ],
    fileColumns: [
      { header: "Date raised", samples: ["06/08/2026", "03/09/2026"], field: "Date" },
      { header: "Theme", samples: ["Children in care", "LAC"], field: null },
      { header: "Level", samples: ["Sig", "Limited"], field: "Assurance level" },
      { header: "Owner", samples: ["Chief Nurse"], field: "Action owner" },
    ],
    values: [
      { field: "Assurance level", value: "Sig", rows: 12, how: "unknown", target: null, label: "Significant" },
      { field: "Assurance level", value: "limited assurance", rows: 4, how: "loose", target: { use: "limited" }, label: "Limited" },
    ],
    choices: [
      { field: "Assurance area", options: [{ value: "children-in-care", label: "Children in care" }, { value: "prevent", label: "Prevent" }], create: "Add it as a new assurance area" },
      { field: "Assurance level", options: [{ value: "significant", label: "Significant" }, { value: "limited", label: "Limited" }], create: null },
    ],
    ...overrides,
  };
}

export function importPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    kind: "scrutiny-log",
    fileName: "legacy-log.csv",
    encoding: "Windows-1252",
    rows: 20,
    mapping: importMapping(),
    posts: [],
    ready: false,
    ...overrides,
  };
}
