/**
 * The consolidated status workbook as a sheet plan (Danish labels); both hosts render it. The overview comes first
 * (key figures, charts and slicers); every list is an Excel table laid out by layout.ts; every sheet is print-ready.
 */
import { cellRef, rangeRef } from '../cells';
import { diagnosticMessage } from '../diagnostics';
import { show } from '../validate/rules/define';
import { COLOURS, COLOUR_FILLS, COLOUR_LABELS, GOAL_LETTERS, POLICY_GOALS, findAdministration, type Colour } from '../domain';
import type { Table1RowKey } from '../model';
import { SheetBuilder, type Column, type SheetPrint } from '../plan/builder';
import { BRAND, CHART_COLOURS, CHART_PALETTE, HIGHLIGHT_FILL, MILLIONS_FORMAT, STYLES } from '../plan/styles';
import type { CellStyle, ChartPlan, ConditionalRule, HeaderFooterPlan, PlanValue, RowStream, SheetPlan, WorkbookPlan } from '../plan/types';
import { TABLE1 } from '../template/definition';
import { round2, sumRounded } from '../numbers';
import { municipalityTable1, policySpendOnce, spendPerGoal, table1Figures, type Consolidation, type PeriodFigures } from './consolidate';
import { escalationLetters } from './letters';
import { coloursByAdministration, coloursByQuarter, goalMatrix, goalReconciliation, municipalitySpend, spendByAdministration } from './figures';
import {
  OUTPUT,
  adminLabel,
  columnNumber,
  fileColumns,
  fileStatusText,
  findingColumns,
  goalStatusColumns,
  goalStatusRows,
  historyColumns,
  newlyRedColumns,
  overviewColumns,
  overviewHeader,
  overviewRows,
  projectColumns,
  rowValues,
  type FindingRow,
  type LayoutColumn,
  type OverviewKey,
} from './layout';

export { OUTPUT, KIND_LABELS } from './layout';

const colourRules: ConditionalRule[] = COLOURS.map((c) => ({ kind: 'textEquals', text: COLOUR_LABELS[c], fill: COLOUR_FILLS[c] }));
const redYesRule: ConditionalRule[] = [{ kind: 'textEquals', text: OUTPUT.yes, fill: COLOUR_FILLS.red }];
const col = (header: string, width: number, style: CellStyle = STYLES.text): Column => ({ header, width, style });
const dateDa = (iso: string) => iso.slice(0, 10).split('-').reverse().join('-');
/** A total under a column of a table: the sum of its cells, with the sum the core made as the cached result. */
const columnSum = (firstRow: number, lastRow: number, col: number, result: number): PlanValue => ({ formula: `SUM(${rangeRef(firstRow, col, Math.max(firstRow, lastRow), col)})`, result });
const periodText = (c: Consolidation) => (c.years.length ? `${c.years[0]}–${c.years[c.years.length - 1]}` : '');

/** Every sheet's page header (the workbook's title and the sheet) and footer (the date made, page x of y). */
function pageFurniture(c: Consolidation): Pick<SheetPrint, 'header' | 'footer'> {
  const header: HeaderFooterPlan = { left: [`${OUTPUT.workbookTitle} ${periodText(c)}`.trim()], right: [{ field: 'sheet' }] };
  const footer: HeaderFooterPlan = { left: [`Lavet ${dateDa(c.generatedAt)}`], right: ['Side ', { field: 'page' }, ' af ', { field: 'pages' }] };
  return { header, footer };
}

/** A short name for charts and narrow tables: the administration's code, or what identifies it. */
const adminShort = (code: string) => (findAdministration(code) ? code : adminLabel(code));

// ---------------------------------------------------------------- lists (one Excel table per sheet)

interface ListSheet<R, K extends string> {
  name: string;
  title: string;
  note: string;
  table: string;
  columns: LayoutColumn<R, K>[];
  /**
   * The rows' items. A function or an array is walked each time the host writes the sheet, so the sheet's cells
   * are made as they are written and never held; a one-off iterator (a generator's result) is kept as its items.
   */
  rows: Iterable<R> | (() => Iterable<R>);
  conditional?: { keys: K[]; rules: ConditionalRule[] }[];
  tabColor?: string;
}

/** A list's rows as a stream: each row's cells made from its item by the layout when the host asks for it. */
function layoutRows<R, K extends string>(columns: LayoutColumn<R, K>[], rows: ListSheet<R, K>['rows']): RowStream {
  let items: () => Iterable<R>;
  if (typeof rows === 'function') items = rows;
  else if (Array.isArray(rows) || (rows[Symbol.iterator]() as unknown) !== rows) items = () => rows;
  else {
    // A one-off iterator: its items (references, not cells) are kept so the rows can be walked again.
    const kept = [...rows];
    items = () => kept;
  }
  let count = 0;
  if (Array.isArray(rows)) count = rows.length;
  else for (const _ of items()) count++;
  return {
    count,
    width: columns.length,
    *rows() {
      for (const r of items()) yield rowValues(columns, r);
    },
  };
}

/** A title, a note and one Excel table with its header row frozen (and the name column), printed with the key columns. */
function listSheet<R, K extends string>(c: Consolidation, s: ListSheet<R, K>): SheetPlan {
  const b = new SheetBuilder(s.name, s.tabColor);
  b.title(s.title);
  const printed = Math.max(1, s.columns.filter((x) => x.printed).length);
  b.note(s.note, printed);
  const header = b.table(
    s.columns.map((x) => col(x.header.da, x.width, x.style)),
    layoutRows(s.columns, s.rows),
    { excelTable: s.table, conditionalFormats: (s.conditional ?? []).map((f) => ({ columns: f.keys.map((k) => columnNumber(s.columns, k)), rules: f.rules })) },
  );
  b.freeze(header, 1);
  b.print({ keyColumns: printed, headerRow: header, ...pageFurniture(c) });
  return b.build();
}

