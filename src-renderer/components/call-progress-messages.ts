// Texts for the progress bars of long calls (issuing, imports, packages, backups, unlocking).
import { defineMessages } from '../i18n/define-messages';

export const callProgressMessages = defineMessages(
  {
    callProgress: {
      stepOf: '(steg {{step}} av {{total}})',
      cancel: 'Avbryt',
      steps: {
        preparing: 'Forbereder …',
        rendering: 'Lager dokumentene …',
        checking: 'Kontrollerer dokumentene …',
        reading: 'Leser filen …',
        encrypting: 'Pakker og krypterer …',
        backup: 'Tar sikkerhetskopi …',
        writing: 'Lagrer …',
        restoring: 'Gjenoppretter sikkerhetskopien …',
        unlocking: 'Låser opp dataene …',
        loadingGuides: 'Laster intervjuguidene …',
      },
    },
  },
  {
    callProgress: {
      stepOf: '(step {{step}} of {{total}})',
      cancel: 'Cancel',
      steps: {
        preparing: 'Preparing …',
        rendering: 'Making the documents …',
        checking: 'Checking the documents …',
        reading: 'Reading the file …',
        encrypting: 'Packing and encrypting …',
        backup: 'Taking a backup …',
        writing: 'Saving …',
        restoring: 'Restoring the backup …',
        unlocking: 'Unlocking the data …',
        loadingGuides: 'Loading the interview guides …',
      },
    },
  },
);
