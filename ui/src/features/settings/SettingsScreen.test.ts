import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { FrameworkSummary } from "../../bindings/FrameworkSummary";
import type { ReminderPreferences } from "../../bindings/ReminderPreferences";
import type { Requirement } from "../../bindings/Requirement";
import type { Settings } from "../../bindings/Settings";
import { frameworkSummary, member, options, reminderPreferences, requirement, requirementKinds, settings, textSizes } from "../../test-fixtures";
import SettingsScreen from "./SettingsScreen.svelte";
import { mockCommands, type Handlers } from "../../test-commands";


function mockSettings(handlers: Handlers = {}, data: { requirements?: Requirement[]; frameworks?: FrameworkSummary[]; settings?: Settings } = {}) {
  return mockCommands({
    list_requirements: () => data.requirements ?? [requirement()],
    requirement_kinds: () => requirementKinds,
    get_settings: () => data.settings ?? settings(),
    list_members: () => [member({ id: "m1" }), member({ id: "m2", name: "Margaret Ellison", roles: ["chair"] })],
    list_frameworks: () => data.frameworks ?? [frameworkSummary()],
    reminder_preferences: () => reminderPreferences(),
    daily_backups_kept: () => 7,
    idle_lock_minutes: () => 15,
    text_size: () => "standard",
    text_sizes: () => textSizes,
    import_mappings: () => [],
    list_posts: () => [],
    untied_owners: () => [],
    area_sets: () => [
        { id: "saaf-provider-arrangements", title: "SAAF provider arrangements", nations: ["england"], areaCount: 13, selected: true, loaded: false },
        { id: "scotland-chief-officers-standards", title: "The ten standards", nations: ["scotland"], areaCount: 10, selected: false, loaded: false },
      ],
    assurance_areas: () => [{ id: "saaf.4.2.1.1", title: "Named professionals", text: "Identification of a named nurse", source: null }],
    assurance_levels: () => [
        { code: "substantial", label: "Substantial", definition: "Sound and working." },
        { code: "none", label: "No assurance", definition: "Not working." },
      ],
    ...handlers,
  });
}

const section = (name: string) => screen.getByRole("region", { name });

describe("settings: training requirements", () => {
  it("describes each requirement in words", async () => {
    mockSettings({}, {
      requirements: [
        requirement(),
        requirement({ id: "r2", title: "Board update", kind: "renewal", minutes: null, windowMonths: null, renewMonths: 36, matches: "board", roles: ["chair", "executive-lead"] }),
      ],
    });
    render(SettingsScreen, { options });
    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row");
    expect(rows[1].textContent).toContain("12 hours within a rolling 36 months, everyone");
    expect(rows[2].textContent).toContain(
      "Renewed every 36 months; counts learning whose title or level contains “board”; Chair, Executive Lead / Executive Director",
    );
    expect(screen.getByRole("button", { name: "Retire Board update" })).toBeTruthy();
  });

  it("adds a requirement, showing the core's error on its field first", async () => {
    let attempts = 0;
    const calls = mockSettings({
      add_requirement: () => {
        attempts += 1;
        if (attempts === 1) throw { kind: "Validation", message: "Enter the hours as a number, for example 1.5 for an hour and a half.", field: "hours" };
        return requirement({ id: "r9", title: "Learning hours for the Chair", roles: ["chair"] });
      },
    });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Name"), "Learning hours for the Chair");
    const form = section("Training requirements");
    await user.click(within(form).getByLabelText("Hours of learning within a rolling window"));
    // The fields for the kind appear, with the usual three-year window filled in.
    expect((screen.getByLabelText("Within a rolling window of (months)") as HTMLInputElement).value).toBe("36");
    expect(screen.queryByLabelText("Renewed every (months)")).toBeNull();
    await user.type(screen.getByLabelText("Hours of learning"), "twelve");
    await user.click(within(form).getByLabelText("Chair"));
    await user.click(screen.getByRole("button", { name: "Add requirement" }));

    expect(await screen.findByRole("link", { name: /Enter the hours as a number/ })).toBeTruthy();
    expect(screen.getByLabelText("Hours of learning").getAttribute("aria-describedby")).toContain("req-hours-error");
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("Learning hours for the Chair");

    await user.clear(screen.getByLabelText("Hours of learning"));
    await user.type(screen.getByLabelText("Hours of learning"), "12");
    await user.click(screen.getByRole("button", { name: "Add requirement" }));
    expect((await within(form).findByRole("status")).textContent).toContain("“Learning hours for the Chair” was added.");
    expect(calls.add_requirement?.[1]).toEqual({
      input: {
        title: "Learning hours for the Chair",
        kind: "hours",
        roles: ["chair"],
        hours: "12",
        windowMonths: "36",
        renewMonths: "",
        matches: "",
      },
    });
    expect(screen.queryByRole("link", { name: /Enter the hours as a number/ })).toBeNull();
  });

  it("edits a renewal requirement with its own field", async () => {
    const renewal = requirement({ kind: "renewal", minutes: null, windowMonths: null, renewMonths: 12, title: "Board update" });
    const calls = mockSettings({ update_requirement: () => renewal }, { requirements: [renewal] });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Edit Board update" }));
    expect(screen.getByRole("heading", { name: "Edit “Board update”" })).toBeTruthy();
    const renew = screen.getByLabelText("Renewed every (months)") as HTMLInputElement;
    expect(renew.value).toBe("12");
    await user.clear(renew);
    await user.type(renew, "24");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect((await within(section("Training requirements")).findByRole("status")).textContent).toContain("Changes to “Board update” were saved.");
    expect(calls.update_requirement?.[0]).toMatchObject({ id: "r1", input: { kind: "renewal", renewMonths: "24" } });
  });
});

