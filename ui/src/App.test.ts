import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppStatus } from "./bindings/AppStatus";
import type { Reminder } from "./bindings/Reminder";
import App from "./App.svelte";
import { REMINDER_INTERVAL_MS } from "./features/home/RemindersPanel.svelte";
import { homePage, identity, opening, options, periodChoices, settings } from "./test-fixtures";

function status(overrides: Partial<AppStatus>): AppStatus {
  return { appVersion: "0.1.0", dbPath: "/home/sam/board.db", openError: null, firstRun: false, newDatabase: false, locked: false, encrypted: false, ...overrides };
}

function mockApp(s: AppStatus, handlers: Record<string, (args: unknown) => unknown> = {}) {
  const calls: Record<string, unknown[]> = {};
  const answer = (cmd: string, args: unknown): unknown => {
    (calls[cmd] ??= []).push(args);
    if (handlers[cmd]) return handlers[cmd](args);
    if (cmd === "opening") return opening((command) => answer(command, {}));
    if (cmd === "status") return s;
    if (cmd === "register_options") return options;
    if (cmd === "get_organisation") return null;
    if (cmd === "list_members") return [];
    if (cmd === "take_reminders") return [];
  };
  mockIPC(answer);
  return calls;
}

// Screens other than Home are loaded on first use; in tests each is transformed on
// demand, which can take longer than findBy's default second on a busy machine.
const lazy = { timeout: 5000 };

beforeEach(() => {
  // Most tests start on the register; the window itself opens on Home.
  window.location.hash = "#/members";
});

afterEach(() => {
  // Routes live in the location hash, which outlasts a test.
  window.location.hash = "";
  vi.useRealTimers();
});

describe("the app at start", () => {
  it("welcomes a new user with set-up and the demonstration board", async () => {
    mockApp(status({ firstRun: true }));
    render(App);
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome to Safeguarding Board Assurance" }, lazy)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Load the demonstration board" })).toBeTruthy();
    expect(screen.getByLabelText("Organisation name")).toBeTruthy();
  });

  it("explains a database held by another window and offers to try again", async () => {
    mockApp(
      status({
        openError: { kind: "InUse", message: "The database /home/sam/board.db is in use by another window.", field: null },
      }),
    );
    render(App);
    expect(await screen.findByRole("heading", { level: 1, name: /already open/ }, lazy)).toBeTruthy();
    expect(screen.getByText(/is in use by another window/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
    expect(screen.queryByRole("navigation", { name: "Main" })).toBeNull();
  });

  it("opens on Home, what needs me now, with the main navigation", async () => {
    window.location.hash = "";
    mockApp(status({}), { home: () => homePage() });
    render(App);
    expect(await screen.findByRole("heading", { level: 1, name: "What needs me now" }, lazy)).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(nav.querySelector("[aria-current='page']")?.textContent).toContain("Home");
  });

  it("opens the register at #/members", async () => {
    mockApp(status({}));
    render(App);
    expect(await screen.findByRole("heading", { level: 1, name: "Board register" })).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(nav.querySelector("[aria-current='page']")?.textContent).toContain("Board register");
  });

  it("offers Home first in the main navigation, then Scrutiny and Papers", async () => {
    mockApp(status({}));
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Board register" });
    const links = [...screen.getByRole("navigation", { name: "Main" }).querySelectorAll("a")].map((a) => a.textContent?.trim());
    expect(links.slice(0, 3)).toEqual(["Home", "Scrutiny", "Papers"]);
    expect(screen.getByRole("link", { name: "Home" }).getAttribute("href")).toBe("#/home");
    expect(screen.getByRole("link", { name: "Papers" }).getAttribute("href")).toBe("#/papers");
  });

  it("opens Exchange and export at #/exchange, next to Papers and marked as the current section", async () => {
    window.location.hash = "#/exchange";
    mockApp(status({}), {
      exchange_identity: () => identity(),
      get_settings: () => settings(),
      recent_periods: () => periodChoices,
    });
    render(App);
    expect(await screen.findByRole("heading", { level: 1, name: "Exchange and export" }, lazy)).toBeTruthy();
    expect((await screen.findByText(identity().fingerprint)).id).toBe("exchange-fingerprint");
    const nav = screen.getByRole("navigation", { name: "Main" });
    const links = [...nav.querySelectorAll("a")].map((a) => a.textContent?.trim());
    expect(links.slice(0, 4)).toEqual(["Home", "Scrutiny", "Papers", "Exchange and export"]);
    expect(within(nav).getByRole("link", { name: "Exchange and export" }).getAttribute("href")).toBe("#/exchange");
    expect(nav.querySelector("[aria-current='page']")?.textContent).toContain("Exchange and export");
  });

  it("opens the home page at #/home, marked as the current section", async () => {
    window.location.hash = "#/home";
    mockApp(status({}), { home: () => homePage() });
    render(App);
    expect(await screen.findByRole("heading", { level: 1, name: "What needs me now" }, lazy)).toBeTruthy();
    expect(await screen.findByRole("heading", { level: 2, name: "My actions" })).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(nav.querySelector("[aria-current='page']")?.textContent).toContain("Home");
  });
});

