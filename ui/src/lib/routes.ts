// The screens of the app, addressed by the location hash so every link is a real link. Each
// screen is one row of `table`: the address it answers to, the code that draws it (loaded the
// first time it is shown), the section of the navigation it belongs to, what of the app's state
// it is handed, and its link. A new screen is a new row.
import type { Component } from "svelte";
import type { ActionOwner } from "../bindings/ActionOwner";
import type { AppStatus } from "../bindings/AppStatus";
import type { Organisation } from "../bindings/Organisation";
import type { RegisterOptions } from "../bindings/RegisterOptions";

/** What the app hands a screen, by the name of the screen's prop. */
export type Shell = {
  options: RegisterOptions;
  organisation: Organisation | null;
  /** A one-off confirmation from the last screen ("Jane Smith was added"). */
  notice: string;
  status: AppStatus;
  ondone: (message: string) => void;
  onidlelockchange: (minutes: number) => void;
  onsaved: (o: Organisation) => void;
  onstatuschange: (s: AppStatus) => void;
};

// Each screen's props differ; `needs` and the address name them.
export type Loader = () => Promise<{ default: Component<any> }>;

// Screens shown at more than one address share one loader, so their code is fetched once.
const ScreenOf = {
  Register: () => import("../features/board/Register.svelte"),
  MemberForm: () => import("../features/board/MemberForm.svelte"),
  MemberHistory: () => import("../features/board/MemberHistory.svelte"),
  MemberCompetencyScreen: () => import("../features/competency/MemberCompetencyScreen.svelte"),
  MemberTraining: () => import("../features/training/MemberTraining.svelte"),
  ScrutinyLog: () => import("../features/scrutiny/ScrutinyLog.svelte"),
  EntryForm: () => import("../features/scrutiny/EntryForm.svelte"),
  EntryHistory: () => import("../features/scrutiny/EntryHistory.svelte"),
  MeetingsScreen: () => import("../features/scrutiny/MeetingsScreen.svelte"),
  MeetingForm: () => import("../features/scrutiny/MeetingForm.svelte"),
  MeetingScreen: () => import("../features/scrutiny/MeetingScreen.svelte"),
  PackScreen: () => import("../features/papers/PackScreen.svelte"),
  ActionsScreen: () => import("../features/scrutiny/ActionsScreen.svelte"),
  CoverageScreen: () => import("../features/scrutiny/CoverageScreen.svelte"),
  PapersScreen: () => import("../features/papers/PapersScreen.svelte"),
  ExchangeScreen: () => import("../features/exchange/ExchangeScreen.svelte"),
  SearchScreen: () => import("../features/search/SearchScreen.svelte"),
  MyCompetency: () => import("../features/competency/MyCompetency.svelte"),
  FrameworkScreen: () => import("../features/competency/FrameworkScreen.svelte"),
  ComplianceScreen: () => import("../features/compliance/ComplianceScreen.svelte"),
  SettingsScreen: () => import("../features/settings/SettingsScreen.svelte"),
  OrganisationForm: () => import("../features/board/OrganisationForm.svelte"),
  DatabaseScreen: () => import("../features/database/DatabaseScreen.svelte"),
} satisfies Record<string, Loader>;

/** The sections of the navigation, in the order shown; each screen highlights one. */
export const sections = [
  { label: "Home", href: "#/home" },
  { label: "Scrutiny", href: "#/scrutiny" },
  { label: "Papers", href: "#/papers" },
  { label: "Exchange and export", href: "#/exchange" },
  { label: "Board register", href: "#/members" },
  { label: "My competency", href: "#/my-competency" },
  { label: "My training", href: "#/my-training" },
  { label: "Training compliance", href: "#/compliance" },
  { label: "Frameworks", href: "#/framework" },
  { label: "Organisation", href: "#/organisation" },
  { label: "Settings", href: "#/settings" },
  { label: "Search", href: "#/search" },
  { label: "Database", href: "#/database" },
] as const;

