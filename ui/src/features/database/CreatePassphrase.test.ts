import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { AppStatus } from "../../bindings/AppStatus";
import CreatePassphrase from "./CreatePassphrase.svelte";
import { seriousAxeProblems } from "../../test-axe";
import { mockCommands } from "../../test-commands";

const created: AppStatus = {
  appVersion: "0.1.0",
  dbPath: "/home/fiona/board.db",
  openError: null,
  firstRun: true,
  newDatabase: false,
  locked: false,
  encrypted: true,
};

function mockCreate(answer: (args: unknown) => unknown = () => created) {
  const calls: unknown[] = [];
  mockCommands({
    create_database: (args) => {
      calls.push(args);
      return answer(args);
    },
  });
  return calls;
}

const passphrase = () => screen.getByLabelText("Passphrase") as HTMLInputElement;
const again = () => screen.getByLabelText("Type the passphrase again") as HTMLInputElement;

describe("choosing the passphrase of a new database", () => {
  it("explains the passphrase and offers the two fields, hidden until shown", async () => {
    mockCreate();
    render(CreatePassphrase, { dbPath: "/home/fiona/board.db", oncreated: () => {} });
    expect(screen.getByRole("heading", { level: 1, name: "Choose a passphrase" }).getAttribute("tabindex")).toBe("-1");
    expect(screen.getByText(/cannot be recovered/).textContent).toContain("password manager");
    expect(screen.getByText("/home/fiona/board.db")).toBeTruthy();
    expect(passphrase().id).toBe("new-db-passphrase");
    expect(again().id).toBe("new-db-passphrase-confirm");
    for (const field of [passphrase(), again()]) {
      expect(field.type).toBe("password");
      expect(field.getAttribute("autocomplete")).toBe("new-password");
    }
    expect(document.getElementById("new-db-passphrase-hint")?.textContent).toContain("At least 10 characters");
    expect(passphrase().getAttribute("aria-describedby")).toBe("new-db-passphrase-hint");

    const user = userEvent.setup();
    await user.click(screen.getByLabelText("Show passphrase"));
    expect(passphrase().type).toBe("text");
    expect(again().type).toBe("text");
    await user.click(screen.getByLabelText("Show passphrase"));
    expect(passphrase().type).toBe("password");
  });

  it("ties a difference between the two to the second field, without asking the core", async () => {
    const calls = mockCreate();
    render(CreatePassphrase, { dbPath: "/home/fiona/board.db", oncreated: () => {} });
    const user = userEvent.setup();
    await user.type(passphrase(), "copper kettle harbour lantern");
    await user.type(again(), "copper kettle harbour lanterns");
    await user.click(screen.getByRole("button", { name: "Create the encrypted database" }));

    const alert = await screen.findByRole("alert");
    const link = within(alert).getByRole("link", { name: /The two passphrases differ/ });
    expect(link.getAttribute("href")).toBe("#new-db-passphrase-confirm");
    expect(again().getAttribute("aria-describedby")).toBe("new-db-passphrase-confirm-error");
    expect(document.getElementById("new-db-passphrase-confirm-error")?.textContent).toContain("The two passphrases differ");
    expect(passphrase().getAttribute("aria-describedby")).toBe("new-db-passphrase-hint");
    expect(calls).toEqual([]);
  });

  it("asks for a passphrase when there is none", async () => {
    const calls = mockCreate();
    render(CreatePassphrase, { dbPath: "/home/fiona/board.db", oncreated: () => {} });
    await userEvent.setup().click(screen.getByRole("button", { name: "Create the encrypted database" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Enter a passphrase");
    expect(passphrase().getAttribute("aria-describedby")).toBe("new-db-passphrase-hint new-db-passphrase-error");
    expect(calls).toEqual([]);
  });

  it("shows the core's objection on the passphrase field", async () => {
    mockCreate(() => {
      throw { kind: "Validation", message: "Choose a passphrase of at least 10 characters.", field: "passphrase" };
    });
    let done = false;
    render(CreatePassphrase, { dbPath: "/home/fiona/board.db", oncreated: () => void (done = true) });
    const user = userEvent.setup();
    await user.type(passphrase(), "short");
    await user.type(again(), "short");
    await user.click(screen.getByRole("button", { name: "Create the encrypted database" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("link", { name: "Choose a passphrase of at least 10 characters." }).getAttribute("href")).toBe("#new-db-passphrase");
    expect(passphrase().getAttribute("aria-describedby")).toBe("new-db-passphrase-hint new-db-passphrase-error");
    expect(document.getElementById("new-db-passphrase-error")?.textContent).toContain("at least 10 characters");
    expect(done).toBe(false);
    expect((screen.getByRole("button", { name: "Create the encrypted database" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("creates the database and hands its status on, saying so while it works", async () => {
    let finish: (s: AppStatus) => void = () => {};
    const calls = mockCreate(() => new Promise((resolve) => (finish = resolve)));
    const received: AppStatus[] = [];
    render(CreatePassphrase, { dbPath: "/home/fiona/board.db", oncreated: (s: AppStatus) => void received.push(s) });
    const user = userEvent.setup();
    await user.type(passphrase(), "copper kettle harbour lantern");
    await user.type(again(), "copper kettle harbour lantern");
    await user.click(screen.getByRole("button", { name: "Create the encrypted database" }));

    const busy = await screen.findByRole("button", { name: "Creating…" });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    finish(created);
    await waitFor(() => expect(received).toEqual([created]));
    expect(calls).toEqual([{ passphrase: "copper kettle harbour lantern" }]);
  });

  it("has no serious accessibility problems, with an error showing", async () => {
    mockCreate();
    render(CreatePassphrase, { dbPath: "/home/fiona/board.db", oncreated: () => {} });
    const user = userEvent.setup();
    await user.type(passphrase(), "copper kettle harbour lantern");
    await user.click(screen.getByRole("button", { name: "Create the encrypted database" }));
    await screen.findByRole("alert");
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });
});
