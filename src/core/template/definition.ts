/**
 * The budget statement template, defined once. The template writer, the reader and the validator all
 * take sheets, areas, headers and input rules from here.
 */
import { POLICY_GOALS, type GoalLetter } from '../domain';

export const TEMPLATE_ID = 'kk-integration-budget';
export const TEMPLATE_VERSION = '1.1';
/** Versions the reader understands. */
export const SUPPORTED_TEMPLATE_VERSIONS: readonly string[] = ['1.0', '1.1'];
/** Versions read without the fields 1.1 added (quarterly figures per success criterion, co-financing over the project period). */
export const VERSIONS_WITHOUT_QUARTERLY_CRITERIA: readonly string[] = ['1.0'];

export const SHEET_NAMES = {
  cover: 'Forside',
  goals: 'Mål a-g',
  policy: 'Indsatser mål a-g',
  other: 'Indsatser øvrige mål',
  table1: 'Tabel 1',
  projects: 'Monitorerede projekter',
  criteria: 'Succeskriterier',
  info: 'Skabeloninfo',
  /** A worked example of every sheet (template 1.1); never read as part of the statement. */
  example: 'Eksempel',
} as const;

export type SheetKey = keyof typeof SHEET_NAMES;

/** Sheets in workbook order; diagnostics are sorted in this order. */
export const SHEET_ORDER: readonly string[] = [
  SHEET_NAMES.cover,
  SHEET_NAMES.goals,
  SHEET_NAMES.policy,
  SHEET_NAMES.other,
  SHEET_NAMES.table1,
  SHEET_NAMES.projects,
  SHEET_NAMES.criteria,
  SHEET_NAMES.info,
];

export type InputKind =
  | 'text'
  | 'administration'
  | 'unit'
  | 'year'
  | 'date'
  | 'yesNo'
  | 'goals'
  | 'amount'
  | 'number'
  | 'colour'
  | 'project'
  | 'rowTotal'
  | 'fixed';

/**
 * What Excel itself checks in an input cell of each kind (template 1.1): the input message where a column gives none,
 * and the alert for a value of the wrong kind ("stop" refuses it, "warning" lets the user keep it).
 */
export interface InputRule {
  readonly prompt: string;
  readonly alert?: { readonly style: 'stop' | 'warning'; readonly message: string };
}

export const INPUT_RULES: Record<Exclude<InputKind, 'rowTotal' | 'fixed'>, InputRule> = {
  text: { prompt: 'Skriv tekst.' },
  administration: { prompt: 'Vælg forvaltningen på listen.', alert: { style: 'stop', message: 'Vælg forvaltningen på listen (pilen til højre for feltet).' } },
  unit: { prompt: 'Vælg beløbsenheden på listen.', alert: { style: 'stop', message: 'Vælg kr., 1.000 kr. eller mio. kr. på listen.' } },
  year: { prompt: 'Et årstal med fire cifre, fx 2011.', alert: { style: 'stop', message: 'Skriv et årstal med fire cifre, fx 2011.' } },
  date: { prompt: 'En dato, fx 15-05-2010.', alert: { style: 'stop', message: 'Skriv en dato som dd-mm-åååå, fx 15-05-2010.' } },
  yesNo: { prompt: 'Vælg Ja eller Nej på listen.', alert: { style: 'stop', message: 'Vælg Ja eller Nej på listen.' } },
  goals: {
    prompt: 'Et eller flere af målene a-g, fx "a" eller "a, c".',
    alert: { style: 'stop', message: 'Skriv et eller flere af integrationspolitikkens mål a-g, adskilt af komma, fx "a" eller "a, c". Andre bogstaver, tal og tekst kan ikke bruges.' },
  },
  amount: {
    prompt: 'Beløb i beløbsenheden fra Forside. Kun tallet, fx 250000.',
    alert: {
      style: 'stop',
      message: 'Skriv et beløb på 0 eller derover, i den beløbsenhed der er valgt på Forside – kun tallet: fx 250000 (kr.), 250 (1.000 kr.) eller 0,25 (mio. kr.). Skriv ikke "ca." eller "kr." i feltet.',
    },
  },
  number: { prompt: 'Et tal, fx 25.', alert: { style: 'stop', message: 'Skriv et tal på 0 eller derover, fx 25 – kun tallet, uden "ca." eller "pct.".' } },
  colour: { prompt: 'Vælg grøn, gul eller rød på listen.', alert: { style: 'stop', message: 'Vælg grøn, gul eller rød på listen.' } },
  // Only a project on the projects sheet: a criterion of a project not there is refused (the validator checks it too).
  project: { prompt: 'Vælg projektet på listen.', alert: { style: 'stop', message: 'Vælg projektet på listen. Står det ikke der, så skriv det først på arket Monitorerede projekter.' } },
};