export type Section = (typeof sections)[number]["label"];

type Params = Record<string, string | null>;

/** Which actions a link to the tracker shows. */
export type ActionsShown = { owner?: ActionOwner | null; overdue?: boolean };

/** One screen. `P` is what its address carries, handed to the screen as props of those names. */
type Screen<P extends Params, A extends unknown[]> = {
  /**
   * Addresses, tried in the table's order: words to match, `:name` for a part the screen is
   * given, `:name?` for one that may be missing (null). Parts after the pattern are ignored.
   */
  paths: readonly (string | readonly [string, Partial<P>])[];
  /** Omitted for Home, which is drawn with the shell and never waits. */
  load?: Loader;
  section: Section;
  /** The window's title on this screen; the app's name when there is none. */
  title?: string;
  /** What of the app's state the screen takes, by prop name. */
  needs?: readonly (keyof Shell)[];
  /** Props fixed for this address. */
  fixed?: Record<string, unknown>;
  /** A screen drawn afresh when its address names another record, rather than updated. */
  fresh?: boolean;
  link: (...args: A) => string;
};

const screen = <P extends Params = Record<never, never>, A extends unknown[] = []>(s: Screen<P, A>) => s;
const part = encodeURIComponent;
const under = (path: string) => (id: string) => path.replace(":id", part(id));

