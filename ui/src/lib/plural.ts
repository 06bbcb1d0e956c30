/** A count with the right form of its noun, e.g. "1 month" or "36 months". */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
