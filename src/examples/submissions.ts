/**
 * The bundled example submissions: one realistic budget statement per administration for 2011–2014.
 * SOF carries the figures of seed 001; TMF carries deliberate mistakes (listed in examples/README.md).
 */
import { budgetYears, type AdministrationCode, type GoalLetter, type UnitCode } from '../core/domain';
import type { CRITERIA_AREA, POLICY_AREA, PROJECTS_AREA } from '../core/template/definition';
import type { RawRow, RawValue, TemplateFill, TemplateOptions } from '../core/template/fill';

export const EXAMPLE_FIRST_YEAR = 2011;
export const EXAMPLE_YEARS = budgetYears(EXAMPLE_FIRST_YEAR);

export interface ExampleInitiative {
  name: string;
  goals: string;
  targetGroup: string;
  activity: string;
  expectedResult: string | null;
  status: string;
  followUp: string;
  /** Per budget year, in the submission's unit. */
  economy: RawValue[];
}

export interface ExampleProject {
  name: string;
  fund: string;
  start: string;
  end: string;
  /** The municipal co-financing over the project's whole period, in the submission's unit. */
  cofinancing: RawValue;
  /** Per budget year, in the submission's unit. */
  funding: RawValue[];
  /** The figure reached by the end of each quarter K1–K4 of the status year (cumulative). */
  criteria: { indicator: string; target: RawValue; achieved: RawValue[] }[];
  colours: (string | null)[];
  actionPlan: string | null;
}

export interface ExampleGoal {
  relevant: 'Ja' | 'Nej';
  status?: string;
  realistic?: 'Ja' | 'Nej';
  neededInitiatives?: string;
}

export interface ExampleSubmission {
  file: string;
  administration: AdministrationCode;
  unit: UnitCode;
  contact: string | null;
  email: string;
  submissionDate: string;
  goals: Partial<Record<GoalLetter, ExampleGoal>>;
  policy: ExampleInitiative[];
  other: ExampleInitiative[];
  projects: ExampleProject[];
  /** Table 1 as typed; where left out, the sums of the sheets (what a careful submitter types). */
  table1?: { policy?: RawValue[]; other?: RawValue[]; projects?: RawValue[] };
}

const each = (amount: number): number[] => EXAMPLE_YEARS.map(() => amount);

const notRelevant: ExampleGoal = { relevant: 'Nej' };