const table = {
  /** "What needs me now": the next meeting, my actions and training, and the board's gaps. */
  home: screen({ paths: ["home"], section: "Home", link: () => "#/home" }),
  "add-member": screen({ paths: ["members/new"], load: ScreenOf.MemberForm, section: "Board register", needs: ["options", "ondone"], link: () => "#/members/new" }),
  members: screen<{ show: "current" | "ended" | "all" }, [show?: "current" | "ended" | "all"]>({
    paths: [["members/ended", { show: "ended" }], ["members/all", { show: "all" }]],
    load: ScreenOf.Register,
    section: "Board register",
    needs: ["options", "organisation", "notice"],
    link: (show = "current") => (show === "current" ? "#/members" : `#/members/${show}`),
  }),
  "edit-member": screen<{ id: string }, [id: string]>({
    paths: ["members/:id/edit"],
    load: ScreenOf.MemberForm,
    section: "Board register",
    needs: ["options", "ondone"],
    fresh: true,
    link: under("#/members/:id/edit"),
  }),
  "member-history": screen<{ id: string }, [id: string]>({
    paths: ["members/:id/history"],
    load: ScreenOf.MemberHistory,
    section: "Board register",
    fresh: true,
    link: under("#/members/:id/history"),
  }),
  "member-competency": screen<{ id: string }, [id: string]>({
    paths: ["members/:id/competency"],
    load: ScreenOf.MemberCompetencyScreen,
    section: "My competency",
    needs: ["options"],
    fresh: true,
    link: under("#/members/:id/competency"),
  }),
  "member-training": screen<{ id: string }, [id: string]>({
    paths: ["members/:id/training"],
    load: ScreenOf.MemberTraining,
    section: "Board register",
    fresh: true,
    link: under("#/members/:id/training"),
  }),
  /** The entry form, defaulting to a meeting when given. */
  "add-entry": screen<{ meetingId: string | null }, [meetingId?: string]>({
    paths: ["scrutiny/new/:meetingId?"],
    load: ScreenOf.EntryForm,
    section: "Scrutiny",
    fresh: true,
    link: (meetingId) => (meetingId ? `#/scrutiny/new/${part(meetingId)}` : "#/scrutiny/new"),
  }),
  "edit-entry": screen<{ id: string }, [id: string]>({
    paths: ["scrutiny/:id/edit"],
    load: ScreenOf.EntryForm,
    section: "Scrutiny",
    fresh: true,
    link: under("#/scrutiny/:id/edit"),
  }),
  "entry-history": screen<{ id: string }, [id: string]>({
    paths: ["scrutiny/:id/history"],
    load: ScreenOf.EntryHistory,
    section: "Scrutiny",
    fresh: true,
    link: under("#/scrutiny/:id/history"),
  }),
  scrutiny: screen({ paths: ["scrutiny"], load: ScreenOf.ScrutinyLog, section: "Scrutiny", needs: ["options"], link: () => "#/scrutiny" }),
  "add-meeting": screen({ paths: ["meetings/new"], load: ScreenOf.MeetingForm, section: "Scrutiny", link: () => "#/meetings/new" }),
  "edit-meeting": screen<{ id: string }, [id: string]>({
    paths: ["meetings/:id/edit"],
    load: ScreenOf.MeetingForm,
    section: "Scrutiny",
    fresh: true,
    link: under("#/meetings/:id/edit"),
  }),
  /** The challenge form filled in from one of my planned questions for a meeting, to log it as asked. */
  "log-question": screen<{ meetingId: string; question: string }, [meetingId: string, question: string]>({
    paths: ["meetings/:meetingId/questions/:question/log"],
    load: ScreenOf.EntryForm,
    section: "Scrutiny",
    fresh: true,
    link: (meetingId, question) => `#/meetings/${part(meetingId)}/questions/${part(question)}/log`,
  }),
  /** A meeting, opened at the questions I plan to ask there. */
  "meeting-questions": screen<{ id: string }, [id: string]>({
    paths: ["meetings/:id/questions"],
    load: ScreenOf.MeetingScreen,
    section: "Scrutiny",
    fixed: { show: "questions" },
    fresh: true,
    link: under("#/meetings/:id/questions"),
  }),
  /** The papers that make up a meeting's board pack. */
  "meeting-pack": screen<{ id: string }, [id: string]>({
    paths: ["meetings/:id/pack"],
    load: ScreenOf.PackScreen,
    section: "Scrutiny",
    fresh: true,
    link: under("#/meetings/:id/pack"),
  }),
  meeting: screen<{ id: string }, [id: string]>({
    paths: ["meetings/:id"],
    load: ScreenOf.MeetingScreen,
    section: "Scrutiny",
    fresh: true,
    link: under("#/meetings/:id"),
  }),
  meetings: screen({ paths: ["meetings"], load: ScreenOf.MeetingsScreen, section: "Scrutiny", link: () => "#/meetings" }),
  /** The tracker, filtered by its address to one owner (a member, or a name or post) and to overdue actions. */
  actions: screen<{ member: string | null; owner: string | null; overdue: string | null }, [show?: ActionsShown]>({
    paths: [
      ["actions/overdue/member/:member", { overdue: "overdue" }],
      ["actions/overdue/owner/:owner", { overdue: "overdue" }],
      ["actions/overdue", { overdue: "overdue" }],
      "actions/member/:member",
      "actions/owner/:owner",
      "actions",
    ],
    load: ScreenOf.ActionsScreen,
    section: "Scrutiny",
    fresh: true,
    link: ({ owner = null, overdue = false } = {}) =>
      ["#/actions", overdue ? "overdue" : null, owner ? ("member" in owner ? `member/${part(owner.member)}` : `owner/${part(owner.name)}`) : null]
        .filter(Boolean)
        .join("/"),
  }),
  search: screen({ paths: ["search"], load: ScreenOf.SearchScreen, section: "Search", link: () => "#/search" }),
  coverage: screen({ paths: ["coverage"], load: ScreenOf.CoverageScreen, section: "Scrutiny", link: () => "#/coverage" }),
  papers: screen({ paths: ["papers"], load: ScreenOf.PapersScreen, section: "Papers", link: () => "#/papers" }),
  /** Exchange files between laptops, and exports for other tools. */
  exchange: screen({ paths: ["exchange"], load: ScreenOf.ExchangeScreen, section: "Exchange and export", link: () => "#/exchange" }),
  framework: screen<{ id: string | null }, [id?: string]>({
    paths: ["framework/:id?"],
    load: ScreenOf.FrameworkScreen,
    section: "Frameworks",
    fresh: true,
    link: (id) => (id ? `#/framework/${part(id)}` : "#/framework"),
  }),
  "my-competency": screen({ paths: ["my-competency"], load: ScreenOf.MyCompetency, section: "My competency", link: () => "#/my-competency" }),
  "my-training": screen({
    paths: ["my-training"],
    load: ScreenOf.MyCompetency,
    section: "My training",
    fixed: { page: "training" },
    link: () => "#/my-training",
  }),
  compliance: screen({ paths: ["compliance"], load: ScreenOf.ComplianceScreen, section: "Training compliance", needs: ["options"], link: () => "#/compliance" }),
  /** Settings, opened at one of its sections ("posts") when the address names it. */
  settings: screen<{ section: string | null }, [section?: string]>({
    paths: ["settings/:section?"],
    load: ScreenOf.SettingsScreen,
    section: "Settings",
    needs: ["options", "onidlelockchange"],
    link: (section) => (section ? `#/settings/${part(section)}` : "#/settings"),
  }),
  organisation: screen({
    paths: ["organisation"],
    load: ScreenOf.OrganisationForm,
    section: "Organisation",
    needs: ["organisation", "options", "onsaved"],
    link: () => "#/organisation",
  }),
  database: screen({ paths: ["database"], load: ScreenOf.DatabaseScreen, section: "Database", needs: ["status", "onstatuschange"], link: () => "#/database" }),
} as const;

