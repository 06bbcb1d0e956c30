import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../bindings/ErrorBody";
import type { PostHolder } from "../../bindings/PostHolder";
import type { RememberedMapping } from "../../bindings/RememberedMapping";
import { seriousAxeProblems } from "../../test-axe";
import { mockCommands } from "../../test-commands";
import { member } from "../../test-fixtures";
import ImportMappingSettings from "./ImportMappingSettings.svelte";
import PostSettings from "./PostSettings.svelte";

/** A section as the settings page draws it: its problem kept and handed back. */
function kept() {
  let error: ErrorBody | null = null;
  return { error, onerror: (e: ErrorBody | null) => (error = e) };
}

const log: RememberedMapping = {
  kind: "scrutiny-log",
  label: "Challenge log",
  mapping: {
    columns: { Date: "Date raised", "Assurance area": "Theme" },
    values: { "Assurance area": { LAC: { use: "children-in-care" }, Misc: "leaveOut" }, "Assurance level": { Sig: { use: "significant" } } },
  },
};
const training: RememberedMapping = { kind: "training", label: "Training records", mapping: { columns: {}, values: {} } };

describe("settings: import mappings", () => {
  it("lists each import's remembered columns and words, and removes one", async () => {
    const calls = mockCommands({
      import_mappings: () => [log, training],
      save_import_mapping: ({ kind, mapping }) => ({ kind, label: "Challenge log", mapping }),
    });
    const user = userEvent.setup();
    render(ImportMappingSettings, kept());
    const columns = await screen.findByRole("table", { name: "Challenge log: columns" });
    expect(within(columns).getAllByRole("row").map((r) => r.textContent)).toEqual([
      "FieldColumn of the fileActions",
      "DateDate raisedRemove the column for Date",
      "Assurance areaThemeRemove the column for Assurance area",
    ]);
    const words = screen.getByRole("table", { name: "Challenge log: words" });
    expect(words.textContent).toContain("LACchildren-in-care");
    expect(words.textContent).toContain("MiscRows left out");
    expect(screen.getByText("Nothing is remembered for this import.")).toBeTruthy();
    await user.click(within(words).getByRole("button", { name: "Remove 'LAC' as Assurance area" }));
    expect(await screen.findByText("Challenge log no longer remembers what 'LAC' means as Assurance area.")).toBeTruthy();
    expect(calls.save_import_mapping).toEqual([
      {
        kind: "scrutiny-log",
        mapping: { columns: log.mapping.columns, values: { "Assurance area": { Misc: "leaveOut" }, "Assurance level": { Sig: { use: "significant" } } } },
      },
    ]);
    expect(screen.getByRole("table", { name: "Challenge log: words" }).textContent).not.toContain("LAC");
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });

  it("forgets everything for an import only once confirmed", async () => {
    const calls = mockCommands({
      import_mappings: () => [log],
      save_import_mapping: ({ kind, mapping }) => ({ kind, label: "Challenge log", mapping }),
    });
    const user = userEvent.setup();
    render(ImportMappingSettings, kept());
    await user.click(await screen.findByRole("button", { name: "Forget all for this import: Challenge log" }));
    const dialog = screen.getByRole("dialog", { name: "Forget everything remembered for Challenge log?" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(calls.save_import_mapping).toBeUndefined();
    await user.click(screen.getByRole("button", { name: "Forget all for this import: Challenge log" }));
    await user.click(within(dialog).getByRole("button", { name: "Forget all" }));
    expect(await screen.findByText(/Challenge log remembers nothing now/)).toBeTruthy();
    expect(calls.save_import_mapping).toEqual([{ kind: "scrutiny-log", mapping: { columns: {}, values: {} } }]);
    expect(dialog.hasAttribute("open")).toBe(false);
    expect(screen.getByText("Nothing is remembered for this import.")).toBeTruthy();
  });
});

const nurse: PostHolder = { id: "p1", post: "Chief Nurse", memberId: "m2", memberName: "Priya Raman", heldFrom: "2024-04-01", heldTo: null };
const members = [member({ id: "m1", name: "Fiona Gallagher" }), member({ id: "m2", name: "Priya Raman" })];

describe("settings: posts and who holds them", () => {
  it("lists the holdings with British dates, ties a post from the form and changes one", async () => {
    let holders = [nurse];
    const calls = mockCommands({
      list_posts: () => holders,
      untied_owners: () => [],
      tie_post: ({ input }) => {
        const h = { ...nurse, id: "p2", ...(input as object), memberName: "Fiona Gallagher", heldFrom: "2026-04-01" } as PostHolder;
        holders = [...holders, h];
        return h;
      },
      update_post: ({ id, input }) => ({ ...nurse, id: id as string, ...(input as object), heldTo: "2026-03-31" }),
    });
    const user = userEvent.setup();
    render(PostSettings, { members, ...kept() });
    const table = await screen.findByRole("table", { name: "Posts held" });
    expect(within(table).getAllByRole("row")[1].textContent).toContain("Chief NursePriya Raman01/04/2024Now");
    await user.type(screen.getByRole("textbox", { name: "Post" }), "Head of Safeguarding");
    await user.selectOptions(screen.getByRole("combobox", { name: "Member who holds it" }), "Fiona Gallagher");
    await user.type(screen.getByRole("textbox", { name: "Held from" }), "01/04/2026");
    await user.click(screen.getByRole("button", { name: "Tie the post" }));
    expect(await screen.findByText("'Head of Safeguarding' is now tied to Fiona Gallagher.")).toBeTruthy();
    expect(calls.tie_post).toEqual([{ input: { post: "Head of Safeguarding", memberId: "m1", heldFrom: "01/04/2026", heldTo: "" } }]);

    await user.click(screen.getByRole("button", { name: "Change Chief Nurse, held by Priya Raman" }));
    expect(screen.getByRole("heading", { name: "Change who holds 'Chief Nurse'" })).toBeTruthy();
    expect((screen.getByRole("textbox", { name: "Held from" }) as HTMLInputElement).value).toBe("01/04/2024");
    await user.type(screen.getByRole("textbox", { name: "Held to (optional)" }), "31/03/2026");
    await user.click(screen.getByRole("button", { name: "Save the change" }));
    expect(await screen.findByText("Who holds 'Chief Nurse' was changed.")).toBeTruthy();
    expect(calls.update_post).toEqual([{ id: "p1", input: { post: "Chief Nurse", memberId: "m2", heldFrom: "01/04/2024", heldTo: "31/03/2026" } }]);
  });

  it("unties a post only once confirmed", async () => {
    let holders = [nurse];
    const calls = mockCommands({
      list_posts: () => holders,
      untied_owners: () => [],
      untie_post: () => {
        holders = [];
        return null;
      },
    });
    const user = userEvent.setup();
    render(PostSettings, { members, ...kept() });
    await user.click(await screen.findByRole("button", { name: "Untie Chief Nurse from Priya Raman" }));
    const dialog = screen.getByRole("dialog", { name: "Untie 'Chief Nurse' from Priya Raman?" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(calls.untie_post).toBeUndefined();
    await user.click(screen.getByRole("button", { name: "Untie Chief Nurse from Priya Raman" }));
    await user.click(within(dialog).getByRole("button", { name: "Untie" }));
    expect(await screen.findByText("'Chief Nurse' is no longer tied to Priya Raman.")).toBeTruthy();
    expect(calls.untie_post).toEqual([{ id: "p1" }]);
    expect(screen.getByText("No post is tied to a member yet.")).toBeTruthy();
  });

  it("ties an untied owner to its suggested member in one click, and starts the form for one with no suggestion", async () => {
    const calls = mockCommands({
      list_posts: () => [],
      untied_owners: () => [
        { post: "Chief Nurse", uses: 161, holder: null, suggestedMemberId: "m2", suggestedMemberName: "Priya Raman" },
        { post: "Head of Safeguarding", uses: 1, holder: null, suggestedMemberId: null, suggestedMemberName: null },
      ],
      tie_post: ({ input }) => ({ ...nurse, ...(input as object) }),
    });
    const user = userEvent.setup();
    render(PostSettings, { members, ...kept() });
    const untied = await screen.findByRole("list");
    expect(untied.textContent).toContain("'Chief Nurse' owns 161 open actions.");
    expect(untied.textContent).toContain("'Head of Safeguarding' owns 1 open action.");
    await user.click(within(untied).getByRole("button", { name: "Tie to Priya Raman: Chief Nurse" }));
    expect(await screen.findByText("'Chief Nurse' is now tied to Priya Raman.")).toBeTruthy();
    expect(calls.tie_post).toEqual([{ input: { post: "Chief Nurse", memberId: "m2", heldFrom: "", heldTo: "" } }]);
    await user.click(within(untied).getByRole("button", { name: "Tie it to a member: Head of Safeguarding" }));
    expect((screen.getByRole("textbox", { name: "Post" }) as HTMLInputElement).value).toBe("Head of Safeguarding");
    await waitFor(() => expect(document.activeElement?.id).toBe("post-member"));
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });
});
