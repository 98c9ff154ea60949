// UI texts for when an interview was actually held.
import { defineMessages } from '../../i18n/define-messages';

export const heldTimeMessages = defineMessages(
  {
    heldTime: {
      held: 'Holdt {{date}}, {{start}}–{{end}}',
      edit: 'Tidspunkt',
      editLabel: 'Tidspunkt for intervjuet {{name}}',
      title: 'Når ble intervjuet {{name}} holdt?',
      hint: 'Dato og klokkeslett registreres fra første og siste svar. Retter du dem her, endrer ikke nye svar dem lenger.',
      date: 'Dato',
      start: 'Start',
      end: 'Slutt',
      saved: 'Tidspunktet er lagret.',
    },
  },
  {
    heldTime: {
      held: 'Held {{date}}, {{start}}–{{end}}',
      edit: 'Time',
      editLabel: 'Time of the interview {{name}}',
      title: 'When was the interview {{name}} held?',
      hint: 'The date and times are recorded from the first and last answer. Once you correct them here, new answers no longer change them.',
      date: 'Date',
      start: 'Start',
      end: 'End',
      saved: 'The time is saved.',
    },
  },
);
