/**
 * The Office.js host on Office.js's own client runtime, answered from the strict Excel double (officeRuntime.ts):
 * reading, the template, the consolidated sheets, filters. The double's own strictness is tested first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { consolidate, type ConsolidationInput } from '../../src/core/consolidate/consolidate';
import { buildConsolidatedPlan, OUTPUT } from '../../src/core/consolidate/plan';
import { readSubmission } from '../../src/core/parse/submission';
import { heldRows, isFormula, type WorkbookPlan } from '../../src/core/plan/types';
import { parseRangeRef, quoteSheet } from '../../src/core/cells';
import { columnNumber, overviewColumns, type OverviewKey } from '../../src/core/consolidate/layout';
import { planRangeValues } from '../../src/core/plan/lookup';
import { PAGE_MARGINS } from '../../src/core/plan/print';
import { buildTemplatePlan } from '../../src/core/template/plan';
import { SHEET_NAMES, TEMPLATE_VERSION } from '../../src/core/template/definition';
import { EXAMPLES } from '../../src/examples/submissions';
import { exampleInputs } from '../helpers/examples';
import { parseXlsx } from '../../src/hosts/xlsx/files';
import { renderPlanToBuffer } from '../../src/hosts/xlsx/renderPlan';
import { HostError, MARKER_PREFIX, OfficeHost } from '../../src/hosts/office/host';
import { ExcelDouble, geometry, OfficeError, requirementsUpTo, type CellsModel, type WorkbookModel } from './excelDouble';
import { OfficeRuntime } from './officeRuntime';
import { find, parseXml, parts } from '../helpers/ooxml';
import { FILLS } from '../../src/core/plan/styles';
import { validFill, workbookBytes } from '../helpers/workbook';

const examples = path.join(__dirname, '..', '..', 'examples');
const options = { generatedAt: '2010-06-01T12:00:00Z', productVersion: 'test' };

function host(office: OfficeRuntime, version = '1.13'): OfficeHost {
  return new OfficeHost(office.excel, requirementsUpTo(version));
}

const formulaCells = (excel: { model: WorkbookModel }) =>
  excel.model.live().flatMap((s) => [...s.cells.entries()].filter(([, c]) => c.formula).map(([k, c]) => `${s.name}!${k}: ${c.formula}`));

/** The formula cells a plan asks for, as formulaCells lists them. */
const planFormulaCells = (plan: WorkbookPlan) =>
  plan.sheets.flatMap((s) => s.blocks.flatMap((b) => heldRows(b).flatMap((line, r) => line.flatMap((v, c) => (isFormula(v) ? [`${s.name}!${b.row + r},${b.col + c}: =${v.formula}`] : [])))));

describe('the Excel double is strict', () => {
  it('throws on a property that was not loaded, or loaded but not synced', async () => {
    const excel = new ExcelDouble();
    excel.model.addSheet('Ark1');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Ark1');
      expect(() => ws.name).toThrow(/not loaded/);
      ws.load('name');
      expect(() => ws.name).toThrow(/context.sync\(\) has not been called/);
      await context.sync();
      expect(ws.name).toBe('Ark1');
    });
  });

  it('refuses values of the wrong shape, turns "=..." into a formula unless the cell is text, and measures requests', async () => {
    const excel = new ExcelDouble();
    excel.model.addSheet('Ark1');
    await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Ark1').getRange('A1:B1');
      expect(() => (r.values = [['x']])).toThrow(/doesn't match the size/);
      r.values = [['=1+1', '+2+2']];
      const t = context.workbook.worksheets.getItem('Ark1').getRange('A2:B2');
      t.numberFormat = [['@', '@']];
      t.values = [['=1+1', '+2+2']];
      await context.sync();
    });
    expect(formulaCells(excel)).toEqual(['Ark1!1,1: =1+1', 'Ark1!1,2: =+2+2']);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Ark1').getRange('A3').values = [['x'.repeat(6 * 1024 * 1024)]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  it('counts what a sync answers, and refuses an answer over 5 MB after running the request, as Excel does', async () => {
    const excel = new ExcelDouble();
    const sheet = excel.model.addSheet('Ark1');
    for (let r = 1; r <= 200; r++) sheet.cells.set(`${r},1`, { value: 'æ'.repeat(15_000), type: 'String', numberFormat: 'General', style: {} });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Ark1').getRange('B1').values = [['skrevet']];
        context.workbook.worksheets.getItem('Ark1').getRange('A1:A200').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(excel.model.cell(sheet, 1, 2)?.value).toBe('skrevet');
    expect(excel.contexts[0].maxResponseSize).toBeGreaterThan(200 * 15_000 * 2);
  });
});

