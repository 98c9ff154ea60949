// UI texts of the form fields themselves: the length counter and its message.
import { defineMessages } from '../i18n/define-messages';

export const fieldMessages = defineMessages(
  {
    lengthLimit: {
      counter: '{{length}} av høyst {{max}} tegn',
      tooLong: 'For lang: høyst {{max}} tegn. Fjern {{over}} tegn før du lagrer.',
    },
  },
  {
    lengthLimit: {
      counter: '{{length}} of at most {{max}} characters',
      tooLong: 'Too long: at most {{max}} characters. Remove {{over}} before saving.',
    },
  },
);