/** Defined names are the primary way areas are found; header labels are the fallback. */
export const NAME_PREFIX = 'IB_';

// ---------------------------------------------------------------- cover

export interface CoverField {
  readonly key: string;
  readonly label: string;
  readonly definedName: string;
  readonly kind: InputKind;
  /** Shown as the input message of the cell. */
  readonly help: string;
  /** A formula cell the user does not fill in. */
  readonly computed?: boolean;
  /** What the worked example (the Eksempel sheet) shows. */
  readonly example?: string | number;
}

const COVER_FIELDS = [
  { key: 'administration', label: 'Forvaltning', definedName: 'IB_Forvaltning', kind: 'administration', help: 'Vælg forvaltningen på listen.', example: 'SOF – Socialforvaltningen' },
  { key: 'firstYear', label: 'Første budgetår', definedName: 'IB_ForsteBudgetaar', kind: 'year', help: 'Det første af de fire budgetår, fx 2011.', example: 2011 },
  { key: 'period', label: 'Budgetperiode', definedName: 'IB_Budgetperiode', kind: 'fixed', help: 'Beregnes ud fra første budgetår.', computed: true, example: '2011–2014' },
  { key: 'unit', label: 'Beløbsenhed', definedName: 'IB_Beloebsenhed', kind: 'unit', help: 'Alle beløb i redegørelsen angives i denne enhed.', example: 'kr.' },
  { key: 'contact', label: 'Kontaktperson', definedName: 'IB_Kontaktperson', kind: 'text', help: 'Navn på den, Kontoret for Integration kan kontakte.', example: 'Anne Jensen' },
  { key: 'email', label: 'E-mail', definedName: 'IB_Email', kind: 'text', help: 'Kontaktpersonens e-mail.', example: 'anne.jensen@sof.kk.dk' },
  { key: 'submissionDate', label: 'Dato for indsendelse', definedName: 'IB_Indsendt', kind: 'date', help: 'Datoen redegørelsen sendes.', example: '10-05-2010' },
  { key: 'deadline', label: 'Frist', definedName: 'IB_Frist', kind: 'date', help: 'Fristen for indsendelse (sat af Kontoret for Integration).', example: '15-05-2010' },
  { key: 'statusYear', label: 'Statusår for projektmonitorering', definedName: 'IB_Statusaar', kind: 'year', help: 'Året som kvartalsfarverne på arket Monitorerede projekter gælder.', example: 2009 },
] as const satisfies readonly CoverField[];

export type CoverFieldKey = (typeof COVER_FIELDS)[number]['key'];

export const COVER = {
  sheet: SHEET_NAMES.cover,
  title: 'Budgetredegørelse for integrationsindsatsen',
  subtitle: 'Københavns Kommune · sendes til Kontoret for Integration, Beskæftigelses- og Integrationsforvaltningen',
  labelColumn: 2,
  valueColumn: 3,
  firstFieldRow: 4,
  fields: COVER_FIELDS as readonly (CoverField & { readonly key: CoverFieldKey })[],
  guidanceTitle: 'Vejledning',
  /** What the cell colours mean (template 1.1): shown on the cover above the fields, in the colours themselves. */
  legendTitle: 'Sådan udfyldes skabelonen',
  legend: [
    { style: 'input', swatch: 'Gult felt', text: 'Gule felter udfyldes af forvaltningen. Et felt viser en kort hjælpetekst, når det vælges, og Excel afviser værdier af forkert slags.' },
    { style: 'fixed', swatch: 'Gråt felt', text: 'Grå felter beregnes eller er faste tekster og kan ikke ændres.' },
    { style: 'example', swatch: 'Eksempel', text: 'Arket Eksempel viser et udfyldt eksempel på hvert ark. Det læses ikke med i redegørelsen.' },
  ],
  /** From the integration office's guidelines (seed 002); {deadline} is filled in by the writer. */
  guidance: [
    'Hver forvaltning redegør for sin indsats på integrationsområdet, herunder status i forhold til de opsatte mål i integrationspolitikken.',
    'Det er alene indsats dedikeret flygtninge, indvandrere og efterkommere, der skal medtages.',
    'Almindelig drift skal ikke medregnes, selvom denne måtte omfatte drift af institutioner, foreninger e.lign., der også har indvandrere som brugere.',
    'Udfyld arkene: Mål a-g (status for de overordnede mål), Indsatser mål a-g (statusskema pr. indsats, der bidrager til at nå målene i integrationspolitikken), Indsatser øvrige mål, Tabel 1 (økonomisk oversigt), Monitorerede projekter (projekter med mindst 100.000 kr. i kommunal medfinansiering) og Succeskriterier (projekternes succeskriterier, opnået kvartal for kvartal).',
    'Alle beløb angives i den valgte beløbsenhed. Totaler og Tabel 1 beregnes automatisk.',
    'Redegørelsen sendes til Kontoret for Integration senest {deadline}.',
  ],
} as const;