describe('reading the open workbook', () => {
  it.each(['BIF', 'SOF', 'TMF'])('gives the same submission and findings as reading the %s .xlsx with exceljs, in three syncs', async (code) => {
    const file = path.join(examples, EXAMPLES.find((e) => e.administration === code)!.file);
    const bytes = new Uint8Array(readFileSync(file));
    const excel = new OfficeRuntime();
    await excel.model.loadXlsx(bytes);
    const fromOffice = await readSubmission(await host(excel).readWorkbook());
    const fromFile = await parseXlsx(bytes);
    expect(fromOffice).toEqual(fromFile);
    expect(excel.syncs).toBe(3);
  });

  it('refuses a sheet too large to hold, without loading its values', async () => {
    const excel = new OfficeRuntime();
    await excel.model.loadXlsx(await workbookBytes(validFill()));
    const notes = excel.model.addSheet('Noter');
    notes.cells.set('1,1', { value: 'a', type: 'String', numberFormat: 'General', style: {} });
    notes.cells.set('1048576,1', { value: 'z', type: 'String', numberFormat: 'General', style: {} });
    const reader = await host(excel).readWorkbook();
    await expect(reader.readSheet('Noter')).rejects.toMatchObject({ name: 'SheetTooLargeError', sheet: 'Noter', cell: 'A1048576' });
    expect((await reader.readSheet(SHEET_NAMES.cover)).values.length).toBeGreaterThan(5);
    expect(excel.maxResponseBytes).toBeLessThan(100_000);
  });

  it('reads error cells as errors, not as text', async () => {
    const excel = new OfficeRuntime();
    await excel.model.loadXlsx(await workbookBytes(validFill(), (wb) => {
      wb.getWorksheet(SHEET_NAMES.policy)!.getCell('H5').value = { formula: '1/0', result: { error: '#DIV/0!' } } as never;
    }));
    const { diagnostics } = await readSubmission(await host(excel).readWorkbook());
    expect(diagnostics.map((d) => [d.code, d.cell])).toEqual([['CELL_ERROR', 'H5']]);
  });
});

