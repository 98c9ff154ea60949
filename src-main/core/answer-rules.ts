// What makes an answer valid for an interview: an item of the guide, a value on its scale, and no
// more people counted than are present.
import { totalVotes, type Answer } from './answers';
import { AppError } from './errors';
import type { Guide } from './guide';

/** The guide's item, or an 'invalid_input' error naming the unknown id. */
export function requireItem(guide: Guide, itemId: string) {
  const item = guide.items.find((i) => i.id === itemId);
  if (!item) throw new AppError('invalid_input', `The guide has no item "${itemId}".`, [{ path: 'itemId', message: 'unknown item' }]);
  return item;
}

/** Refuses a factor id the guide does not have. */
export function requireFactor(guide: Guide, factorId: string) {
  if (!guide.factors.some((f) => f.id === factorId)) {
    throw new AppError('invalid_input', `The guide has no factor "${factorId}".`, [{ path: 'factorId', message: 'unknown factor' }]);
  }
}

/** An answer must use its item's scale and count no more people than are present (`present`, the
 * interview's participants); a tally needs votes, and people present to cast them. Throws the first
 * problem as 'invalid_input', with the path and key the UI shows it by. */
export function checkAnswer(guide: Guide, itemId: string, answer: Answer, present: number): void {
  const item = requireItem(guide, itemId);
  const scale = guide.scales.find((s) => s.id === item.scale)!;
  const values = new Set(scale.points.map((p) => p.value));
  const refuse = (path: string, message: string, key: string) => {
    throw new AppError('invalid_input', message, [{ path, message, key }]);
  };
  if (answer.kind === 'consensus') {
    if (!values.has(answer.value)) refuse('answer.value', `${answer.value} is not on the item's scale.`, 'notOnScale');
    if (present > 0 && answer.participants > present) {
      refuse('answer.participants', `The consensus counts ${answer.participants} people, but ${present} are present.`, 'moreThanPresent');
    }
  }
  if (answer.kind === 'tally') {
    for (const key of Object.keys(answer.votes)) {
      if (!values.has(Number(key))) refuse(`answer.votes.${key}`, `${key} is not on the item's scale.`, 'notOnScale');
    }
    const votes = totalVotes(answer.votes);
    if (votes === 0) refuse('answer.votes', 'A tally needs at least one vote.', 'noVotes');
    if (present === 0) refuse('answer.votes', 'Record how many are present before counting votes.', 'noParticipants');
    if (votes > present) refuse('answer.votes', `${votes} votes, but only ${present} present.`, 'moreVotesThanPresent');
  }
}