export const EXAMPLES: readonly ExampleSubmission[] = [
  {
    file: 'OKF-budgetredegoerelse-2011.xlsx',
    administration: 'ØKF',
    unit: 'kr',
    contact: 'Claus Juhl',
    email: 'claus.juhl@okf.kk.dk',
    submissionDate: '2010-05-06',
    goals: {
      a: { relevant: 'Ja', status: 'Kommunens traineeforløb har bragt 41 akademikere med indvandrerbaggrund i job siden 2008.', realistic: 'Ja' },
      b: notRelevant,
      c: { relevant: 'Ja', status: 'Områdeløftet i Mjølnerparken følger planen; ingen nye områder på listen i 2009.', realistic: 'Ja' },
      d: { relevant: 'Ja', status: 'Andelen uden tilknytning til arbejdsmarkedet i de udsatte boligområder er faldet 4 %.', realistic: 'Ja' },
      e: notRelevant,
      f: notRelevant,
      g: notRelevant,
    },
    policy: [
      {
        name: 'Mangfoldighed i rekrutteringen – traineeforløb',
        goals: 'a',
        targetGroup: 'Ledige akademikere med indvandrerbaggrund, 25-45 år',
        activity: '12 måneders traineeforløb i kommunens forvaltninger med mentor',
        expectedResult: '20 trainees om året, heraf mindst 60 % i job 6 måneder efter forløbet',
        status: '18 trainees i 2009; 11 er i ordinært job',
        followUp: 'Årlig opgørelse af beskæftigelse 6 måneder efter forløbet',
        economy: each(1_200_000),
      },
      {
        name: 'Områdeløft Mjølnerparken',
        goals: 'c, d',
        targetGroup: 'Beboere i Mjølnerparken, alle aldre',
        activity: 'Beskæftigelsesrettet beboerrådgivning og lokale job- og uddannelsesmesser',
        expectedResult: 'Andelen uden tilknytning til arbejdsmarkedet reduceres med 10 % frem til 2014',
        status: 'Rådgivningen er i drift; 230 beboere har fået vejledning',
        followUp: 'Halvårlig måling i integrationsbarometret',
        economy: [850_000, 850_000, 600_000, 600_000],
      },
    ],
    other: [
      {
        name: 'Ligebehandling i kommunens service',
        goals: 'Ligebehandling',
        targetGroup: 'Medarbejdere med borgerkontakt',
        activity: 'Kurser i ligebehandling og interkulturel kommunikation',
        expectedResult: 'Alle borgerrettede enheder har gennemført kurset inden udgangen af 2012',
        status: '35 % af enhederne har gennemført',
        followUp: 'Survey blandt borgere og medarbejdere i 2012',
        economy: each(300_000),
      },
    ],
    projects: [
      {
        name: 'Netværk for nydanske iværksættere',
        fund: 'Den tværgående integrationspulje',
        start: '2009-04-01',
        end: '2011-03-31',
        cofinancing: 80_000,
        funding: [40_000, 0, 0, 0],
        criteria: [{ indicator: 'Antal iværksættere i netværket', target: 30, achieved: [null, 8, 15, 22] }],
        colours: [null, 'grøn', 'grøn', 'grøn'],
        actionPlan: null,
      },
    ],
  },
  {
    file: 'BUF-budgetredegoerelse-2011.xlsx',
    administration: 'BUF',
    unit: 'kr',
    contact: 'Else Sommer',
    email: 'else.sommer@buf.kk.dk',
    submissionDate: '2010-05-12',
    goals: {
      a: notRelevant,
      b: { relevant: 'Ja', status: 'Karaktergabet ved 9. klasses afgangsprøve er mindsket fra 1,9 til 1,6.', realistic: 'Ja' },
      c: notRelevant,
      d: notRelevant,
      e: { relevant: 'Ja', status: 'Forældrekurserne når flere familier end forventet.', realistic: 'Ja' },
      f: notRelevant,
      g: notRelevant,
    },
    policy: [
      {
        name: 'Sprogstimulering i dagtilbud',
        goals: 'b',
        targetGroup: 'Tosprogede børn 3-5 år',
        activity: 'Sprogpædagoger i 40 institutioner og sprogvurdering af alle 3-årige',
        expectedResult: '80 % af de tosprogede børn har alderssvarende dansk ved skolestart',
        status: '71 % i 2009 (65 % i 2007)',
        followUp: 'Sprogvurdering ved 3 år og ved skolestart',
        economy: each(4_500_000),
      },
      {
        name: 'Lektiecaféer på skoler i udsatte boligområder',
        goals: 'b',
        targetGroup: 'Elever i 4.-9. klasse',
        activity: 'Lektiecafé fire eftermiddage om ugen på 12 skoler',
        expectedResult: 'Karaktergabet ved afgangsprøven lukkes frem til 2014',
        status: '12 caféer i drift med i alt 640 elever',
        followUp: 'Årlig opgørelse af afgangskarakterer',
        economy: each(1_800_000),
      },
      {
        name: 'Forældrekurser for tosprogede familier',
        goals: 'b, e',
        targetGroup: 'Forældre til børn 6-14 år',
        activity: 'Kurser om skolen, opdragelse og fritidsliv i samarbejde med SSP',
        expectedResult: '400 familier om året deltager; færre unge registreres i SSP-systemet',
        status: '310 familier i 2009',
        followUp: 'Evaluering i 2012',
        economy: each(650_000),
      },
    ],
    other: [],
    projects: [
      {
        name: 'Skoler på kryds og tværs',
        fund: 'Den tværgående integrationspulje',
        start: '2008-08-01',
        end: '2011-07-31',
        cofinancing: 750_000,
        funding: [250_000, 0, 0, 0],
        criteria: [
          { indicator: 'Antal skolepartnerskaber', target: 20, achieved: [10, 12, 13, 16] },
          { indicator: 'Elever der deltager i fælles aktiviteter', target: 1200, achieved: [450, 600, 640, 900] },
        ],
        colours: ['grøn', 'grøn', 'gul', 'grøn'],
        actionPlan: null,
      },
    ],
  },
  {
    file: 'KFF-budgetredegoerelse-2011.xlsx',
    administration: 'KFF',
    unit: 'kr',
    contact: 'Carsten Haurum',
    email: 'carsten.haurum@kff.kk.dk',
    submissionDate: '2010-05-10',
    goals: {
      a: notRelevant,
      b: notRelevant,
      c: notRelevant,
      d: notRelevant,
      e: notRelevant,
      f: { relevant: 'Ja', status: 'Deltagelsen i foreningslivet er steget til 38 % (etniske danskere 52 %).', realistic: 'Ja' },
      g: notRelevant,
    },
    policy: [
      {
        name: 'Integrationsmedarbejdere i bibliotekerne',
        goals: 'f',
        targetGroup: 'Borgere med indvandrerbaggrund, især kvinder og børn',
        activity: 'Integrationsmedarbejdere på 6 biblioteker: lektiehjælp, it-vejledning og borgerservice',
        expectedResult: 'Flere indvandrere bruger bibliotekernes tilbud',
        status: 'Besøgstallet fra målgruppen er steget 25 %',
        followUp: 'Brugerundersøgelse hvert andet år',
        economy: each(1_100_000),
      },
      {
        name: 'Foreningsguider',
        goals: 'f',
        targetGroup: 'Børn og unge 7-17 år og deres forældre',
        activity: 'Frivillige foreningsguider følger familier ud i idræts- og kulturforeninger',
        expectedResult: '500 nye medlemmer fra målgruppen i foreningerne om året',
        status: '420 nye medlemmer i 2009',
        followUp: 'Foreningernes medlemsopgørelser',
        economy: each(400_000),
      },
    ],
    other: [],
    projects: [
      {
        name: 'Integrationsmedarbejdere i bibliotekerne – udvidelse',
        fund: 'Integrationspuljen (8 mio. kr.)',
        start: '2009-01-01',
        end: '2011-12-31',
        cofinancing: 900_000,
        funding: [300_000, 0, 0, 0],
        criteria: [{ indicator: 'Mindst 100 unge i lektiehjælp pr. halvår', target: 100, achieved: [30, 45, 60, 85] }],
        colours: ['grøn', 'gul', 'gul', 'grøn'],
        actionPlan: null,
      },
      {
        name: 'Alle for én',
        fund: 'Den tværgående integrationspulje',
        start: '2009-01-01',
        end: '2010-12-31',
        // Ended before the budget period: no co-financing in its years, its own total decides monitoring.
        cofinancing: 300_000,
        funding: [0, 0, 0, 0],
        criteria: [{ indicator: 'Mindst 25 unge i fodboldklubbens mentorprogram', target: 25, achieved: [2, 3, 5, 6] }],
        colours: ['gul', 'gul', 'gul', 'rød'],
        actionPlan: 'Ny projektleder fra 1. marts 2010 og rekruttering via skolerne; status på næste monitorering.',
      },
    ],
  },
  {
    file: 'SUF-budgetredegoerelse-2011.xlsx',
    administration: 'SUF',
    unit: 'kr',
    contact: 'Lene Sillasen',
    email: 'lene.sillasen@suf.kk.dk',
    submissionDate: '2010-05-14',
    goals: {
      a: notRelevant,
      b: notRelevant,
      c: notRelevant,
      d: notRelevant,
      e: notRelevant,
      f: notRelevant,
      g: { relevant: 'Ja', status: 'Forskellen i selvvurderet helbred er uændret; flere ældre indvandrere bruger forebyggende hjemmebesøg.', realistic: 'Ja' },
    },
    policy: [
      {
        name: 'Bydelsmødre',
        goals: 'g',
        targetGroup: 'Isolerede kvinder med indvandrerbaggrund',
        activity: 'Uddannede bydelsmødre formidler viden om sundhed, opdragelse og kommunens tilbud',
        expectedResult: '1.500 kvinder nås om året',
        status: '1.280 kvinder nået i 2009',
        followUp: 'Ekstern evaluering 2010',
        economy: each(900_000),
      },
      {
        name: 'Sundhedsformidling på modersmål',
        goals: 'g',
        targetGroup: 'Ældre indvandrere over 60 år',
        activity: 'Sundhedsoplæg og forebyggende hjemmebesøg med tolk',
        expectedResult: 'Flere ældre indvandrere tager imod forebyggende hjemmebesøg',
        status: 'Tilbuddet er givet til 2.100 ældre',
        followUp: 'Statistik over forebyggende hjemmebesøg',
        economy: each(750_000),
      },
    ],
    other: [],
    projects: [
      {
        name: 'Bydelsmødre',
        fund: 'Den tværgående integrationspulje',
        start: '2008-01-01',
        end: '2011-12-31',
        cofinancing: 1_200_000,
        funding: [400_000, 0, 0, 0],
        criteria: [{ indicator: 'Antal uddannede bydelsmødre', target: 60, achieved: [30, 38, 45, 52] }],
        colours: ['grøn', 'grøn', 'grøn', 'grøn'],
        actionPlan: null,
      },
      {
        name: 'Evaluering af Bydelsmødre',
        fund: 'Den tværgående integrationspulje',
        start: '2009-07-01',
        end: '2010-12-31',
        cofinancing: 120_000,
        funding: [0, 0, 0, 0],
        criteria: [{ indicator: 'Evalueringsrapport afleveret', target: 1, achieved: [null, null, 0, 0] }],
        colours: [null, null, 'gul', 'grøn'],
        actionPlan: null,
      },
    ],
  },
  {
    // Seed 001: Socialudvalget's action plan 2011-2014, in mio. kr.
    file: 'SOF-budgetredegoerelse-2011.xlsx',
    administration: 'SOF',
    unit: 'mkr',
    contact: 'Anette Laigaard',
    email: 'anette.laigaard@sof.kk.dk',
    submissionDate: '2010-05-05',
    goals: {
      a: notRelevant,
      b: { relevant: 'Ja', status: 'Skolesocialrådgivere på 20 skoler har nedbragt fraværet blandt udsatte elever.', realistic: 'Ja' },
      c: notRelevant,
      d: notRelevant,
      e: {
        relevant: 'Ja',
        status: 'Skoleskulkerklasserne har færre unge i kriminalitet, men målet nås ikke i 2010.',
        realistic: 'Nej',
        neededInitiatives: 'Særskilt bevilling til nye aktiviteter på psykiatriområdet og bedre data om målgruppen.',
      },
      f: notRelevant,
      g: notRelevant,
    },
    policy: [
      {
        name: 'Skolesocialrådgivere',
        goals: 'b, e',
        targetGroup: 'Elever i udsatte familier, 6-16 år',
        activity: 'Skolesocialrådgivere på skoler med mange tosprogede elever',
        expectedResult: 'Mindre fravær og færre underretninger for elever med etnisk minoritetsbaggrund',
        status: 'Budgetønske til budget 2011',
        followUp: 'Fraværsstatistik og antal underretninger',
        economy: each(12.3),
      },
      {
        name: 'Skoleskulkerklasser',
        goals: 'b, e',
        targetGroup: 'Elever med stort fravær, 12-16 år',
        activity: 'Særlige klasser med socialpædagogisk støtte',
        expectedResult: 'Eleverne vender tilbage til almindelig skolegang',
        status: 'Budgetønske til budget 2011',
        followUp: 'Opfølgning på elevernes skolegang efter et år',
        economy: each(1.8),
      },
    ],
    other: [
      {
        name: 'Nye aktiviteter på psykiatriområdet',
        goals: 'Psykiatri',
        targetGroup: 'Borgere med etnisk minoritetsbaggrund og psykiske lidelser',
        activity: 'Opsøgende indsats og tolkebistand i socialpsykiatrien',
        expectedResult: 'Lige adgang til socialpsykiatriens tilbud',
        status: 'Forudsætter særskilt bevilling',
        followUp: 'Registrering af brugernes baggrund',
        economy: [3.4, 4.9, 12.4, 12.4],
      },
      {
        name: 'Indhentning af data',
        goals: 'Datagrundlag',
        targetGroup: 'Socialforvaltningens målgrupper',
        activity: 'Registrering af etnicitet i forvaltningens fagsystemer',
        expectedResult: 'Tilstrækkeligt datagrundlag for handleplanens mål',
        status: 'Forudsætter særskilt bevilling',
        followUp: 'Årlig datarapport',
        economy: each(0.07),
      },
      {
        name: 'Udarbejdelse af undersøgelse på handicapområdet',
        goals: 'Handicap',
        targetGroup: 'Familier med handicappede børn',
        activity: 'Undersøgelse af brugen af handicaptilbud',
        expectedResult: 'Viden om underrepræsentation i handicaptilbud',
        status: 'Forudsætter særskilt bevilling',
        followUp: 'Rapport i 2011',
        economy: [0.3, null, null, null],
      },
    ],
    projects: [
      {
        name: 'Etniske minoritetskvinder på krisecenter',
        fund: 'Satspuljen og Socialforvaltningen',
        start: '2009-01-01',
        end: '2012-12-31',
        cofinancing: 0.75,
        funding: [0.25, 0.25, null, null],
        criteria: [{ indicator: 'Kvinder i efterværn', target: 40, achieved: [8, 14, 22, 31] }],
        colours: ['grøn', 'gul', 'grøn', 'grøn'],
        actionPlan: null,
      },
    ],
    // Seed 001 shows the separate-appropriation totals rounded: 3,8 / 5,0 / 12,5 / 12,5 (exact 3,77 / 4,97 / 12,47 / 12,47).
    table1: { policy: each(14.1), other: [3.8, 5.0, 12.5, 12.5] },
  },
  {
    // Deliberate mistakes: see examples/README.md.
    file: 'TMF-budgetredegoerelse-2011.xlsx',
    administration: 'TMF',
    unit: 'kr',
    contact: null,
    email: 'hjalte.aaberg@tmf.kk.dk',
    submissionDate: '2010-05-20',
    goals: {
      a: notRelevant,
      b: notRelevant,
      c: { relevant: 'Ja' },
      d: { relevant: 'Ja', status: 'Grønne guider har 35 beboere i praktik.', realistic: 'Nej' },
      e: notRelevant,
      f: notRelevant,
      g: notRelevant,
    },
    policy: [
      {
        name: 'Grønne guider i udsatte boligområder',
        goals: 'c og h',
        targetGroup: 'Unge ledige beboere 18-30 år',
        activity: 'Praktik som grøn guide i boligområdets drift',
        expectedResult: '50 unge i job eller uddannelse efter forløbet',
        status: '35 unge i forløb',
        followUp: 'Opgørelse af job og uddannelse efter 6 måneder',
        economy: [600_000, 600_000, 'ca. 600.000', 600_000],
      },
      {
        name: 'Tryghedsvandringer',
        goals: 'c',
        targetGroup: 'Beboere og boligselskaber',
        activity: '',
        expectedResult: 'Øget tryghed målt i beboerundersøgelsen',
        status: 'Gennemført i 4 områder',
        followUp: 'Beboerundersøgelse',
        economy: each(150_000),
      },
    ],
    other: [],
    projects: [
      {
        name: 'Byrum for alle',
        fund: 'Områdefornyelsen',
        start: '2010-06-01',
        end: '2009-12-31',
        cofinancing: 200_000,
        funding: [200_000, 0, 0, 0],
        criteria: [],
        colours: ['grøn', 'lilla', 'rød', 'gul'],
        actionPlan: null,
      },
    ],
    table1: { policy: each(900_000) },
  },
  {
    file: 'BIF-budgetredegoerelse-2011.xlsx',
    administration: 'BIF',
    unit: 'kr',
    contact: 'Morten Binder',
    email: 'morten.binder@bif.kk.dk',
    submissionDate: '2010-05-15',
    goals: {
      a: { relevant: 'Ja', status: 'Beskæftigelsesfrekvensen for indvandrere er steget fra 47 % til 52 %.', realistic: 'Ja' },
      b: { relevant: 'Ja', status: 'Brobygningsforløbene har 300 unge i uddannelse.', realistic: 'Ja' },
      c: { relevant: 'Ja', status: 'Task Force deltager i alle styregrupper for områdefornyelserne.', realistic: 'Ja' },
      d: { relevant: 'Ja', status: 'Virksomhedsrettet aktivering i boligområderne er udvidet.', realistic: 'Ja' },
      e: notRelevant,
      f: notRelevant,
      g: notRelevant,
    },
    policy: [
      {
        name: 'Virksomhedsrettet aktivering',
        goals: 'a, d',
        targetGroup: 'Ledige indvandrere på kontanthjælp',
        activity: 'Virksomhedspraktik og løntilskud med mentor',
        expectedResult: 'Beskæftigelsesfrekvensen øges med 10 procentpoint',
        status: '1.150 forløb i 2009, 41 % i job efter 6 måneder',
        followUp: 'Jobcentrets effektmåling',
        economy: each(6_500_000),
      },
      {
        name: 'Brobygning til uddannelse',
        goals: 'a-b',
        targetGroup: 'Unge ledige 18-29 år med indvandrerbaggrund',
        activity: 'Brobygningsforløb med erhvervsskolerne',
        expectedResult: '70 % starter på en uddannelse',
        status: '300 unge i forløb, 64 % i uddannelse',
        followUp: 'Registeropfølgning efter 12 måneder',
        economy: each(2_200_000),
      },
      {
        name: 'Task Force for udsatte boligområder',
        goals: 'c; d',
        targetGroup: 'Beboere, afdelingsbestyrelser og boligselskaber i de udsatte boligområder',
        activity: 'Deltagelse i områdefornyelsernes styregrupper og facilitering af lokale initiativer',
        expectedResult: 'Mindst 5 initiativer i udsatte boligområder om året',
        status: '6 initiativer gennemført',
        followUp: 'Halvårlig statusrapport',
        economy: each(2_800_000),
      },
    ],
    other: [
      {
        name: 'Integrationsbarometer',
        goals: 'Dokumentation af integrationspolitikkens effekt',
        targetGroup: 'Politikere, forvaltninger og offentligheden',
        activity: 'Halvårlig opdatering af barometrets indikatorer og årlig integrationssurvey',
        expectedResult: 'Opdaterede tal i oktober/november og april/maj',
        status: 'Opdateret i november 2009',
        followUp: 'Statusrapporten i august',
        economy: each(450_000),
      },
    ],
    projects: [
      {
        name: 'Mentorordning for nyankomne',
        fund: 'Integrationspuljen (8 mio. kr.)',
        start: '2008-07-01',
        end: '2011-06-30',
        cofinancing: 1_050_000,
        funding: [350_000, 0, 0, 0],
        criteria: [
          { indicator: 'Nyankomne med mentor', target: 150, achieved: [25, 32, 41, 60] },
          { indicator: 'Heraf i job eller uddannelse', target: 75, achieved: [4, 7, 11, 18] },
        ],
        colours: ['gul', 'rød', 'rød', 'gul'],
        actionPlan: 'Handlingsplan aftalt med puljeholder: ny rekrutteringsstrategi via sprogcentrene; forelægges udvalget.',
      },
      {
        name: 'Virksomhedsnetværk for integration',
        fund: 'Den tværgående integrationspulje',
        start: '2009-01-01',
        end: '2011-12-31',
        cofinancing: 600_000,
        funding: [200_000, 0, 0, 0],
        criteria: [{ indicator: 'Virksomheder i netværket', target: 40, achieved: [14, 20, 28, 38] }],
        colours: ['grøn', 'grøn', 'grøn', 'grøn'],
        actionPlan: null,
      },
      {
        name: 'Sommerjob for unge i Tingbjerg',
        fund: 'Lokaludvalget',
        start: '2009-06-01',
        end: '2009-08-31',
        cofinancing: 50_000,
        funding: [0, 0, 0, 0],
        criteria: [],
        colours: [null, null, null, null],
        actionPlan: null,
      },
    ],
  },
];