// ---------------------------------------------------------------- table-shaped areas

export interface ColumnDef {
  readonly key: string;
  /** Header label; "{year}" is replaced by each budget year for per-year columns. */
  readonly header: string;
  readonly kind: InputKind;
  readonly width: number;
  readonly perYear?: boolean;
  /** Required for a non-blank row: the reader reports the column missing, the validator the value. */
  readonly required?: boolean;
  /** For a row total: the per-year column it sums. */
  readonly totalOf?: string;
  /** The input message of the column's cells (what to type); a default for the column's kind where left out. */
  readonly help?: string;
  /** What the worked example (the Eksempel sheet) shows; one value per budget year for per-year columns. */
  readonly example?: string | number | readonly number[];
  /** Read where a file has it (version 1.0), no longer written: the template of 1.1 moved it elsewhere. */
  readonly legacy?: boolean;
}

export type TableAreaKey = 'goals' | 'policy' | 'other' | 'projects' | 'criteria';

export interface TableArea {
  readonly key: TableAreaKey;
  readonly sheet: string;
  readonly definedName: string;
  readonly title: string;
  readonly hint: string;
  /** Where the writer puts the header row; the reader finds it by defined name, then by labels. */
  readonly headerRow: number;
  /** Input rows the writer prepares (formats, dropdowns); rows typed below are read too. */
  readonly inputRows: number;
  readonly columns: readonly ColumnDef[];
  /** Column keys whose headers identify the area when its defined name is missing. */
  readonly signature: readonly string[];
}

/** An area definition with its literal keys kept, so column keys are types; its signature must name its own columns. */
function defineArea<const A extends TableArea>(area: A & { signature: readonly A['columns'][number]['key'][] }): A {
  return area;
}

/** The worked example's texts and amounts of the status schema's shared columns, per sheet. */
interface StatusSchemaExample {
  targetGroup: string;
  activity: string;
  expectedResult: string;
  status: string;
  followUp: string;
  economy: readonly number[];
}

const statusSchemaTextColumns = <const H extends string>(expectedResultHeader: H, example: StatusSchemaExample) =>
  [
    { key: 'targetGroup', header: 'Målgruppe (køn, alder m.v.)', kind: 'text', width: 24, required: true, help: 'Hvem indsatsen er rettet mod: køn, alder m.v.', example: example.targetGroup },
    { key: 'activity', header: 'Aktivitet', kind: 'text', width: 36, required: true, help: 'Hvad der konkret gøres i indsatsen.', example: example.activity },
    { key: 'expectedResult', header: expectedResultHeader, kind: 'text', width: 40, required: true, help: 'Det mål eller resultat, indsatsen skal nå, så konkret som muligt.', example: example.expectedResult },
    { key: 'status', header: 'Status i forhold til målopfyldelse', kind: 'text', width: 40, required: true, help: 'Hvor langt indsatsen er nået i forhold til målet.', example: example.status },
    { key: 'followUp', header: 'Planlagt opfølgning (fx statistiske opgørelser, evaluering, survey)', kind: 'text', width: 32, required: true, help: 'Hvordan der følges op, fx statistiske opgørelser, evaluering, survey.', example: example.followUp },
    { key: 'economy', header: 'Økonomi {year}', kind: 'amount', width: 14, perYear: true, required: true, help: 'Indsatsens udgift i budgetåret, i beløbsenheden fra Forside. Kun tallet, fx 250000.', example: example.economy },
    { key: 'economyTotal', header: 'Økonomi i alt', kind: 'rowTotal', width: 15, totalOf: 'economy', help: 'Beregnes: summen af årene.' },
  ] as const;

export const EXPECTED_RESULT_POLICY = 'Mål/Forventet resultat (Konkretiseret ift mål i integrationspolitikken)';
export const EXPECTED_RESULT_OTHER = 'Mål/Forventet resultat (Konkretiseret ift øvrige mål)';

