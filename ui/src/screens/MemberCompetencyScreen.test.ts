import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { MemberFramework } from "../bindings/MemberFramework";
import { member, options } from "../test-fixtures";
import MemberFrameworkScreen from "./MemberFrameworkScreen.svelte";

const source = { document: "000_a939462d5240f456.txt", section: "Core competencies" };

describe("a member's framework items", () => {
  it("lists the responsibilities of their roles and the core competencies", async () => {
    const data: MemberFramework = {
      member: member({ name: "Fiona Gallagher", kind: "non-executive", roles: ["chair"] }),
      frameworkTitle: "Competencies for Senior Managers and Executives",
      items: [
        { kind: "responsibility", role: "chair", item: { id: "smc.role.chair.responsibility.1", text: "promote a positive culture", source } },
        { kind: "core-competency", role: null, item: { id: "smc.core.1", text: "build, maintain, and sustain", source } },
      ],
    };
    let asked: unknown;
    mockIPC((cmd, args) => {
      if (cmd === "member_framework") {
        asked = args;
        return data;
      }
    });
    render(MemberFrameworkScreen, { id: "m1", options });
    expect(await screen.findByRole("heading", { level: 2, name: "Key responsibilities (1)" })).toBeTruthy();
    expect(asked).toEqual({ id: "m1" });
    expect(screen.getByText(/promote a positive culture/).textContent).toContain("Chair, smc.role.chair.responsibility.1");
    expect(screen.getByRole("heading", { name: /Core competencies for everyone at this level \(1\)/ })).toBeTruthy();
    expect(screen.getByText(/for the roles the register records/).textContent).toContain("Chair");
  });
});
