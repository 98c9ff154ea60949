// Industry codes (NACE Rev. 2 / Norwegian SN2007) for the client picker: every division, and the
// cleaning codes in full because cleaning companies are the first users.

export const naceCodePattern = /^\d{2}(\.\d{1,3})?$/;

export interface NaceCode {
  code: string;
  nb: string;
  en: string;
}

export const cleaningNaceCodes: NaceCode[] = [
  { code: '81.1', nb: 'Kombinerte tjenester tilknyttet eiendomsdrift', en: 'Combined facilities support activities' },
  { code: '81.2', nb: 'Rengjøringsvirksomhet', en: 'Cleaning activities' },
  { code: '81.21', nb: 'Rengjøring av bygninger', en: 'General cleaning of buildings' },
  { code: '81.210', nb: 'Rengjøring av bygninger', en: 'General cleaning of buildings' },
  { code: '81.22', nb: 'Utvendig rengjøring av bygninger og industriell rengjøring', en: 'Other building and industrial cleaning activities' },
  { code: '81.221', nb: 'Vinduspussing', en: 'Window cleaning' },
  { code: '81.222', nb: 'Feiing av skorsteiner og rengjøring av ventilasjonsanlegg', en: 'Chimney sweeping and ventilation cleaning' },
  { code: '81.229', nb: 'Annen utvendig rengjøring og industriell rengjøring', en: 'Other building and industrial cleaning' },
  { code: '81.29', nb: 'Annen rengjøringsvirksomhet', en: 'Other cleaning activities' },
  { code: '81.291', nb: 'Skadedyrkontroll', en: 'Pest control' },
  { code: '81.299', nb: 'Rengjøringsvirksomhet ellers', en: 'Cleaning activities not elsewhere classified' },
  { code: '81.3', nb: 'Beplantning av hager og parkanlegg', en: 'Landscape service activities' },
];