export const GOALS_AREA = defineArea({
  key: 'goals',
  sheet: SHEET_NAMES.goals,
  definedName: 'IB_MaalStatus',
  title: 'Status for målopfyldelse i forhold til de relevante overordnede mål i integrationspolitikken',
  hint: 'Én række pr. mål. Angiv om målet er relevant for forvaltningen, status, og om målet er realistisk for jeres område. Hvis ikke: hvilke initiativer er der brug for?',
  headerRow: 3,
  inputRows: POLICY_GOALS.length,
  columns: [
    { key: 'goal', header: 'Mål', kind: 'fixed', width: 6, example: 'a' },
    { key: 'goalText', header: 'Målets tekst', kind: 'fixed', width: 48, example: 'I perioden til og med år 2010 skal andelen af beskæftigede indvandrere øges med 10 procentpoint til ca. 57 %' },
    { key: 'relevant', header: 'Relevant for forvaltningen (Ja/Nej)', kind: 'yesNo', width: 16, required: true, help: 'Er målet relevant for forvaltningens område? Vælg Ja eller Nej.', example: 'Ja' },
    { key: 'status', header: 'Status for målopfyldelse', kind: 'text', width: 48, help: 'Hvis målet er relevant: status for opfyldelsen af målet på jeres område.', example: 'Andelen af beskæftigede indvandrere blandt forvaltningens brugere er steget fra 48 % til 52 %.' },
    { key: 'realistic', header: 'Er målet realistisk for jeres område? (Ja/Nej)', kind: 'yesNo', width: 18, help: 'En generel vurdering: er målet realistisk for jeres område? Vælg Ja eller Nej.', example: 'Nej' },
    { key: 'neededInitiatives', header: 'Hvis ikke: initiativer der er brug for til sikring af målopfyldelse', kind: 'text', width: 44, help: 'Hvis målet ikke er realistisk: hvilke initiativer er der brug for til sikring af målopfyldelse?', example: 'Flere virksomhedsrettede forløb for kvinder uden arbejdsmarkedserfaring.' },
  ],
  signature: ['goal', 'relevant', 'status'],
});

export const POLICY_AREA = defineArea({
  key: 'policy',
  sheet: SHEET_NAMES.policy,
  definedName: 'IB_IndsatserMaal',
  title: 'Statusskema for indsats, der bidrager til at nå målene i integrationspolitikken',
  hint: 'Én række pr. indsats. Skriv i kolonnen Mål (a-g) et eller flere af målene, fx "a" eller "a, c". Økonomi i beløbsenheden fra Forside.',
  headerRow: 4,
  inputRows: 50,
  columns: [
    { key: 'name', header: 'Navn på indsats', kind: 'text', width: 30, required: true, help: 'Indsatsens navn. Én række pr. indsats.', example: 'Skolesocialrådgivere' },
    { key: 'goals', header: 'Mål (a-g)', kind: 'goals', width: 10, required: true, help: 'Et eller flere af integrationspolitikkens mål a-g, som indsatsen bidrager til, fx "a" eller "a, c".', example: 'b, e' },
    ...statusSchemaTextColumns(EXPECTED_RESULT_POLICY, {
      targetGroup: 'Elever 6-16 år og deres forældre',
      activity: 'Skolesocialrådgivere på 20 skoler med mange tosprogede elever',
      expectedResult: 'Fraværet blandt tosprogede elever falder med 10 % inden 2012 (mål b)',
      status: 'Ansat på 18 af 20 skoler; fraværet er faldet 6 %',
      followUp: 'Fraværsstatistik hvert halve år',
      economy: [1_230_000, 1_230_000, 1_230_000, 1_230_000],
    }),
  ],
  signature: ['name', 'expectedResult'],
});

export const OTHER_AREA = defineArea({
  key: 'other',
  sheet: SHEET_NAMES.other,
  definedName: 'IB_IndsatserOevrige',
  title: 'Statusskema for indsats, der bidrager til at nå øvrige mål',
  hint: 'Indsats, der bidrager til mål udover integrationspolitikkens mål a-g. Én række pr. indsats. Skriv kort, hvilket øvrigt mål indsatsen bidrager til.',
  headerRow: 4,
  inputRows: 30,
  columns: [
    { key: 'name', header: 'Navn på indsats', kind: 'text', width: 30, required: true, help: 'Indsatsens navn. Én række pr. indsats.', example: 'Lektiecafé på biblioteket' },
    { key: 'goals', header: 'Øvrigt mål', kind: 'text', width: 24, help: 'Det øvrige mål, indsatsen bidrager til (ikke a-g).', example: 'Flere unge bruger bibliotekerne' },
    ...statusSchemaTextColumns(EXPECTED_RESULT_OTHER, {
      targetGroup: 'Unge 12-18 år',
      activity: 'Lektiehjælp to eftermiddage om ugen på fem biblioteker',
      expectedResult: '300 unge bruger lektiecaféerne hvert år',
      status: '240 unge i 2009',
      followUp: 'Optælling af brugere hvert kvartal',
      economy: [400_000, 400_000, 400_000, 0],
    }),
  ],
  signature: ['name', 'expectedResult'],
});

