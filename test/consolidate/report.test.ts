/**
 * The consolidated workbook as the committee reads it, from the .xlsx the writer makes of the examples: the charts'
 * cells against figures summed from the inputs, the three questions managers ask, the print setup of every sheet, and
 * the new parts' element order (ECMA-376) and a clean open in openpyxl.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { absoluteRef, parseRangeRef, splitSheetRef } from '../../src/core/cells';
import { consolidate, type ConsolidationInput } from '../../src/core/consolidate/consolidate';
import { filterOverview } from '../../src/core/consolidate/filter';
import { OUTPUT, overviewColumns, overviewHeader, historyColumns } from '../../src/core/consolidate/layout';
import { buildConsolidatedPlan } from '../../src/core/consolidate/plan';
import { GOAL_LETTERS, MONITORING_THRESHOLD_KR, type GoalLetter } from '../../src/core/domain';
import { headerFooterText, MIN_PRINT_FONT_PT, SUBSTITUTE_WIDTH_FACTOR, fitScale } from '../../src/core/plan/print';
import type { WorkbookPlan } from '../../src/core/plan/types';
import { SheetGrid } from '../../src/core/reader';
import { EXAMPLES } from '../../src/examples/submissions';
import { XlsxWorkbookReader } from '../helpers/exceljsReader';
import { renderPlanToBuffer } from '../../src/hosts/xlsx/renderPlan';
import { overviewFromPlan } from '../../src/taskpane/overviewPlan';
import { exampleInputs } from '../helpers/examples';
import { expectedSubmission } from '../helpers/expected';
import { find, orderProblems, parseXml, parts, type XmlElement } from '../helpers/ooxml';
import { openpyxlJson, withOpenpyxl } from '../helpers/openpyxl';

const options = { generatedAt: '2010-06-01T12:00:00Z', productVersion: 'test' };
const YEARS = [2011, 2012, 2013, 2014];

// ------------------------------------------------------------------------ figures summed from the inputs themselves

const expected = EXAMPLES.map((e) => ({ e, s: expectedSubmission(e) }));
const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
const amount = (list: { year: number; amount: number | null }[], year: number) => list.find((a) => a.year === year)?.amount ?? 0;

/** Table 1's I ALT per year (policy + other + projects as typed), per administration. */
const table1ByAdmin = new Map(expected.map(({ e, s }) => [e.administration as string, YEARS.map((y) => sum(s.table1.rows.map((r) => amount(r.amounts, y))))]));
/** Spend of the policy initiatives serving each goal, per administration (an initiative counts under each goal). */
const goalSpend = (g: GoalLetter, admin?: string) =>
  sum(expected.filter(({ e }) => !admin || e.administration === admin).flatMap(({ s }) => s.policyInitiatives.filter((i) => i.goals.includes(g)).map((i) => sum(YEARS.map((y) => amount(i.economy, y))))));
/** Monitored projects (at least 100.000 kr. municipal co-financing) as typed. */
const monitored = expected.flatMap(({ e, s }) =>
  (s.projects as { name: string; fundingTotal: number | null; cofinancing: number | null; colours: { colour: string | null }[] }[])
    // The project's own co-financing over its period decides; without it, the budget years'.
    .filter((p) => (p.cofinancing ?? p.fundingTotal ?? 0) >= MONITORING_THRESHOLD_KR)
    .map((p) => ({ admin: e.administration as string, name: p.name, colours: p.colours.map((c) => c.colour) })),
);

// ------------------------------------------------------------------------ the workbook

let inputs: ConsolidationInput[];
let plan: WorkbookPlan;
let bytes: Uint8Array;
let files: Map<string, string>;
let reader: XlsxWorkbookReader;
const grids = new Map<string, SheetGrid>();
const grid = async (name: string) => {
  if (!grids.has(name)) grids.set(name, new SheetGrid(await reader.readSheet(name)));
  return grids.get(name)!;
};

beforeAll(async () => {
  inputs = await exampleInputs();
  plan = buildConsolidatedPlan(consolidate(inputs, options));
  bytes = await renderPlanToBuffer(plan);
  files = await parts(bytes);
  reader = await XlsxWorkbookReader.load(bytes);
});

