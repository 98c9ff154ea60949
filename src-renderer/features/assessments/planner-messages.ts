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
      consensusUnmeasured:
        'Felles svar er regnet med 75 sekunder per spørsmål (før tolk). Det er et anslag som ingen samling har tidtatt ennå; bare telte stemmer bygger på en tidtaking.',
      overLimit: 'Lengre enn {{limit}} minutter, mer enn én gruppesamling tåler. Dette kan dere gjøre:',
      useVotes: 'Telle stemmer i stedet for felles svar: ca. {{minutes}} minutter.',
      coreTooLong: 'Kjernesettet alene tar ca. {{minutes}} minutter med denne svarmåten, så det hjelper ikke å ta bort moduler.',
      recommendVotes: 'Med tolk anbefaler veilederen å telle stemmer for kjernesettet.',
      dropToFit: 'Ta bort {{modules}}, så holder det seg innenfor {{limit}} minutter.',
      withoutModule: 'Uten «{{module}}»: ca. {{minutes}} minutter',
      twoSessions: 'Eller del spørsmålene på to samlinger.',
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
      consensusUnmeasured:
        'One answer after discussion is counted as 75 seconds a question (before the interpreter). That is an estimate no session has timed yet; only counted votes rest on a timing.',
      overLimit: 'Longer than {{limit}} minutes, more than one group session can take. What you can do:',
      useVotes: 'Count votes instead of agreeing one answer: about {{minutes}} minutes.',
      coreTooLong: 'The core set alone takes about {{minutes}} minutes with this answer mode, so dropping modules does not help.',
      recommendVotes: 'With an interpreter the guide recommends counting votes for the core set.',
      dropToFit: 'Drop {{modules}} to stay within {{limit}} minutes.',
      withoutModule: 'Without “{{module}}”: about {{minutes}} minutes',
      twoSessions: 'Or split the questions over two sessions.',
    },
  },
);
