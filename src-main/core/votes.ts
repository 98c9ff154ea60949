// Counting a tally's votes: free of the answer's zod schema, so the renderer can count without zod.

export function totalVotes(votes: Record<string, number>): number {
  return Object.values(votes).reduce((sum, n) => sum + n, 0);
}