describe('inserting the template', () => {
  const plan = buildTemplatePlan({ firstYear: 2012, administration: 'SUF' });

  it('inserts the exceljs-made template with ExcelApi 1.13 and adds the defined names', async () => {
    const excel = new OfficeRuntime();
    excel.model.addSheet('Mine noter');
    const base64 = Buffer.from(await renderPlanToBuffer(plan)).toString('base64');
    const result = await host(excel).insertTemplate(plan, base64);
    expect(result).toEqual({ status: 'inserted', method: 'base64', sheets: plan.sheets.map((s) => s.name) });
    expect(excel.model.live().map((s) => s.name)).toEqual(['Mine noter', ...plan.sheets.map((s) => s.name)]);
    const { submission, diagnostics } = await readSubmission(await host(excel).readWorkbook());
    expect(diagnostics).toEqual([]);
    expect(submission.cover).toMatchObject({ administration: 'SUF', firstYear: 2012 });
    expect(excel.model.names.map((n) => n.name)).toEqual(expect.arrayContaining(plan.definedNames.map((n) => n.name)));
  });

  it('builds it through the API where ExcelApi 1.13 is missing: same sheets, names, dropdowns, frozen headers, protection', async () => {
    const excel = new OfficeRuntime();
    const result = await host(excel, '1.12').insertTemplate(plan);
    expect(result.method).toBe('api');
    const { submission, diagnostics } = await readSubmission(await host(excel).readWorkbook());
    expect(diagnostics).toEqual([]);
    expect(submission.template).toEqual({ id: 'kk-integration-budget', version: TEMPLATE_VERSION });
    const policy = excel.model.sheet(SHEET_NAMES.policy)!;
    expect(policy.frozen).toEqual({ rows: 4, columns: 1 });
    expect(policy.protected).toBe(true);
    expect(excel.model.sheet(SHEET_NAMES.info)!.visibility).toBe('Hidden');
    expect(excel.model.sheet(SHEET_NAMES.goals)!.validations.some((v) => JSON.stringify(v.rule).includes('Skabeloninfo!$E$2:$E$3'))).toBe(true);
    // total formulas are formulas, the text cells are text
    expect(excel.model.cell(policy, 5, 12)?.formula).toBe('=IF(COUNT(H5:K5)=0,"",SUM(H5:K5))');
    expect(excel.model.cell(policy, 5, 1)?.numberFormat).toBe('@');
  });

  it('builds through the API the same formulas, data validations (rule, input message, alert) and input styles as the .xlsx', async () => {
    const excel = new OfficeRuntime();
    await host(excel, '1.12').insertTemplate(plan);
    expect(formulaCells(excel).sort()).toEqual(planFormulaCells(plan).sort());
    // The .xlsx's validations, as its XML says them, beside the API's, both in Excel's terms.
    const files = await parts(await renderPlanToBuffer(plan));
    const fromXlsx = plan.sheets.flatMap((s, i) =>
      find(parseXml(files.get(`xl/worksheets/sheet${i + 1}.xml`)!), 'dataValidation').map((v) => ({
        sheet: s.name,
        ref: v.attrs.sqref,
        type: v.attrs.type,
        formula: find(v, 'formula1')[0].text,
        prompt: [v.attrs.promptTitle, v.attrs.prompt],
        alert: v.attrs.showErrorMessage === '1' ? [v.attrs.errorStyle ?? 'stop', v.attrs.error] : undefined,
      })),
    );
    const API_TYPES: Record<string, string> = { wholeNumber: 'whole', decimal: 'decimal', list: 'list', date: 'date', textLength: 'textLength', custom: 'custom' };
    const fromApi = excel.model.live().flatMap((s) =>
      s.validations.map((v) => {
        const [kind, rule] = Object.entries(v.rule as Record<string, { formula1?: unknown; formula?: string; source?: string }>)[0];
        const prompt = v.prompt as { title: string; message: string };
        const alert = v.errorAlert as { style: string; message: string } | undefined;
        return {
          sheet: s.name,
          // The double names a one-cell range "C4:C4".
          ref: v.ref.replace(/^([A-Z]+\d+):\1$/, '$1'),
          type: API_TYPES[kind],
          formula: String(rule.source ?? rule.formula ?? rule.formula1).replace(/^=/, ''),
          prompt: [prompt.title, prompt.message],
          alert: alert ? [alert.style.toLowerCase(), alert.message] : undefined,
        };
      }),
    );
    // Dates and numbers are given to Excel as values, not as the file's serial-number text.
    const comparableRule = (v: { type: string; formula: string }) => (v.type === 'date' || v.type === 'decimal' || v.type === 'whole' || v.type === 'textLength' ? { ...v, formula: '' } : v);
    expect(fromApi.map(comparableRule)).toEqual(fromXlsx.map(comparableRule));
    expect(fromApi.length).toBeGreaterThan(20);
    // Input cells: yellow and unlocked; Table 1's cells locked.
    const policy = excel.model.sheet(SHEET_NAMES.policy)!;
    expect(excel.model.cell(policy, 5, 8)?.style).toMatchObject({ 'fill.color': `#${FILLS.input}`, 'protection.locked': false });
    expect(excel.model.cell(excel.model.sheet(SHEET_NAMES.table1)!, 5, 2)?.style['protection.locked']).toBeUndefined();
  });

  it('never overwrites a sheet the user already has, and leaves a template already there alone', async () => {
    const excel = new OfficeRuntime();
    const mine = excel.model.addSheet('Forside');
    mine.cells.set('1,1', { value: 'min egen forside', type: 'String', numberFormat: 'General', style: {} });
    const base64 = Buffer.from(await renderPlanToBuffer(plan)).toString('base64');
    const first = await host(excel).insertTemplate(plan, base64);
    expect(first.method).toBe('api');
    expect(first.sheets[0]).toBe('Forside (2)');
    expect(excel.model.cell(excel.model.sheet('Forside')!, 1, 1)?.value).toBe('min egen forside');
    expect(await host(excel).insertTemplate(plan, base64)).toEqual({ status: 'exists', sheets: [], method: 'api' });
  });
});

