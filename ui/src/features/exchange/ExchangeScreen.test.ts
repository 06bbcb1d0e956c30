import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ImportChoices } from "../../bindings/ImportChoices";
import type { ImportPlan } from "../../bindings/ImportPlan";
import {
  FINGERPRINT,
  SENDER_FINGERPRINT,
  identity,
  importPlan,
  member,
  periodChoices,
  settings,
} from "../../test-fixtures";
import ExchangeScreen from "./ExchangeScreen.svelte";
import { mockCommands, type Handlers } from "../../test-commands";


const priya = member();
const fiona = member({ id: "m2", name: "Fiona Gallagher", kind: "non-executive", jobTitle: "Non-executive director" });

function mockExchange(handlers: Handlers = {}) {
  return mockCommands({
    exchange_identity: () => identity(),
    list_members: () => [priya, fiona],
    get_settings: () => settings({ myMemberId: priya.id }),
    recent_periods: () => periodChoices,
    ...handlers,
  });
}

const section = (name: string) => screen.getByRole("region", { name });
const describedBy = (el: HTMLElement) => (el.getAttribute("aria-describedby") ?? "").split(" ");
const fail = (message: string, field: string | null) => () => {
  throw { kind: "Validation", message, field };
};

describe("exchange: this laptop and trusted senders", () => {
  it("shows the fingerprint and the trusted senders with British dates, under headings in order", async () => {
    mockExchange();
    render(ExchangeScreen);
    const fingerprint = await screen.findByText(FINGERPRINT);
    expect(fingerprint.id).toBe("exchange-fingerprint");
    expect(fingerprint.textContent).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
    expect(screen.getByRole("heading", { level: 1, name: "Exchange and export" })).toBeTruthy();
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent?.trim())).toEqual([
      "This laptop’s fingerprint",
      "Send records",
      "Receive records",
      "Export for other tools",
    ]);

    const table = within(section("This laptop’s fingerprint")).getByRole("table", { name: "Trusted senders" });
    const row = within(table).getAllByRole("row")[1];
    expect(row.textContent).toContain("Fiona Gallagher");
    expect(row.textContent).toContain(SENDER_FINGERPRINT);
    // Trusted just before midnight UTC in summer: already 6 August in the UK.
    expect(row.textContent).toContain("6 August 2026");
    expect(within(row).getByRole("button", { name: "Stop trusting Fiona Gallagher" })).toBeTruthy();
  });

  it("says so when no laptop is trusted yet", async () => {
    mockExchange({ exchange_identity: () => identity({ signers: [] }) });
    render(ExchangeScreen);
    expect(await screen.findByText(/You have not trusted any other laptop yet/)).toBeTruthy();
    expect(screen.queryByRole("table", { name: "Trusted senders" })).toBeNull();
  });

  it("asks before it stops trusting a sender, then refreshes the list", async () => {
    let forgotten = false;
    const calls = mockExchange({
      exchange_forget_signer: () => {
        forgotten = true;
        return null;
      },
      exchange_identity: () => (forgotten ? identity({ signers: [] }) : identity()),
    });
    render(ExchangeScreen);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Stop trusting Fiona Gallagher" }));
    expect(calls.exchange_forget_signer).toBeUndefined();
    const dialog = screen.getByRole("dialog", { name: "Stop trusting Fiona Gallagher?" });
    expect(dialog.textContent).toContain(SENDER_FINGERPRINT);
    expect(dialog.textContent).toContain("Records already imported are kept.");
    await user.click(within(dialog).getByRole("button", { name: "Stop trusting" }));
    expect((await within(section("This laptop’s fingerprint")).findByRole("status")).textContent).toContain(
      "You no longer accept files from Fiona Gallagher.",
    );
    expect(calls.exchange_forget_signer).toEqual([{ publicKey: "pk-fiona" }]);
    expect(screen.getByText(/You have not trusted any other laptop yet/)).toBeTruthy();
    expect(dialog.hasAttribute("open")).toBe(false);
  });
});

