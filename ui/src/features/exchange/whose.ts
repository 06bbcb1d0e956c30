/** Whose records a file carries: those of the person using this laptop, another member's, or the board's. */
export type Whose = "mine" | "member" | "board";