export const PROJECTS_AREA = defineArea({
  key: 'projects',
  sheet: SHEET_NAMES.projects,
  definedName: 'IB_Projekter',
  title: 'Integrationsprojekter og monitorering (mindst 100.000 kr. i kommunal medfinansiering monitoreres)',
  hint: 'Én række pr. projekt. Kommunal medfinansiering for hele projektperioden afgør, om projektet monitoreres; beløbene pr. budgetår indgår i Tabel 1. Farve pr. kvartal i statusåret, kun for kvartaler der er slut: grøn, gul eller rød. Ved rød: beskriv handlingsplanen. Succeskriterierne skrives på arket Succeskriterier.',
  headerRow: 4,
  inputRows: 40,
  columns: [
    { key: 'name', header: 'Projekt', kind: 'text', width: 28, required: true, help: 'Projektets navn. Succeskriterierne skrives på arket Succeskriterier.', example: 'Bydelsmødre' },
    { key: 'fund', header: 'Pulje/fond', kind: 'text', width: 22, help: 'Den pulje eller fond, projektet er finansieret af.', example: 'Integrationspuljen' },
    { key: 'start', header: 'Projektstart', kind: 'date', width: 12, help: 'Dato, fx 01-01-2010.', example: '01-01-2010' },
    { key: 'end', header: 'Projektslut', kind: 'date', width: 12, help: 'Dato, fx 31-12-2012.', example: '31-12-2012' },
    // 1.1: the project's own total decides monitoring, whatever the statement's budget years.
    {
      key: 'cofinancing',
      header: 'Kommunal medfinansiering, hele projektperioden',
      kind: 'amount',
      width: 17,
      help: 'Kommunens samlede medfinansiering af projektet fra start til slut, i beløbsenheden fra Forside. Mindst 100.000 kr.: projektet monitoreres.',
      example: 450_000,
    },
    { key: 'funding', header: 'Kommunal medfinansiering {year}', kind: 'amount', width: 15, perYear: true, help: 'Kommunens medfinansiering i budgetåret, i beløbsenheden fra Forside. Kun tallet, fx 150000.', example: [150_000, 150_000, 0, 0] },
    { key: 'fundingTotal', header: 'Kommunal medfinansiering i alt', kind: 'rowTotal', width: 16, totalOf: 'funding', help: 'Beregnes: summen af årene.' },
    // 1.0 kept one success criterion (and one achieved figure) per row here; 1.1 has the sheet Succeskriterier.
    { key: 'indicator', header: 'Succeskriterie (indikator)', kind: 'text', width: 32, legacy: true },
    { key: 'target', header: 'Mål for succeskriterie', kind: 'number', width: 12, legacy: true },
    { key: 'achieved', header: 'Opnået til dato', kind: 'number', width: 12, legacy: true },
    { key: 'q1', header: 'Farve K1', kind: 'colour', width: 9, help: 'Kvartalets farve, når kvartalet er slut: grøn (god fremdrift), gul (nogle problemer) eller rød (betydelige problemer). Et kvartal, der ikke er slut, står tomt.', example: 'grøn' },
    { key: 'q2', header: 'Farve K2', kind: 'colour', width: 9, help: 'Kvartalets farve, når kvartalet er slut: grøn (god fremdrift), gul (nogle problemer) eller rød (betydelige problemer). Et kvartal, der ikke er slut, står tomt.', example: 'grøn' },
    { key: 'q3', header: 'Farve K3', kind: 'colour', width: 9, help: 'Kvartalets farve, når kvartalet er slut: grøn (god fremdrift), gul (nogle problemer) eller rød (betydelige problemer). Et kvartal, der ikke er slut, står tomt.', example: 'gul' },
    { key: 'q4', header: 'Farve K4', kind: 'colour', width: 9, help: 'Kvartalets farve, når kvartalet er slut: grøn (god fremdrift), gul (nogle problemer) eller rød (betydelige problemer). Et kvartal, der ikke er slut, står tomt.', example: 'rød' },
    { key: 'actionPlan', header: 'Handlingsplan (ved rød)', kind: 'text', width: 36, help: 'Skal udfyldes, når et kvartal er rødt: hvad gøres der for at få projektet på sporet?', example: 'Ny rekruttering via sundhedsplejersker fra januar' },
  ],
  signature: ['name', 'q1'],
});

const achievedHelp = (q: number) => `Det samlede tal, der var nået fra projektets start til udgangen af K${q} i statusåret. Tomt, hvis kvartalet ikke er slut.`;