function overviewSheet(c: Consolidation): SheetPlan {
  const columns = overviewColumns(c.years);
  return listSheet(c, {
    name: OUTPUT.overview,
    title: `${OUTPUT.workbookTitle} ${periodText(c)}`.trim(),
    note: `Én række pr. indsats og pr. monitoreret projekt fra hver forvaltning. Beløb i kr. Lavet ${dateDa(c.generatedAt)}. Filtrér i tabellens overskrifter eller med udsnitsværktøjerne på ${OUTPUT.overviewSheet}. "Rød i året": rød i mindst ét kvartal af statusåret; "Antal røde kvartaler" tæller også kvartaler fra tidligere samlede opgørelser. Filstatus viser, om rækken kommer fra en fil med fejl.`,
    table: OUTPUT.overviewTable,
    columns,
    rows: () => overviewRows(c),
    conditional: [
      { keys: ['currentColour', 'quarterColour:1', 'quarterColour:2', 'quarterColour:3', 'quarterColour:4'], rules: colourRules },
      { keys: ['redInYear'], rules: redYesRule },
    ],
    tabColor: BRAND,
  });
}

function monitoringSheet(c: Consolidation): SheetPlan {
  return listSheet(c, {
    name: OUTPUT.monitoring,
    title: 'Overvågning af integrationsprojekter (mindst 100.000 kr. i kommunal medfinansiering)',
    note: `Kun kvartaler, der var slut ved indsendelsen, har en farve. Farven er den indberettede; mangler den, er den beregnet ud fra succeskriterierne: opnået ved kvartalets udgang ÷ mål sammenlignet med andelen af projektperioden, der var gået da (grøn fra ${Math.round(c.thresholds.green * 100)} %, gul fra ${Math.round(c.thresholds.yellow * 100)} % af det forventede). Monitoreret: mindst 100.000 kr. i kommunal medfinansiering over hele projektperioden. Rød to gange: brev til fagudvalg (arket ${OUTPUT.letters}). Alle kvartaler står på arket ${OUTPUT.history}.`,
    table: OUTPUT.projectsTable,
    columns: projectColumns(),
    rows: c.monitoring,
    conditional: [
      { keys: ['quarter:1', 'quarter:2', 'quarter:3', 'quarter:4', 'computed:1', 'computed:2', 'computed:3', 'computed:4', 'currentColour'], rules: colourRules },
      { keys: ['redInYear'], rules: redYesRule },
    ],
  });
}

function historySheet(c: Consolidation): SheetPlan {
  return listSheet(c, {
    name: OUTPUT.history,
    title: OUTPUT.historyTitle,
    note: 'Alle kvartaler, også fra tidligere samlede opgørelser; næste samling læser dem herfra for at tælle røde kvartaler.',
    table: OUTPUT.historyTable,
    columns: historyColumns(),
    rows: c.history,
    conditional: [{ keys: ['colour'], rules: colourRules }],
  });
}

function goalStatusSheet(c: Consolidation): SheetPlan {
  return listSheet(c, {
    name: OUTPUT.goalStatus,
    title: 'Status pr. forvaltning og mål a–g',
    note: 'Hver forvaltnings svar pr. mål: om målet er relevant, status for målopfyldelsen, om det er realistisk, og hvilke initiativer der er nødvendige. Antal indsatser og udgift tæller indsatserne for målet (en indsats for flere mål tæller under hvert).',
    table: OUTPUT.goalStatusTable,
    columns: goalStatusColumns(c.years),
    rows: () => goalStatusRows(c),
  });
}

function* findingRows(c: Consolidation): Generator<FindingRow> {
  for (const file of c.files) for (const diagnostic of file.diagnostics) yield { file, diagnostic, message: diagnosticMessage(diagnostic, 'da') };
}

function findingsSheet(c: Consolidation): SheetPlan {
  return listSheet(c, {
    name: OUTPUT.findings,
    title: 'Valideringsfejl og bemærkninger i de indsendte filer',
    note: 'Hver fejl, advarsel og bemærkning med fil, ark og celle. Filer med fejl er medtaget og markeret i Samlet status (kolonnen Filstatus), medmindre de er udeladt.',
    table: OUTPUT.findingsTable,
    columns: findingColumns(),
    rows: () => findingRows(c),
    conditional: [{ keys: ['severity'], rules: [{ kind: 'textEquals', text: 'fejl', fill: COLOUR_FILLS.red }] }],
  });
}

function filesSheet(c: Consolidation): SheetPlan {
  return listSheet(c, {
    name: OUTPUT.files,
    title: 'Indlæste filer',
    note: 'Hver fil, der blev læst, og hvad der blev af den: medtaget, medtaget med fejl, udeladt, erstattet af en senere indsendelse eller ikke læsbar.',
    table: OUTPUT.filesTable,
    columns: fileColumns(),
    rows: c.files,
  });
}

