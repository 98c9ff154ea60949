// UI texts for the planner in the assessment form: the guide's modules and the estimated session length.
import { defineMessages } from '../../i18n/define-messages';

export const plannerMessages = defineMessages(
  {
    planner: {
      title: 'Spørsmål og varighet',
      modules: 'Valgfrie moduler',
      coreItems_one: 'Kjernesettet har {{count}} spørsmål og stilles alltid. Velg modulene som passer for denne kunden:',
      coreItems_other: 'Kjernesettet har {{count}} spørsmål og stilles alltid. Velg modulene som passer for denne kunden:',
      moduleItems_one: '{{count}} spørsmål',
      moduleItems_other: '{{count}} spørsmål',
      noModules: 'Denne veilederen har ingen valgfrie moduler: alle spørsmålene stilles.',
      answerMode: 'Svarmåte i gruppa',
      mode: { tally: 'Telle stemmer', consensus: 'Felles svar etter samtale' },
      interpreter: 'Med tolk',
      estimate_one: '{{count}} spørsmål, anslått ca. {{minutes}} minutter per gruppesamling.',
      estimate_other: '{{count}} spørsmål, anslått ca. {{minutes}} minutter per gruppesamling.',
      tooLong: 'Det er mer enn en time og et kvarter; vurder færre moduler eller to samlinger.',
    },
  },
  {
    planner: {
      title: 'Questions and duration',
      modules: 'Optional modules',
      coreItems_one: 'The core set has {{count}} question and is always asked. Choose the modules that fit this client:',
      coreItems_other: 'The core set has {{count}} questions and is always asked. Choose the modules that fit this client:',
      moduleItems_one: '{{count}} question',
      moduleItems_other: '{{count}} questions',
      noModules: 'This guide has no optional modules: every question is asked.',
      answerMode: 'How the group answers',
      mode: { tally: 'Counting votes', consensus: 'One answer after discussion' },
      interpreter: 'With an interpreter',
      estimate_one: '{{count}} question, about {{minutes}} minutes per group session.',
      estimate_other: '{{count}} questions, about {{minutes}} minutes per group session.',
      tooLong: 'That is more than an hour and a quarter; consider fewer modules or two sessions.',
    },
  },
);
