// What the demo's consultant wrote about each finding the mapping proposed, and the action plan agreed
// with the employer and the safety representative. Dates are days from today, so the demo never ages.
import type { MeasurePriority, MeasureStatus } from '../core/risk';

export interface DemoMeasure {
  /** The measure in the guide's library it puts into practice: its text, which says how and with whom,
   * opens the rationale. Absent for a measure written for this workplace alone. */
  libraryId?: string;
  /** Short, in the consultant's words: it is what the employees' one-page summary lists. */
  title: string;
  rationale: string;
  /** The person who carries it out for the employer, who is responsible in any case. */
  responsibleName: string;
  /** Days from today; negative only for the one measure meant to be late, whose text says so. */
  deadlineInDays: number;
  priority: MeasurePriority;
  status: MeasureStatus;
  /** Agreed with the employer and the safety representative this many days ago; absent while proposed. */
  agreedDaysAgo?: number;
}

export interface DemoFindingText {
  title: string;
  /** What was observed at this workplace; the proposal's counts and legal basis follow it. */
  observation: string;
  causes: string;
  exposed: string;
  existingMeasures: string;
  likelihood: number;
  consequence: number;
  justification: string;
  measures: DemoMeasure[];
}

/** Accepted with its rating and measures, or written up and then dismissed with the reason. */
export type DemoFindingPlan = { accept: DemoFindingText } | { title: string; observation: string; dismiss: string };

const employer = 'Kari Nilsen, daglig leder';
const eveningManager = 'Samir Haddad, driftsleder kveld';
const dayManager = 'Ewa Kowalska, driftsleder dag';

/** The day the action plan was agreed with the employer and the safety representative. */
const meetingDaysAgo = 3;

/** A library measure agreed at that meeting. */
function agreed(libraryId: string, title: string, responsibleName: string, deadlineInDays: number, priority: MeasurePriority, rationale: string): DemoMeasure {
  return { libraryId, title, rationale, responsibleName, deadlineInDays, priority, status: 'agreed', agreedDaysAgo: meetingDaysAgo };
}