/** The cells a chart formula refers to, as our reader (exceljs) reads them from the file. */
async function cells(formula: string): Promise<(string | number | null)[]> {
  const t = splitSheetRef(formula)!;
  const r = parseRangeRef(t.ref)!;
  const g = await grid(t.sheet);
  const out: (string | number | null)[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(g.value(row, col) as string | number | null);
  return out;
}

interface SeriesRead {
  name: string;
  categories: (string | number | null)[];
  values: (string | number | null)[];
  cachedValues: string[];
}

async function chartSeries(chart: XmlElement): Promise<SeriesRead[]> {
  const out: SeriesRead[] = [];
  for (const ser of find(chart, 'c:ser')) {
    const f = (parent: string) => find(find(ser, parent)[0], 'c:f')[0].text;
    out.push({
      name: String((await cells(f('c:tx')))[0]),
      categories: await cells(f('c:cat')),
      values: await cells(f('c:val')),
      cachedValues: find(find(ser, 'c:val')[0], 'c:v').map((v) => v.text),
    });
  }
  return out;
}

/** The charts of the first sheet, in order, through its drawing's relationships. */
function overviewCharts(): XmlElement[] {
  const sheetRels = files.get('xl/worksheets/_rels/sheet1.xml.rels')!;
  const drawing = /Target="\.\.\/drawings\/(drawing\d+\.xml)"/.exec(sheetRels)![1];
  const drawingRels = files.get(`xl/drawings/_rels/${drawing}.rels`)!;
  return [...drawingRels.matchAll(/Target="\.\.\/charts\/(chart\d+\.xml)"/g)].map((m) => parseXml(files.get(`xl/charts/${m[1]}`)!));
}

describe('the charts on Overblik, read back from the chart parts', () => {
  it('are on the first sheet, Overblik, four of them, each series referring to its cells with the values cached', async () => {
    expect(plan.sheets[0].name).toBe(OUTPUT.overviewSheet);
    const charts = overviewCharts();
    expect(charts.map((c) => find(c, 'a:t').map((t) => t.text).join(''))).toEqual([
      'Udgift pr. budgetår, fordelt på forvaltninger',
      'Udgift pr. mål a–g (en indsats for flere mål tæller under hvert)',
      'Monitorerede projekter pr. forvaltning og farve',
      'Projekternes farver kvartal for kvartal',
    ]);
    for (const chart of charts) {
      for (const f of find(chart, 'c:f')) expect(f.text.startsWith(`${OUTPUT.overviewSheet}!$`)).toBe(true);
      // The cache a reader draws without calculating is what the cells hold.
      for (const s of await chartSeries(chart)) expect(s.cachedValues.map(Number)).toEqual(s.values.map((v) => (v === null ? 0 : v)).filter((_, i) => s.cachedValues[i] !== undefined));
    }
  });

  it('spend by year, stacked by administration, is each administration’s Table 1 I ALT as typed', async () => {
    const series = await chartSeries(overviewCharts()[0]);
    expect(series.map((s) => s.name)).toEqual(['ØKF', 'BUF', 'KFF', 'SUF', 'SOF', 'TMF', 'BIF']);
    for (const s of series) {
      expect(s.categories).toEqual(YEARS.map(String));
      expect(s.values).toEqual(table1ByAdmin.get(s.name));
    }
    // The municipality: 193.140.000 kr. over the period, the CLI's figure.
    expect(sum(series.flatMap((s) => s.values as number[]))).toBe(193_140_000);
  });

  it('spend by goal counts an initiative under each goal it serves', async () => {
    const [s] = await chartSeries(overviewCharts()[1]);
    expect(s.categories).toEqual(GOAL_LETTERS.map((g) => `Mål ${g}`));
    expect(s.values).toEqual(GOAL_LETTERS.map((g) => goalSpend(g)));
  });

  it('projects by colour per administration have green, yellow and red series in those colours', async () => {
    const chart = overviewCharts()[2];
    const series = await chartSeries(chart);
    expect(series.map((s) => s.name)).toEqual(['grøn', 'gul', 'rød']);
    expect(find(chart, 'a:srgbClr').map((c) => c.attrs.val)).toEqual(['63A845', 'F2C22E', 'D64541']);
    // The current colour is the last quarter's (every monitored example reports its fourth quarter).
    const admins = [...new Set(monitored.map((m) => m.admin))];
    expect(series[0].categories).toEqual(admins);
    for (const [k, colour] of (['green', 'yellow', 'red'] as const).entries()) {
      expect(series[k].values).toEqual(admins.map((a) => monitored.filter((m) => m.admin === a && m.colours[3] === colour).length));
    }
  });

  it('the colour history by quarter counts the rows of Kvartalshistorik', async () => {
    const series = await chartSeries(overviewCharts()[3]);
    const history = await grid(OUTPUT.history);
    const headers = historyColumns().map((c) => c.header.da);
    const headerRow = [...Array(history.bottom).keys()].map((i) => i + 1).find((r) => history.value(r, 1) === headers[0])!;
    const rows: { year: unknown; quarter: unknown; colour: unknown }[] = [];
    for (let r = headerRow + 1; r <= history.bottom; r++) rows.push({ year: history.value(r, 3), quarter: history.value(r, 4), colour: history.value(r, 5) });
    expect(rows.length).toBeGreaterThan(0);
    for (const [k, colour] of ['grøn', 'gul', 'rød'].entries()) {
      expect(series[k].values).toEqual(series[k].categories.map((q) => rows.filter((x) => `K${x.quarter} ${x.year}` === q && x.colour === colour).length));
    }
  });
});

describe('the three questions managers ask, answered from the workbook', () => {
  it('which administration spends most on goal a: the matrix on Mål a–g, marked there, equal to the sums of the inputs', async () => {
    const g = await grid(OUTPUT.goals);
    const header = [...Array(g.bottom).keys()].map((i) => i + 1).find((r) => g.value(r, 1) === 'Forvaltning' && g.value(r, 2) === 'Mål a')!;
    const rows: [string, number][] = [];
    for (let r = header + 1; g.value(r, 1) !== 'Hele kommunen'; r++) rows.push([String(g.value(r, 1)), g.value(r, 2) as number]);
    const [answer] = [...rows].sort((a, b) => b[1] - a[1]);
    const fromInputs = [...expected].sort((a, b) => goalSpend('a', b.e.administration) - goalSpend('a', a.e.administration))[0].e.administration;
    expect(answer[0]).toBe(`${fromInputs} – Beskæftigelses- og Integrationsforvaltningen`);
    expect(answer[1]).toBe(goalSpend('a', fromInputs));
    for (const [label, value] of rows) expect(value).toBe(goalSpend('a', label.split(' – ')[0]));
    // The biggest of each goal's column stands out (a top-1 rule over the column's administrations).
    const sheet = parseXml(files.get(`xl/worksheets/sheet${plan.sheets.findIndex((s) => s.name === OUTPUT.goals) + 1}.xml`)!);
    const rules = find(sheet, 'conditionalFormatting').filter((c) => find(c, 'cfRule').some((r) => r.attrs.type === 'top10' && r.attrs.rank === '1'));
    expect(rules.map((c) => c.attrs.sqref)).toContain(`B${header + 1}:B${header + rows.length}`);
    // And the sheet says how a project serving several goals is counted.
    expect(String(g.value(2, 1))).toContain('tælles med hele sit beløb under hvert af målene');
  });

  it('every project red in any quarter: the "Rød i året" column and filter list exactly those the inputs report red', async () => {
    const fromInputs = monitored.filter((m) => m.colours.includes('red')).map((m) => m.name).sort();
    expect(fromInputs).toEqual(['Alle for én', 'Byrum for alle', 'Mentorordning for nyankomne']);
    // In the workbook: the table's header row found by the layout's headers, not by position.
    const g = await grid(OUTPUT.overview);
    const headerRow = [...Array(g.bottom).keys()].map((i) => i + 1).find((r) => g.value(r, 1) === overviewHeader('name'))!;
    const col = (key: Parameters<typeof overviewHeader>[0]) => [...Array(g.right).keys()].map((i) => i + 1).find((c) => g.value(headerRow, c) === overviewHeader(key))!;
    const red: string[] = [];
    for (let r = headerRow + 1; r <= g.bottom; r++) if (g.value(r, col('redInYear')) === 'Ja') red.push(String(g.value(r, col('name'))));
    expect(red.sort()).toEqual(fromInputs);
    // The pane's filter (and the Office host's, by the same rules) gives the same rows; current colour alone misses two.
    const table = overviewFromPlan(plan, YEARS);
    const name = table.keys.indexOf('name');
    expect(filterOverview(table, { redInYear: true }).map((r) => r[name]).sort()).toEqual(fromInputs);
    expect(filterOverview(table, { colours: ['red'] })).toHaveLength(1);
  });

  it('spend by year: the key figures on Overblik, with and without the file with errors, equal Table 1 of the inputs', async () => {
    const g = await grid(OUTPUT.overviewSheet);
    const label = [...Array(g.bottom).keys()].map((i) => i + 1).find((r) => g.value(r, 1) === 'Udgift pr. budgetår, hele kommunen (Tabel 1, I ALT)')!;
    const line = (offset: number) => [2, 3, 4, 5, 6].map((c) => g.value(label + offset, c));
    expect([g.value(label + 1, 2), g.value(label + 1, 5), g.value(label + 1, 6)]).toEqual(['2011', '2014', 'I alt']);
    const whole = YEARS.map((_, i) => sum([...table1ByAdmin.values()].map((v) => v[i])));
    const tmf = table1ByAdmin.get('TMF')!;
    expect(g.value(label + 2, 1)).toBe('Hele kommunen');
    expect(line(2)).toEqual([...whole, sum(whole)]);
    expect(g.value(label + 3, 1)).toBe('heraf fra filer med fejl');
    expect(line(3)).toEqual([...tmf, sum(tmf)]);
    expect(line(4)).toEqual([...whole.map((v, i) => sum([v, -tmf[i]])), sum(whole) - sum(tmf)]);
    // The seed figure reproduced: SOF's policy row, 14,1 mio. a year.
    expect(expected.find(({ e }) => e.administration === 'SOF')!.s.table1.rows[0].amounts.map((a) => a.amount)).toEqual([14_100_000, 14_100_000, 14_100_000, 14_100_000]);
  });

  it('the difference between spend per goal and Table 1 row 1 is explained by naming the administration', async () => {
    const g = await grid(OUTPUT.economy);
    const rows = g.sheet.values.map((r) => r.map((v) => (v === null ? null : typeof v === 'object' ? null : v)));
    const once = rows.find((r) => r[0] === 'I alt' && r[1] === 'Hver indsats talt én gang')!;
    const t1 = rows.find((r) => r[0] === 'Tabel 1')!;
    expect(once[6]).toBe(152_900_000);
    expect(t1[6]).toBe(154_100_000);
    expect(rows.find((r) => r[0] === 'Forskel')![6]).toBe(1_200_000);
    const explained = rows.find((r) => String(r[0]).startsWith('TMF') && r[1] === 'TMF-budgetredegoerelse-2011.xlsx')!;
    expect(explained.slice(2, 5)).toEqual([3_600_000, 2_400_000, 1_200_000]);
    expect(rows.some((r) => String(r[0]).includes('Forskellen på 1.200.000 kr. kommer fra: TMF'))).toBe(true);
  });
});

describe('print setup, per sheet', () => {
  const sheetXml = (i: number) => parseXml(files.get(`xl/worksheets/sheet${i + 1}.xml`)!);
  const names = () => find(parseXml(files.get('xl/workbook.xml')!), 'definedName');

  it('every sheet: A4 or A3 landscape (the letters upright), fitted to the width only where the text stays at 8 pt, header and footer', () => {
    for (const [i, s] of plan.sheets.entries()) {
      const xml = sheetXml(i);
      const setup = find(xml, 'pageSetup')[0];
      const landscape = s.name !== OUTPUT.letters;
      expect(setup.attrs.orientation).toBe(landscape ? 'landscape' : 'portrait');
      expect(setup.attrs.paperSize).toBe(s.print!.paper === 'A3' ? '8' : '9');
      const fit = find(xml, 'pageSetUpPr')[0]?.attrs.fitToPage === '1';
      expect(fit).toBe(s.print!.fitToWidth !== false);
      if (fit) expect([setup.attrs.fitToWidth, setup.attrs.fitToHeight]).toEqual(['1', '0']);
      // The printed columns, at the scale Excel fits them (and a third wider, as LibreOffice measures them without Calibri).
      const area = s.print!.area ? parseRangeRef(s.print!.area)! : undefined;
      const widths = (s.columns ?? []).slice(0, area?.right).map((c) => c?.width ?? 8.43);
      const smallest = Math.min(11, ...(s.charts ?? []).map((c) => c.fontSize));
      if (fit) expect(fitScale(widths.map((w) => w * SUBSTITUTE_WIDTH_FACTOR), s.print!.paper ?? 'A4', landscape) * smallest).toBeGreaterThanOrEqual(MIN_PRINT_FONT_PT);
      expect(find(xml, 'oddHeader')[0].text).toBe('&LSamlet status for integrationsindsatsen 2011–2014&R&A');
      expect(find(xml, 'oddFooter')[0].text).toBe('&LLavet 01-06-2010&RSide &P af &N');
      expect(headerFooterText(s.print!.footer)).toBe('&LLavet 01-06-2010&RSide &P af &N');
    }
  });

  it('every list repeats its header row on each page; Samlet status prints its key columns, on A4', () => {
    const lists = [OUTPUT.overview, OUTPUT.goalStatus, OUTPUT.monitoring, OUTPUT.history, OUTPUT.findings, OUTPUT.files];
    for (const list of lists) {
      const i = plan.sheets.findIndex((s) => s.name === list);
      const table = plan.sheets[i].tables![0];
      const header = parseRangeRef(table.ref)!.top;
      const titles = names().find((n) => n.attrs.name === '_xlnm.Print_Titles' && n.attrs.localSheetId === String(i))!;
      expect(titles.text).toMatch(new RegExp(`!\\$${header}:\\$${header}$`));
      // The table is filtered in Excel, its header frozen, and no more than the name column.
      expect(find(sheetXml(i), 'pane')[0].attrs).toMatchObject({ ySplit: String(header), state: 'frozen' });
      expect(['1', undefined]).toContain(find(sheetXml(i), 'pane')[0].attrs.xSplit);
    }
    const i = plan.sheets.findIndex((s) => s.name === OUTPUT.overview);
    const area = names().find((n) => n.attrs.name === '_xlnm.Print_Area' && n.attrs.localSheetId === String(i))!;
    const keys = overviewColumns(YEARS).filter((c) => c.printed).length;
    expect(area.text).toBe(`'${OUTPUT.overview}'!${absoluteRef(`A1:${String.fromCharCode(64 + keys)}${plan.sheets[i].tables![0].ref.split(':')[1].replace(/[A-Z]+/, '')}`)}`);
    expect(plan.sheets[i].print!.paper).toBe('A4');
  });

  it('the overview keeps each section and its chart on one page', () => {
    const breaks = find(sheetXml(0), 'brk').map((b) => Number(b.attrs.id) + 1);
    expect(breaks.length).toBeGreaterThan(0);
    for (const chart of plan.sheets[0].charts!) {
      const r = parseRangeRef(chart.anchor)!;
      expect(breaks.some((b) => b > r.top && b <= r.bottom)).toBe(false);
    }
  });
});

describe('the file', () => {
  it('has its new parts in ECMA-376’s element order, with their content types and relationships', () => {
    const problems: string[] = [];
    for (const [name, xml] of files) if (/^xl\/(worksheets\/sheet|charts\/chart|drawings\/drawing)\d+\.xml$|^xl\/workbook\.xml$/.test(name)) problems.push(...orderProblems(parseXml(xml), name));
    expect(problems).toEqual([]);
    const types = files.get('[Content_Types].xml')!;
    for (const name of files.keys()) {
      if (/^xl\/charts\/chart\d+\.xml$/.test(name)) expect(types).toContain(`<Override PartName="/${name}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
      if (/^xl\/drawings\/drawing\d+\.xml$/.test(name)) expect(types).toContain(`<Override PartName="/${name}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    }
    // Every relationship's target exists.
    for (const [name, xml] of files) {
      if (!name.endsWith('.rels')) continue;
      const base = path.posix.dirname(path.posix.dirname(name));
      for (const m of xml.matchAll(/Target="([^"]+)"/g)) expect(files.has(path.posix.normalize(path.posix.join(base, m[1])))).toBe(true);
    }
  });

  withOpenpyxl('opens in openpyxl without a warning, with the charts, print titles and page setup it reads', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'report-')), 'samlet.xlsx');
    writeFileSync(file, bytes);
    const script = [
      'import json, sys, warnings',
      'warnings.simplefilter("error")',
      'import openpyxl',
      'wb = openpyxl.load_workbook(sys.argv[1])',
      'out = {}',
      'for ws in wb:',
      '    out[ws.title] = {"charts": len(ws._charts), "titles": ws.print_title_rows, "paper": ws.page_setup.paperSize, "orientation": ws.page_setup.orientation, "fit": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None, "tables": list(ws.tables.keys()), "footer": ws.oddFooter.right.text}',
      'print(json.dumps(out))',
    ].join('\n');
    const seen = openpyxlJson<Record<string, { charts: number; titles: string | null; paper: number; orientation: string; fit: boolean | null; tables: string[]; footer: string }>>(script, file);
    expect(Object.keys(seen)).toEqual(plan.sheets.map((s) => s.name));
    expect(seen[OUTPUT.overviewSheet].charts).toBe(4);
    expect(seen[OUTPUT.overview]).toMatchObject({ titles: '$3:$3', paper: 9, orientation: 'landscape', fit: true, tables: [OUTPUT.overviewTable], footer: 'Side &P af &N' });
    for (const s of plan.sheets) expect(seen[s.name].tables).toEqual((s.tables ?? []).map((t) => t.name));
  });
});