// The register's own address comes last: "#/members/…" that names nothing else still opens it.
const fallbacks: readonly (readonly [string, Route])[] = [["members", { name: "members", show: "current" }]];

type Table = typeof table;
type Name = keyof Table;
type ParamsOf<S> = S extends Screen<infer P, never> ? P : never;
type LinkOf<S> = S extends Screen<Params, infer A> ? (...args: A) => string : never;

export type Route = { [K in Name]: { name: K } & ParamsOf<Table[K]> }[Name];

type AnyScreen = Screen<Params, never[]>;
const entries = Object.entries(table) as unknown as [Name, AnyScreen][];

/** The screen a route shows. */
export const screenOf = (name: Route["name"]): AnyScreen => table[name] as unknown as AnyScreen;

/** The parts of the address a pattern names, or null when it does not match. */
function matchPath(pattern: string, parts: string[]): Params | null {
  const params: Params = {};
  const words = pattern.split("/");
  for (const [i, word] of words.entries()) {
    const value = parts[i];
    if (word.startsWith(":")) {
      const optional = word.endsWith("?");
      if (value === undefined && !optional) return null;
      params[word.slice(1).replace(/\?$/, "")] = value ?? null;
    } else if (value !== word) {
      return null;
    }
  }
  return params;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  for (const [name, s] of entries) {
    for (const path of s.paths) {
      const [pattern, fixed] = typeof path === "string" ? [path, {}] : path;
      const params = matchPath(pattern, parts);
      if (params) return { name, ...params, ...fixed } as Route;
    }
  }
  for (const [pattern, route] of fallbacks) if (matchPath(pattern, parts)) return route;
  // The window opens on "what needs me now", and anything unknown leads back there.
  return { name: "home" };
}

const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

/** The link to every screen, named after it: `href.editMember(id)` for "edit-member". */
export const href = Object.fromEntries(entries.map(([name, s]) => [camel(name), s.link])) as unknown as {
  [K in Name as Camel<K>]: LinkOf<Table[K]>;
};

/** The props a route's screen is drawn with: what its address carries, then what it needs. */
export function propsOf(route: Route, shell: Shell): Record<string, unknown> {
  const s = screenOf(route.name);
  const params = Object.fromEntries(Object.entries(route).filter(([key]) => key !== "name"));
  const needed = Object.fromEntries((s.needs ?? []).map((k) => [k, shell[k]]));
  return { ...params, ...needed, ...s.fixed };
}