/** 1.1: one row per success criterion of a monitored project, with the figure reached by the end of each quarter. */
export const CRITERIA_AREA = defineArea({
  key: 'criteria',
  sheet: SHEET_NAMES.criteria,
  definedName: 'IB_Succeskriterier',
  title: 'Succeskriterier for de monitorerede projekter, kvartal for kvartal',
  hint: 'Én række pr. succeskriterie. Vælg projektet på listen (projekterne på arket Monitorerede projekter). Skriv målet for hele projektperioden og, for hvert kvartal i statusåret, hvor meget der i alt var nået ved kvartalets udgang (fx 3, 7, 12, 18). Kvartaler, der ikke er slut, står tomme.',
  headerRow: 4,
  inputRows: 60,
  columns: [
    { key: 'project', header: 'Projekt', kind: 'project', width: 28, required: true, help: 'Vælg projektet på listen (projekterne fra arket Monitorerede projekter).', example: 'Bydelsmødre' },
    { key: 'indicator', header: 'Succeskriterie', kind: 'text', width: 36, required: true, help: 'Hvad der måles, fx "mindst 25 kvinder gennemfører forløbet". Ét succeskriterie pr. række.', example: 'Mindst 25 kvinder gennemfører forløbet' },
    { key: 'target', header: 'Mål for hele projektperioden', kind: 'number', width: 14, required: true, help: 'Tal, fx 25 (borgere) eller 75 (pct.).', example: 25 },
    { key: 'achievedQ1', header: 'Opnået i alt ved udgangen af K1', kind: 'number', width: 13, help: achievedHelp(1), example: 3 },
    { key: 'achievedQ2', header: 'Opnået i alt ved udgangen af K2', kind: 'number', width: 13, help: achievedHelp(2), example: 7 },
    { key: 'achievedQ3', header: 'Opnået i alt ved udgangen af K3', kind: 'number', width: 13, help: achievedHelp(3), example: 12 },
    { key: 'achievedQ4', header: 'Opnået i alt ved udgangen af K4', kind: 'number', width: 13, help: achievedHelp(4), example: 18 },
  ],
  signature: ['project', 'indicator', 'target'],
});

/** The criteria columns of each quarter, K1–K4. */
export const ACHIEVED_BY_QUARTER = ['achievedQ1', 'achievedQ2', 'achievedQ3', 'achievedQ4'] as const;

export const TABLE_AREAS = [GOALS_AREA, POLICY_AREA, OTHER_AREA, PROJECTS_AREA, CRITERIA_AREA] as const;

/** A row total sums a per-year column of its own area: a misspelt totalOf does not compile (true is not false). */
type SumsPerYearColumn<A extends TableArea> = Extract<ColumnOf<A>, { totalOf: string }>['totalOf'] extends PerYearKeyOf<A> ? true : false;
const _totalsSumPerYearColumns: { [K in TableAreaKey]: SumsPerYearColumn<TableAreas[K]> } = { goals: true, policy: true, other: true, projects: true, criteria: true };

/** Each table-shaped area's definition by its key. */
export interface TableAreas {
  goals: typeof GOALS_AREA;
  policy: typeof POLICY_AREA;
  other: typeof OTHER_AREA;
  projects: typeof PROJECTS_AREA;
  criteria: typeof CRITERIA_AREA;
}
export const AREA_BY_KEY: TableAreas = { goals: GOALS_AREA, policy: POLICY_AREA, other: OTHER_AREA, projects: PROJECTS_AREA, criteria: CRITERIA_AREA };

export type ColumnOf<A extends TableArea> = A['columns'][number];
export type ColumnKeyOf<A extends TableArea> = ColumnOf<A>['key'];
/** Keys of the columns that repeat once per budget year ("Økonomi 2011", "Økonomi 2012", …). */
export type PerYearKeyOf<A extends TableArea> = Extract<ColumnOf<A>, { perYear: true }>['key'];
export type PlainKeyOf<A extends TableArea> = Exclude<ColumnKeyOf<A>, PerYearKeyOf<A>>;
/** One column of a sheet: a plain column, or a per-year column of one year ("economy:2011"). */
export type ColumnId<A extends TableArea> = PlainKeyOf<A> | `${PerYearKeyOf<A>}:${number}`;

export function columnId<A extends TableArea>(key: PlainKeyOf<A>): ColumnId<A>;
export function columnId<A extends TableArea>(key: PerYearKeyOf<A>, year: number): ColumnId<A>;
export function columnId(key: string, year?: number): string {
  return anyColumnId(key, year);
}

/** The id of a column of an area not known at compile time (the reader matching headers of any area). */
export function anyColumnId(key: string, year?: number): string {
  return year === undefined ? key : `${key}:${year}`;
}

