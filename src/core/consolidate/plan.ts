/** The consolidated status workbook as a sheet plan (Danish labels); both hosts render it. */
import {
  COLOURS,
  COLOUR_FILLS,
  COLOUR_LABELS,
  GOAL_LETTERS,
  POLICY_GOALS,
  administrationLabel,
  findAdministration,
  type Colour,
} from '../domain';
import { diagnosticMessage } from '../diagnostics';
import type { Initiative, MonitoredProject, Table1RowKey } from '../model';
import { SheetBuilder, type Column } from '../plan/builder';
import { BRAND, STYLES } from '../plan/styles';
import type { CellStyle, PlanValue, WorkbookPlan } from '../plan/types';
import { TABLE1 } from '../template/definition';
import { progress } from './colours';
import {
  colourCounts,
  municipalityTable1,
  policySpendOnce,
  round2,
  spendPerGoal,
  table1Figures,
  type Consolidation,
  type FileEntry,
  type Included,
} from './consolidate';

export const OUTPUT = {
  overview: 'Samlet status',
  economy: 'Økonomi',
  goals: 'Mål a–g',
  monitoring: 'Overvågning',
  findings: 'Valideringsfejl',
  about: 'Om',
  /** Table name of the filterable overview (the Office host filters it). */
  overviewTable: 'SamletStatus',
  historyTitle: 'Kvartalsfarver (historik)',
  historyHeaders: ['Forvaltning', 'Projekt', 'År', 'Kvartal', 'Farve'],
  escalated: 'Ja – brev til fagudvalg',
  notEscalated: 'Nej',
} as const;

export const KIND_LABELS = { policy: 'Indsats – politikkens mål', other: 'Indsats – øvrige mål', project: 'Projekt' } as const;

const colourLabel = (c: Colour | null): string | null => (c ? COLOUR_LABELS[c] : null);
const colourRules = COLOURS.map((c) => ({ kind: 'textEquals' as const, text: COLOUR_LABELS[c], fill: COLOUR_FILLS[c] }));
const adminLabels = new Map<string, string>();
const adminLabel = (code: string) => {
  let label = adminLabels.get(code);
  if (label === undefined) {
    const a = findAdministration(code);
    label = a ? administrationLabel(a) : code;
    adminLabels.set(code, label);
  }
  return label;
};
const col = (header: string, width: number, style: CellStyle = STYLES.text): Column => ({ header, width, style });

function fileStatusText(inc: { status: string; errors: number }): string {
  return inc.status === 'valid' ? 'gyldig' : `ugyldig (${inc.errors} fejl)`;
}

function economyCells(years: number[], amounts: { year: number; amount: number | null }[]): PlanValue[] {
  // Amounts are few (four years); the years of a national run can be many.
  const byYear: (number | null)[] = new Array<number | null>(years.length).fill(null);
  // Backwards, so a year's first amount is the one that stays.
  for (let k = amounts.length - 1; k >= 0; k--) {
    const i = years.indexOf(amounts[k].year);
    if (i >= 0) byYear[i] = amounts[k].amount ?? null;
  }
  const given = byYear.filter((v): v is number => v !== null);
  return [...byYear, given.length ? round2(given.reduce((a, b) => a + b, 0)) : null];
}

function criteriaText(p: MonitoredProject): string | null {
  const parts = p.criteria.map((c) => `${c.indicator ?? 'Succeskriterie'}: ${c.achieved ?? '–'} af ${c.target ?? '–'}`);
  return parts.length ? parts.join('; ') : null;
}

// ---------------------------------------------------------------- Samlet status

