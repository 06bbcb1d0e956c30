import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { AppStatus } from "../../bindings/AppStatus";
import type { EncryptionOutcome } from "../../bindings/EncryptionOutcome";
import DatabaseScreen from "./DatabaseScreen.svelte";
import { seriousAxeProblems } from "../../test-axe";
import { mockCommands, type Handlers } from "../../test-commands";

function status(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    appVersion: "0.1.0",
    dbPath: "/home/fiona/board.db",
    openError: null,
    firstRun: false,
    newDatabase: false,
    locked: false,
    encrypted: false,
    ...overrides,
  };
}

function mockDatabase(handlers: Handlers = {}) {
  return mockCommands({
    check_database: () => ({ path: "/home/fiona/board.db", schemaVersion: 9, appSchemaVersion: 9, encrypted: false, integrity: "ok", healthy: true }),
    verify_audit: () => ({ rows: 12, records: 4, brokenLink: null, alteredRecords: [], ok: true }),
    ...handlers,
  });
}

const encrypted = (unconverted: string[] = []): EncryptionOutcome => ({ unconverted, status: status({ encrypted: true }) });

describe("encrypting the database", () => {
  it("warns that a plain database can be read, encrypts it and says so", async () => {
    let finish: (o: EncryptionOutcome) => void = () => {};
    const calls = mockDatabase({ encrypt_database: () => new Promise((resolve) => (finish = resolve)) });
    const changes: AppStatus[] = [];
    render(DatabaseScreen, { status: status(), onstatuschange: (s: AppStatus) => changes.push(s) });
    const user = userEvent.setup();
    expect(screen.getByRole("heading", { level: 2, name: "Encryption" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: /This database is not encrypted/ }).closest(".nhsuk-warning-callout")).toBeTruthy();
    const form = screen.getByRole("form", { name: "Encrypt this database" });
    const passphrase = within(form).getByLabelText("Passphrase");
    expect(passphrase.id).toBe("encrypt-passphrase");
    expect(within(form).getByLabelText("Type the passphrase again").id).toBe("encrypt-passphrase-confirm");

    await user.type(passphrase, "copper kettle harbour lantern");
    await user.type(within(form).getByLabelText("Type the passphrase again"), "copper kettle harbour lantern");
    await user.click(within(form).getByRole("button", { name: "Encrypt the database" }));

    const live = document.querySelector("[aria-live='polite']") as HTMLElement;
    await waitFor(() =>
      expect(live.textContent).toContain("Encrypting the database and its backups. This can take a minute for a large database."),
    );
    expect((within(form).getByRole("button", { name: "Encrypt the database" }) as HTMLButtonElement).disabled).toBe(true);

    finish(encrypted());
    await waitFor(() => expect(live.textContent).toContain("The database and its backups are now encrypted."));
    expect(calls.encrypt_database).toEqual([{ passphrase: "copper kettle harbour lantern" }]);
    expect(changes).toEqual([status({ encrypted: true })]);
    expect((passphrase as HTMLInputElement).value).toBe("");
    // The checks are run again on the encrypted file.
    await waitFor(() => expect(calls.check_database).toHaveLength(2));
  });

  it("lists the kept copies that could not be encrypted, to be deleted", async () => {
    mockDatabase({ encrypt_database: () => encrypted(["/home/fiona/board.db.damaged-2026-11-20"]) });
    render(DatabaseScreen, { status: status() });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Passphrase"), "copper kettle harbour lantern");
    await user.type(screen.getByLabelText("Type the passphrase again"), "copper kettle harbour lantern");
    await user.click(screen.getByRole("button", { name: "Encrypt the database" }));

    const warning = (await screen.findByRole("heading", { name: /Delete these copies/ })).closest(".nhsuk-warning-callout") as HTMLElement;
    expect(warning.textContent).toContain("could not be converted");
    expect(within(warning).getByRole("listitem").textContent).toBe("/home/fiona/board.db.damaged-2026-11-20");
  });

  it("checks that the two passphrases match before asking the core", async () => {
    const calls = mockDatabase();
    render(DatabaseScreen, { status: status() });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Passphrase"), "copper kettle harbour lantern");
    await user.type(screen.getByLabelText("Type the passphrase again"), "copper kettle");
    await user.click(screen.getByRole("button", { name: "Encrypt the database" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("link", { name: /The two passphrases differ/ }).getAttribute("href")).toBe("#encrypt-passphrase-confirm");
    expect(screen.getByLabelText("Type the passphrase again").getAttribute("aria-describedby")).toBe("encrypt-passphrase-confirm-error");
    expect(calls.encrypt_database).toBeUndefined();
  });

  it("shows the core's objection to the passphrase on its field", async () => {
    mockDatabase({
      encrypt_database: () => {
        throw { kind: "Validation", message: "Choose a passphrase of at least 10 characters.", field: "passphrase" };
      },
    });
    render(DatabaseScreen, { status: status() });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Passphrase"), "short");
    await user.type(screen.getByLabelText("Type the passphrase again"), "short");
    await user.click(screen.getByRole("button", { name: "Encrypt the database" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("link", { name: "Choose a passphrase of at least 10 characters." }).getAttribute("href")).toBe("#encrypt-passphrase");
    expect(screen.getByLabelText("Passphrase").getAttribute("aria-describedby")).toContain("encrypt-passphrase-error");
  });
});

describe("changing the passphrase", () => {
  it("says the database is encrypted and ties a wrong current passphrase to its field", async () => {
    const calls = mockDatabase({
      change_passphrase: () => {
        throw { kind: "Validation", message: "The current passphrase is not right.", field: "current" };
      },
    });
    render(DatabaseScreen, { status: status({ encrypted: true }) });
    const user = userEvent.setup();
    expect(screen.getByText(/This database is encrypted at rest: its file and backups cannot be read without the passphrase/)).toBeTruthy();
    expect(screen.queryByText(/This database is not encrypted/)).toBeNull();
    const form = screen.getByRole("form", { name: "Change the passphrase" });
    await user.type(within(form).getByLabelText("Current passphrase"), "copper kettle");
    await user.type(within(form).getByLabelText("New passphrase"), "silver teapot meadow bicycle");
    await user.type(within(form).getByLabelText("Type the new passphrase again"), "silver teapot meadow bicycle");
    await user.click(within(form).getByRole("button", { name: "Change passphrase" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("link", { name: "The current passphrase is not right." }).getAttribute("href")).toBe("#current-passphrase");
    const current = screen.getByLabelText("Current passphrase");
    expect(current.id).toBe("current-passphrase");
    expect(current.getAttribute("aria-describedby")).toBe("current-passphrase-error");
    expect(document.getElementById("current-passphrase-error")?.textContent).toContain("The current passphrase is not right.");
    expect(screen.getByLabelText("New passphrase").getAttribute("aria-describedby")).toBe("changed-passphrase-hint");
    expect(calls.change_passphrase).toEqual([{ current: "copper kettle", new: "silver teapot meadow bicycle" }]);
  });

  it("shows a new passphrase the core refuses on the new passphrase's field", async () => {
    mockDatabase({
      change_passphrase: () => {
        throw { kind: "Validation", message: "Choose a passphrase of at least 10 characters.", field: "new" };
      },
    });
    render(DatabaseScreen, { status: status({ encrypted: true }) });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Current passphrase"), "copper kettle harbour lantern");
    await user.type(screen.getByLabelText("New passphrase"), "short");
    await user.type(screen.getByLabelText("Type the new passphrase again"), "short");
    await user.click(screen.getByRole("button", { name: "Change passphrase" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("link").getAttribute("href")).toBe("#changed-passphrase");
    expect(screen.getByLabelText("New passphrase").getAttribute("aria-describedby")).toBe("changed-passphrase-hint changed-passphrase-error");
  });

  it("changes the passphrase and says the backups follow", async () => {
    const calls = mockDatabase({ change_passphrase: () => encrypted() });
    const changes: AppStatus[] = [];
    render(DatabaseScreen, { status: status({ encrypted: true }), onstatuschange: (s: AppStatus) => changes.push(s) });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Current passphrase"), "copper kettle harbour lantern");
    await user.type(screen.getByLabelText("New passphrase"), "silver teapot meadow bicycle");
    await user.type(screen.getByLabelText("Type the new passphrase again"), "silver teapot meadow bicycle");
    await user.click(screen.getByRole("button", { name: "Change passphrase" }));
    expect(await screen.findByText("The passphrase was changed; the backups now open with the new one too.")).toBeTruthy();
    expect(calls.change_passphrase).toEqual([{ current: "copper kettle harbour lantern", new: "silver teapot meadow bicycle" }]);
    expect(changes).toHaveLength(1);
    expect((screen.getByLabelText("Current passphrase") as HTMLInputElement).value).toBe("");
  });

  it("has no serious accessibility problems, with an error showing", async () => {
    mockDatabase();
    render(DatabaseScreen, { status: status() });
    await userEvent.setup().click(screen.getByRole("button", { name: "Encrypt the database" }));
    await screen.findByRole("alert");
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });
});