function newlyRedSheet(c: Consolidation): SheetPlan {
  return listSheet(c, {
    name: OUTPUT.newlyRed,
    title: 'Nye røde projekter: giv besked før offentliggørelse',
    note: 'Projekter, der er røde i det seneste afsluttede kvartal og ikke var det i den forrige samlede status. Efter proceduren for projekter i rødt får projektet og puljeholderen besked, før oversigten offentliggøres, og der udarbejdes en handlingsplan.',
    table: OUTPUT.newlyRedTable,
    columns: newlyRedColumns(),
    rows: c.monitoring.filter((m) => m.newlyRed),
    conditional: [{ keys: ['escalation'], rules: [{ kind: 'textEquals', text: OUTPUT.escalated, fill: COLOUR_FILLS.red }] }],
  });
}

/** Letter sheet geometry: a label column and six for the criteria table, narrow enough for A4 upright. */
const LETTER_LABEL_WIDTH = 30;
const LETTER_COLUMNS = 6;
const LETTER_COLUMN_WIDTH = 11;

/** One draft letter per escalated project, each on its own printed page (the same blocks as the Word documents). */
function lettersSheet(c: Consolidation): SheetPlan {
  const b = new SheetBuilder(OUTPUT.letters, COLOUR_FILLS.red);
  const last = 1 + LETTER_COLUMNS;
  b.width(1, LETTER_LABEL_WIDTH);
  for (let k = 2; k <= last; k++) b.width(k, LETTER_COLUMN_WIDTH);
  const letters = escalationLetters(c);
  b.title('Breve til fagudvalg: projekter, der er røde for anden gang');
  b.note(
    letters.length
      ? `Udkast, ét pr. projekt og hver på sin egen side. De samme breve skrives som Word-dokumenter (${letters.map((l) => l.fileName).join(', ')}).`
      : 'Ingen projekter er røde for anden gang: der skal ikke skrives breve til fagudvalg.',
    last,
  );
  letters.forEach((letter, i) => {
    b.skip();
    // The first letter follows the sheet's title; every further one starts a page.
    if (i > 0) b.newPage();
    b.line(letter.title, STYLES.subtitle);
    for (const block of letter.blocks) {
      if (block.kind === 'heading') {
        b.skip();
        b.line(block.text, STYLES.subtitle);
      } else if (block.kind === 'paragraph') {
        b.mergedText(b.nextRow, 1, last, block.text, block.bold ? { ...STYLES.paragraph, bold: true } : STYLES.paragraph);
        b.skip();
      } else if (block.kind === 'facts') {
        for (const [label, value] of block.rows) {
          b.block(b.nextRow, 1, [[label]], STYLES.label);
          b.mergedText(b.nextRow, 2, last, value, STYLES.paragraph);
          b.skip();
        }
      } else {
        // The criteria table: the criterion in the label column, its target and figures in the narrow columns.
        b.table(
          block.header.map((header, k) => col(header, k === 0 ? LETTER_LABEL_WIDTH : LETTER_COLUMN_WIDTH, k === 0 ? STYLES.paragraph : { ...STYLES.centre, wrap: true })),
          block.rows,
        );
      }
    }
  });
  b.print({ keyColumns: last, ...pageFurniture(c) });
  const sheet = b.build();
  // A letter prints upright.
  if (sheet.print) sheet.print = { ...sheet.print, landscape: false };
  return sheet;
}

/**
 * The budget periods side by side (--period all): per administration and per goal, each period's own figures in a
 * column labelled with the period, and the difference between the latest two. Nothing adds amounts of two periods.
 */
function periodsSheet(c: Consolidation, periods: PeriodFigures[]): SheetPlan {
  const b = new SheetBuilder(OUTPUT.periods);
  const labels = periods.map((p) => p.period);
  const [previous, latest] = labels.length >= 2 ? labels.slice(-2) : [undefined, labels[0]];
  const span = labels.length + 2 + (previous ? 1 : 0);
  b.title(`Budgetperioderne hver for sig: ${labels.join(', ')}`);
  b.note(
    `Hver periodes tal er forvaltningens egen redegørelse for den periode (kr., over periodens egne budgetår). Perioderne lægges aldrig sammen; ${previous ? `"Forskel" er ${latest} minus ${previous}. ` : ''}Resten af projektmappen gælder ${c.period}.`,
    span,
  );
  const admins = [...new Set(periods.flatMap((p) => p.administrations.map((a) => a.administration)))];
  const figure = (period: PeriodFigures, admin: string, f: (a: PeriodFigures['administrations'][number]) => number) => {
    const a = period.administrations.find((x) => x.administration === admin);
    return a ? f(a) : null;
  };
  const difference = (values: (number | null)[]): PlanValue[] => {
    if (!previous) return [];
    const [p, l] = values.slice(-2);
    return [p === null || l === null ? null : round2(l - p)];
  };
  const periodColumns = (first: string, width: number) => [
    col(first, width),
    ...labels.map((l) => col(l, 15, STYLES.kr)),
    ...(previous ? [col(`Forskel ${latest} – ${previous}`, 16, STYLES.krBold)] : []),
  ];
  b.subtitle('Tabel 1, I ALT pr. forvaltning og periode');
  b.table(
    periodColumns('Forvaltning', 30),
    admins.map((a) => {
      const values = periods.map((p) => figure(p, a, (x) => x.table1Total));
      return [adminLabel(a), ...values, ...difference(values)];
    }),
  );
  b.subtitle('Udgift pr. mål a–g (indsatser for integrationspolitikkens mål) pr. forvaltning og periode');
  b.note('En indsats for flere mål tælles under hvert af dem.', span);
  const goalRows: PlanValue[][] = [];
  for (const g of GOAL_LETTERS) {
    const total = periods.map((p) => round2(p.administrations.reduce((s, a) => s + a.goals[g], 0)));
    goalRows.push([`Mål ${g}, alle forvaltninger`, ...total, ...difference(total)]);
    for (const a of admins) {
      const values = periods.map((p) => figure(p, a, (x) => x.goals[g]));
      if (values.some((v) => v !== null && v !== 0)) goalRows.push([`Mål ${g}, ${adminShort(a)}`, ...values, ...difference(values)]);
    }
  }
  b.table(periodColumns('Mål og forvaltning', 30), goalRows);
  b.print({ ...pageFurniture(c) });
  return b.build();
}