function overviewSheet(c: Consolidation): ReturnType<SheetBuilder['build']> {
  const b = new SheetBuilder(OUTPUT.overview, BRAND);
  b.title('Samlet status for integrationsindsatsen');
  b.note(`Én række pr. indsats og pr. monitoreret projekt fra hver forvaltning. Beløb i kr. Lavet ${c.generatedAt.slice(0, 10)}. Filtrér på forvaltning, type, mål, farve, budgetperiode og eskalering.`, 10);
  const columns: Column[] = [
    col('Forvaltning', 38),
    col('Type', 22),
    col('Navn', 34),
    col('Mål', 8),
    ...GOAL_LETTERS.map((g) => col(`Mål ${g}`, 7, STYLES.centre)),
    col('Målgruppe', 24),
    col('Aktivitet', 34),
    col('Forventet resultat', 36),
    col('Status', 36),
    col('Opfølgning', 28),
    col('Budgetperiode', 12),
    ...c.years.map((y) => col(`Økonomi ${y}`, 15, STYLES.kr)),
    col('Økonomi i alt', 16, STYLES.krBold),
    col('Aktuel farve', 10, STYLES.centre),
    ...[1, 2, 3, 4].map((q) => col(`Farve K${q}`, 9, STYLES.centre)),
    col('Statusår', 9, STYLES.integer),
    col('Antal røde', 9, STYLES.integer),
    col('Eskalering', 22),
    col('Fil', 30),
    col('Ark', 20),
    col('Række', 7, STYLES.integer),
    col('Filstatus', 16),
  ];
  const goalCells = (goals: readonly string[]) => GOAL_LETTERS.map((g) => (goals.includes(g) ? 'Ja' : 'Nej'));
  const monitoringOf = new Map(c.monitoring.map((m) => [m.project, m]));
  const rows: PlanValue[][] = [];
  const initiativeRow = (inc: Included, i: Initiative): PlanValue[] => [
    adminLabel(inc.administration),
    KIND_LABELS[i.kind],
    i.name,
    i.kind === 'policy' ? i.goals.join(', ') || null : i.goalsText,
    ...goalCells(i.kind === 'policy' ? i.goals : []),
    i.targetGroup,
    i.activity,
    i.expectedResult,
    i.status,
    i.followUp,
    inc.period,
    ...economyCells(c.years, i.economy),
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    inc.file.name,
    i.source.sheet,
    i.source.row,
    fileStatusText(inc),
  ];
  for (const inc of c.included) {
    for (const i of [...inc.submission.policyInitiatives, ...inc.submission.otherInitiatives]) rows.push(initiativeRow(inc, i));
    for (const p of inc.submission.projects) {
      const m = monitoringOf.get(p);
      rows.push([
        adminLabel(inc.administration),
        KIND_LABELS.project,
        p.name,
        null,
        ...goalCells([]),
        null,
        p.fund,
        criteriaText(p),
        p.actionPlan ? `Handlingsplan: ${p.actionPlan}` : null,
        null,
        inc.period,
        ...economyCells(c.years, p.funding),
        colourLabel(m?.current ?? null),
        ...(m ? m.quarters.map((q) => colourLabel(q.effective)) : [null, null, null, null]),
        m?.statusYear ?? inc.submission.cover.statusYear,
        m ? m.redCount : null,
        m ? (m.escalate ? OUTPUT.escalated : OUTPUT.notEscalated) : 'Ikke monitoreret',
        inc.file.name,
        p.source.sheet,
        p.source.row,
        fileStatusText(inc),
      ]);
    }
  }
  const firstColour = 4 + GOAL_LETTERS.length + 6 + c.years.length + 2;
  const header = b.table(columns, rows, {
    excelTable: OUTPUT.overviewTable,
    conditionalFormats: [{ columns: [firstColour, firstColour + 1, firstColour + 2, firstColour + 3, firstColour + 4], rules: colourRules }],
  });
  b.freeze(header, 3);
  return b.build();
}

// ---------------------------------------------------------------- Økonomi

const T1_LABELS: Record<Table1RowKey, string> = Object.fromEntries(TABLE1.rows.map((r) => [r.key, r.label])) as Record<Table1RowKey, string>;

