// UI texts for a report saved through the desktop app's save dialog.
import { defineMessages } from '../../i18n/define-messages';

export const savedFileMessages = defineMessages(
  { savedFile: { saved: '{{file}} er lagret.', showInFolder: 'Vis i mappe' } },
  { savedFile: { saved: '{{file}} is saved.', showInFolder: 'Show in folder' } },
);
