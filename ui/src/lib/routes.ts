/** The screens of the app, addressed by the location hash so every link is a real link. */
export type Route =
  | { name: "home" }
  | { name: "members"; show: "current" | "ended" | "all" }
  | { name: "add-member" }
  | { name: "edit-member"; id: string }
  | { name: "member-history"; id: string }
  | { name: "member-competency"; id: string }
  | { name: "member-training"; id: string }
  | { name: "scrutiny" }
  | { name: "add-entry"; meetingId: string | null }
  | { name: "edit-entry"; id: string }
  | { name: "entry-history"; id: string }
  | { name: "meetings" }
  | { name: "add-meeting" }
  | { name: "meeting"; id: string }
  | { name: "edit-meeting"; id: string }
  | { name: "meeting-pack"; id: string }
  | { name: "actions" }
  | { name: "coverage" }
  | { name: "papers" }
  | { name: "exchange" }
  | { name: "search" }
  | { name: "my-competency" }
  | { name: "my-training" }
  | { name: "compliance" }
  | { name: "settings" }
  | { name: "framework"; id: string | null }
  | { name: "organisation" }
  | { name: "database" };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (first === "home") return { name: "home" };
  if (first === "members") {
    if (second === "new") return { name: "add-member" };
    if (second === "ended" || second === "all") return { name: "members", show: second };
    if (second && third === "edit") return { name: "edit-member", id: second };
    if (second && third === "history") return { name: "member-history", id: second };
    if (second && third === "competency") return { name: "member-competency", id: second };
    if (second && third === "training") return { name: "member-training", id: second };
  }
  if (first === "scrutiny") {
    if (second === "new") return { name: "add-entry", meetingId: third ?? null };
    if (second && third === "edit") return { name: "edit-entry", id: second };
    if (second && third === "history") return { name: "entry-history", id: second };
    return { name: "scrutiny" };
  }
  if (first === "meetings") {
    if (second === "new") return { name: "add-meeting" };
    if (second && third === "edit") return { name: "edit-meeting", id: second };
    if (second && third === "pack") return { name: "meeting-pack", id: second };
    if (second) return { name: "meeting", id: second };
    return { name: "meetings" };
  }
  if (first === "actions") return { name: "actions" };
  if (first === "search") return { name: "search" };
  if (first === "coverage") return { name: "coverage" };
  if (first === "papers") return { name: "papers" };
  if (first === "exchange") return { name: "exchange" };
  if (first === "framework") return { name: "framework", id: second ?? null };
  if (first === "my-competency") return { name: "my-competency" };
  if (first === "my-training") return { name: "my-training" };
  if (first === "compliance") return { name: "compliance" };
  if (first === "settings") return { name: "settings" };
  if (first === "organisation") return { name: "organisation" };
  if (first === "database") return { name: "database" };
  if (first === "members") return { name: "members", show: "current" };
  // The window opens on "what needs me now", and anything unknown leads back there.
  return { name: "home" };
}

export const href = {
  /** "What needs me now": the next meeting, my actions and training, and the board's gaps. */
  home: () => "#/home",
  members: (show: "current" | "ended" | "all" = "current") =>
    show === "current" ? "#/members" : `#/members/${show}`,
  addMember: () => "#/members/new",
  editMember: (id: string) => `#/members/${encodeURIComponent(id)}/edit`,
  memberHistory: (id: string) => `#/members/${encodeURIComponent(id)}/history`,
  memberCompetency: (id: string) => `#/members/${encodeURIComponent(id)}/competency`,
  memberTraining: (id: string) => `#/members/${encodeURIComponent(id)}/training`,
  framework: (id?: string) => (id ? `#/framework/${encodeURIComponent(id)}` : "#/framework"),
  myCompetency: () => "#/my-competency",
  myTraining: () => "#/my-training",
  scrutiny: () => "#/scrutiny",
  /** The entry form, defaulting to a meeting when given. */
  addEntry: (meetingId?: string) => (meetingId ? `#/scrutiny/new/${encodeURIComponent(meetingId)}` : "#/scrutiny/new"),
  editEntry: (id: string) => `#/scrutiny/${encodeURIComponent(id)}/edit`,
  entryHistory: (id: string) => `#/scrutiny/${encodeURIComponent(id)}/history`,
  meetings: () => "#/meetings",
  addMeeting: () => "#/meetings/new",
  meeting: (id: string) => `#/meetings/${encodeURIComponent(id)}`,
  editMeeting: (id: string) => `#/meetings/${encodeURIComponent(id)}/edit`,
  /** The papers that make up a meeting's board pack. */
  meetingPack: (id: string) => `#/meetings/${encodeURIComponent(id)}/pack`,
  actions: () => "#/actions",
  coverage: () => "#/coverage",
  papers: () => "#/papers",
  /** Exchange files between laptops, and exports for other tools. */
  exchange: () => "#/exchange",
  search: () => "#/search",
  compliance: () => "#/compliance",
  settings: () => "#/settings",
  organisation: () => "#/organisation",
  database: () => "#/database",
};
