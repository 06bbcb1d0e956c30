import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { member, settings } from "../../test-fixtures";
import MyCompetency from "./MyCompetency.svelte";
import { mockCommands } from "../../test-commands";

describe("my competency and my training", () => {
  beforeEach(() => {
    window.location.hash = "";
  });

  it("opens the training page of whoever this laptop belongs to", async () => {
    mockCommands({
      get_settings: () => settings({ myMemberId: "m1" }),
    });
    render(MyCompetency, { page: "training" });
    await waitFor(() => expect(window.location.hash).toBe("#/members/m1/training"));
  });

  it("asks once who uses the laptop, remembers it and opens their page", async () => {
    const saved: unknown[] = [];
    mockCommands({
      get_settings: () => settings(),
      list_members: () => [member({ id: "m1", name: "Priya Raman" })],
      save_settings: (args) => {
        saved.push((args as { input: unknown }).input);
        return settings({ myMemberId: "m1" });
      },
    });
    render(MyCompetency, { page: "training" });
    expect(await screen.findByRole("heading", { level: 1, name: "My training" })).toBeTruthy();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText("Who uses this computer?"), "Priya Raman");
    await user.click(screen.getByRole("button", { name: "Open my training" }));
    await waitFor(() => expect(window.location.hash).toBe("#/members/m1/training"));
    expect(saved).toEqual([expect.objectContaining({ myMemberId: "m1" })]);
  });
});