// Whether Excel sends ids back (so items are addressed by id) or not (by index): the host must work either way.
describe.each([
  ['Excel answering with ids', { identities: true }],
  ['Excel answering only which objects are null', { identities: false }],
])('writing the consolidated sheets (%s)', (_mode, answers) => {
  let inputs: ConsolidationInput[];
  beforeAll(async () => {
    inputs = await exampleInputs();
  });

  it('writes every sheet with the table, colours, frozen header and slicers, and the values of the plan', async () => {
    const excel = new OfficeRuntime(undefined, answers);
    const plan = buildConsolidatedPlan(consolidate(inputs, options));
    const result = await host(excel).writeConsolidated(plan);
    expect(result).toEqual({ sheets: plan.sheets.map((s) => s.name), replaced: [], slicers: true, missing: [] });
    const overview = excel.model.sheet(OUTPUT.overview)!;
    const table = excel.model.tables.find((t) => t.name === OUTPUT.overviewTable)!;
    expect(table.sheet).toBe(overview);
    // The header row frozen, and no more than the name column.
    expect(overview.frozen).toEqual({ rows: 3, columns: 1 });
    expect(overview.conditionalFormats.length).toBeGreaterThan(0);
    const columns = overviewColumns(inputs[0].submission!.years);
    const at = (key: OverviewKey) => columnNumber(columns, key);
    const sofRow = [...Array(table.bottom - table.top).keys()].map((i) => table.top + 1 + i).find((r) => excel.model.cell(overview, r, at('name'))?.value === 'Skolesocialrådgivere')!;
    expect(excel.model.cell(overview, sofRow, at('administration'))?.value).toBe('SOF – Socialforvaltningen');
    expect(excel.model.cell(overview, sofRow, at('economy:2011'))?.value).toBe(12_300_000);
    expect(excel.model.cell(overview, sofRow, at('economyTotal'))?.value).toBe(49_200_000);
    // Formulas only where the plan has them (its totals), never from text.
    expect(formulaCells(excel).sort()).toEqual(planFormulaCells(plan).sort());
    expect(excel.actionsNamed('SuspendApiCalculationUntilNextSync')).toBeGreaterThan(0);
  });

  it('places the plan’s slicers on the overview over the cells kept free for them, covering no data', async () => {
    const excel = new OfficeRuntime(undefined, answers);
    const plan = buildConsolidatedPlan(consolidate(inputs, options));
    await host(excel).writeConsolidated(plan);
    const first = plan.sheets[0];
    expect(first.name).toBe(OUTPUT.overviewSheet);
    expect(excel.model.slicers.map((s) => [s.sheet, s.table, s.column])).toEqual(first.slicers!.map((s) => [OUTPUT.overviewSheet, OUTPUT.overviewTable, s.column]));
    expect(excel.model.slicers.map((s) => s.column)).toEqual(['Forvaltning', 'Aktuel farve', 'Rød i året', 'Eskalering', 'Mål a', 'Mål b', 'Mål c', 'Mål d', 'Mål e', 'Mål f', 'Mål g']);
    const sheet = excel.model.sheet(OUTPUT.overviewSheet)!;
    const boxes = excel.model.slicers.map((s) => ({ left: s.left!, top: s.top!, right: s.left! + s.width!, bottom: s.top! + s.height! }));
    // Each inside its cells; no two overlap; no cell under any holds a value.
    first.slicers!.forEach((s, i) => {
      const g = geometry(sheet, parseRangeRef(s.cells)!);
      expect(boxes[i].left).toBeGreaterThanOrEqual(g.left);
      expect(boxes[i].right).toBeLessThanOrEqual(g.left + g.width);
      expect(boxes[i].top).toBeGreaterThanOrEqual(g.top);
      expect(boxes[i].bottom).toBeLessThanOrEqual(g.top + g.height);
      const r = parseRangeRef(s.cells)!;
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) expect(excel.model.cell(sheet, row, col)?.value ?? null).toBeNull();
    });
    for (const a of boxes) for (const b of boxes) if (a !== b) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
  });

  it('draws the plan’s charts with the same cells, titles, Danish labels and fills as the .xlsx', async () => {
    const excel = new OfficeRuntime(undefined, answers);
    const plan = buildConsolidatedPlan(consolidate(inputs, options));
    await host(excel).writeConsolidated(plan);
    const first = plan.sheets[0];
    const cells = (c: CellsModel | undefined) => c && `${quoteSheet(c.sheet.name)}!${c.ref}`;
    const drawn = excel.model.sheet(OUTPUT.overviewSheet)!.charts.map((c) => ({ ...c, series: c.series.map((s) => ({ ...s, values: cells(s.values), xValues: cells(s.xValues) })) }));
    const q = quoteSheet(OUTPUT.overviewSheet);
    expect(drawn).toEqual(
      first.charts!.map((c) => ({
        type: c.stacked ? 'ColumnStacked' : 'ColumnClustered',
        title: c.title,
        titleSize: c.fontSize + 2,
        fontSize: c.fontSize,
        legend: 'Bottom',
        position: c.anchor,
        valueAxis: { ...(c.majorUnit ? { majorUnit: c.majorUnit } : {}), ...(c.valueFormat ? { numberFormat: c.valueFormat } : {}) },
        series: c.series.map((s) => ({
          name: String(planRangeValues(first, s.name)[0]),
          values: `${q}!${s.values}`,
          count: planRangeValues(first, s.values).length,
          xValues: `${q}!${c.categories}`,
          fill: s.colour,
        })),
      })),
    );
    expect(drawn.map((c) => c.title)).toEqual(['Udgift pr. budgetår, fordelt på forvaltninger', 'Udgift pr. mål a–g (en indsats for flere mål tæller under hvert)', 'Monitorerede projekter pr. forvaltning og farve', 'Projekternes farver kvartal for kvartal']);
    expect(drawn[2].series.map((s) => [s.name, s.fill])).toEqual([['grøn', '63A845'], ['gul', 'F2C22E'], ['rød', 'D64541']]);
  });

  it('sets every sheet up for print as the plan says: paper, fit, print area, titles, header, footer, breaks', async () => {
    const excel = new OfficeRuntime(undefined, answers);
    const plan = buildConsolidatedPlan(consolidate(inputs, options));
    await host(excel).writeConsolidated(plan);
    for (const s of plan.sheets) {
      const p = s.print!;
      const model = excel.model.sheet(s.name)!;
      expect(model.page).toEqual({
        orientation: p.landscape === false ? 'Portrait' : 'Landscape',
        paperSize: p.paper ?? 'A4',
        margins: { unit: 'Inches', options: { ...PAGE_MARGINS } },
        ...(p.fitToWidth !== false ? { zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } } : {}),
        ...(p.area ? { printArea: p.area } : {}),
        ...(p.titleRows ? { printTitleRows: `$${p.titleRows.first}:$${p.titleRows.last}` } : {}),
        headersFooters: { leftHeader: 'Samlet status for integrationsindsatsen 2011–2014', rightHeader: '&A', leftFooter: 'Lavet 01-06-2010', rightFooter: 'Side &P af &N' },
      });
      expect(model.pageBreaks).toEqual(p.breaks ?? []);
    }
    expect(excel.model.sheet(OUTPUT.overview)!.page.printTitleRows).toBe('$3:$3');
  });

  it('keeps text from submissions as text, whatever it starts with', async () => {
    const attacks = ['=HYPERLINK("http://x","klik")', '=WEBSERVICE("http://x")', '+1+1', '-1+1', '@SUM(1,1)', '-cmd|"/c calc"!A0'];
    const fill = validFill();
    fill.policy![0] = { ...fill.policy![0]!, name: attacks[0], targetGroup: attacks[1], activity: attacks[2], expectedResult: attacks[3], status: attacks[4], followUp: attacks[5] };
    const reading = await parseXlsx(await workbookBytes(fill));
    const c = consolidate([{ file: { name: 'angreb.xlsx', size: 1, sha256: 'x' }, status: 'valid', diagnostics: [], submission: reading.submission }], options);
    const excel = new OfficeRuntime(undefined, answers);
    const plan = buildConsolidatedPlan(c);
    await host(excel).writeConsolidated(plan);
    expect(formulaCells(excel).sort()).toEqual(planFormulaCells(plan).sort());
    const texts = excel.model.live().flatMap((s) => [...s.cells.values()].filter((x) => x.type === 'String').map((x) => x.value));
    for (const a of attacks) expect(texts).toContain(a);
  });

  it('a second run replaces the sheets it made before, also when the user renamed one, and touches nothing else', async () => {
    const excel = new OfficeRuntime(undefined, answers);
    const notes = excel.model.addSheet('Noter');
    notes.cells.set('1,1', { value: 'min note', type: 'String', numberFormat: 'General', style: {} });
    const userOm = excel.model.addSheet('Om');
    const plan = buildConsolidatedPlan(consolidate(inputs, options));
    const first = await host(excel).writeConsolidated(plan);
    expect(first.sheets).toContain('Om (2)');
    await excel.excel.run(async (context) => {
      context.workbook.worksheets.getItem(OUTPUT.economy).name = 'Økonomi 2011';
      await context.sync();
    });
    const second = await host(excel).writeConsolidated(plan);
    expect(second.replaced.sort()).toEqual([...first.sheets.filter((s) => s !== OUTPUT.economy), 'Økonomi 2011'].sort());
    expect(excel.model.live().map((s) => s.name).sort()).toEqual(['Noter', 'Om', ...first.sheets].sort());
    expect(excel.model.sheet('Noter')).toBe(notes);
    expect(excel.model.sheet('Om')).toBe(userOm);
    expect(excel.model.cell(notes, 1, 1)?.value).toBe('min note');
    expect(excel.model.tables.filter((t) => t.name === OUTPUT.overviewTable)).toHaveLength(1);
    expect(excel.model.names.filter((n) => n.name.startsWith(MARKER_PREFIX))).toHaveLength(plan.sheets.length);
  });

  it('if writing fails half-way, the user’s sheets and the previous consolidated sheets stay as they were', async () => {
    const excel = new OfficeRuntime(undefined, answers);
    excel.model.addSheet('Noter');
    const plan = buildConsolidatedPlan(consolidate(inputs, options));
    await host(excel).writeConsolidated(plan);
    const before = excel.model.live().map((s) => [s.name, s.cells.size]);
    // A plan whose second sheet cannot be written (an invalid name) fails after the first sheet is in.
    const broken: WorkbookPlan = { ...plan, sheets: [plan.sheets[0], { ...plan.sheets[1], name: 'Ugyldigt/navn' }] };
    await expect(host(excel).writeConsolidated(broken)).rejects.toBeInstanceOf(HostError);
    expect(excel.model.live().map((s) => [s.name, s.cells.size])).toEqual(before);
  });
});

