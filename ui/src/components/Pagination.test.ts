import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import Pagination from "./Pagination.svelte";

const props = (offset: number, total: number, onpage = vi.fn()) => ({ id: "log", label: "Pages of the challenge log", offset, total, onpage });

describe("pagination", () => {
  it("is a labelled navigation with the page position and Next on the first page", () => {
    render(Pagination, props(0, 345));
    const nav = screen.getByRole("navigation", { name: "Pages of the challenge log" });
    expect(nav.classList).toContain("nhsuk-pagination");
    expect(document.getElementById("log-page-status")?.textContent).toBe("Page 1 of 7");
    expect(screen.getByRole("button", { name: "Next page" }).id).toBe("log-next-page");
    expect(screen.queryByRole("button", { name: "Previous page" })).toBeNull();
    expect(document.getElementById("log-previous-page")).toBeNull();
    // The arrows are decoration: the words say where each button goes.
    for (const svg of nav.querySelectorAll("svg")) expect(svg.getAttribute("aria-hidden")).toBe("true");
  });

  it("offers both ways from a middle page, asking for the offsets either side", async () => {
    const onpage = vi.fn();
    render(Pagination, props(100, 345, onpage));
    expect(screen.getByText("Page 3 of 7").id).toBe("log-page-status");
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Previous page" }));
    expect(onpage).toHaveBeenLastCalledWith(50);
    await user.click(screen.getByRole("button", { name: "Next page" }));
    expect(onpage).toHaveBeenLastCalledWith(150);
  });

  it("works from the keyboard, with Enter and with Space", async () => {
    const onpage = vi.fn();
    render(Pagination, props(50, 345, onpage));
    const user = userEvent.setup();
    await user.tab();
    expect(document.activeElement?.id).toBe("log-previous-page");
    await user.keyboard("{Enter}");
    expect(onpage).toHaveBeenLastCalledWith(0);
    await user.tab();
    expect(document.activeElement?.id).toBe("log-next-page");
    await user.keyboard(" ");
    expect(onpage).toHaveBeenLastCalledWith(100);
    expect(onpage).toHaveBeenCalledTimes(2);
    for (const b of screen.getAllByRole("button")) expect(b.getAttribute("type")).toBe("button");
  });

  it("has no Next on the last page", () => {
    render(Pagination, props(300, 345));
    expect(screen.getByText("Page 7 of 7")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Next page" })).toBeNull();
    expect(screen.getByRole("button", { name: "Previous page" })).toBeTruthy();
  });

  it("is left out when everything fits on one page", () => {
    render(Pagination, props(0, 50));
    expect(screen.queryByRole("navigation")).toBeNull();
    render(Pagination, props(0, 0));
    expect(screen.queryByRole("navigation")).toBeNull();
  });

  it("writes large numbers with commas, and takes its own page size", () => {
    render(Pagination, { ...props(500, 100_000), id: "actions", limit: 100 });
    expect(document.getElementById("actions-page-status")?.textContent).toBe("Page 6 of 1,000");
    expect(document.getElementById("actions-next-page")).toBeTruthy();
  });
});
