/** The owner select's value for someone not on the board, whose name is then typed. */
export const NOT_ON_BOARD = "someone-else";

/**
 * The owner as the core takes it: a board member's id, or the typed name of an officer who is
 * not on the board. The core names a member from the register, so no name goes with an id.
 */
export function ownerOf(owner: string, typedName: string): { ownerMemberId: string; ownerName: string } {
  return owner === NOT_ON_BOARD ? { ownerMemberId: "", ownerName: typedName } : { ownerMemberId: owner, ownerName: "" };
}
