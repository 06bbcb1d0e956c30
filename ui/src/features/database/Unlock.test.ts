import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { AppStatus } from "../../bindings/AppStatus";
import Unlock from "./Unlock.svelte";
import { seriousAxeProblems } from "../../test-axe";
import { mockCommands } from "../../test-commands";

const unlocked: AppStatus = {
  appVersion: "0.1.0",
  dbPath: "/home/fiona/board.db",
  openError: null,
  firstRun: false,
  newDatabase: false,
  locked: false,
  encrypted: true,
};

const wrong = { kind: "WrongPassphrase", message: "That passphrase did not open the database. Check it and try again.", field: "passphrase" };

function mockUnlock(answer: (args: unknown) => unknown) {
  const calls: unknown[] = [];
  mockCommands({
    unlock: (args) => {
      calls.push(args);
      return answer(args);
    },
  });
  return calls;
}

const field = () => screen.getByLabelText("Passphrase") as HTMLInputElement;

describe("unlocking the database", () => {
  it("asks for the passphrase with the field ready to type in", async () => {
    mockUnlock(() => unlocked);
    render(Unlock, { dbPath: "/home/fiona/board.db", onunlocked: () => {} });
    expect(screen.getByRole("heading", { level: 1, name: "Unlock the board’s records" }).getAttribute("tabindex")).toBe("-1");
    expect(screen.getByText("/home/fiona/board.db")).toBeTruthy();
    expect(field().id).toBe("unlock-passphrase");
    expect(field().type).toBe("password");
    expect(field().getAttribute("autocomplete")).toBe("current-password");
    await waitFor(() => expect(document.activeElement).toBe(field()));
    expect(field().getAttribute("aria-describedby")).toBeNull();
  });

  it("says why it locked, read out with the field", () => {
    mockUnlock(() => unlocked);
    render(Unlock, { dbPath: "/home/fiona/board.db", notice: "Locked after 15 minutes without use.", onunlocked: () => {} });
    expect(document.getElementById("unlock-notice")?.textContent).toContain("Locked after 15 minutes without use.");
    expect(field().getAttribute("aria-describedby")).toBe("unlock-notice");
  });

  it("ties a wrong passphrase to the field, clears it and puts focus back in it", async () => {
    const calls = mockUnlock(() => {
      throw wrong;
    });
    let opened = false;
    render(Unlock, { dbPath: "/home/fiona/board.db", onunlocked: () => void (opened = true) });
    const user = userEvent.setup();
    await user.type(field(), "copper kettle");
    await user.click(screen.getByRole("button", { name: "Unlock" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("link", { name: wrong.message }).getAttribute("href")).toBe("#unlock-passphrase");
    expect(field().getAttribute("aria-describedby")).toBe("unlock-passphrase-error");
    expect(document.getElementById("unlock-passphrase-error")?.textContent).toContain(wrong.message);
    expect(field().value).toBe("");
    await waitFor(() => expect(document.activeElement).toBe(field()));
    expect(calls).toEqual([{ passphrase: "copper kettle" }]);
    expect(opened).toBe(false);

    // Trying again works as the first time did.
    await user.type(field(), "copper kettle harbour");
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(calls).toHaveLength(2);
  });

  it("asks for the passphrase when the field is empty, without asking the core", async () => {
    const calls = mockUnlock(() => unlocked);
    render(Unlock, { dbPath: "/home/fiona/board.db", onunlocked: () => {} });
    await userEvent.setup().click(screen.getByRole("button", { name: "Unlock" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Enter the passphrase");
    expect(field().getAttribute("aria-describedby")).toBe("unlock-passphrase-error");
    expect(calls).toEqual([]);
  });

  it("shows a problem that is not the passphrase's at the top only", async () => {
    mockUnlock(() => {
      throw { kind: "Io", message: "The database file could not be read.", field: null };
    });
    render(Unlock, { dbPath: "/home/fiona/board.db", onunlocked: () => {} });
    const user = userEvent.setup();
    await user.type(field(), "copper kettle harbour lantern");
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The database file could not be read.");
    expect(within(alert).queryByRole("link")).toBeNull();
    expect(field().getAttribute("aria-describedby")).toBeNull();
  });

  it("hands on the status once unlocked, saying so while it works", async () => {
    let finish: (s: AppStatus) => void = () => {};
    const calls = mockUnlock(() => new Promise((resolve) => (finish = resolve)));
    const received: AppStatus[] = [];
    render(Unlock, { dbPath: "/home/fiona/board.db", onunlocked: (s: AppStatus) => void received.push(s) });
    const user = userEvent.setup();
    await user.type(field(), "copper kettle harbour lantern");
    await user.keyboard("{Enter}");
    expect(((await screen.findByRole("button", { name: "Unlocking…" })) as HTMLButtonElement).disabled).toBe(true);
    finish(unlocked);
    await waitFor(() => expect(received).toEqual([unlocked]));
    expect(calls).toEqual([{ passphrase: "copper kettle harbour lantern" }]);
  });

  it("has no serious accessibility problems, with a notice and an error showing", async () => {
    mockUnlock(() => {
      throw wrong;
    });
    render(Unlock, { dbPath: "/home/fiona/board.db", notice: "Locked after 15 minutes without use.", onunlocked: () => {} });
    const user = userEvent.setup();
    await user.type(field(), "copper kettle");
    await user.click(screen.getByRole("button", { name: "Unlock" }));
    await screen.findByRole("alert");
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });
});