// ---------------------------------------------------------------- Overblik

/** Chart geometry on the overview: charts start two columns right of the widest table and are this tall. */
const CHART_ROWS = 14;
const CHART_COLUMNS = 8;
const CHART_COLUMN_WIDTH = 8;
const CHART_FONT = 11;
const LABEL_WIDTH = 22;
const FIGURE_WIDTH = 10;
/** Charts show at most this many administrations (the tables list them all). */
const MAX_CHART_SERIES = 10;

function overviewFirstSheet(c: Consolidation): SheetPlan {
  const b = new SheetBuilder(OUTPUT.overviewSheet, BRAND);
  const spend = spendByAdministration(c);
  const whole = municipalitySpend(c);
  const colours = coloursByAdministration(c);
  const quarters = coloursByQuarter(c);
  const matrix = goalMatrix(c);
  const years = c.years.map(String);
  const tableWidth = Math.max(2 + years.length, 7);
  const chartCol = tableWidth + 2;
  const chartArea = (top: number) => rangeRef(top + 1, chartCol, top + CHART_ROWS, chartCol + CHART_COLUMNS - 1);
  b.width(1, LABEL_WIDTH);
  for (let k = 2; k <= tableWidth; k++) b.width(k, FIGURE_WIDTH);
  b.width(tableWidth + 1, 1);
  for (let k = 0; k < CHART_COLUMNS; k++) b.width(chartCol + k, CHART_COLUMN_WIDTH);

  const codes = [...new Set(c.included.map((i) => i.administration))].map((a) => (findAdministration(a) ? `${a} ${findAdministration(a)!.name}` : null)).filter(Boolean);
  b.title(`Overblik: integrationsindsatsen ${periodText(c)}`.trim());
  b.note(
    `Lavet ${dateDa(c.generatedAt)}. Beløb fra Tabel 1, som forvaltningerne har opgjort dem (vist i mio. kr.; cellerne rummer kroner). Figurerne viser tallene i tabellerne ved siden af: retter du et tal der, følger figuren med.${codes.length ? ` Forkortelser: ${codes.join(', ')}.` : ''}`,
    tableWidth,
  );

  // Key figures, with the slicers to their right.
  const top = b.nextRow + 1;
  b.subtitle('Nøgletal');
  const policy = c.included.reduce((s, i) => s + i.submission.policyInitiatives.length, 0);
  const other = c.included.reduce((s, i) => s + i.submission.otherInitiatives.length, 0);
  const count = (k: Colour) => colours.reduce((s, x) => s + x.counts[k], 0);
  const none = colours.reduce((s, x) => s + x.none, 0);
  const reds = colours.reduce((s, x) => s + x.redInYear, 0);
  const escalated = c.monitoring.filter((m) => m.escalate);
  const withErrors = whole.filesWithErrors;
  const spendTotal = sumRounded(whole.byYear);
  const figures: [string, PlanValue, string][] = [
    ['Budgetperiode', periodText(c) || null, ''],
    ['Forvaltninger', spend.length, spend.map((s) => adminShort(s.administration)).join(', ')],
    ['Udgift i alt (Tabel 1)', spendTotal, withErrors.length ? `heraf ${formatMillions(sumRounded(whole.fromFilesWithErrors))} fra filer med fejl; uden dem ${formatMillions(sumRounded(whole.withoutFilesWithErrors))}` : 'ingen filer med fejl'],
    ['Indsatser', policy + other, `${policy} for politikkens mål a–g, ${other} for øvrige mål`],
    ['Monitorerede projekter', c.monitoring.length, `aktuel farve: grøn ${count('green')}, gul ${count('yellow')}, rød ${count('red')}, uden farve ${none}`],
    ['Røde i året', reds, 'projekter med mindst ét rødt kvartal i statusåret'],
    ['Eskaleringer', escalated.length, escalated.length ? `rød to gange, brev til fagudvalg: ${escalated.map((m) => `${m.project.name} (${adminShort(m.administration)})`).join(', ')}` : 'ingen projekter er røde for anden gang'],
    [
      'Filer med fejl',
      c.files.filter((f) => f.errors > 0 && f.outcome !== 'replaced').length,
      withErrors.length ? `${withErrors.map((f) => `${adminShort(f.administration)} (${f.errors} fejl)`).join(', ')}: medtaget og markeret` : c.strict ? 'filer med fejl er udeladt (--strict)' : 'ingen medtagne filer har fejl',
    ],
  ];
  const first = b.nextRow;
  b.block(first, 1, figures.map((f) => [f[0]]), STYLES.label);
  b.block(first, 2, figures.map((f) => [f[1]]), { ...STYLES.plain, horizontal: 'center', numberFormat: '#,##0' });
  b.block(first + 2, 2, [[spendTotal]], { ...STYLES.millions, horizontal: 'center' });
  figures.forEach((f, i) => b.mergedText(first + i, 3, tableWidth, f[2], STYLES.paragraph));
  b.moveTo(first + figures.length);
  // Spend per budget year for the whole municipality: the spend table's total rows below, referred to (filled in there).
  b.skip();
  const yearsAt = b.nextRow;
  b.line('Udgift pr. budgetår, hele kommunen (Tabel 1, I ALT)', STYLES.label);
  b.block(yearsAt + 1, 1, [[null, ...years, 'I alt']], STYLES.header);
  b.skip(4);

  // Slicers (in Excel, written by the add-in): administration, colour, red in the year, escalation, each goal.
  const slicerTop = top;
  b.block(slicerTop, chartCol, [['Udsnitsværktøjer for Samlet status']], STYLES.subtitle);
  // Wrapped inside the chart columns: text running on to the right would widen the printed page.
  b.block(slicerTop + 1, chartCol, [[`Skrives den samlede status i Excel med tilføjelsesprogrammet, står de her; ellers filtrér i tabellen på arket ${OUTPUT.overview}.`]], STYLES.hint);
  b.merge(rangeRef(slicerTop + 1, chartCol, slicerTop + 2, chartCol + CHART_COLUMNS - 1));
  const sRow = slicerTop + 3;
  const cells = (row: number, col: number, rows: number, cols: number) => rangeRef(row, chartCol + col, row + rows - 1, chartCol + col + cols - 1);
  // Administration, colour and red in the year side by side; escalation below; a small slicer per goal beside it.
  const slicers: [OverviewKey, string][] = [
    ['administration', cells(sRow, 0, 8, 4)],
    ['currentColour', cells(sRow, 4, 8, 2)],
    ['redInYear', cells(sRow, 6, 8, 2)],
    ['escalation', cells(sRow + 8, 0, 10, 4)],
    ...GOAL_LETTERS.map((g, i): [OverviewKey, string] => [`goal:${g}`, cells(sRow + 8 + Math.floor(i / 4) * 5, 4 + (i % 4), 5, 1)]),
  ];
  for (const [key, at] of slicers) b.slicer({ table: OUTPUT.overviewTable, column: overviewHeader(key), caption: overviewHeader(key), cells: at });
  b.moveTo(sRow + 18);

  /** A section: its title, its table (fill), and the chart of the table beside it, on a page of its own. */
  const section = (title: string, fill: (start: number) => { chart?: Omit<ChartPlan, 'anchor' | 'fontSize'> }) => {
    b.skip();
    b.newPage();
    const start = b.nextRow;
    b.line(title, STYLES.subtitle);
    const { chart } = fill(start);
    if (chart) b.chart({ ...chart, anchor: chartArea(start), fontSize: CHART_FONT });
    b.moveTo(start + (chart ? CHART_ROWS + 1 : 0));
  };
  /** A stacked chart of green, yellow and red counts (the table's columns B–D) per category (column A). */
  const colourChart = (title: string, header: number, lastRow: number, largest: number) => ({
    chart: {
      stacked: true,
      title,
      categories: rangeRef(header + 1, 1, lastRow, 1),
      series: COLOURS.map((k, i) => ({ name: cellRef(header, 2 + i), values: rangeRef(header + 1, 2 + i, lastRow, 2 + i), colour: CHART_COLOURS[k] })),
      // Counts are whole: gridlines one apart where that is few enough to read.
      ...(largest <= 10 ? { majorUnit: 1 } : {}),
    },
  });

  section('Udgift pr. budgetår og forvaltning (Tabel 1, I ALT)', (start) => {
    const rows = spend.map((s) => [adminShort(s.administration), ...s.byYear, sumRounded(s.byYear)] as PlanValue[]);
    const header = start + 1;
    const firstRow = header + 1;
    const lastRow = header + rows.length;
    const sumCol = (k: number) => columnSum(firstRow, lastRow, k, sumRounded(spend.map((s) => (k - 2 < years.length ? s.byYear[k - 2] : sumRounded(s.byYear)))));
    const yearCols = years.length + 1;
    const totals: PlanValue[][] = [
      ['Hele kommunen', ...Array.from({ length: yearCols }, (_, i) => (rows.length ? sumCol(i + 2) : 0))],
      ['heraf fra filer med fejl', ...whole.fromFilesWithErrors, sumRounded(whole.fromFilesWithErrors)],
      ['uden filer med fejl', ...Array.from({ length: yearCols }, (_, i) => ({ formula: `${cellRef(lastRow + 1, i + 2)}-${cellRef(lastRow + 2, i + 2)}`, result: i < years.length ? whole.withoutFilesWithErrors[i] : sumRounded(whole.withoutFilesWithErrors) }))],
    ];
    b.table([col('Forvaltning', LABEL_WIDTH), ...years.map((y) => col(y, FIGURE_WIDTH, STYLES.millions)), col('I alt', FIGURE_WIDTH, { ...STYLES.millions, bold: true })], rows, { totals });
    // The key figures show the same total rows, by reference.
    const shown = totals.map((line, r) => [line[0], ...line.slice(1).map((v, k) => ({ formula: cellRef(lastRow + 1 + r, k + 2), result: (v as { result?: number }).result ?? (v as number) }))]);
    b.block(yearsAt + 2, 1, shown.map((line) => [line[0]]), STYLES.plain);
    b.block(yearsAt + 2, 2, shown.map((line) => line.slice(1)), { ...STYLES.millions, horizontal: 'right' });
    if (!rows.length || !years.length) return {};
    const charted = rows.slice(0, MAX_CHART_SERIES);
    return {
      chart: {
        stacked: true,
        title: 'Udgift pr. budgetår, fordelt på forvaltninger',
        categories: rangeRef(header, 2, header, 1 + years.length),
        series: charted.map((_, i) => ({ name: cellRef(firstRow + i, 1), values: rangeRef(firstRow + i, 2, firstRow + i, 1 + years.length), colour: CHART_PALETTE[i % CHART_PALETTE.length] })),
        valueFormat: MILLIONS_FORMAT,
      },
    };
  });

  section('Udgift pr. mål a–g (indsatser for integrationspolitikkens mål, hele perioden)', (start) => {
    const header = start + 1;
    const firstRow = header + 1;
    const rows = GOAL_LETTERS.map((g) => [`Mål ${g}`, sumRounded(matrix.map((m) => m.spend[g])), matrix.reduce((s, m) => s + m.count[g], 0)] as PlanValue[]);
    const once: PlanValue[] = ['Hver indsats én gang', sumRounded(matrix.map((m) => m.spendOnce)), matrix.reduce((s, m) => s + m.countOnce, 0)];
    b.table([col('Mål', LABEL_WIDTH), col('Udgift i alt', FIGURE_WIDTH, STYLES.millions), col('Antal indsatser', FIGURE_WIDTH, STYLES.integer)], rows, { totals: [once] });
    b.note(`En indsats for flere mål tælles under hvert af dem; "Hver indsats én gang" tæller den én gang. Derfor er summen af målene større. Forvaltningernes fordeling står på arket ${OUTPUT.goals}.`, tableWidth);
    if (!c.included.length) return {};
    return {
      chart: {
        stacked: false,
        title: 'Udgift pr. mål a–g (en indsats for flere mål tæller under hvert)',
        categories: rangeRef(firstRow, 1, firstRow + GOAL_LETTERS.length - 1, 1),
        series: [{ name: cellRef(header, 2), values: rangeRef(firstRow, 2, firstRow + GOAL_LETTERS.length - 1, 2), colour: BRAND }],
        valueFormat: MILLIONS_FORMAT,
      },
    };
  });

  section('Monitorerede projekter pr. forvaltning og aktuel farve', (start) => {
    const header = start + 1;
    const firstRow = header + 1;
    const rows = colours.map((x) => [adminShort(x.administration), x.counts.green, x.counts.yellow, x.counts.red, x.none, x.redInYear, x.escalated] as PlanValue[]);
    const lastRow = header + rows.length;
    const sums: PlanValue[] = ['I alt', ...[2, 3, 4, 5, 6, 7].map((k) => columnSum(firstRow, lastRow, k, rows.reduce((s, r) => s + (r[k - 1] as number), 0)))];
    b.table(
      [col('Forvaltning', LABEL_WIDTH), ...COLOURS.map((k) => col(COLOUR_LABELS[k], FIGURE_WIDTH, STYLES.integer)), col('uden farve', FIGURE_WIDTH, STYLES.integer), col('Rød i året', FIGURE_WIDTH, STYLES.integer), col('Eskaleret', FIGURE_WIDTH, STYLES.integer)],
      rows,
      { totals: rows.length ? [sums] : [] },
    );
    if (!rows.length) {
      b.line('Ingen monitorerede projekter.', STYLES.note);
      return {};
    }
    return colourChart('Monitorerede projekter pr. forvaltning og farve', header, lastRow, Math.max(...colours.map((x) => x.counts.green + x.counts.yellow + x.counts.red)));
  });

  section('Farver pr. kvartal (alle kvartaler i historikken)', (start) => {
    const header = start + 1;
    const rows = quarters.map((q) => [show.quarter(q), q.counts.green, q.counts.yellow, q.counts.red] as PlanValue[]);
    const lastRow = header + rows.length;
    b.table([col('Kvartal', LABEL_WIDTH), ...COLOURS.map((k) => col(COLOUR_LABELS[k], FIGURE_WIDTH, STYLES.integer))], rows);
    if (!rows.length) {
      b.line('Ingen kvartalsfarver endnu.', STYLES.note);
      return {};
    }
    return colourChart('Projekternes farver kvartal for kvartal', header, lastRow, Math.max(...quarters.map((q) => q.counts.green + q.counts.yellow + q.counts.red)));
  });

  b.print({ keyColumns: tableWidth + 1 + CHART_COLUMNS, ...pageFurniture(c) });
  return b.build();
}

