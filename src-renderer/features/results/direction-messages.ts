// UI texts saying per factor which way its score is good.
import { defineMessages } from '../../i18n/define-messages';

export const scoreDirectionMessages = defineMessages(
  { scoreDirection: { higherIsBetter: 'Høy skår er bra', higherIsWorse: 'Lav skår er bra' } },
  { scoreDirection: { higherIsBetter: 'A high score is good', higherIsWorse: 'A low score is good' } },
);
