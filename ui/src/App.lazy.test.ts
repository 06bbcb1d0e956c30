// The app's screens are loaded on demand. Here two of them are held back until the test lets
// them arrive, to show what the window does while a screen's code is on its way.
import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppStatus } from "./bindings/AppStatus";
import App from "./App.svelte";
import { homePage, opening, options } from "./test-fixtures";

const gates = vi.hoisted(() => {
  const gate = () => {
    let open = () => {};
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { opened, open: () => open() };
  };
  return { register: gate(), database: gate() };
});

vi.mock("./features/board/Register.svelte", async (importOriginal) => {
  await gates.register.opened;
  return importOriginal();
});

vi.mock("./features/database/DatabaseScreen.svelte", async (importOriginal) => {
  await gates.database.opened;
  return importOriginal();
});

const status: AppStatus = { appVersion: "0.1.0", dbPath: "/home/sam/board.db", openError: null, firstRun: false, newDatabase: false, locked: false, encrypted: false };

function mockApp(handlers: Record<string, (args: unknown) => unknown> = {}) {
  const calls: Record<string, unknown[]> = {};
  const answer = (cmd: string, args: unknown): unknown => {
    (calls[cmd] ??= []).push(args);
    if (handlers[cmd]) return handlers[cmd](args);
    if (cmd === "opening") return opening((command) => answer(command, {}));
    if (cmd === "status") return status;
    if (cmd === "register_options") return options;
    if (cmd === "get_organisation") return null;
    if (cmd === "text_size") return "standard";
    if (cmd === "list_members") return [];
    if (cmd === "take_reminders") return [];
  };
  mockIPC(answer);
  return calls;
}

const frame = () => new Promise((resolve) => setTimeout(resolve, 50));

afterEach(() => {
  window.location.hash = "";
});

// In order: the first test loads the register, which the second then finds already loaded.
describe("a screen loaded on demand", () => {
  it("opens at start-up behind the opening message, and the UI is ready only once it is drawn", async () => {
    window.location.hash = "#/members";
    const drawn: (string | null | undefined)[] = [];
    const calls = mockApp({
      home: () => homePage(),
      ui_ready: () => {
        drawn.push(document.querySelector("main h1")?.textContent);
        return null;
      },
    });
    render(App);
    // Everything has answered, but the screen's code has not arrived.
    await waitFor(() => expect(calls.get_organisation).toHaveLength(1));
    await waitFor(() => expect(calls.text_size).toHaveLength(1));
    await frame();
    expect(screen.getByRole("status").textContent).toBe("Opening your database…");
    expect(calls.ui_ready).toBeUndefined();

    gates.register.open();
    expect(await screen.findByRole("heading", { level: 1, name: "Board register" }, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(calls.ui_ready).toHaveLength(1));
    expect(drawn).toEqual(["Board register"]);
    await frame();
    expect(calls.ui_ready).toHaveLength(1);
  });

  it("leaves the current screen in place until the next has arrived, then moves focus to its heading", async () => {
    window.location.hash = "#/members";
    mockApp({ home: () => homePage(), check_database: () => new Promise(() => {}) });
    render(App);
    const register = await screen.findByRole("heading", { level: 1, name: "Board register" });
    const nav = screen.getByRole("navigation", { name: "Main" });

    // Asked for the database screen, whose code is held back: the register stays, still current.
    window.location.hash = "#/database";
    await frame();
    expect(screen.getByRole("heading", { level: 1 })).toBe(register);
    expect(nav.querySelector("[aria-current='page']")?.textContent).toContain("Board register");

    // Moving on before it arrives: the later choice is shown, and the held screen never replaces it.
    window.location.hash = "#/home";
    const home = await screen.findByRole("heading", { level: 1, name: "What needs me now" });
    await waitFor(() => expect(document.activeElement).toBe(home));
    gates.database.open();
    await frame();
    expect(screen.getAllByRole("heading", { level: 1 })).toEqual([home]);
    expect(within(nav).getByRole("link", { name: "Home" }).getAttribute("aria-current")).toBe("page");

    // Once arrived, it opens like any other screen.
    window.location.hash = "#/database";
    const database = await screen.findByRole("heading", { level: 1, name: "Your database" });
    await waitFor(() => expect(document.activeElement).toBe(database));
  });
});