/** Per factor the mapping puts at red or yellow. */
export const demoFindingPlans: Record<string, DemoFindingPlan> = {
  workload: {
    accept: {
      title: 'Arealnormen er økt uten mer tid: renholderne rekker ikke byggene og hopper over pausene',
      observation:
        'Arealnormen for kontorbyggene ble økt i vår uten at tiden per bygg ble justert. Alle tre gruppene sier at de ofte må jobbe ' +
        'lenger enn planlagt, og at pausene ryker når noen er syke og arbeidet fordeles på de andre.',
      causes: 'Økt arealnorm i ny kundeavtale, ingen vikarordning ved fravær, lite tid til forflytning mellom byggene.',
      exposed: 'Alle renholdere, mest på dag- og helgeskift når noen er borte.',
      existingMeasures: 'Arbeidsplaner per bygg; leder kan i dag bare omfordele, ikke sette inn vikar.',
      likelihood: 4,
      consequence: 3,
      justification: 'Belastningen er jevnlig i alle grupper og henger sammen med sykefraværet bedriften selv peker på.',
      measures: [
        agreed('workload.m1', 'Gå gjennom arealnormen for hvert bygg og justere tiden', employer, 45, 'high', 'Tiden per bygg må stemme med arealet før noe annet virker.'),
        {
          libraryId: 'workload.m2',
          title: 'Vikar eller ekstra timer ved fravær',
          rationale: 'Fravær skal ikke bety dobbel arealnorm for dem som er på jobb.',
          responsibleName: dayManager,
          deadlineInDays: 30,
          priority: 'medium',
          status: 'in_progress',
          agreedDaysAgo: meetingDaysAgo,
        },
      ],
    },
  },
  'working-hours': {
    accept: {
      title: 'Delte vakter og ufrivillig deltid på kveldsskiftet',
      observation:
        'Kveldsskiftet har korte vakter morgen og kveld med en lang ubetalt pause imellom, og de fleste ønsker flere timer enn de får. ' +
        'Arbeidsplanen kommer ofte mindre enn en uke før den gjelder.',
      causes: 'Kundene vil ha renhold før og etter kontortid; ledige timer fordeles uten fast ordning.',
      exposed: 'Renholdere på kveldsskift, særlig de med deltidsstilling.',
      existingMeasures: 'Ingen fast ordning; timer fordeles av driftsleder ved behov.',
      likelihood: 4,
      consequence: 2,
      justification: 'Gir lav og usikker inntekt og lite hvile, men er ikke direkte farlig.',
      measures: [
        agreed('working-hours.m2', 'Ledige timer først til deltidsansatte som vil jobbe mer', employer, 60, 'medium', 'Gir dem som ønsker det større stilling før nye ansettes.'),
      ],
    },
  },
  harassment: {
    accept: {
      title: 'Uønsket seksuell oppmerksomhet og nedsettende kommentarer i kundenes bygg',
      observation:
        'I den private runden (stemmesedler, ingen håndsopprekning) svarte tre at de har fått uønsket seksuell oppmerksomhet på jobben ' +
        'det siste året, og flere at noen har sagt nedsettende ting til dem. Det skjer der renholderne er alene med kundens ansatte eller ' +
        'besøkende. Ingen hadde meldt fra: de visste ikke til hvem, og var redde for å miste oppdraget.',
      causes: 'Ingen rutine for å melde fra om trakassering fra kunder; renholderne arbeider ofte alene i kundens lokaler.',
      exposed: 'Renholdere som arbeider alene i kundenes bygg, særlig kveld og helg.',
      existingMeasures: 'Personalhåndboken nevner trakassering, bare på norsk; ingen har fått den forklart.',
      likelihood: 4,
      consequence: 4,
      justification: 'Hendelser er rapportert siste år; trakassering kan gi alvorlig helseskade, og arbeidsgiver skal hindre den (aml. § 4-3).',
      measures: [
        agreed('harassment.m1', 'Rutine for å melde fra om trakassering, på de ansattes språk', employer, 21, 'high', 'De som var utsatt, visste ikke hvem de kunne si fra til.'),
        agreed('harassment.m2', 'Si tydelig fra til kundene at trakassering ikke godtas', employer, 30, 'high', 'Trakasseringen kommer fra folk i kundenes bygg; kunden må ta sin del.'),
      ],
    },
  },
  violence: {
    accept: {
      title: 'Trussel mot renholder i et tomt kontorbygg om kvelden',
      observation:
        'En renholder svarte i den private runden at vedkommende er truet på jobben det siste året. Det skjer i bygg der renholderne er ' +
        'alene etter kontortid, uten virkende alarm i to av byggene. Én stemmeseddel mangler (5 av 6 i én gruppe, se notatet).',
      causes: 'Alenearbeid om kvelden med adgang for andre til byggene; ingen rutine for å tilkalle hjelp eller melde fra.',
      exposed: 'Renholdere som arbeider alene om kvelden.',
      existingMeasures: 'Vekter på runde i noen av byggene; ingen skriftlig rutine for vold og trusler.',
      likelihood: 3,
      consequence: 4,
      justification: 'Trusler er rapportert, og kapittel 3A i forskrift om utførelse av arbeid krever risikovurdering og oppfølging.',
      measures: [
        agreed('violence.m2', 'Skriftlig rutine ved vold og trusler, på de ansattes språk', employer, 21, 'high', 'Ingen visste hvem de skulle ringe eller hvordan de melder fra om en trussel.'),
        {
          libraryId: 'violence.m4',
          title: 'Tilbud om oppfølging fra BHT til den som er truet',
          rationale: 'Den som er truet, skal få oppfølging; tilbudet er gitt til hele gruppen uten å peke ut noen.',
          responsibleName: eveningManager,
          deadlineInDays: 14,
          priority: 'high',
          status: 'in_progress',
          agreedDaysAgo: meetingDaysAgo,
        },
      ],
    },
  },
  participation: {
    accept: {
      title: 'Få kjenner verneombudet, BHT eller RVO, og mange tør ikke si fra',
      observation:
        'Under en tredel vet hvem verneombudet er, nesten ingen har hørt om det regionale verneombudet for renhold, og kveldsskiftet ' +
        'tør sjelden å si fra om problemer. Meldinger om feil og belastninger når derfor ikke fram.',
      causes: 'Verneombudet arbeider på dagtid i et annet bygg; informasjon gis bare på norsk, ved oppslag på kontoret.',
      exposed: 'Alle renholdere, mest på kveldsskift.',
      existingMeasures: 'Verneombud valgt; navnet står på oppslagstavla på hovedkontoret.',
      likelihood: 4,
      consequence: 3,
      justification: 'Uten kjente kanaler blir andre risikoer ikke meldt og ikke fulgt opp.',
      measures: [
        agreed('participation.m1', 'Navn og telefon til verneombud og tillitsvalgt på alle bygg', employer, 30, 'medium', 'Få visste hvem verneombudet og tillitsvalgt er.'),
      ],
    },
  },
  'lone-work': {
    accept: {
      title: 'Alenearbeid om kvelden uten virkende alarm og uten utmelding',
      observation:
        'Kveldsskiftet arbeider alene i store kontorbygg etter kl. 21. Alarmen virker ikke i to av byggene, og ingen melder seg inn ' +
        'eller ut, så ingen vil merke det om noen blir skadet eller truet.',
      causes: 'Alarmen er ikke vedlikeholdt; det finnes ingen ordning for å melde seg ut etter vakten.',
      exposed: 'Renholdere på kveldsskift.',
      existingMeasures: 'Vekter på runde i noen bygg; mobiltelefon (privat).',
      likelihood: 3,
      consequence: 4,
      justification: 'Lite sannsynlig hver kveld, men alvorlig når det skjer, og ingen får vite det.',
      measures: [
        {
          title: 'Reparere alarmen i de to kontorbyggene der den ikke virker',
          rationale:
            'Avtalt som strakstiltak dagen etter intervjuet med kveldsskiftet. Fristen er passert fordi leverandøren venter på deler; forsinkelsen er meldt til ' +
            'verneombudet, og vekter går ekstra runde i de to byggene til alarmen virker.',
          responsibleName: eveningManager,
          deadlineInDays: -5,
          priority: 'high',
          status: 'in_progress',
          agreedDaysAgo: 12,
        },
        agreed('lone-work.m2', 'Inn- og utmelding og en vakttelefon ved alenearbeid', eveningManager, 30, 'high', 'Noen må vite hvem som er alene i hvilket bygg, og når de er ferdige.'),
      ],
    },
  },
  'leader-support': {
    accept: {
      title: 'Kveld og helg når ikke lederen, og beskjeder gis på et språk de ikke forstår',
      observation:
        'Kveldsskiftet sier at lederen sjelden kan nås etter kl. 18, og at beskjeder gis på norsk på telefon, så de sier ja uten å ha ' +
        'forstått. Helgeskiftet på sykehuset har ingen leder på vakt.',
      causes: 'Lederen har ansvar for dag og kveld; ingen vaktordning; ingen tolk eller skriftlige beskjeder på de ansattes språk.',
      exposed: 'Renholdere på kveld og helg.',
      existingMeasures: 'Felles telefonnummer til kontoret (stengt etter kl. 16).',
      likelihood: 3,
      consequence: 3,
      justification: 'Gir misforståelser om oppgaver og at problemer ikke blir tatt opp.',
      measures: [
        {
          libraryId: 'leader-support.m1',
          title: 'En leder på telefon hele arbeidstiden, også kveld og helg',
          rationale: 'Ingen leder kunne nås på kveld og i helg.',
          responsibleName: employer,
          deadlineInDays: 30,
          priority: 'medium',
          status: 'proposed',
        },
      ],
    },
  },
  'physical-strain': {
    title: 'Tunge søppelsekker og smitterom under tidspress i helgene på sykehuset',
    observation:
      'Helgeskiftet på sykehuset bærer tunge søppel- og tøysekker og vasker smitterom med lite tid; flere har vondt i kroppen etter ' +
      'vakten. På kontorbyggene er belastningen moderat.',
    dismiss:
      'Vurdert sammen med verneombudet: den fysiske belastningen i sykehusrenholdet tas i BHTs ergonomiske kartlegging på sykehuset, ' +
      'som er bestilt som egen sak, og følges opp der.',
  },
};

/** The finding the consultant added by hand: it came up in talk, not in a factor's light. */
export const demoManualFinding = {
  title: 'Opplæring i kjemikalier gis bare på norsk',
  factorIds: ['training'],
  hazard: 'Opplæring i kjemikaliene og sikkerhetsdatabladene gis bare på norsk; to av de nyeste på kveldsskiftet hadde ikke fått den.',
  causes: 'Ingen rutine for tolk eller oversatt opplæring ved oppstart.',
  exposed: 'Nyansatte renholdere med lite norsk.',
  existingMeasures: 'Muntlig gjennomgang fra leder ved oppstart.',
  likelihood: 3,
  consequence: 4,
  justification: 'Kom fram i samtalen i to av tre grupper, selv om opplæringen får god skår som helhet.',
  measure: agreed('training.m2', 'Kjemikalieopplæring med tolk eller på de ansattes språk', employer, 60, 'high', 'Sikrer at alle forstår risiko og verneutstyr.'),
};