describe("exchange: sending records", () => {
  it("does not save when the passphrases differ, and ties the problem to the confirmation", async () => {
    const calls = mockExchange();
    render(ExchangeScreen);
    const user = userEvent.setup();
    const passphrase = await screen.findByLabelText("Passphrase", { selector: "#send-passphrase" });
    const confirm = screen.getByLabelText("Confirm passphrase");
    expect(passphrase.getAttribute("type")).toBe("password");
    expect(passphrase.getAttribute("autocomplete")).toBe("new-password");
    expect(confirm.getAttribute("type")).toBe("password");
    await user.type(passphrase, "correct horse battery");
    await user.type(confirm, "correct horse batery");
    await user.click(screen.getByRole("button", { name: "Save exchange file…" }));

    const alert = await screen.findByRole("alert");
    const link = within(alert).getByRole("link", { name: /The passphrases do not match/ });
    expect(link.getAttribute("href")).toBe("#send-passphrase-confirm");
    expect(describedBy(confirm)).toContain("send-passphrase-confirm-error");
    expect(document.getElementById("send-passphrase-confirm-error")?.textContent).toContain("The passphrases do not match");
    expect(describedBy(passphrase)).not.toContain("send-passphrase-error");
    expect(calls.exchange_export).toBeUndefined();
  });

  it("sends my records by default and shows the core's passphrase rule on the passphrase field", async () => {
    const calls = mockExchange({
      exchange_export: fail(
        "Choose a passphrase of at least 8 characters. Share it with the recipient by phone or in person, never with the file.",
        "passphrase",
      ),
    });
    render(ExchangeScreen);
    const user = userEvent.setup();
    const mine = (await screen.findByLabelText("My records (Priya Raman)")) as HTMLInputElement;
    expect(mine.checked).toBe(true);
    await user.type(screen.getByLabelText("Passphrase", { selector: "#send-passphrase" }), "short");
    await user.type(screen.getByLabelText("Confirm passphrase"), "short");
    await user.click(screen.getByRole("button", { name: "Save exchange file…" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("link", { name: /at least 8 characters/ }).getAttribute("href")).toBe("#send-passphrase");
    const passphrase = screen.getByLabelText("Passphrase", { selector: "#send-passphrase" });
    expect(describedBy(passphrase)).toContain("send-passphrase-error");
    expect(document.getElementById("send-passphrase-error")?.textContent).toContain("at least 8 characters");
    expect(calls.exchange_export).toEqual([{ options: { memberId: priya.id, period: "" }, passphrase: "short" }]);
  });

  it("sends another member's records for a quarter and confirms what was saved", async () => {
    let answer: unknown = null;
    const calls = mockExchange({ exchange_export: () => answer });
    render(ExchangeScreen);
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText("Another member’s records"));
    await user.selectOptions(screen.getByLabelText("Member"), "Fiona Gallagher");
    await user.selectOptions(screen.getByLabelText("Dates"), "Q2 2026/27");
    await user.type(screen.getByLabelText("Passphrase", { selector: "#send-passphrase" }), "blue kettle morning");
    await user.type(screen.getByLabelText("Confirm passphrase"), "blue kettle morning");

    // A cancelled save dialog says nothing.
    await user.click(screen.getByRole("button", { name: "Save exchange file…" }));
    await screen.findByRole("button", { name: "Save exchange file…" });
    expect(within(section("Send records")).queryByRole("status")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();

    answer = {
      path: "/home/sam/Fiona Gallagher records 2026-27-Q2.boardx",
      description: "Records of Fiona Gallagher, 2026/27 Q2 (July to September 2026)",
      records: 14,
      bytes: 20480,
      fingerprint: FINGERPRINT,
    };
    await user.click(screen.getByRole("button", { name: "Save exchange file…" }));
    const status = await within(section("Send records")).findByRole("status");
    expect(status.textContent).toContain("Records of Fiona Gallagher, 2026/27 Q2 (July to September 2026): 14 records.");
    expect(status.textContent).toContain("/home/sam/Fiona Gallagher records 2026-27-Q2.boardx");
    expect(status.textContent).toContain(FINGERPRINT);
    const options = { memberId: "m2", period: "2026/27-Q2" };
    expect(calls.exchange_export).toEqual([
      { options, passphrase: "blue kettle morning" },
      { options, passphrase: "blue kettle morning" },
    ]);
    // The passphrase is not kept on screen once the file is saved.
    expect((screen.getByLabelText("Passphrase", { selector: "#send-passphrase" }) as HTMLInputElement).value).toBe("");
  });

  it("offers my records only once this laptop's member is chosen, and can send the whole board's", async () => {
    const calls = mockExchange({ get_settings: () => settings({ myMemberId: null }), exchange_export: () => null });
    render(ExchangeScreen);
    const user = userEvent.setup();
    const mine = (await screen.findByLabelText("My records")) as HTMLInputElement;
    expect(mine.disabled).toBe(true);
    expect(describedBy(mine)).toContain("send-whose-mine-hint");
    expect((screen.getByLabelText("The whole board") as HTMLInputElement).checked).toBe(true);
    await user.type(screen.getByLabelText("Passphrase", { selector: "#send-passphrase" }), "blue kettle morning");
    await user.type(screen.getByLabelText("Confirm passphrase"), "blue kettle morning");
    await user.click(screen.getByRole("button", { name: "Save exchange file…" }));
    await screen.findByRole("button", { name: "Save exchange file…" });
    expect(calls.exchange_export).toEqual([{ options: { memberId: null, period: "" }, passphrase: "blue kettle morning" }]);
  });
});

describe("exchange: receiving records", () => {
  async function openFile(user: ReturnType<typeof userEvent.setup>, passphrase = "blue kettle morning") {
    await user.click(await screen.findByRole("button", { name: "Choose exchange file…" }));
    expect(await screen.findByText("Fiona Gallagher records 2026-27.boardx")).toBeTruthy();
    const field = screen.getByLabelText("Passphrase", { selector: "#receive-passphrase" });
    expect(field.getAttribute("type")).toBe("password");
    expect(field.getAttribute("autocomplete")).toBe("off");
    await user.type(field, passphrase);
    await user.click(screen.getByRole("button", { name: "Preview" }));
  }

  it("warns about a sender it does not know, and offers Import only once the fingerprint is confirmed", async () => {
    let trusted = false;
    const calls = mockExchange({
      exchange_choose_file: () => "Fiona Gallagher records 2026-27.boardx",
      exchange_preview: () => importPlan({ sender: { ...importPlan().sender, trusted } }),
      exchange_trust: () => {
        trusted = true;
        return identity().signers[0];
      },
      exchange_identity: () => (trusted ? identity() : identity({ signers: [] })),
    });
    render(ExchangeScreen);
    const user = userEvent.setup();
    await openFile(user);

    const warning = await screen.findByText(/You have not received files from this laptop before\. Phone Fiona Gallagher/);
    expect(warning.textContent).toContain("Only if it matches, confirm.");
    expect(document.getElementById("receive-sender-fingerprint")?.textContent).toBe(SENDER_FINGERPRINT);
    expect(screen.queryByRole("button", { name: "Import" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "The fingerprint matches – trust this sender" }));
    const importButton = await screen.findByRole("button", { name: "Import" });
    expect(calls.exchange_trust).toEqual([{ passphrase: "blue kettle morning", fingerprint: SENDER_FINGERPRINT }]);
    // The preview is made again by the core, now that the sender is trusted.
    expect(calls.exchange_preview).toHaveLength(2);
    expect(screen.queryByRole("button", { name: "The fingerprint matches – trust this sender" })).toBeNull();
    expect(within(section("Receive records")).getByRole("status").textContent).toContain("You now accept files from Fiona Gallagher.");
    expect(within(section("This laptop’s fingerprint")).getByRole("table", { name: "Trusted senders" }).textContent).toContain(
      "Fiona Gallagher",
    );
    expect(document.activeElement).toBe(importButton);
  });

  it("shows the counts and the changes, offers a choice for each conflict and imports with the choices", async () => {
    const calls = mockExchange({
      exchange_choose_file: () => "Fiona Gallagher records 2026-27.boardx",
      exchange_preview: () => importPlan(),
      exchange_import: (args) => {
        const { choices } = args as { choices: ImportChoices };
        const plan = importPlan();
        const changes = plan.changes.map((c) =>
          c.id === "a1" ? { ...c, resolution: "take-theirs" as const, writes: true } : c.id === "a2" ? { ...c, resolution: "keep-mine" as const } : c,
        );
        expect(choices).toEqual({ takeTheirs: ["a1"], keepMine: ["a2"] });
        return { ...plan, changes, applied: true } satisfies ImportPlan;
      },
    });
    render(ExchangeScreen);
    const user = userEvent.setup();
    await openFile(user);

    const counts = await screen.findByText("Yours is newer");
    const list = counts.closest("dl")!;
    const rows = [...list.querySelectorAll(".nhsuk-summary-list__row")].map((r) => r.textContent?.replace(/\s+/g, " ").trim());
    expect(rows).toEqual(["New 1", "Updated 1", "Unchanged 1", "Yours is newer 0", "Conflicts 2", "Cannot be added 1"]);

    const changes = screen.getByRole("table", { name: "Changes" });
    const text = changes.textContent ?? "";
    expect(text).not.toContain("Level 3 refresher");
    expect(text).toContain("Will be added");
    expect(text).toContain("Job title: Non-executive director");
    expect(text).toContain("Vice chair");
    expect(text).toContain("Its member is not on this laptop's register.");

    const first = screen.getByRole("group", { name: "Self-assessment: item 1.2" });
    expect(first.textContent).toContain("Developing");
    expect(first.textContent).toContain("Competent");
    expect((within(first).getByLabelText("Decide later") as HTMLInputElement).checked).toBe(true);
    const second = screen.getByRole("group", { name: "Self-assessment: item 2.4" });
    await user.click(within(first).getByLabelText("Take theirs"));
    await user.click(within(second).getByLabelText("Keep mine"));
    expect(screen.getByRole("table", { name: "Changes" }).textContent).toContain("will be replaced with theirs");

    await user.click(screen.getByRole("button", { name: "Import" }));
    const status = await within(section("Receive records")).findByRole("status");
    expect(status.textContent).toContain("Added: 1 new record.");
    expect(status.textContent).toContain("Updated: 2 records.");
    expect(calls.exchange_import).toEqual([
      { passphrase: "blue kettle morning", choices: { takeTheirs: ["a1"], keepMine: ["a2"] } },
    ]);
    // The trusted senders are read again after an import.
    expect(calls.exchange_identity).toHaveLength(2);
    expect(screen.queryByRole("button", { name: "Import" })).toBeNull();
  });

  it("leaves undecided conflicts unchanged and says how to decide them later", async () => {
    const calls = mockExchange({
      exchange_choose_file: () => "Fiona Gallagher records 2026-27.boardx",
      exchange_preview: () => importPlan(),
      exchange_import: () => ({ ...importPlan(), applied: true }),
    });
    render(ExchangeScreen);
    const user = userEvent.setup();
    await openFile(user);
    await user.click(await screen.findByRole("button", { name: "Import" }));
    const status = (await within(section("Receive records")).findByRole("status")).textContent?.replace(/\s+/g, " ") ?? "";
    expect(status).toContain("Could not be added: 1 record.");
    expect(status).toContain("2 records changed on both laptops were left unchanged");
    expect(status).toContain("were left unchanged because you chose “Decide later”. To decide, import the same file again.");
    expect(calls.exchange_import).toEqual([{ passphrase: "blue kettle morning", choices: { takeTheirs: [], keepMine: [] } }]);
  });

  it("ties a wrong passphrase to the receiving passphrase field", async () => {
    mockExchange({
      exchange_choose_file: () => "Fiona Gallagher records 2026-27.boardx",
      exchange_preview: fail("The passphrase is not right for this file.", "passphrase"),
    });
    render(ExchangeScreen);
    const user = userEvent.setup();
    await openFile(user, "wrong one");
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("link", { name: "The passphrase is not right for this file." }).getAttribute("href")).toBe(
      "#receive-passphrase",
    );
    expect(describedBy(screen.getByLabelText("Passphrase", { selector: "#receive-passphrase" }))).toContain("receive-passphrase-error");
    expect(describedBy(screen.getByLabelText("Passphrase", { selector: "#send-passphrase" }))).not.toContain("send-passphrase-error");
    expect(screen.queryByRole("heading", { name: "What the file would change" })).toBeNull();
  });

  it("asks for a file first when none was chosen", async () => {
    mockExchange({ exchange_preview: fail("Choose the exchange file first.", "file") });
    render(ExchangeScreen);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Preview" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("link", { name: "Choose the exchange file first." }).getAttribute("href")).toBe("#receive-choose");
    expect(describedBy(screen.getByRole("button", { name: "Choose exchange file…" }))).toContain("receive-file-error");
  });
});

describe("exchange: exports for other tools", () => {
  it("saves a CSV for the chosen period and says where; a cancelled dialog says nothing", async () => {
    let answer: unknown = null;
    const calls = mockExchange({ export_csv: () => answer, export_json: () => ({ path: "/home/sam/Board records.json", rows: 1 }) });
    render(ExchangeScreen);
    const user = userEvent.setup();
    const part = await screen.findByRole("region", { name: "Export for other tools" });
    await user.selectOptions(within(part).getByLabelText("Dates in the CSV files"), "Q2 2026/27");

    await user.click(within(part).getByRole("button", { name: "Training records (CSV)" }));
    await within(part).findByRole("button", { name: "Training records (CSV)" });
    expect(within(part).queryByRole("status")).toBeNull();

    answer = { path: "/home/sam/Training records 2026-27-Q2.csv", rows: 12 };
    await user.click(within(part).getByRole("button", { name: "Training records (CSV)" }));
    expect((await within(part).findByRole("status")).textContent).toContain("Saved 12 rows to /home/sam/Training records 2026-27-Q2.csv");
    expect(calls.export_csv).toEqual([
      { what: "training", period: { year: 2026, quarter: 2 } },
      { what: "training", period: { year: 2026, quarter: 2 } },
    ]);

    await user.selectOptions(within(part).getByLabelText("Dates in the CSV files"), "All dates");
    await user.click(within(part).getByRole("button", { name: "Scrutiny log (CSV)" }));
    await within(part).findByText(/Saved 12 rows/);
    expect(calls.export_csv?.[2]).toEqual({ what: "log", period: null });

    await user.click(within(part).getByRole("button", { name: "Everything (JSON)" }));
    expect((await within(part).findByText(/Saved 1 record to/)).textContent).toContain("/home/sam/Board records.json");
    expect(calls.export_json).toHaveLength(1);
  });
});

describe("exchange: accessibility", () => {
  it("has no serious WCAG problems with a preview, conflicts and an error on show", async () => {
    const axe = (await import("axe-core")).default;
    mockExchange({
      exchange_choose_file: () => "Fiona Gallagher records 2026-27.boardx",
      exchange_preview: () => importPlan({ sender: { ...importPlan().sender, trusted: false } }),
      exchange_export: fail("Choose a passphrase of at least 8 characters.", "passphrase"),
    });
    render(ExchangeScreen);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Choose exchange file…" }));
    await user.type(screen.getByLabelText("Passphrase", { selector: "#receive-passphrase" }), "blue kettle morning");
    await user.click(screen.getByRole("button", { name: "Preview" }));
    await screen.findByRole("button", { name: "The fingerprint matches – trust this sender" });
    await user.type(screen.getByLabelText("Passphrase", { selector: "#send-passphrase" }), "short");
    await user.type(screen.getByLabelText("Confirm passphrase"), "short");
    await user.click(screen.getByRole("button", { name: "Save exchange file…" }));
    await screen.findByRole("alert");

    const results = await axe.run(document.body, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      // jsdom lays nothing out, so contrast cannot be measured here; the end-to-end test checks it.
      rules: { "color-contrast": { enabled: false } },
    });
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);
    // No id is used twice, so every label and description points at one element.
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
