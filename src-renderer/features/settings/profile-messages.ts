// UI texts for the consultant's profile in the settings.
import { defineMessages } from '../../i18n/define-messages';

export const profileMessages = defineMessages(
  {
    profile: {
      heading: 'Din konsulentprofil',
      hint: 'Fylles inn som konsulent i nye kartlegginger. Du kan endre det i hver kartlegging.',
      name: 'Navn',
      title: 'Stilling',
      firm: 'Firma (BHT)',
      save: 'Lagre profilen',
      saved: 'Profilen er lagret.',
    },
  },
  {
    profile: {
      heading: 'Your consultant profile',
      hint: 'Filled in as the consultant of new assessments. You can change it in each assessment.',
      name: 'Name',
      title: 'Title',
      firm: 'Firm (occupational health service)',
      save: 'Save the profile',
      saved: 'The profile is saved.',
    },
  },
);