function economySheet(c: Consolidation): ReturnType<SheetBuilder['build']> {
  const b = new SheetBuilder(OUTPUT.economy);
  b.title('Økonomi: Tabel 1 pr. forvaltning og for hele kommunen');
  b.note('Beløb i kr., omregnet fra den beløbsenhed hver forvaltning brugte. Tabel 1 som forvaltningen har opgjort den.', 8);
  const yearCols = c.years.map((y) => col(String(y), 16, STYLES.kr));
  const figures = table1Figures(c);
  const keys: Table1RowKey[] = ['policy', 'other', 'projects', 'total'];
  const withTotal = (values: number[]) => [...values, round2(values.reduce((a, v) => a + v, 0))];
  const rows: PlanValue[][] = [];
  for (const f of figures) for (const k of keys) rows.push([adminLabel(f.administration), T1_LABELS[k], ...withTotal(f.rows[k])]);
  const whole = municipalityTable1(figures, c.years);
  for (const k of keys) rows.push(['Hele kommunen', T1_LABELS[k], ...withTotal(whole[k])]);
  b.table([col('Forvaltning', 38), col('Række', 60), ...yearCols, col('I alt', 18, STYLES.krBold)], rows);

  b.subtitle('Udgift pr. mål a–g (indsatser for integrationspolitikkens mål)');
  b.note('En indsats, der bidrager til flere mål, tælles med under hvert af dem; totalen nederst tæller hver indsats én gang.', 8);
  const goalRows: PlanValue[][] = spendPerGoal(c).map((g) => [`Mål ${g.goal}`, POLICY_GOALS.find((x) => x.letter === g.goal)!.text, ...withTotal(g.byYear)]);
  goalRows.push(['I alt', 'Hver indsats talt én gang', ...withTotal(policySpendOnce(c))]);
  b.table([col('Mål', 30), col('Målets tekst', 60), ...yearCols, col('I alt', 18, STYLES.krBold)], goalRows);
  b.freeze(0, 2);
  return b.build();
}

// ---------------------------------------------------------------- Mål a–g

function goalsSheet(c: Consolidation): ReturnType<SheetBuilder['build']> {
  const b = new SheetBuilder(OUTPUT.goals);
  b.title('Mål a–g pr. forvaltning');
  const yesNo = (v: boolean | null) => (v === null ? null : v ? 'Ja' : 'Nej');
  const perAdminGoal = c.included.flatMap((inc) =>
    GOAL_LETTERS.map((goal) => {
      const status = inc.submission.goals.find((g) => g.goal === goal);
      const initiatives = inc.submission.policyInitiatives.filter((i) => i.goals.includes(goal));
      const spend = round2(initiatives.reduce((s, i) => s + i.economy.reduce((t, e) => t + (e.amount ?? 0), 0), 0));
      return { inc, goal, status, count: initiatives.length, spend };
    }),
  );
  const summary: PlanValue[][] = GOAL_LETTERS.map((goal) => {
    const rows = perAdminGoal.filter((r) => r.goal === goal);
    const relevant = rows.filter((r) => r.status?.relevant === true).length;
    const count = rows.reduce((s, r) => s + r.count, 0);
    const spend = round2(rows.reduce((s, r) => s + r.spend, 0));
    return [`Mål ${goal}`, POLICY_GOALS.find((g) => g.letter === goal)!.text, relevant, count, spend, count === 0 ? 'Ingen forvaltning arbejder med målet' : null];
  });
  b.subtitle('Overblik');
  b.table(
    [col('Mål', 26), col('Målets tekst', 60), col('Forvaltninger, der finder målet relevant', 16, STYLES.integer), col('Antal indsatser', 12, STYLES.integer), col('Udgift i alt', 18, STYLES.kr), col('Bemærkning', 36)],
    summary,
    // A goal no administration works on stands out (red), and stays marked if the sheet is sorted.
    { conditionalFormats: [{ columns: [6], rules: [{ kind: 'textEquals', text: 'Ingen forvaltning arbejder med målet', fill: COLOUR_FILLS.red, fontColor: '9C0006' }] }] },
  );
  b.subtitle('Pr. forvaltning');
  b.table(
    [
      col('Forvaltning', 38),
      col('Mål', 60),
      col('Relevant', 16, STYLES.centre),
      col('Antal indsatser', 12, STYLES.integer),
      col('Udgift i alt', 18, STYLES.kr),
      col('Status for målopfyldelse', 48),
      col('Realistisk', 10, STYLES.centre),
      col('Nødvendige initiativer', 40),
    ],
    perAdminGoal.map((r) => [adminLabel(r.inc.administration), `Mål ${r.goal}`, yesNo(r.status?.relevant ?? null), r.count, r.spend, r.status?.status ?? null, yesNo(r.status?.realistic ?? null), r.status?.neededInitiatives ?? null]),
  );
  return b.build();
}