/** The column key and, for a per-year column, the year of a column id. */
export function parseColumnId(id: string): { key: string; year?: number } {
  const [key, year] = id.split(':');
  return year === undefined ? { key } : { key, year: Number(year) };
}

/** The definition of an area's column by key. */
export function columnDef<A extends TableArea, K extends ColumnKeyOf<A>>(area: A, key: K): Extract<ColumnOf<A>, { key: K }> {
  return area.columns.find((c) => c.key === key) as Extract<ColumnOf<A>, { key: K }>;
}

/** A column's header as a field name in messages: "Økonomi 2011", or "Økonomi" for all years. */
export function columnLabel(column: ColumnDef, year?: number): string {
  return column.header.replace(' {year}', year === undefined ? '' : ` ${year}`);
}

// ---------------------------------------------------------------- Table 1

export interface Table1RowDef {
  readonly key: string;
  readonly label: string;
  /** The I ALT row is the sum of the rows above. */
  readonly computed?: boolean;
  /** Template 1.1: the row is a formula summing this per-year column of an area, year by year. */
  readonly sumOf?: { readonly area: 'policy' | 'other' | 'projects'; readonly column: 'economy' | 'funding' };
}

const TABLE1_ROWS = [
  { key: 'policy', label: 'Integrationsindsatser i relation til mål i integrationspolitikken', sumOf: { area: 'policy', column: 'economy' } },
  { key: 'other', label: 'Øvrige integrationsindsatser, hvor målet ligger udover integrationspolitikken', sumOf: { area: 'other', column: 'economy' } },
  { key: 'projects', label: 'Integrationsprojekter – samlet beløb', sumOf: { area: 'projects', column: 'funding' } },
  { key: 'total', label: 'I ALT', computed: true },
] as const satisfies readonly Table1RowDef[];

export type Table1RowKey = (typeof TABLE1_ROWS)[number]['key'];
/** The rows a submitter fills in (I ALT is computed). */
export type Table1InputRowKey = Exclude<Table1RowKey, Extract<(typeof TABLE1_ROWS)[number], { computed: true }>['key']>;

export const TABLE1 = {
  sheet: SHEET_NAMES.table1,
  definedName: 'IB_Tabel1',
  title: 'Tabel 1. Økonomisk oversigt',
  hint: 'For hele udvalgets integrationsindsats, herunder den samlede økonomi i forhold til integrationsprojekter. Almindelig drift skal ikke medregnes.',
  /** Template 1.1: the rows are formulas over the sheets. */
  formulaHint: 'Tabellen beregnes automatisk fra arkene Indsatser mål a-g, Indsatser øvrige mål og Monitorerede projekter: ret beløbene dér.',
  headerRow: 4,
  labelHeader: 'Økonomisk oversigt',
  totalHeader: 'I alt',
  labelWidth: 62,
  yearWidth: 14,
  rows: TABLE1_ROWS as readonly (Table1RowDef & { readonly key: Table1RowKey })[],
} as const;

export function table1Row(key: Table1RowKey): Table1RowDef {
  return TABLE1.rows.find((r) => r.key === key)!;
}

// ---------------------------------------------------------------- the worked example (template 1.1)

export const EXAMPLE = {
  sheet: SHEET_NAMES.example,
  title: 'Eksempel: sådan kan en udfyldt redegørelse se ud',
  hint: 'Hvert afsnit viser ét udfyldt eksempel på en række fra arket med samme navn, felt for felt. Arket læses ikke med i redegørelsen, og det skal ikke udfyldes.',
  headers: ['Felt', 'Eksempel', 'Sådan udfyldes feltet'],
  fixedHelp: 'Fast tekst i skabelonen.',
  computed: 'beregnes',
  table1Help: 'Beregnes automatisk: summen af årets beløb på arket',
  /** Added to each sheet's hint. */
  seeExample: 'Se et udfyldt eksempel på arket Eksempel.',
  totalHelp: 'Beregnes automatisk: summen af rækkerne ovenfor.',
} as const;

// ---------------------------------------------------------------- hidden info sheet

export const INFO = {
  sheet: SHEET_NAMES.info,
  definedName: 'IB_Skabelon',
  idLabel: 'Skabelon-id',
  versionLabel: 'Skabelonversion',
  /** Lists behind the dropdowns, one per column from listColumn on. */
  listColumn: 4,
} as const;

export const YES_NO_LABELS = ['Ja', 'Nej'] as const;

// ---------------------------------------------------------------- header matching

/** Headers compare equal when they differ only in case, spacing, dash style or a trailing colon/asterisk. */
const normalizedLabels = new Map<string, string>();
let normalizedChars = 0;

