// What an interview records for one item: a group's consensus, a tally of votes, or "not applicable".
import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { totalVotes } from './votes';

export { totalVotes } from './votes';

export const answerSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('consensus'),
        value: z.number().int().min(1).max(10),
        /** How many people the consensus speaks for: 1 in an individual interview. */
        participants: z.number().int().min(1).max(500),
      })
      .strict(),
    z
      .object({
        kind: z.literal('tally'),
        /** Votes per scale value, keyed by the value ("1".."5"). */
        votes: z.record(z.string().regex(/^\d{1,2}$/), z.number().int().min(0).max(500)),
      })
      .strict(),
    z.object({ kind: z.literal('notApplicable') }).strict(),
  ]),
);

export type Answer = z.infer<ReturnType<typeof answerSchema>>;


/** How many respondents an answer stands for (0 for "not applicable"). */
export function answerWeight(answer: Answer): number {
  switch (answer.kind) {
    case 'consensus':
      return answer.participants;
    case 'tally':
      return totalVotes(answer.votes);
    case 'notApplicable':
      return 0;
  }
}