// ---------------------------------------------------------------- Overvågning

function monitoringSheet(c: Consolidation): ReturnType<SheetBuilder['build']> {
  const b = new SheetBuilder(OUTPUT.monitoring);
  b.title('Overvågning af integrationsprojekter (mindst 100.000 kr. i kommunal medfinansiering)');
  b.note(
    `Farven pr. kvartal er den indberettede; mangler den, er den beregnet ud fra succeskriterierne: opnået ÷ mål sammenlignet med andelen af projektperioden, der var gået ved kvartalets slut (grøn fra ${Math.round(c.thresholds.green * 100)} %, gul fra ${Math.round(c.thresholds.yellow * 100)} % af det forventede). Rød to gange: brev til fagudvalg.`,
    12,
  );
  b.subtitle('Farver pr. forvaltning (aktuel farve)');
  const counts = colourCounts(c).map((x) => [adminLabel(x.administration), x.counts.green, x.counts.yellow, x.counts.red, x.none, c.monitoring.filter((m) => m.administration === x.administration && m.escalate).length]);
  b.table([col('Forvaltning', 38), col('Grøn', 10, STYLES.integer), col('Gul', 10, STYLES.integer), col('Rød', 10, STYLES.integer), col('Uden farve', 10, STYLES.integer), col('Eskaleret', 10, STYLES.integer)], counts);

  b.subtitle('Projekter');
  const quarterCols = [1, 2, 3, 4].flatMap((q) => [col(`K${q}`, 8, STYLES.centre), col(`K${q} beregnet`, 9, STYLES.centre)]);
  const rows = c.monitoring.map((m) => {
    const p = m.project;
    const done = progress(p);
    return [
      adminLabel(m.administration),
      p.name,
      p.fund,
      p.start ? { date: p.start } : null,
      p.end ? { date: p.end } : null,
      p.fundingTotal,
      criteriaText(p),
      done === undefined ? null : round2(done),
      m.statusYear,
      ...m.quarters.flatMap((q) => [colourLabel(q.effective), colourLabel(q.computed)]),
      colourLabel(m.current),
      m.redCount,
      m.escalate ? OUTPUT.escalated : OUTPUT.notEscalated,
      m.differences.map((q) => `K${q.quarter}: indberettet ${colourLabel(q.reported)}, beregnet ${colourLabel(q.computed)}`).join('; ') || null,
      p.actionPlan,
      m.file,
    ] as PlanValue[];
  });
  const first = 10;
  b.table(
    [
      col('Forvaltning', 38),
      col('Projekt', 30),
      col('Pulje/fond', 22),
      col('Start', 11, STYLES.date),
      col('Slut', 11, STYLES.date),
      col('Kommunal medfinansiering i alt', 16, STYLES.kr),
      col('Succeskriterier (opnået af mål)', 36),
      col('Fremdrift', 9, STYLES.percent),
      col('Statusår', 8, STYLES.integer),
      ...quarterCols,
      col('Aktuel farve', 9, STYLES.centre),
      col('Antal røde', 8, STYLES.integer),
      col('Eskalering', 22),
      col('Afvigelser (indberettet/beregnet)', 30),
      col('Handlingsplan', 36),
      col('Fil', 30),
    ],
    rows,
    { conditionalFormats: [{ columns: [...Array.from({ length: 8 }, (_, i) => first + i), first + 8], rules: colourRules }] },
  );

  b.subtitle(OUTPUT.historyTitle);
  b.note('Alle kvartaler, også fra tidligere samlede opgørelser; bruges til at tælle røde kvartaler næste gang.', 8);
  b.table(
    [col(OUTPUT.historyHeaders[0], 38), col(OUTPUT.historyHeaders[1], 30), col(OUTPUT.historyHeaders[2], 8, STYLES.integer), col(OUTPUT.historyHeaders[3], 8, STYLES.integer), col(OUTPUT.historyHeaders[4], 8, STYLES.centre)],
    c.history.map((h) => [adminLabel(h.administration), h.project, h.year, h.quarter, COLOUR_LABELS[h.colour]]),
    { conditionalFormats: [{ columns: [5], rules: colourRules }] },
  );
  return b.build();
}