const reminders: Reminder[] = [
  { key: "2026-08-06:meeting:mt1", kind: "meeting", text: "Tomorrow: Board, 7 August 2026, 2 agenda items.", recordId: "mt1" },
  { key: "2026-08-06:action:a1", kind: "action", text: "Your action “Bring the re-audit results” was due on 31 July 2026 (6 days ago).", recordId: "e1" },
  { key: "2026-08-06:training:Board update", kind: "training", text: "Board update: Renewal due by 01/09/2026.", recordId: "m1" },
];

describe("reminders", () => {
  it("shows new reminders at the top, each linked to its record, until dismissed", async () => {
    const calls = mockApp(status({}), { take_reminders: () => reminders });
    render(App);
    const panel = await screen.findByRole("region", { name: "Reminders" });
    expect(calls.take_reminders).toHaveLength(1);
    // Announced politely when it appears, from a live region already on the page.
    expect(panel.closest("[aria-live='polite']")).toBeTruthy();
    expect(screen.getByRole("main").firstElementChild?.contains(panel)).toBe(true);
    expect(within(panel).getByRole("heading", { level: 2, name: "Reminders" })).toBeTruthy();
    const link = (name: string) => within(panel).getByRole("link", { name }).getAttribute("href");
    expect(link(reminders[0].text)).toBe("#/meetings/mt1");
    expect(link(reminders[1].text)).toBe("#/scrutiny/e1/edit");
    expect(link(reminders[2].text)).toBe("#/members/m1/training");
    // The screen itself is still there beneath.
    expect(await screen.findByRole("heading", { level: 1, name: "Board register" })).toBeTruthy();

    await userEvent.setup().click(within(panel).getByRole("button", { name: "Dismiss reminders" }));
    expect(screen.queryByRole("region", { name: "Reminders" })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("heading", { level: 1, name: "Board register" }));
  });

  it("shows no panel when there is nothing to remind about", async () => {
    const calls = mockApp(status({}));
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Board register" });
    await waitFor(() => expect(calls.take_reminders).toHaveLength(1));
    expect(screen.queryByRole("region", { name: "Reminders" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Dismiss reminders" })).toBeNull();
  });

  it("asks again every half hour and adds only what is new", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let answer: Reminder[] = [reminders[0]];
    const calls = mockApp(status({}), { take_reminders: () => answer });
    render(App);
    const panel = await screen.findByRole("region", { name: "Reminders" });
    expect(within(panel).getAllByRole("listitem")).toHaveLength(1);

    answer = [reminders[0], reminders[1]];
    await vi.advanceTimersByTimeAsync(REMINDER_INTERVAL_MS);
    await waitFor(() => expect(within(panel).getAllByRole("listitem")).toHaveLength(2));
    expect(calls.take_reminders).toHaveLength(2);
  });

  it("does not ask for reminders while the database cannot be read or is not set up", async () => {
    const calls = mockApp(
      status({ openError: { kind: "Damaged", message: "The database /home/sam/board.db could not be read.", field: null } }),
      { take_reminders: () => reminders, list_backups: () => [] },
    );
    render(App);
    await screen.findByRole("heading", { level: 1 }, lazy);
    expect(calls.take_reminders).toBeUndefined();
    expect(screen.queryByRole("region", { name: "Reminders" })).toBeNull();

    const firstRun = mockApp(status({ firstRun: true }), { take_reminders: () => reminders });
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Welcome to Safeguarding Board Assurance" }, lazy);
    expect(firstRun.take_reminders).toBeUndefined();
  });
});

describe("text size", () => {
  it("applies the size saved under Settings once the database is open", async () => {
    const calls = mockApp(status({}), { text_size: () => "largest" });
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Board register" });
    expect(calls.text_size).toHaveLength(1);
    expect(document.documentElement.style.fontSize).toBe("200%");
  });

  it.each([
    ["standard", "100%"],
    ["large", "125%"],
    ["larger", "150%"],
  ])("applies %s as %s", async (size, percent) => {
    mockApp(status({}), { text_size: () => size });
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Board register" });
    await waitFor(() => expect(document.documentElement.style.fontSize).toBe(percent));
  });

  it("keeps the standard size when the size cannot be read", async () => {
    mockApp(status({}), {
      text_size: () => {
        throw { kind: "Io", message: "The database could not be read.", field: null };
      },
    });
    render(App);
    // The app still opens.
    expect(await screen.findByRole("heading", { level: 1, name: "Board register" })).toBeTruthy();
    expect(document.documentElement.style.fontSize).toBe("100%");
  });

  it("does not ask while the database cannot be opened, and asks once it is", async () => {
    const calls = mockApp(
      status({ openError: { kind: "InUse", message: "The database /home/sam/board.db is in use by another window.", field: null } }),
      { text_size: () => "larger", retry_open: () => status({}) },
    );
    render(App);
    const retry = await screen.findByRole("button", { name: "Try again" }, lazy);
    expect(calls.text_size).toBeUndefined();
    expect(document.documentElement.style.fontSize).toBe("");
    await userEvent.setup().click(retry);
    expect(await screen.findByRole("heading", { level: 1, name: "Board register" })).toBeTruthy();
    expect(calls.text_size).toHaveLength(1);
    expect(document.documentElement.style.fontSize).toBe("150%");
  });
});

describe("start-up", () => {
  // The previous test's app may still be finishing its start-up, and would say it is ready to
  // whichever mock is installed by then: let it finish first, so only this test's call counts.
  beforeEach(() => new Promise((resolve) => setTimeout(resolve, 50)));

  /** Serves the page with `json` as its opening, as the app does (see src-tauri/page.rs). */
  function serveOpening(json: string) {
    const block = document.createElement("script");
    block.type = "application/json";
    block.id = "opening";
    block.textContent = json;
    document.head.append(block);
  }

  it("opens on the opening served with the page, without asking for it", async () => {
    window.location.hash = "#/home";
    serveOpening(JSON.stringify({ status: status({}), options, organisation: null, textSize: "large" }));
    const calls = mockApp(status({}), { home: () => homePage() });
    render(App);
    // Drawn with the shell, with no "Opening your database…" before it.
    expect(screen.getByRole("heading", { level: 1, name: "What needs me now" })).toBeTruthy();
    expect(document.documentElement.style.fontSize).toBe("125%");
    expect(calls.opening).toBeUndefined();
    // Taken once: it describes the database only as it was when the page was served.
    expect(document.getElementById("opening")).toBeNull();
  });

  it("shows the unlock screen served with the page at once, its code already in hand", async () => {
    serveOpening(JSON.stringify({ status: status({ locked: true, encrypted: true }), options, organisation: null, textSize: null }));
    const calls = mockApp(status({}));
    render(App);
    expect(screen.getByRole("heading", { level: 1, name: "Unlock the board’s records" })).toBeTruthy();
    expect(calls.opening).toBeUndefined();
  });

  it("asks for the opening when what was served cannot be read", async () => {
    serveOpening("{ not json");
    const calls = mockApp(status({}));
    render(App);
    expect(await screen.findByRole("heading", { level: 1, name: "Board register" }, lazy)).toBeTruthy();
    expect(calls.opening).toHaveLength(1);
    expect(document.getElementById("opening")).toBeNull();
  });

  it("asks for everything the first screen needs in one call, and waits for its answer", async () => {
    let answer = () => {};
    const calls = mockApp(status({}), {
      opening: () => new Promise((resolve) => (answer = () => resolve({ status: status({}), options, organisation: null, textSize: "large" }))),
    });
    render(App);
    await waitFor(() => expect(calls.opening).toHaveLength(1));
    expect(screen.getByRole("status").textContent).toBe("Opening your database…");
    answer();
    expect(await screen.findByRole("heading", { level: 1, name: "Board register" })).toBeTruthy();
    expect(document.documentElement.style.fontSize).toBe("125%");
    // Nothing else was asked for to start.
    expect(calls.status ?? calls.text_size ?? calls.get_organisation ?? calls.register_options).toBeUndefined();
  });

  it("shows a start error as before, and still says the UI is ready", async () => {
    const calls = mockApp(status({}), {
      get_organisation: () => {
        throw { kind: "Io", message: "The database could not be read.", field: null };
      },
      ui_ready: () => null,
    });
    render(App);
    expect(await screen.findByRole("heading", { level: 1, name: "The app could not start" })).toBeTruthy();
    expect(screen.getByText("The database could not be read.")).toBeTruthy();
    await waitFor(() => expect(calls.ui_ready).toHaveLength(1));
  });

  it.each([
    ["a screen loaded on demand", "#/members", "Board register"],
    ["Home", "#/home", "What needs me now"],
  ])("says the UI is ready once, after %s is drawn", async (_, hash, heading) => {
    window.location.hash = hash;
    const drawn: (string | null | undefined)[] = [];
    const calls = mockApp(status({}), {
      home: () => homePage(),
      ui_ready: () => {
        drawn.push(document.querySelector("main h1")?.textContent);
        return null;
      },
    });
    render(App);
    await waitFor(() => expect(calls.ui_ready).toHaveLength(1), lazy);
    expect(drawn).toEqual([heading]);
    expect(calls.text_size).toHaveLength(1);
    // Moving on does not say so again.
    window.location.hash = "#/database";
    await screen.findByRole("heading", { level: 1, name: "Your database" }, lazy);
    expect(calls.ui_ready).toHaveLength(1);
  });

  it("says the UI is ready once the set-up screen is drawn on first run", async () => {
    const drawn: (string | null | undefined)[] = [];
    const calls = mockApp(status({ firstRun: true }), {
      ui_ready: () => {
        drawn.push(document.querySelector("main h1")?.textContent);
        return null;
      },
    });
    render(App);
    await waitFor(() => expect(calls.ui_ready).toHaveLength(1), lazy);
    expect(drawn).toEqual(["Welcome to Safeguarding Board Assurance"]);
  });
});

describe("moving between screens", () => {
  it("moves focus to the heading of a screen loaded on demand, the first time and again", async () => {
    mockApp(status({}), {
      recent_periods: () => [],
      search_kinds: () => [{ value: "challenge", label: "Challenge" }],
    });
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Board register" });
    const user = userEvent.setup();
    const nav = screen.getByRole("navigation", { name: "Main" });

    await user.click(within(nav).getByRole("link", { name: "Search" }));
    const search = await screen.findByRole("heading", { level: 1, name: "Search" }, lazy);
    await waitFor(() => expect(document.activeElement).toBe(search));
    expect(screen.queryByRole("heading", { level: 1, name: "Board register" })).toBeNull();
    expect(nav.querySelector("[aria-current='page']")?.textContent).toContain("Search");

    await user.click(within(nav).getByRole("link", { name: "Board register" }));
    const register = await screen.findByRole("heading", { level: 1, name: "Board register" });
    await waitFor(() => expect(document.activeElement).toBe(register));

    await user.click(within(nav).getByRole("link", { name: "Search" }));
    const again = await screen.findByRole("heading", { level: 1, name: "Search" });
    await waitFor(() => expect(document.activeElement).toBe(again));
  });
});

describe("an encrypted database", () => {
  // Let the previous test's start-up finish first, as above.
  beforeEach(() => new Promise((resolve) => setTimeout(resolve, 50)));

  it("asks for a passphrase when there is no database yet, then shows the set-up screen", async () => {
    const calls = mockApp(status({ newDatabase: true, firstRun: true }), {
      create_database: () => status({ firstRun: true, encrypted: true }),
      idle_lock_minutes: () => 15,
    });
    render(App);
    expect(await screen.findByRole("heading", { level: 1, name: "Choose a passphrase" }, lazy)).toBeTruthy();
    expect(screen.queryByRole("navigation", { name: "Main" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Lock now" })).toBeNull();
    // Nothing is read from a database that does not exist yet.
    expect(calls.get_organisation).toBeUndefined();
    expect(calls.text_size).toBeUndefined();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Passphrase"), "copper kettle harbour lantern");
    await user.type(screen.getByLabelText("Type the passphrase again"), "copper kettle harbour lantern");
    await user.click(screen.getByRole("button", { name: "Create the encrypted database" }));

    const welcome = await screen.findByRole("heading", { level: 1, name: "Welcome to Safeguarding Board Assurance" }, lazy);
    await waitFor(() => expect(document.activeElement).toBe(welcome));
    expect(calls.create_database).toEqual([{ passphrase: "copper kettle harbour lantern" }]);
    expect(calls.register_options).toHaveLength(1);
    expect(calls.text_size).toHaveLength(1);
    expect(screen.getByRole("button", { name: "Lock now" })).toBeTruthy();
  });

  it("asks for the passphrase of a locked database, opens the register once unlocked, and locks again on request", async () => {
    const calls = mockApp(status({ locked: true, encrypted: true }), {
      unlock: (args) => {
        if ((args as { passphrase: string }).passphrase !== "copper kettle harbour lantern")
          throw { kind: "WrongPassphrase", message: "That passphrase did not open the database.", field: "passphrase" };
        return status({ encrypted: true });
      },
      lock: () => status({ locked: true, encrypted: true }),
      idle_lock_minutes: () => 15,
    });
    render(App);
    expect(await screen.findByRole("heading", { level: 1, name: "Unlock the board’s records" }, lazy)).toBeTruthy();
    expect(screen.queryByRole("navigation", { name: "Main" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Lock now" })).toBeNull();
    expect(calls.get_organisation).toBeUndefined();
    expect(calls.text_size).toBeUndefined();
    expect(calls.take_reminders).toBeUndefined();
    const field = screen.getByLabelText("Passphrase");
    await waitFor(() => expect(document.activeElement).toBe(field));

    const user = userEvent.setup();
    await user.type(field, "copper kettle");
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    expect((await screen.findByRole("alert")).textContent).toContain("That passphrase did not open the database.");

    await user.type(screen.getByLabelText("Passphrase"), "copper kettle harbour lantern");
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    const register = await screen.findByRole("heading", { level: 1, name: "Board register" }, lazy);
    await waitFor(() => expect(document.activeElement).toBe(register));
    expect(screen.getByRole("navigation", { name: "Main" })).toBeTruthy();
    expect(calls.get_organisation).toHaveLength(1);
    expect(calls.text_size).toHaveLength(1);
    await waitFor(() => expect(calls.idle_lock_minutes).toHaveLength(1));

    await user.click(screen.getByRole("button", { name: "Lock now" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Unlock the board’s records" })).toBeTruthy();
    expect(calls.lock).toHaveLength(1);
    expect(screen.queryByRole("heading", { level: 1, name: "Board register" })).toBeNull();
    expect(screen.queryByRole("navigation", { name: "Main" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Lock now" })).toBeNull();
    expect(document.getElementById("unlock-notice")).toBeNull();
  });

  it("shows why a damaged database could not be opened after its passphrase was given", async () => {
    mockApp(status({ locked: true, encrypted: true }), {
      unlock: () => status({ encrypted: true, openError: { kind: "Damaged", message: "The database file is damaged.", field: null } }),
      list_backups: () => [],
    });
    render(App);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Passphrase", {}, lazy), "copper kettle harbour lantern");
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    expect(await screen.findByRole("heading", { level: 1, name: /The database cannot be read/ }, lazy)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Lock now" })).toBeNull();
  });

  it("offers the lock once the database is encrypted from the Database screen", async () => {
    window.location.hash = "#/database";
    const calls = mockApp(status({}), {
      check_database: () => ({ path: "/home/sam/board.db", schemaVersion: 9, appSchemaVersion: 9, encrypted: false, integrity: "ok", healthy: true }),
      verify_audit: () => ({ rows: 0, records: 0, brokenLink: null, alteredRecords: [], ok: true }),
      encrypt_database: () => ({ unconverted: [], status: status({ encrypted: true }) }),
      idle_lock_minutes: () => 15,
    });
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Your database" }, lazy);
    expect(screen.queryByRole("button", { name: "Lock now" })).toBeNull();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Passphrase"), "copper kettle harbour lantern");
    await user.type(screen.getByLabelText("Type the passphrase again"), "copper kettle harbour lantern");
    await user.click(screen.getByRole("button", { name: "Encrypt the database" }));

    expect(await screen.findByRole("button", { name: "Lock now" })).toBeTruthy();
    expect(screen.getByText("This database is encrypted at rest: its file and backups cannot be read without the passphrase.")).toBeTruthy();
    expect(screen.getByRole("form", { name: "Change the passphrase" })).toBeTruthy();
    await waitFor(() => expect(calls.idle_lock_minutes).toHaveLength(1));
  });

  it("offers no lock for a database that is not encrypted", async () => {
    const calls = mockApp(status({}));
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Board register" });
    expect(screen.queryByRole("button", { name: "Lock now" })).toBeNull();
    expect(calls.idle_lock_minutes).toBeUndefined();
  });

  it("locks itself after the time without use chosen under Settings, and says so", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const calls = mockApp(status({ encrypted: true }), {
      idle_lock_minutes: () => 5,
      lock: () => status({ locked: true, encrypted: true }),
    });
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Board register" });
    await waitFor(() => expect(calls.idle_lock_minutes).toHaveLength(1));

    // Use keeps it open.
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Tab" }));
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(calls.lock).toBeUndefined();

    await vi.advanceTimersByTimeAsync(60_000);
    expect(await screen.findByRole("heading", { level: 1, name: "Unlock the board’s records" }, lazy)).toBeTruthy();
    expect(calls.lock).toHaveLength(1);
    expect(document.getElementById("unlock-notice")?.textContent).toContain("Locked after 5 minutes without use.");
  });

  it("never locks itself when the setting is Never", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const calls = mockApp(status({ encrypted: true }), { idle_lock_minutes: () => 0 });
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Board register" });
    await waitFor(() => expect(calls.idle_lock_minutes).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(240 * 60_000);
    expect(calls.lock).toBeUndefined();
    expect(screen.getByRole("heading", { level: 1, name: "Board register" })).toBeTruthy();
  });
});