function formatMillions(kr: number): string {
  return `${(kr / 1_000_000).toFixed(1).replace('.', ',')} mio. kr.`;
}

// ---------------------------------------------------------------- Økonomi

const T1_LABELS: Record<Table1RowKey, string> = Object.fromEntries(TABLE1.rows.map((r) => [r.key, r.label])) as Record<Table1RowKey, string>;
const T1_KEYS: Table1RowKey[] = ['policy', 'other', 'projects', 'total'];

function economySheet(c: Consolidation): SheetPlan {
  const b = new SheetBuilder(OUTPUT.economy);
  b.title('Økonomi: Tabel 1 for hele kommunen og pr. forvaltning');
  b.note('Beløb i kr., omregnet fra den beløbsenhed hver forvaltning brugte. Tabel 1 som forvaltningen har opgjort den. Beløb fra filer med fejl er medtaget og vist for sig, så totalen kan læses med og uden dem.', 8);
  const yearCols = c.years.map((y) => col(String(y), 14, STYLES.kr));
  const columns = [col('Forvaltning', 26), col('Række', 32), ...yearCols, col('I alt', 15, STYLES.krBold), col('Filstatus', 18)];
  const withTotal = (values: number[]) => [...values, sumRounded(values)];
  const figures = table1Figures(c);
  const whole = municipalityTable1(figures, c.years);
  const errors = municipalitySpend(c);
  const errorFiles = errors.filesWithErrors.map((f) => `${adminShort(f.administration)} (${f.errors} fejl)`).join(', ') || 'ingen';

  b.subtitle('Hele kommunen');
  const municipality: PlanValue[][] = T1_KEYS.map((k) => ['Hele kommunen', T1_LABELS[k], ...withTotal(whole[k]), null]);
  municipality.push(['Hele kommunen', 'heraf fra filer med fejl (I ALT)', ...withTotal(errors.fromFilesWithErrors), errorFiles]);
  municipality.push(['Hele kommunen', 'I ALT uden filer med fejl', ...withTotal(errors.withoutFilesWithErrors), null]);
  b.table(columns, municipality);

  b.subtitle('Tabel 1 pr. forvaltning');
  const rows: PlanValue[][] = [];
  c.included.forEach((inc, i) => {
    for (const k of T1_KEYS) rows.push([adminLabel(inc.administration), T1_LABELS[k], ...withTotal(figures[i].rows[k]), fileStatusText(inc)]);
  });
  b.table(columns, rows);

  b.subtitle('Udgift pr. mål a–g (indsatser for integrationspolitikkens mål)');
  b.note('En indsats, der bidrager til flere mål, tælles med under hvert af dem; linjen "I alt, hver indsats talt én gang" tæller hver indsats én gang og sammenlignes med Tabel 1, række 1.', 8);
  const once = policySpendOnce(c);
  const t1Policy = whole.policy;
  const goalRows: PlanValue[][] = spendPerGoal(c).map((g) => [`Mål ${g.goal}`, POLICY_GOALS.find((x) => x.letter === g.goal)!.text, ...withTotal(g.byYear), null]);
  goalRows.push(['I alt', 'Hver indsats talt én gang', ...withTotal(once), null]);
  goalRows.push(['Tabel 1', `${T1_LABELS.policy} (række 1, hele kommunen)`, ...withTotal(t1Policy), null]);
  goalRows.push(['Forskel', 'Tabel 1, række 1 minus indsatserne', ...withTotal(t1Policy.map((v, i) => round2(v - once[i]))), null]);
  b.table([col('Mål', 26), col('Målets tekst', 32), ...yearCols, col('I alt', 15, STYLES.krBold), col('Bemærkning', 18)], goalRows);

  const rec = goalReconciliation(c);
  if (rec.disagreements.length) {
    b.subtitle('Forskellen forklaret: hvor Tabel 1 og indsatserne ikke stemmer');
    b.note(
      `Udgiften pr. mål bygger på indsatserne på arket "Indsatser mål a-g" (${rec.initiatives.toLocaleString('da-DK')} kr.), Tabel 1, række 1 på forvaltningernes egne tal (${rec.table1.toLocaleString('da-DK')} kr.). Forskellen på ${rec.difference.toLocaleString('da-DK')} kr. kommer fra: ${rec.disagreements.map((d) => adminShort(d.administration)).join(', ')}.`,
      8,
    );
    b.table(
      [col('Forvaltning', 26), col('Fil', 32), col('Tabel 1, række 1', 14, STYLES.kr), col('Indsatserne', 14, STYLES.kr), col('Forskel', 14, STYLES.krBold)],
      rec.disagreements.map((d) => [adminLabel(d.administration), d.file, d.table1, d.initiatives, d.difference]),
    );
  } else {
    b.line('Udgiften pr. mål (hver indsats én gang) stemmer med Tabel 1, række 1.', STYLES.note);
  }
  b.print({ ...pageFurniture(c) });
  return b.build();
}

