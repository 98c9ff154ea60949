// UI texts for the assessment's steps and their states.
import { defineMessages } from '../../i18n/define-messages';

export const assessmentStepsMessages = defineMessages(
  {
    assessmentSteps: {
      title: 'Trinn i kartleggingen',
      steps: { planning: 'Planlegging', interviews: 'Intervjuer', results: 'Resultater', risk: 'Risiko', actionPlan: 'Handlingsplan', report: 'Rapport' },
      states: { notStarted: 'ikke startet', inProgress: 'pågår', done: 'ferdig' },
    },
  },
  {
    assessmentSteps: {
      title: 'Steps of the assessment',
      steps: { planning: 'Planning', interviews: 'Interviews', results: 'Results', risk: 'Risk', actionPlan: 'Action plan', report: 'Report' },
      states: { notStarted: 'not started', inProgress: 'in progress', done: 'done' },
    },
  },
);