// ---------------------------------------------------------------- Valideringsfejl and Om

function findingsSheet(c: Consolidation): ReturnType<SheetBuilder['build']> {
  const b = new SheetBuilder(OUTPUT.findings);
  b.title('Valideringsfejl og bemærkninger i de indsendte filer');
  const severity = { error: 'fejl', warning: 'advarsel', info: 'bemærkning' } as const;
  const rows = c.files.flatMap((file) =>
    file.diagnostics.map((d) => [file.file.name, file.administration ? adminLabel(file.administration) : null, statusText(file), severity[d.severity], d.code, d.sheet, d.cell, diagnosticMessage(d, 'da'), d.value ?? null]),
  );
  const header = b.table(
    [col('Fil', 30), col('Forvaltning', 38), col('Filstatus', 22), col('Alvor', 11), col('Kode', 24), col('Ark', 20), col('Celle', 8), col('Meddelelse', 70), col('Fundet værdi', 24)],
    rows,
  );
  b.freeze(header, 1);
  return b.build();
}

function statusText(f: FileEntry): string {
  switch (f.outcome) {
    case 'unreadable':
      return 'kan ikke læses';
    case 'left-out':
      return 'udeladt (fejl)';
    case 'replaced':
      return `erstattet af ${f.replacedBy}`;
    default:
      return f.status === 'valid' ? 'medtaget' : `medtaget med ${f.errors} fejl`;
  }
}

function aboutSheet(c: Consolidation): ReturnType<SheetBuilder['build']> {
  const b = new SheetBuilder(OUTPUT.about);
  b.title('Om denne samlede status');
  b.pairs([
    ['Lavet', `${c.generatedAt.slice(0, 10).split('-').reverse().join('-')} kl. ${c.generatedAt.slice(11, 16)} (UTC)`],
    ['Produkt', `Integrationsstatus ${c.productVersion}`],
    ['Farvegrænser', `grøn: fremdrift mindst ${Math.round(c.thresholds.green * 100)} % af det forventede; gul: mindst ${Math.round(c.thresholds.yellow * 100)} %; ellers rød`],
    ['Monitoreringsgrænse', 'mindst 100.000 kr. i kommunal medfinansiering'],
    ['Filer med fejl', c.strict ? 'udeladt (--strict)' : 'medtaget og markeret med antal fejl'],
    ['Tidligere samlet status', c.previousFile ? `${c.previousFile.name} (SHA-256 ${c.previousFile.sha256})` : 'ingen'],
  ]);
  if (c.replacements.length) {
    b.subtitle('Erstattede indsendelser');
    b.table(
      [col('Forvaltning', 38), col('Budgetperiode', 14), col('Medtaget', 36), col('Erstattet', 36)],
      c.replacements.map((r) => [adminLabel(r.administration), r.period, r.kept, r.replaced]),
    );
  }
  b.subtitle('Indlæste filer');
  b.table(
    [
      col('Fil', 34),
      col('Størrelse (byte)', 14, STYLES.integer),
      col('SHA-256', 66),
      col('Forvaltning', 38),
      col('Budgetperiode', 14),
      col('Skabelonversion', 16),
      col('Fejl', 7, STYLES.integer),
      col('Advarsler', 11, STYLES.integer),
      col('Resultat', 30),
    ],
    c.files.map((f) => [f.file.name, f.file.size, f.file.sha256, f.administration ? adminLabel(f.administration) : null, f.period, f.templateVersion, f.errors, f.warnings, statusText(f)]),
  );
  return b.build();
}

export function buildConsolidatedPlan(c: Consolidation): WorkbookPlan {
  return {
    sheets: [overviewSheet(c), economySheet(c), goalsSheet(c), monitoringSheet(c), findingsSheet(c), aboutSheet(c)],
    definedNames: [],
    properties: { title: 'Samlet status for integrationsindsatsen', creator: `Integrationsstatus ${c.productVersion}` },
  };
}