function yearSums(rows: RawValue[][]): number[] {
  return EXAMPLE_YEARS.map((_, i) => {
    const total = rows.reduce((sum, r) => sum + (typeof r[i] === 'number' ? (r[i] as number) : 0), 0);
    return Math.round(total * 1e6) / 1e6;
  });
}

function initiativeRow(i: ExampleInitiative): RawRow<typeof POLICY_AREA> {
  return {
    name: i.name,
    goals: i.goals,
    targetGroup: i.targetGroup,
    activity: i.activity,
    expectedResult: i.expectedResult,
    status: i.status,
    followUp: i.followUp,
    economy: i.economy,
  };
}

function projectRow(p: ExampleProject): RawRow<typeof PROJECTS_AREA> {
  return {
    name: p.name,
    fund: p.fund,
    start: { date: p.start },
    end: { date: p.end },
    cofinancing: p.cofinancing,
    funding: p.funding,
    q1: p.colours[0],
    q2: p.colours[1],
    q3: p.colours[2],
    q4: p.colours[3],
    actionPlan: p.actionPlan,
  };
}

/** One row per success criterion on the sheet Succeskriterier, the project named on each. */
function criterionRows(p: ExampleProject): RawRow<typeof CRITERIA_AREA>[] {
  return p.criteria.map((c) => ({
    project: p.name,
    indicator: c.indicator,
    target: c.target,
    achievedQ1: c.achieved[0] ?? null,
    achievedQ2: c.achieved[1] ?? null,
    achievedQ3: c.achieved[2] ?? null,
    achievedQ4: c.achieved[3] ?? null,
  }));
}

