// The action plan's vocabulary in bokmål and English, one source for the screens and the reports,
// so a status reads the same on screen and in the issued document.
import type { UiLanguage } from './settings';
import type { MeasurePriority, MeasureStatus, ResponsibleRole } from './risk';

export const responsibleRoleLabels: Record<UiLanguage, Record<ResponsibleRole, string>> = {
  nb: {
    employer: 'Arbeidsgiver',
    manager: 'Leder',
    safetyRepresentative: 'Verneombud',
    unionRepresentative: 'Tillitsvalgt',
    ohs: 'Bedriftshelsetjenesten',
    amu: 'Arbeidsmiljøutvalget (AMU)',
  },
  en: {
    employer: 'Employer',
    manager: 'Manager',
    safetyRepresentative: 'Safety representative',
    unionRepresentative: 'Union representative',
    ohs: 'Occupational health service',
    amu: 'Working environment committee (AMU)',
  },
};

export const measurePriorityLabels: Record<UiLanguage, Record<MeasurePriority, string>> = {
  nb: { high: 'Høy', medium: 'Middels', low: 'Lav' },
  en: { high: 'High', medium: 'Medium', low: 'Low' },
};

export const measureStatusLabels: Record<UiLanguage, Record<MeasureStatus, string>> = {
  nb: { proposed: 'Foreslått', agreed: 'Avtalt', in_progress: 'Pågår', done: 'Utført', dropped: 'Droppet' },
  en: { proposed: 'Proposed', agreed: 'Agreed', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' },
};
