// UI texts for deciding on several proposed findings at once.
import { defineMessages } from '../../i18n/define-messages';

export const findingsBulkMessages = defineMessages(
  {
    findingsBulk: {
      select: 'Velg {{title}}',
      selectAll: 'Velg alle foreslåtte funn',
      selected_one: '{{count}} funn valgt',
      selected_other: '{{count}} funn valgt',
      accept: 'Godta valgte',
      dismiss: 'Avvis valgte …',
      dismissTitle_one: '{{count}} funn',
      dismissTitle_other: '{{count}} funn',
      accepted_one: '{{count}} funn er godtatt.',
      accepted_other: '{{count}} funn er godtatt.',
      dismissed_one: '{{count}} funn er avvist.',
      dismissed_other: '{{count}} funn er avvist.',
      rateTitle: 'Vurder risikoen før funnene godtas',
      rateIntro_one: 'Et funn godtas bare med en vurdering. {{count}} av de valgte er ikke vurdert: {{titles}}. Vurderingen under gjelder dem; de som er vurdert, beholder sin.',
      rateIntro_other: 'Et funn godtas bare med en vurdering. {{count}} av de valgte er ikke vurdert: {{titles}}. Vurderingen under gjelder dem; de som er vurdert, beholder sin.',
      acceptRated: 'Vurder og godta',
    },
  },
  {
    findingsBulk: {
      select: 'Select {{title}}',
      selectAll: 'Select all proposed findings',
      selected_one: '{{count}} finding selected',
      selected_other: '{{count}} findings selected',
      accept: 'Accept selected',
      dismiss: 'Dismiss selected …',
      dismissTitle_one: '{{count}} finding',
      dismissTitle_other: '{{count}} findings',
      accepted_one: '{{count}} finding is accepted.',
      accepted_other: '{{count}} findings are accepted.',
      dismissed_one: '{{count}} finding is dismissed.',
      dismissed_other: '{{count}} findings are dismissed.',
      rateTitle: 'Rate the risk before the findings are accepted',
      rateIntro_one: 'A finding is accepted only with a rating. {{count}} of those selected is not rated: {{titles}}. The rating below applies to it; those already rated keep theirs.',
      rateIntro_other: 'A finding is accepted only with a rating. {{count}} of those selected are not rated: {{titles}}. The rating below applies to them; those already rated keep theirs.',
      acceptRated: 'Rate and accept',
    },
  },
);