export function normalizeLabel(text: string): string {
  let label = normalizedLabels.get(text);
  if (label === undefined) {
    const spaced = text.normalize('NFC').replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, ' ');
    // Trailing spaces, colons and asterisks cut by a loop: /[\s:*]+$/ would backtrack over a long run of colons.
    let end = spaced.length;
    for (let c = spaced.charCodeAt(end - 1); end > 0 && (c === 32 || c === 58 || c === 42); c = spaced.charCodeAt(--end - 1));
    label = spaced.slice(0, end).trim().toLowerCase();
    // Headers and sheet names repeat in every file, and one long text can fill thousands of cells: all are kept,
    // within a bound on the characters held (a hostile file can hold endless distinct texts).
    normalizedChars += text.length;
    if (normalizedLabels.size > 5000 || normalizedChars > 64 * 1024 * 1024) {
      normalizedLabels.clear();
      normalizedChars = text.length;
    }
  } else if (text.length > 200) {
    // Found under an equal text of an earlier reading: key it by this reading's string, so the next lookups compare
    // by reference instead of character by character.
    normalizedLabels.delete(text);
  } else {
    return label;
  }
  normalizedLabels.set(text, label);
  return label;
}

export interface ExpandedColumn extends ColumnDef {
  /** The header text for this budget year (or the plain header). */
  label: string;
  year?: number;
}

/** Columns with per-year columns expanded for the given budget years (the template's columns, as written). */
export function expandColumns(area: TableArea, years: readonly number[]): ExpandedColumn[] {
  // Legacy columns are read where a 1.0 file has them, never written.
  return area.columns.filter((c) => !c.legacy).flatMap((c): ExpandedColumn[] =>
    c.perYear
      ? years.map((year) => ({ ...c, label: c.header.replace('{year}', String(year)), year }))
      : [{ ...c, label: c.header }],
  );
}

/** Does a header cell's text belong to this column? Returns the year for per-year columns. */
export function matchHeader(column: ColumnDef, text: string): { year?: number } | undefined {
  const got = normalizeLabel(text);
  if (!column.perYear) return got === normalizeLabel(column.header) ? {} : undefined;
  const [before, after] = column.header.split('{year}').map(normalizeLabel);
  // The year between is four digits (and a space either side): a longer text is no header, whatever it holds.
  if (got.length > before.length + after.length + 6 || !got.startsWith(before) || !got.endsWith(after)) return undefined;
  const middle = got.slice(before.length, got.length - after.length).trim();
  return /^\d{4}$/.test(middle) ? { year: Number(middle) } : undefined;
}

export function goalText(letter: GoalLetter): string {
  const goal = POLICY_GOALS.find((g) => g.letter === letter);
  return goal ? goal.text : '';
}

// ---------------------------------------------------------------- fields named in messages

/** Every area of the template a reader looks for: the four table-shaped areas and Table 1. */
export type AreaKey = TableAreaKey | 'table1';

export const AREA_KEYS: readonly AreaKey[] = ['goals', 'policy', 'other', 'projects', 'criteria', 'table1'];

/** What findings say about an area: its title, the sheet it belongs on and its defined name. */
export function areaOf(key: AreaKey): { title: string; sheet: string; definedName: string } {
  return key === 'table1' ? TABLE1 : AREA_BY_KEY[key];
}

/** A column of a table-shaped area, by key: a typo in either key does not compile. */
export type AreaColumnRef = { [K in TableAreaKey]: { area: K; column: ColumnKeyOf<TableAreas[K]>; year?: number } }[TableAreaKey];

/** A column of an area as findings name it; the keys are checked against the area's definition. */
export function columnRef<A extends TableArea>(area: A, column: ColumnKeyOf<A>, year?: number): AreaColumnRef {
  return (year === undefined ? { area: area.key, column } : { area: area.key, column, year }) as AreaColumnRef;
}

/** A field of the template as findings name it: a cover field, an area's column (of one year), or a Table 1 cell. */
export type FieldRef = { cover: CoverFieldKey } | AreaColumnRef | { table1: Table1RowKey; year: number | 'total' };

/** The field's label as the user sees it in the workbook: "Økonomi 2011", "Integrationsprojekter – samlet beløb I alt". */
export function fieldLabel(field: FieldRef): string {
  if ('cover' in field) return COVER.fields.find((f) => f.key === field.cover)!.label;
  if ('table1' in field) return `${table1Row(field.table1).label} ${field.year === 'total' ? TABLE1.totalHeader : field.year}`;
  const column = (AREA_BY_KEY[field.area].columns as readonly ColumnDef[]).find((c) => c.key === field.column)!;
  return columnLabel(column, field.year);
}
