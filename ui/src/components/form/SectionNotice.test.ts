import { render, screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import SectionNotice from "./SectionNotice.svelte";

describe("the notice after a save", () => {
  it("takes focus from the submit button that saved, so it is seen and read", async () => {
    const save = document.body.appendChild(Object.assign(document.createElement("button"), { type: "submit", textContent: "Save" }));
    save.focus();
    render(SectionNotice, { text: "The member was saved." });
    const notice = screen.getByRole("status");
    await waitFor(() => expect(document.activeElement).toBe(notice));
    save.remove();
  });

  it("leaves focus where the form sent it, the next field to fill", async () => {
    const next = document.body.appendChild(Object.assign(document.createElement("input"), { id: "next" }));
    next.focus();
    render(SectionNotice, { text: "Challenge logged." });
    await new Promise((r) => setTimeout(r, 10));
    expect(document.activeElement).toBe(next);
    next.remove();
  });
});