// ---------------------------------------------------------------- Mål a–g

function goalsSheet(c: Consolidation): SheetPlan {
  const b = new SheetBuilder(OUTPUT.goals);
  b.title('Mål a–g: forvaltninger og mål');
  b.note(
    'Sådan tælles: en indsats, der bidrager til flere mål, tælles med hele sit beløb under hvert af målene. Kolonnen "I alt (hver indsats én gang)" og totalen nederst tæller hver indsats én gang; derfor er summen af målkolonnerne større end totalen. Den største forvaltning pr. mål er fremhævet.',
    9,
  );
  const matrix = goalMatrix(c);
  const goalCols = GOAL_LETTERS.map((g) => `Mål ${g}`);
  const top: ConditionalRule[] = [{ kind: 'top', rank: 1, fill: HIGHLIGHT_FILL }];

  const matrixTable = (title: string, style: CellStyle, value: (r: (typeof matrix)[number], g: (typeof GOAL_LETTERS)[number]) => number, once: (r: (typeof matrix)[number]) => number) => {
    b.subtitle(title);
    const rows = matrix.map((r) => [adminLabel(r.administration), ...GOAL_LETTERS.map((g) => value(r, g)), once(r)] as PlanValue[]);
    const header = b.nextRow;
    const firstRow = header + 1;
    const lastRow = header + rows.length;
    const sums: PlanValue[] = [
      'Hele kommunen',
      ...Array.from({ length: GOAL_LETTERS.length + 1 }, (_, i) => columnSum(firstRow, lastRow, i + 2, round2(rows.reduce((s, r) => s + (r[i + 1] as number), 0)))),
    ];
    b.table([col('Forvaltning', 26), ...goalCols.map((g) => col(g, 14, style)), col('I alt (hver indsats én gang)', 15, { ...style, bold: true })], rows, {
      totals: rows.length ? [sums] : [],
      conditionalFormats: rows.length > 1 ? [{ columns: GOAL_LETTERS.map((_, i) => i + 2), rules: top }] : [],
    });
  };
  matrixTable('Udgift pr. forvaltning og mål (kr., hele budgetperioden)', STYLES.kr, (r, g) => r.spend[g], (r) => r.spendOnce);
  matrixTable('Antal indsatser pr. forvaltning og mål', STYLES.integer, (r, g) => r.count[g], (r) => r.countOnce);

  b.subtitle('Målene samlet');
  const summary: PlanValue[][] = GOAL_LETTERS.map((goal) => {
    const relevant = c.included.filter((inc) => inc.submission.goals.find((g) => g.goal === goal)?.relevant === true).length;
    const count = matrix.reduce((s, r) => s + r.count[goal], 0);
    return [`Mål ${goal}`, relevant, count, sumRounded(matrix.map((r) => r.spend[goal])), count === 0 ? 'Ingen forvaltning arbejder med målet' : null];
  });
  b.table(
    [col('Mål', 26), col('Forvaltninger, der finder målet relevant', 14, STYLES.integer), col('Antal indsatser', 14, STYLES.integer), col('Udgift i alt', 14, STYLES.kr), col('Bemærkning', 14)],
    summary,
    // A goal no administration works on stands out (red), and stays marked if the sheet is sorted.
    { conditionalFormats: [{ columns: [5], rules: [{ kind: 'textEquals', text: 'Ingen forvaltning arbejder med målet', fill: COLOUR_FILLS.red, fontColor: '9C0006' }] }] },
  );
  b.subtitle('Integrationspolitikkens mål');
  for (const g of POLICY_GOALS) {
    b.merge(rangeRef(b.nextRow, 1, b.nextRow, 9));
    b.line(`Mål ${g.letter}: ${g.text}`, STYLES.paragraph);
  }
  b.line(`Hver forvaltnings status, realisme og nødvendige initiativer pr. mål står på arket ${OUTPUT.goalStatus}.`, STYLES.note);
  b.print({ keyColumns: 9, ...pageFurniture(c) });
  return b.build();
}

