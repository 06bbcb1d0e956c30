import { focusSoon } from "./focus";

export { focusSoon };

/**
 * Swaps an item of an edited list with its neighbour and keeps focus on the button that moved
 * it, or on its other button once it reaches the top or bottom. The buttons' ids are
 * `${prefix}-up-${key}` and `${prefix}-down-${key}`. Returns where the item now stands.
 */
export function moveItem<T extends { key: number }>(list: T[], index: number, by: -1 | 1, prefix: string): number {
  const to = index + by;
  const item = list[index];
  list[index] = list[to];
  list[to] = item;
  const button = by < 0 ? "up" : "down";
  const stillThere = (button === "up" && to > 0) || (button === "down" && to < list.length - 1);
  const other = button === "up" ? "down" : "up";
  void focusSoon(`${prefix}-${stillThere ? button : other}-${item.key}`);
  return to;
}