describe("settings: retiring a requirement", () => {
  it("asks first, explains that history is kept, then retires it", async () => {
    let retired = false;
    const calls = mockSettings({
      retire_requirement: () => {
        retired = true;
        return requirement({ retired: true });
      },
      list_requirements: () => (retired ? [] : [requirement()]),
    });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Retire Safeguarding learning hours" }));
    const dialog = screen.getByRole("dialog", { name: "Retire “Safeguarding learning hours”" });
    expect(dialog.textContent).toContain("Its history is kept");
    await user.click(within(dialog).getByRole("button", { name: "Retire requirement" }));
    expect((await within(section("Training requirements")).findByRole("status")).textContent).toContain(
      "“Safeguarding learning hours” was retired.",
    );
    expect(calls.retire_requirement).toEqual([{ id: "r1" }]);
    expect(screen.getByText(/No training requirements have been set yet/)).toBeTruthy();
    expect(dialog.hasAttribute("open")).toBe(false);
  });

  it("undoes a retirement on request", async () => {
    let retired = false;
    const calls = mockSettings({
      retire_requirement: () => {
        retired = true;
        return requirement({ retired: true });
      },
      reinstate_requirement: () => {
        retired = false;
        return requirement();
      },
      list_requirements: () => (retired ? [] : [requirement()]),
    });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Retire Safeguarding learning hours" }));
    await user.click(within(screen.getByRole("dialog", { name: "Retire “Safeguarding learning hours”" })).getByRole("button", { name: "Retire requirement" }));
    await user.click(await within(section("Training requirements")).findByRole("button", { name: "Undo retiring “Safeguarding learning hours”" }));
    expect(calls.reinstate_requirement).toEqual([{ id: "r1" }]);
    expect((await within(section("Training requirements")).findByRole("status")).textContent).toContain("is checked again, as before it was retired.");
    expect(await screen.findByRole("button", { name: "Retire Safeguarding learning hours" })).toBeTruthy();
  });
});