export function exampleTemplateOptions(e: ExampleSubmission): TemplateOptions {
  return { firstYear: EXAMPLE_FIRST_YEAR, unit: e.unit, administration: e.administration };
}

/** The example as the cells a person would fill in. */
export function exampleFill(e: ExampleSubmission): TemplateFill {
  const goals: TemplateFill['goals'] = {};
  for (const [letter, g] of Object.entries(e.goals) as [GoalLetter, ExampleGoal][]) {
    goals[letter] = { relevant: g.relevant, status: g.status ?? null, realistic: g.realistic ?? null, neededInitiatives: g.neededInitiatives ?? null };
  }
  return {
    cover: {
      contact: e.contact,
      email: e.email,
      submissionDate: { date: e.submissionDate },
    },
    goals,
    policy: e.policy.map(initiativeRow),
    other: e.other.map(initiativeRow),
    projects: e.projects.map(projectRow),
    criteria: e.projects.flatMap(criterionRows),
    // Table 1 computes itself (template 1.1); only rows the example types over its formulas are filled in.
    ...(e.table1 ? { table1: { ...e.table1 } } : {}),
  };
}

/** What the example's Table 1 shows: the rows typed over the formulas, the others as the formulas sum the sheets. */
export function exampleTable1(e: ExampleSubmission): Record<'policy' | 'other' | 'projects', RawValue[]> {
  return {
    policy: e.table1?.policy ?? yearSums(e.policy.map((i) => i.economy)),
    other: e.table1?.other ?? yearSums(e.other.map((i) => i.economy)),
    projects: e.table1?.projects ?? yearSums(e.projects.map((p) => p.funding)),
  };
}
