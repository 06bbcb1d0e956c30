/** The screens of the app, addressed by the location hash so every link is a real link. */
export type Route =
  | { name: "members"; show: "current" | "ended" | "all" }
  | { name: "add-member" }
  | { name: "edit-member"; id: string }
  | { name: "member-history"; id: string }
  | { name: "member-framework"; id: string }
  | { name: "member-training"; id: string }
  | { name: "framework" }
  | { name: "organisation" }
  | { name: "database" };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (first === "members") {
    if (second === "new") return { name: "add-member" };
    if (second === "ended" || second === "all") return { name: "members", show: second };
    if (second && third === "edit") return { name: "edit-member", id: second };
    if (second && third === "history") return { name: "member-history", id: second };
    if (second && third === "framework") return { name: "member-framework", id: second };
    if (second && third === "training") return { name: "member-training", id: second };
  }
  if (first === "framework") return { name: "framework" };
  if (first === "organisation") return { name: "organisation" };
  if (first === "database") return { name: "database" };
  return { name: "members", show: "current" };
}

export const href = {
  members: (show: "current" | "ended" | "all" = "current") =>
    show === "current" ? "#/members" : `#/members/${show}`,
  addMember: () => "#/members/new",
  editMember: (id: string) => `#/members/${encodeURIComponent(id)}/edit`,
  memberHistory: (id: string) => `#/members/${encodeURIComponent(id)}/history`,
  memberFramework: (id: string) => `#/members/${encodeURIComponent(id)}/framework`,
  memberTraining: (id: string) => `#/members/${encodeURIComponent(id)}/training`,
  framework: () => "#/framework",
  organisation: () => "#/organisation",
  database: () => "#/database",
};