describe('filters and going to a cell', () => {
  let excel: OfficeRuntime;
  beforeAll(async () => {
    excel = new OfficeRuntime();
    await host(excel).writeConsolidated(buildConsolidatedPlan(consolidate(await exampleInputs(), options)));
  });

  it('filters by administration, goal, colour, year and escalation, and clears', async () => {
    const h = host(excel);
    const all = await h.clearFilters();
    expect(all.visibleRows).toBe(all.totalRows);
    expect(await h.applyFilter({ administrations: ['SOF – Socialforvaltningen'] })).toEqual({ visibleRows: 6, totalRows: all.totalRows });
    expect((await h.applyFilter({ goals: ['g'] })).visibleRows).toBe(2);
    expect((await h.applyFilter({ colours: ['red'] })).visibleRows).toBe(1);
    expect((await h.applyFilter({ escalatedOnly: true })).visibleRows).toBe(1);
    expect((await h.applyFilter({ year: 2013 })).visibleRows).toBe(all.totalRows);
    expect((await h.applyFilter({ year: 2020 })).visibleRows).toBe(0);
    expect((await h.applyFilter({ administrations: ['BIF – Beskæftigelses- og Integrationsforvaltningen'], colours: ['green'] })).visibleRows).toBe(1);
    expect(await h.clearFilters()).toEqual(all);
  });

  it('says so when there is no consolidated table', async () => {
    await expect(host(new OfficeRuntime()).applyFilter({})).rejects.toMatchObject({ reason: 'no-table' });
  });

  it('selects the cell of a finding', async () => {
    await host(excel).goToCell(OUTPUT.economy, 'C7');
    expect(excel.model.selected).toEqual({ sheet: OUTPUT.economy, cell: 'C7' });
    expect(excel.model.active).toBe(OUTPUT.economy);
  });
});