describe("settings: rating scale, due soon and this laptop", () => {
  it("saves a reworded level with the rest of the settings unchanged", async () => {
    const calls = mockSettings({ save_settings: (args) => (args as { input: Settings }).input });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    const label = await screen.findByLabelText("Level 2 wording");
    await user.clear(label);
    await user.type(label, "Getting there");
    await user.click(screen.getByLabelText("Counts as meeting the item (level 2)"));
    await user.click(screen.getByRole("button", { name: "Save rating scale" }));
    expect((await within(section("Self-assessment rating scale")).findByRole("status")).textContent).toContain("The rating scale was saved.");
    const saved = (calls.save_settings?.[0] as { input: Settings }).input;
    expect(saved.ratingScale[1]).toEqual({ code: "developing", label: "Getting there", meets: true });
    expect(saved.dueSoonDays).toBe(90);
    expect(saved.myMemberId).toBeNull();
  });

  it("adds, moves and removes levels, leaving the code of a new level to the core", async () => {
    const calls = mockSettings({ save_settings: (args) => (args as { input: Settings }).input });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Add a level" }));
    const added = screen.getByLabelText("Level 5 wording (highest)");
    expect(document.activeElement).toBe(added);
    await user.type(added, "Expert");
    await user.click(screen.getByRole("button", { name: "Move up level 5" }));
    await user.click(screen.getByRole("button", { name: "Remove level 1" }));
    await user.click(screen.getByRole("button", { name: "Save rating scale" }));
    await within(section("Self-assessment rating scale")).findByText("The rating scale was saved.");
    const saved = (calls.save_settings?.[0] as { input: Settings }).input;
    expect(saved.ratingScale.map((l) => l.code)).toEqual(["developing", "competent", "", "confident-to-lead"]);
    expect(saved.ratingScale[2]).toEqual({ code: "", label: "Expert", meets: false });
  });

  it("explains why a level in use cannot be removed", async () => {
    mockSettings({
      save_settings: () => {
        throw {
          kind: "InUse",
          message: "The rating 'developing' is used by existing self-assessments, so it cannot be removed from the scale. Reword its label instead.",
          field: null,
        };
      },
    });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Remove level 2" }));
    await user.click(screen.getByRole("button", { name: "Save rating scale" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("is used by existing self-assessments, so it cannot be removed");
    expect(section("Self-assessment rating scale").contains(alert)).toBe(true);
  });

  it("saves the days of warning and who uses this laptop, each on its own", async () => {
    const calls = mockSettings({ save_settings: (args) => (args as { input: Settings }).input });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    const days = await screen.findByLabelText("Days of warning before a requirement lapses");
    await user.clear(days);
    await user.type(days, "sixty");
    await user.click(screen.getByRole("button", { name: "Save days of warning" }));
    expect(await screen.findByRole("link", { name: /whole number/ })).toBeTruthy();
    expect(calls.save_settings).toBeUndefined();
    await user.clear(days);
    await user.type(days, "60");
    await user.click(screen.getByRole("button", { name: "Save days of warning" }));
    expect((await within(section("Due soon")).findByRole("status")).textContent).toContain("60 days before they lapse");

    await user.selectOptions(screen.getByLabelText("The board member who uses this laptop"), "Margaret Ellison");
    await user.click(screen.getByRole("button", { name: "Save who uses this laptop" }));
    expect((await within(section("Whose laptop is this?")).findByRole("status")).textContent).toContain("Margaret Ellison");
    const last = (calls.save_settings?.[1] as { input: Settings }).input;
    expect(last).toMatchObject({ dueSoonDays: 60, myMemberId: "m2" });
  });
});

describe("settings: frameworks", () => {
  const imported = frameworkSummary({
    id: "adult-safeguarding",
    title: "Adult safeguarding for boards",
    builtIn: false,
    itemCount: 12,
    appliesTo: { everyone: false, roles: [] },
    importedAt: "2026-11-20T10:00:00.000Z",
  });

  it("saves who a framework applies to", async () => {
    const calls = mockSettings(
      { set_framework_applies_to: (args) => ({ ...imported, appliesTo: (args as { appliesTo: FrameworkSummary["appliesTo"] }).appliesTo }) },
      { frameworks: [frameworkSummary(), imported] },
    );
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    const group = await screen.findByRole("group", { name: "Who “Adult safeguarding for boards” applies to" });
    expect(screen.getByRole("link", { name: "Adult safeguarding for boards" }).getAttribute("href")).toBe("#/framework/adult-safeguarding");
    expect(section("Frameworks").textContent).toContain("Applies to nobody yet");
    await user.click(within(group).getByLabelText("Chair"));
    await user.click(screen.getByRole("button", { name: "Save who it applies to: Adult safeguarding for boards" }));
    expect((await within(section("Frameworks")).findByRole("status")).textContent).toContain("“Adult safeguarding for boards” now applies to Chair.");
    expect(calls.set_framework_applies_to?.[0]).toEqual({ id: "adult-safeguarding", appliesTo: { everyone: false, roles: ["chair"] } });
  });

  it("imports a framework and says it applies to nobody yet", async () => {
    let imports = 0;
    mockSettings({
      import_framework: () => {
        imports += 1;
        if (imports === 2) throw { kind: "Conflict", message: "A framework with the id 'adult-safeguarding' is already in the library.", field: null };
        return imported;
      },
      list_frameworks: () => (imports ? [frameworkSummary(), imported] : [frameworkSummary()]),
    });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Import a framework…" }));
    const status = await within(section("Frameworks")).findByRole("status");
    expect(status.textContent).toContain("“Adult safeguarding for boards” was added to the library with 12 items. It applies to nobody until you choose");
    expect(await screen.findByRole("group", { name: "Who “Adult safeguarding for boards” applies to" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Import a framework…" }));
    expect((await screen.findByRole("alert")).textContent).toContain("already in the library");
  });
});

describe("settings: scrutiny", () => {
  it("says when the nation has no set, and loads one from a file", async () => {
    const notice = "The app has no set of assurance areas for Wales. Choose in Settings which set the board scrutinises.";
    const calls = mockSettings({
      area_sets: () => [
        { id: "saaf-provider-arrangements", title: "SAAF provider arrangements", nations: ["england"], areaCount: 13, selected: false, loaded: false },
      ],
      area_set_status: () => ({ setId: null, setTitle: null, chosen: false, notice }),
      load_area_set: () => ({ id: "loaded.wales", title: "Arrangements for Wales", nations: ["wales"], areaCount: 9, selected: true, loaded: true }),
    });
    const user = userEvent.setup();
    render(SettingsScreen, { options });
    const scrutiny = await screen.findByRole("region", { name: "Scrutiny" });
    expect(await within(scrutiny).findByText(notice)).toBeTruthy();
    expect(within(scrutiny).getByRole("radio", { name: "SAAF provider arrangements (13 areas)" })).toHaveProperty("checked", false);
    await user.click(within(scrutiny).getByRole("button", { name: "Load a set from a file" }));
    expect(await within(scrutiny).findByText("Now using Arrangements for Wales (9 areas), loaded from the file.")).toBeTruthy();
    expect(calls.load_area_set).toHaveLength(1);
  });


  it("chooses the area set, adds an own area and saves reworded assurance levels", async () => {
    const calls = mockSettings({
      choose_area_set: () => null,
      add_custom_area: (args) => ({ id: "own.1", title: (args as { input: { title: string } }).input.title, text: "", source: null }),
      save_assurance_levels: (args) => (args as { levels: unknown }).levels,
    });
    const user = userEvent.setup();
    render(SettingsScreen, { options });
    const scrutiny = await screen.findByRole("region", { name: "Scrutiny" });
    await user.click(await within(scrutiny).findByRole("radio", { name: "The ten standards (10 areas)" }));
    await user.click(within(scrutiny).getByRole("button", { name: "Use these areas" }));
    expect(await within(scrutiny).findByText("The assurance areas were changed.")).toBeTruthy();
    expect(calls.choose_area_set).toEqual([{ id: "scotland-chief-officers-standards" }]);

    await user.type(within(scrutiny).getByRole("textbox", { name: "Name of the area" }), "Transitions");
    await user.click(within(scrutiny).getByRole("button", { name: "Add the area" }));
    expect(await within(scrutiny).findByText("The area was added.")).toBeTruthy();

    const label = within(scrutiny).getByRole("textbox", { name: "Level 2 wording (weakest)" });
    await user.clear(label);
    await user.type(label, "None");
    await user.click(within(scrutiny).getByRole("button", { name: "Save assurance levels" }));
    expect(await within(scrutiny).findByText("The assurance levels were saved.")).toBeTruthy();
    expect(calls.save_assurance_levels?.[0]).toEqual({
      levels: [
        { code: "substantial", label: "Substantial", definition: "Sound and working." },
        { code: "none", label: "None", definition: "Not working." },
      ],
    });
  });

  it("shows a problem with the assurance levels once, beside them", async () => {
    mockSettings({
      save_assurance_levels: () => {
        throw { kind: "InUse", message: "The assurance level 'No assurance' is used by scrutiny entries, so it cannot be removed. Reword it instead.", field: null };
      },
    });
    const user = userEvent.setup();
    render(SettingsScreen, { options });
    const scrutiny = await screen.findByRole("region", { name: "Scrutiny" });
    await user.click(await within(scrutiny).findByRole("button", { name: "Add an assurance level" }));
    await user.click(within(scrutiny).getByRole("button", { name: "Remove assurance level 2" }));
    await user.click(within(scrutiny).getByRole("button", { name: "Save assurance levels" }));
    const alert = await within(scrutiny).findByRole("alert");
    expect(alert.textContent).toContain("The assurance level 'No assurance' is used by scrutiny entries");
    expect(screen.getAllByRole("alert")).toEqual([alert]);
    expect(within(scrutiny).getByRole("form", { name: "Assurance levels" }).contains(document.getElementById("assurance-levels-error"))).toBe(true);
  });
});

describe("settings: reminders", () => {
  it("saves the chosen reminders and how early actions are mentioned", async () => {
    const calls = mockSettings({ save_reminder_preferences: (args) => (args as { preferences: ReminderPreferences }).preferences });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    const reminders = await screen.findByRole("region", { name: "Reminders" });
    expect(within(reminders).getByRole("group", { name: "Remind me about" })).toBeTruthy();
    const training = within(reminders).getByLabelText("My training that is due soon, expired or not met") as HTMLInputElement;
    expect(training.checked).toBe(true);
    await user.click(training);
    await user.click(within(reminders).getByLabelText("Also show reminders as desktop notifications"));
    const days = within(reminders).getByLabelText("Remind me about actions this many days before they are due") as HTMLInputElement;
    expect(days.value).toBe("7");
    await user.clear(days);
    await user.type(days, "14");
    await user.click(within(reminders).getByRole("button", { name: "Save reminders" }));

    expect((await within(reminders).findByRole("status")).textContent).toContain(
      "Reminders were saved: actions due within 14 days and meetings the day before, in the app only.",
    );
    expect(calls.save_reminder_preferences).toEqual([
      { preferences: { training: false, actions: true, meetings: true, desktop: false, actionDays: 14 } },
    ]);
    // Nothing else in the settings is saved with them.
    expect(calls.save_settings).toBeUndefined();
  });

  it("ties the core's error about the days to that field", async () => {
    mockSettings({
      save_reminder_preferences: () => {
        throw { kind: "Validation", message: "Remind about actions between 1 and 31 days before they are due.", field: "actionDays" };
      },
    });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    const reminders = await screen.findByRole("region", { name: "Reminders" });
    const days = within(reminders).getByLabelText("Remind me about actions this many days before they are due");
    await user.clear(days);
    await user.type(days, "40");
    await user.click(within(reminders).getByRole("button", { name: "Save reminders" }));

    const alert = await within(reminders).findByRole("alert");
    const link = within(alert).getByRole("link", { name: "Remind about actions between 1 and 31 days before they are due." });
    expect(link.getAttribute("href")).toBe("#reminder-action-days");
    expect(days.getAttribute("aria-describedby")).toContain("reminder-action-days-error");
    expect(document.getElementById("reminder-action-days-error")?.textContent).toContain("between 1 and 31 days");
    expect(within(reminders).queryByRole("status")).toBeNull();
  });

  it("asks for a whole number before saving", async () => {
    const calls = mockSettings();
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    const reminders = await screen.findByRole("region", { name: "Reminders" });
    const days = within(reminders).getByLabelText("Remind me about actions this many days before they are due");
    await user.clear(days);
    await user.type(days, "a week");
    await user.click(within(reminders).getByRole("button", { name: "Save reminders" }));
    expect((await within(reminders).findByRole("alert")).textContent).toContain("Enter the number of days as a whole number from 1 to 31");
    expect(calls.save_reminder_preferences).toBeUndefined();
  });
});

describe("settings: backups", () => {
  it("saves the number of daily backups to keep and says what it means", async () => {
    const calls = mockSettings({ save_daily_backups_kept: (args) => (args as { keep: number }).keep });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    const backups = await screen.findByRole("region", { name: "Backups" });
    const keep = within(backups).getByLabelText("Number of daily backups to keep") as HTMLInputElement;
    expect(keep.value).toBe("7");
    expect(keep.getAttribute("inputmode")).toBe("numeric");
    expect(keep.getAttribute("aria-describedby")).toBe("daily-backups-kept-hint");
    expect(document.getElementById("daily-backups-kept-hint")?.textContent).toBe(
      "A copy of the database is taken beside it on the first use of each day, and before every change of data format. Older daily copies are removed at the next start.",
    );
    await user.clear(keep);
    await user.type(keep, "30");
    await user.click(within(backups).getByRole("button", { name: "Save backups setting" }));

    expect((await within(backups).findByRole("status")).textContent).toContain("The newest 30 daily backups will be kept.");
    expect(calls.save_daily_backups_kept).toEqual([{ keep: 30 }]);
    expect(calls.save_settings).toBeUndefined();
  });

  it("ties the core's error about the number to that field", async () => {
    const calls = mockSettings({
      save_daily_backups_kept: () => {
        throw { kind: "Validation", message: "Keep between 1 and 90 daily backups.", field: "keep" };
      },
    });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    const backups = await screen.findByRole("region", { name: "Backups" });
    const keep = within(backups).getByLabelText("Number of daily backups to keep");
    await user.clear(keep);
    await user.type(keep, "120");
    await user.click(within(backups).getByRole("button", { name: "Save backups setting" }));

    const alert = await within(backups).findByRole("alert");
    const link = within(alert).getByRole("link", { name: "Keep between 1 and 90 daily backups." });
    expect(link.getAttribute("href")).toBe("#daily-backups-kept");
    expect(keep.getAttribute("aria-describedby")).toContain("daily-backups-kept-error");
    expect(document.getElementById("daily-backups-kept-error")?.textContent).toContain("Keep between 1 and 90 daily backups.");
    expect(within(backups).queryByRole("status")).toBeNull();
    expect(calls.save_daily_backups_kept).toEqual([{ keep: 120 }]);
  });

  it("asks for a whole number before saving", async () => {
    const calls = mockSettings();
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    const backups = await screen.findByRole("region", { name: "Backups" });
    const keep = within(backups).getByLabelText("Number of daily backups to keep");
    await user.clear(keep);
    await user.type(keep, "a week");
    await user.click(within(backups).getByRole("button", { name: "Save backups setting" }));
    expect((await within(backups).findByRole("alert")).textContent).toContain("Enter the number of backups as a whole number from 1 to 90");
    expect(calls.save_daily_backups_kept).toBeUndefined();
  });
});

describe("settings: text size", () => {
  it("offers the sizes as a labelled group of radios, the saved one chosen", async () => {
    mockSettings({ text_size: () => "larger" });
    render(SettingsScreen, { options });
    const section = await screen.findByRole("region", { name: "Text size" });
    const group = within(section).getByRole("group", { name: "Text size" });
    const radios = within(group).getAllByRole("radio") as HTMLInputElement[];
    expect(radios.map((r) => r.id)).toEqual(["text-size-standard", "text-size-large", "text-size-larger", "text-size-largest"]);
    expect(radios.map((r) => r.labels?.[0]?.textContent)).toEqual(["Standard (100%)", "Large (125%)", "Larger (150%)", "Largest (200%)"]);
    expect(radios.filter((r) => r.checked).map((r) => r.id)).toEqual(["text-size-larger"]);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    expect(within(section).getByRole("button", { name: "Save text size" }).id).toBe("save-text-size");
    expect(screen.getByRole("navigation", { name: "Settings on this page" }).textContent).toContain("Text size");
    // Choosing is not applying: the size changes when it is saved.
    await userEvent.setup().click(within(group).getByLabelText("Largest (200%)"));
    expect(document.documentElement.style.fontSize).toBe("");
  });

  it("saves the chosen size, applies it to the window and says so", async () => {
    const calls = mockSettings({ save_text_size: (args) => (args as { size: string }).size });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    const section = await screen.findByRole("region", { name: "Text size" });
    await user.click(within(section).getByLabelText("Largest (200%)"));
    await user.click(within(section).getByRole("button", { name: "Save text size" }));

    expect((await within(section).findByRole("status")).textContent).toContain("Text size saved.");
    expect(calls.save_text_size).toEqual([{ size: "largest" }]);
    expect(document.documentElement.style.fontSize).toBe("200%");
    expect(calls.save_settings).toBeUndefined();

    await user.click(within(section).getByLabelText("Large (125%)"));
    await user.click(within(section).getByRole("button", { name: "Save text size" }));
    await waitFor(() => expect(document.documentElement.style.fontSize).toBe("125%"));
    expect(calls.save_text_size).toEqual([{ size: "largest" }, { size: "large" }]);
  });

  it("keeps the size the window has when saving fails, and says why", async () => {
    mockSettings({
      save_text_size: () => {
        throw { kind: "Io", message: "The text size could not be saved: the disk is full.", field: null };
      },
    });
    render(SettingsScreen, { options });
    const user = userEvent.setup();
    const section = await screen.findByRole("region", { name: "Text size" });
    await user.click(within(section).getByLabelText("Larger (150%)"));
    await user.click(within(section).getByRole("button", { name: "Save text size" }));
    expect((await within(section).findByRole("alert")).textContent).toContain("the disk is full");
    expect(within(section).queryByRole("status")).toBeNull();
    expect(document.documentElement.style.fontSize).toBe("");
  });
});

describe("settings: locking", () => {
  it("offers the times to wait before locking, the saved one chosen, and saves a new one", async () => {
    const calls = mockSettings({ save_idle_lock_minutes: (args) => (args as { minutes: number }).minutes });
    const changed: number[] = [];
    render(SettingsScreen, { options, onidlelockchange: (m: number) => changed.push(m) });
    const user = userEvent.setup();
    const locking = await screen.findByRole("region", { name: "Locking" });
    const select = within(locking).getByLabelText("Lock the app after it has not been used for") as HTMLSelectElement;
    expect(select.id).toBe("idle-lock-minutes");
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "Never",
      "5 minutes",
      "10 minutes",
      "15 minutes",
      "30 minutes",
      "60 minutes",
      "120 minutes",
    ]);
    expect(select.selectedOptions[0].textContent).toBe("15 minutes");
    expect(select.getAttribute("aria-describedby")).toBe("idle-lock-minutes-hint");
    expect(document.getElementById("idle-lock-minutes-hint")?.textContent).toContain("applies when the database is encrypted");
    expect(screen.getByRole("navigation", { name: "Settings on this page" }).textContent).toContain("Locking");

    await user.selectOptions(select, "5 minutes");
    await user.click(within(locking).getByRole("button", { name: "Save locking setting" }));
    expect((await within(locking).findByRole("status")).textContent).toContain("The app will lock after 5 minutes without use.");
    expect(calls.save_idle_lock_minutes).toEqual([{ minutes: 5 }]);
    expect(changed).toEqual([5]);

    await user.selectOptions(select, "Never");
    await user.click(within(locking).getByRole("button", { name: "Save locking setting" }));
    await waitFor(() => expect(within(locking).getByRole("status").textContent).toContain("The app will not lock itself."));
    expect(calls.save_idle_lock_minutes).toEqual([{ minutes: 5 }, { minutes: 0 }]);
    expect(changed).toEqual([5, 0]);
  });

  it("keeps a time saved some other way among the choices", async () => {
    mockSettings({ idle_lock_minutes: () => 45 });
    render(SettingsScreen, { options });
    const locking = await screen.findByRole("region", { name: "Locking" });
    const select = within(locking).getByLabelText("Lock the app after it has not been used for") as HTMLSelectElement;
    expect(select.selectedOptions[0].textContent).toBe("45 minutes");
  });

  it("ties the core's error about the time to the field", async () => {
    const changed: number[] = [];
    mockSettings({
      save_idle_lock_minutes: () => {
        throw { kind: "Validation", message: "Choose a time from 0 to 240 minutes.", field: "minutes" };
      },
    });
    render(SettingsScreen, { options, onidlelockchange: (m: number) => changed.push(m) });
    const user = userEvent.setup();
    const locking = await screen.findByRole("region", { name: "Locking" });
    const select = within(locking).getByLabelText("Lock the app after it has not been used for");
    await user.click(within(locking).getByRole("button", { name: "Save locking setting" }));

    const alert = await within(locking).findByRole("alert");
    expect(within(alert).getByRole("link", { name: "Choose a time from 0 to 240 minutes." }).getAttribute("href")).toBe("#idle-lock-minutes");
    expect(select.getAttribute("aria-describedby")).toBe("idle-lock-minutes-hint idle-lock-minutes-error");
    expect(document.getElementById("idle-lock-minutes-error")?.textContent).toContain("Choose a time from 0 to 240 minutes.");
    expect(within(locking).queryByRole("status")).toBeNull();
    expect(changed).toEqual([]);
  });
});
