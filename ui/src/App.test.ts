import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { AppStatus } from "./bindings/AppStatus";
import App from "./App.svelte";
import { options } from "./test-fixtures";

function status(overrides: Partial<AppStatus>): AppStatus {
  return { appVersion: "0.1.0", dbPath: "/home/sam/board.db", openError: null, firstRun: false, ...overrides };
}

function mockApp(s: AppStatus) {
  mockIPC((cmd) => {
    if (cmd === "app_status") return s;
    if (cmd === "register_options") return options;
    if (cmd === "get_organisation") return null;
    if (cmd === "list_members") return [];
  });
}

describe("the app at start", () => {
  it("welcomes a new user with set-up and the demonstration board", async () => {
    mockApp(status({ firstRun: true }));
    render(App);
    expect(await screen.findByRole("heading", { level: 1, name: "Welcome to Safeguarding Board Assurance" })).toBeTruthy();
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
    expect(await screen.findByRole("heading", { level: 1, name: /already open/ })).toBeTruthy();
    expect(screen.getByText(/is in use by another window/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
    expect(screen.queryByRole("navigation", { name: "Main" })).toBeNull();
  });

  it("opens on the register with the main navigation", async () => {
    mockApp(status({}));
    render(App);
    expect(await screen.findByRole("heading", { level: 1, name: "Board register" })).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(nav.querySelector("[aria-current='page']")?.textContent).toContain("Board register");
  });

  it("offers Papers in the main navigation straight after Scrutiny", async () => {
    mockApp(status({}));
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Board register" });
    const links = [...screen.getByRole("navigation", { name: "Main" }).querySelectorAll("a")].map((a) => a.textContent?.trim());
    expect(links.slice(0, 2)).toEqual(["Scrutiny", "Papers"]);
    expect(screen.getByRole("link", { name: "Papers" }).getAttribute("href")).toBe("#/papers");
  });
});