const divisions: [string, string, string][] = [
  ['01', 'Jordbruk og tjenester tilknyttet jordbruk, jakt og viltstell', 'Crop and animal production, hunting'],
  ['02', 'Skogbruk og tjenester tilknyttet skogbruk', 'Forestry and logging'],
  ['03', 'Fiske, fangst og akvakultur', 'Fishing and aquaculture'],
  ['05', 'Bryting av steinkull og brunkull', 'Mining of coal and lignite'],
  ['06', 'Utvinning av råolje og naturgass', 'Extraction of crude petroleum and natural gas'],
  ['07', 'Bryting av metallholdig malm', 'Mining of metal ores'],
  ['08', 'Annen bergverksdrift', 'Other mining and quarrying'],
  ['09', 'Tjenester tilknyttet bergverksdrift og utvinning', 'Mining support service activities'],
  ['10', 'Produksjon av nærings- og nytelsesmidler', 'Manufacture of food products'],
  ['11', 'Produksjon av drikkevarer', 'Manufacture of beverages'],
  ['12', 'Produksjon av tobakksvarer', 'Manufacture of tobacco products'],
  ['13', 'Produksjon av tekstiler', 'Manufacture of textiles'],
  ['14', 'Produksjon av klær', 'Manufacture of wearing apparel'],
  ['15', 'Produksjon av lær og lærvarer', 'Manufacture of leather and related products'],
  ['16', 'Produksjon av trelast og varer av tre, kork, strå og flettematerialer', 'Manufacture of wood and products of wood and cork'],
  ['17', 'Produksjon av papir og papirvarer', 'Manufacture of paper and paper products'],
  ['18', 'Trykking og reproduksjon av innspilte opptak', 'Printing and reproduction of recorded media'],
  ['19', 'Produksjon av kull- og raffinerte petroleumsprodukter', 'Manufacture of coke and refined petroleum products'],
  ['20', 'Produksjon av kjemikalier og kjemiske produkter', 'Manufacture of chemicals and chemical products'],
  ['21', 'Produksjon av farmasøytiske råvarer og preparater', 'Manufacture of pharmaceutical products'],
  ['22', 'Produksjon av gummi- og plastprodukter', 'Manufacture of rubber and plastic products'],
  ['23', 'Produksjon av andre ikke-metallholdige mineralprodukter', 'Manufacture of other non-metallic mineral products'],
  ['24', 'Produksjon av metaller', 'Manufacture of basic metals'],
  ['25', 'Produksjon av metallvarer, unntatt maskiner og utstyr', 'Manufacture of fabricated metal products'],
  ['26', 'Produksjon av datamaskiner og elektroniske og optiske produkter', 'Manufacture of computer, electronic and optical products'],
  ['27', 'Produksjon av elektrisk utstyr', 'Manufacture of electrical equipment'],
  ['28', 'Produksjon av maskiner og utstyr til generell bruk', 'Manufacture of machinery and equipment'],
  ['29', 'Produksjon av motorvogner og tilhengere', 'Manufacture of motor vehicles and trailers'],
  ['30', 'Produksjon av andre transportmidler', 'Manufacture of other transport equipment'],
  ['31', 'Produksjon av møbler', 'Manufacture of furniture'],
  ['32', 'Annen industriproduksjon', 'Other manufacturing'],
  ['33', 'Reparasjon og installasjon av maskiner og utstyr', 'Repair and installation of machinery and equipment'],
  ['35', 'Elektrisitets-, gass-, damp- og varmtvannsforsyning', 'Electricity, gas, steam and air conditioning supply'],
  ['36', 'Uttak fra kilde, rensing og distribusjon av vann', 'Water collection, treatment and supply'],
  ['37', 'Oppsamling og behandling av avløpsvann', 'Sewerage'],
  ['38', 'Innsamling, behandling, disponering og gjenvinning av avfall', 'Waste collection, treatment and disposal; materials recovery'],
  ['39', 'Miljørydding, miljørensing og lignende virksomhet', 'Remediation and other waste management services'],
  ['41', 'Oppføring av bygninger', 'Construction of buildings'],
  ['42', 'Anleggsvirksomhet', 'Civil engineering'],
  ['43', 'Spesialisert bygge- og anleggsvirksomhet', 'Specialised construction activities'],
  ['45', 'Handel med og reparasjon av motorvogner', 'Wholesale and retail trade and repair of motor vehicles'],
  ['46', 'Agentur- og engroshandel, unntatt med motorvogner', 'Wholesale trade, except of motor vehicles'],
  ['47', 'Detaljhandel, unntatt med motorvogner', 'Retail trade, except of motor vehicles'],
  ['49', 'Landtransport og rørtransport', 'Land transport and transport via pipelines'],
  ['50', 'Sjøfart', 'Water transport'],
  ['51', 'Lufttransport', 'Air transport'],
  ['52', 'Lagring og andre tjenester tilknyttet transport', 'Warehousing and support activities for transportation'],
  ['53', 'Post og distribusjonsvirksomhet', 'Postal and courier activities'],
  ['55', 'Overnattingsvirksomhet', 'Accommodation'],
  ['56', 'Serveringsvirksomhet', 'Food and beverage service activities'],
  ['58', 'Forlagsvirksomhet', 'Publishing activities'],
  ['59', 'Film-, video- og fjernsynsprogramproduksjon, utgivelse av musikk- og lydopptak', 'Motion picture, video and television production, sound recording'],
  ['60', 'Radio- og fjernsynskringkasting', 'Programming and broadcasting activities'],
  ['61', 'Telekommunikasjon', 'Telecommunications'],
  ['62', 'Tjenester tilknyttet informasjonsteknologi', 'Computer programming, consultancy and related activities'],
  ['63', 'Informasjonstjenester', 'Information service activities'],
  ['64', 'Finansieringsvirksomhet', 'Financial service activities'],
  ['65', 'Forsikringsvirksomhet og pensjonskasser', 'Insurance, reinsurance and pension funding'],
  ['66', 'Tjenester tilknyttet finansierings- og forsikringsvirksomhet', 'Activities auxiliary to financial services and insurance'],
  ['68', 'Omsetning og drift av fast eiendom', 'Real estate activities'],
  ['69', 'Juridisk og regnskapsmessig tjenesteyting', 'Legal and accounting activities'],
  ['70', 'Hovedkontortjenester og administrativ rådgivning', 'Activities of head offices; management consultancy'],
  ['71', 'Arkitektvirksomhet og teknisk konsulentvirksomhet, og teknisk prøving og analyse', 'Architectural and engineering activities; technical testing'],
  ['72', 'Forskning og utviklingsarbeid', 'Scientific research and development'],
  ['73', 'Annonse- og reklamevirksomhet og markedsundersøkelser', 'Advertising and market research'],
  ['74', 'Annen faglig, vitenskapelig og teknisk virksomhet', 'Other professional, scientific and technical activities'],
  ['75', 'Veterinærtjenester', 'Veterinary activities'],
  ['77', 'Utleie- og leasingvirksomhet', 'Rental and leasing activities'],
  ['78', 'Arbeidskrafttjenester', 'Employment activities'],
  ['79', 'Reisebyrå- og reisearrangørvirksomhet og tilknyttede tjenester', 'Travel agency, tour operator and reservation services'],
  ['80', 'Vakttjeneste og etterforsking', 'Security and investigation activities'],
  ['81', 'Tjenester tilknyttet eiendomsdrift', 'Services to buildings and landscape activities'],
  ['82', 'Annen forretningsmessig tjenesteyting', 'Office administrative and other business support activities'],
  ['84', 'Offentlig administrasjon og forsvar, og trygdeordninger underlagt offentlig forvaltning', 'Public administration and defence; compulsory social security'],
  ['85', 'Undervisning', 'Education'],
  ['86', 'Helsetjenester', 'Human health activities'],
  ['87', 'Pleie- og omsorgstjenester i institusjon', 'Residential care activities'],
  ['88', 'Sosiale omsorgstjenester uten botilbud', 'Social work activities without accommodation'],
  ['90', 'Kunstnerisk virksomhet og underholdningsvirksomhet', 'Creative, arts and entertainment activities'],
  ['91', 'Drift av biblioteker, arkiver, museer og annen kulturvirksomhet', 'Libraries, archives, museums and other cultural activities'],
  ['92', 'Lotteri og totalisatorspill', 'Gambling and betting activities'],
  ['93', 'Sports- og fritidsaktiviteter og drift av fornøyelsesetablissementer', 'Sports activities and amusement and recreation activities'],
  ['94', 'Aktiviteter i medlemsorganisasjoner', 'Activities of membership organisations'],
  ['95', 'Reparasjon av datamaskiner, husholdningsvarer og varer til personlig bruk', 'Repair of computers and personal and household goods'],
  ['96', 'Annen personlig tjenesteyting', 'Other personal service activities'],
  ['97', 'Lønnet arbeid i private husholdninger', 'Activities of households as employers of domestic personnel'],
  ['99', 'Internasjonale organisasjoner og organer', 'Activities of extraterritorial organisations'],
];

/** Divisions and cleaning codes, ordered by code, so the picker lists 81.2x under 81. */
export const naceCodes: NaceCode[] = [...divisions.map(([code, nb, en]) => ({ code, nb, en })), ...cleaningNaceCodes].sort((a, b) =>
  // Plain string order keeps each code's subcodes right under it (81 < 81.2 < 81.21 < 81.210 < 81.22).
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
);

export function findNaceCode(code: string): NaceCode | undefined {
  return naceCodes.find((entry) => entry.code === code);
}