describe('requirement sets', () => {
  it('degrades without slicers (ExcelApi 1.9), without print setup (1.8) and without createWorkbook (1.7), and says so', async () => {
    const excel = new OfficeRuntime();
    const result = await host(excel, '1.9').writeConsolidated(buildConsolidatedPlan(consolidate([], options)));
    expect(result.slicers).toBe(false);
    expect(result.missing).toEqual(['slicers']);
    expect(excel.model.slicers).toEqual([]);
    const older = new OfficeRuntime();
    const plan = buildConsolidatedPlan(consolidate(await exampleInputs(), options));
    const old = await host(older, '1.8').writeConsolidated(plan);
    expect(old.missing).toEqual(['slicers', 'pageLayout']);
    expect(older.model.live().map((s) => s.page)).toEqual(plan.sheets.map(() => ({ headersFooters: {} })));
    // The charts are there all the same (ExcelApi 1.7); the value axis keeps its number format (1.8).
    expect(older.model.sheet(OUTPUT.overviewSheet)!.charts).toHaveLength(4);
    const oldest = new OfficeRuntime();
    await host(oldest, '1.7').writeConsolidated(plan);
    expect(oldest.model.sheet(OUTPUT.overviewSheet)!.charts[0].valueAxis).toEqual({});
    await expect(host(excel, '1.7').openAsNewWorkbook('eA==')).rejects.toMatchObject({ reason: 'not-supported' });
    await host(excel, '1.8').openAsNewWorkbook('eA==');
    expect(excel.created).toEqual(['eA==']);
  });

  it('the double’s errors look like Office.js errors, and come at sync, as in Office.js', async () => {
    expect(new OfficeError('ItemNotFound', 'x')).toMatchObject({ code: 'ItemNotFound' });
    const excel = new ExcelDouble();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Findes ikke').activate();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