// ---------------------------------------------------------------- Om

function aboutSheet(c: Consolidation): SheetPlan {
  const b = new SheetBuilder(OUTPUT.about);
  b.title('Om denne samlede status');
  b.pairs([
    ['Lavet', `${dateDa(c.generatedAt)} kl. ${c.generatedAt.slice(11, 16)} (UTC)`],
    ['Produkt', `Integrationsstatus ${c.productVersion}`],
    ['Farvegrænser', `grøn: fremdrift mindst ${Math.round(c.thresholds.green * 100)} % af det forventede; gul: mindst ${Math.round(c.thresholds.yellow * 100)} %; ellers rød`],
    ['Monitoreringsgrænse', 'mindst 100.000 kr. i kommunal medfinansiering over hele projektperioden (projektets eget felt; i skabelon 1.0 budgetårene)'],
    ['Filer med fejl', c.strict ? 'udeladt (--strict)' : 'medtaget og markeret med antal fejl'],
    ['Tidligere samlet status', c.previousFile ? `${c.previousFile.name} (SHA-256 ${c.previousFile.sha256})` : 'ingen'],
    ['Budgetperiode', c.comparison ? `${c.period}; sammenlignet med ${c.periods.filter((p) => p !== c.period).join(', ')} på arket ${OUTPUT.periods}` : c.period],
    ['Kvartaler med farve', 'kun kvartaler, der var slut ved indsendelsen (og ved denne samling); et kvartal i gang tælles aldrig'],
    ['Eskalering', 'rød i to kvartaler (denne redegørelse og historikken): udkast til brev til fagudvalg'],
    ['Ark', `${OUTPUT.overviewSheet} (nøgletal og figurer), ${OUTPUT.overview} (alle indsatser og projekter), ${OUTPUT.economy}, ${OUTPUT.goals}, ${OUTPUT.goalStatus}, ${OUTPUT.monitoring}, ${OUTPUT.newlyRed}, ${OUTPUT.letters}, ${OUTPUT.history}, ${OUTPUT.findings}, ${OUTPUT.files}`],
  ]);
  if (c.leftOutPeriods.length) {
    b.subtitle('Udeladte budgetperioder');
    b.note(`Redegørelser for andre budgetperioder end ${c.period} er ikke lagt sammen med den: perioder lægges aldrig sammen. Vælg en anden periode med --period (eller i opgaveruden).`, 4);
    b.table(
      [col('Budgetperiode', 30), col('Filer', 36), col('Grund', 36)],
      c.leftOutPeriods.map((l) => [l.period, l.files.join(', '), `en anden budgetperiode end ${c.period}`]),
    );
  }
  b.width(1, 24);
  if (c.replacements.length) {
    b.subtitle('Erstattede indsendelser');
    b.table(
      [col('Forvaltning', 30), col('Budgetperiode', 14), col('Medtaget', 36), col('Erstattet', 36)],
      c.replacements.map((r) => [adminLabel(r.administration), r.period, r.kept, r.replaced]),
    );
  }
  b.print({ ...pageFurniture(c) });
  return b.build();
}

export function buildConsolidatedPlan(c: Consolidation): WorkbookPlan {
  return {
    sheets: [
      overviewFirstSheet(c),
      overviewSheet(c),
      economySheet(c),
      goalsSheet(c),
      goalStatusSheet(c),
      monitoringSheet(c),
      newlyRedSheet(c),
      lettersSheet(c),
      ...(c.comparison ? [periodsSheet(c, c.comparison)] : []),
      historySheet(c),
      findingsSheet(c),
      filesSheet(c),
      aboutSheet(c),
    ],
    definedNames: [],
    properties: { title: OUTPUT.workbookTitle, creator: `Integrationsstatus ${c.productVersion}` },
  };
}
