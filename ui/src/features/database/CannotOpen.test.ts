import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { AppStatus } from "../../bindings/AppStatus";
import CannotOpen from "./CannotOpen.svelte";
import { mockCommands } from "../../test-commands";

const damaged: AppStatus = {
  appVersion: "0.1.0",
  dbPath: "/home/fiona/board.db",
  openError: { kind: "Damaged", message: "The database file is damaged.", field: null },
  firstRun: false,
  newDatabase: false,
  locked: false,
  encrypted: false,
};

describe("a database that cannot be opened", () => {
  it("offers the automatic backups and restores the chosen one after confirmation", async () => {
    const asked: unknown[] = [];
    mockCommands({
      list_backups: () => [{ fileName: "daily-2026-11-22.db", kind: "daily", takenAt: "2026-11-22T08:15:00Z", bytes: 204800 }],
      restore_backup: (args) => {
        asked.push(args);
        return { ...damaged, openError: null };
      },
    });
    let restored: AppStatus | null = null;
    const user = userEvent.setup();
    render(CannotOpen, { status: damaged, onretry: () => {}, onrestored: (s: AppStatus) => (restored = s) });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("The database cannot be read");
    await user.click(await screen.findByRole("button", { name: /Restore the backup taken/ }));
    expect(screen.getByText(/Anything saved after that time is not in the backup/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Restore the backup" }));
    expect(asked).toEqual([{ fileName: "daily-2026-11-22.db" }]);
    expect(restored).not.toBeNull();
  });

  it("only offers to try again when another program holds the database", () => {
    mockIPC(() => []);
    render(CannotOpen, {
      status: { ...damaged, openError: { kind: "InUse", message: "In use.", field: null } },
      onretry: () => {},
      onrestored: () => {},
    });
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
    expect(screen.queryByText("Restore a backup")).toBeNull();
  });

  it.each([
    ["Locked", "The database is locked"],
    ["WrongPassphrase", "The passphrase did not open the database"],
  ] as const)("names a %s database in its heading", (kind, heading) => {
    mockIPC(() => []);
    render(CannotOpen, {
      status: { ...damaged, openError: { kind, message: "The passphrase is needed.", field: null } },
      onretry: () => {},
      onrestored: () => {},
    });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toContain(heading);
  });
});
