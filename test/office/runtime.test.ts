/**
 * The Office host on Office.js's own client runtime (officeRuntime.ts): the request and response sizes, syncs and
 * object paths Excel on the web would see, for consolidated workbooks of 7, 280 and 700 submissions and for a
 * 100,000-row sheet, and "Kontrollér" on a workbook that also holds the consolidated sheets.
 */
import { consolidate } from '../../src/core/consolidate/consolidate';
import { buildConsolidatedPlan, OUTPUT } from '../../src/core/consolidate/plan';
import { readSubmission } from '../../src/core/parse/submission';
import { SheetBuilder } from '../../src/core/plan/builder';
import { STYLES } from '../../src/core/plan/styles';
import type { PlanValue, WorkbookPlan } from '../../src/core/plan/types';
import { parseXlsx } from '../../src/hosts/xlsx/files';
import { OfficeHost } from '../../src/hosts/office/host';
import { OTHER_AREA, POLICY_AREA, SHEET_ORDER, type TableArea } from '../../src/core/template/definition';
import { validFill, workbookBytes } from '../helpers/workbook';
import { requirementsUpTo, type CellModel } from './excelDouble';
import { OfficeRuntime, SAFE_PAYLOAD_BYTES } from './officeRuntime';
import { manyInputs } from './submissions';

const options = { generatedAt: '2010-06-01T12:00:00Z', productVersion: 'test' };
const MB = (n: number) => (n / 1_000_000).toFixed(2);

function host(office: OfficeRuntime, version = '1.13', maxRequestBytes?: number): OfficeHost {
  return new OfficeHost(office.excel, requirementsUpTo(version), maxRequestBytes);
}

function figures(office: OfficeRuntime): string {
  return `${office.syncs} syncs, largest request ${MB(office.maxRequestBytes)} MB, largest response ${MB(office.maxResponseBytes)} MB`;
}

/** The sheets the requests named (worksheets.getItem), so a test can tell which sheets were read. */
function sheetsAsked(office: OfficeRuntime): Set<string> {
  const names = new Set<string>();
  for (const r of office.requests) {
    for (const path of Object.values(r.body.ObjectPaths)) {
      const arg = path.ArgumentInfo?.Arguments?.[0];
      if (path.ObjectPathType === 5 && typeof arg === 'string' && office.model.sheet(arg)) names.add(arg);
    }
  }
  return names;
}

function expectWithinLimits(office: OfficeRuntime): void {
  expect(office.requests.filter((r) => r.error).map((r) => `${r.error} (${r.bytes} bytes)`)).toEqual([]);
  expect(office.maxRequestBytes).toBeLessThan(SAFE_PAYLOAD_BYTES);
  expect(office.maxResponseBytes).toBeLessThan(SAFE_PAYLOAD_BYTES);
}

/** One table of `rows` rows, six wrapped text columns and four amounts, with the row heights the builder gives it. */
function widePlan(rows: number): WorkbookPlan {
  const b = new SheetBuilder(OUTPUT.overview);
  b.title('Samlet status');
  const cols = Array.from({ length: 10 }, (_, i) => ({ header: `Kolonne ${i + 1}`, width: 14, style: i < 6 ? STYLES.text : STYLES.kr }));
  const data: PlanValue[][] = Array.from({ length: rows }, (_, r) => cols.map((_, c) => (c < 6 ? `Tekst ${r}-${c} med lidt længere indhold${r % 3 === 0 ? ' og en ekstra sætning, så rækken bliver højere' : ''}` : r * 1000 + c)));
  b.table(cols, data, { excelTable: OUTPUT.overviewTable });
  return { sheets: [b.build()], definedNames: [] };
}

describe('writing the consolidated workbook, measured on the real runtime', () => {
  const plans = new Map<number, WorkbookPlan>();
  beforeAll(async () => {
    for (const n of [7, 280, 700]) plans.set(n, buildConsolidatedPlan(consolidate(await manyInputs(n), options)));
  });

  it.each([7, 280, 700])('%i submissions: every request and response under 4.5 MB, screen updating suspended once', async (n) => {
    const office = new OfficeRuntime();
    const plan = plans.get(n)!;
    await host(office).writeConsolidated(plan);
    process.stdout.write(`consolidated workbook, ${n} submissions: ${figures(office)}\n`);
    expectWithinLimits(office);
    expect(office.actionsNamed('SuspendScreenUpdatingUntilNextSync')).toBe(1);
    // Nothing was kept for later: no object for Excel to hold, none for Excel.run to release afterwards.
    expect(office.actionsNamed('_KeepReference')).toBe(0);
    expect(office.requests.filter((r) => r.kind === 'cleanup')).toEqual([]);
    // Every write request suspends calculation; the others are the opening read, the slicer cells' positions and the swap.
    expect(office.actionsNamed('SuspendApiCalculationUntilNextSync')).toBeGreaterThanOrEqual(office.syncs - 3);
    // What was written is the plan: every overview row is in the table.
    const overview = plan.sheets.find((s) => s.name === OUTPUT.overview)!;
    const table = office.model.tables.find((t) => t.name === OUTPUT.overviewTable)!;
    expect(table.bottom - table.top).toBe(overview.blocks.at(-1)!.values.length);
  }, 300_000);

  it('no step per row: row heights and formats take as many actions for 700 submissions as for 280', async () => {
    const counts = async (n: number) => {
      const office = new OfficeRuntime();
      await host(office).writeConsolidated(plans.get(n)!);
      return { heights: office.actionsNamed('RowHeight'), autofit: office.actionsNamed('AutofitRows'), bold: office.actionsNamed('Bold') };
    };
    expect(await counts(700)).toEqual(await counts(280));
  }, 300_000);

  it('keeps no object across syncs that Excel may not answer for (e.g. the sheet worksheets.add() returns)', async () => {
    const office = new OfficeRuntime(undefined, { identities: false });
    await host(office).writeConsolidated(plans.get(280)!);
    expectWithinLimits(office);
    expect(office.model.live().map((s) => s.name)).toEqual(plans.get(280)!.sheets.map((s) => s.name));
  }, 300_000);

  it('a sheet of 100,000 rows with a height per row: every request under 4.5 MB; syncs grow only with the data', async () => {
    const small = new OfficeRuntime();
    await host(small, '1.9').writeConsolidated(widePlan(1_000));
    const large = new OfficeRuntime();
    await host(large, '1.9').writeConsolidated(widePlan(100_000));
    process.stdout.write(`100,000-row sheet: ${figures(large)}; 1,000 rows: ${figures(small)}\n`);
    expectWithinLimits(small);
    expectWithinLimits(large);
    const dataBytes = large.requests.reduce((s, r) => s + r.bytes, 0);
    // One sync per ~3.5 MB of data, plus the fixed ones.
    expect(large.syncs - small.syncs).toBeLessThanOrEqual(Math.ceil(dataBytes / 2_500_000));
    expect(large.actionsNamed('RowHeight')).toBe(small.actionsNamed('RowHeight'));
  }, 300_000);

  it('batches by the real size: with a 300 KB budget every request stays under 300 KB, and batches are not tiny', async () => {
    const office = new OfficeRuntime();
    const budget = 300_000;
    await host(office, '1.13', budget).writeConsolidated(plans.get(280)!);
    const syncs = office.requests.filter((r) => r.kind === 'sync');
    expect(Math.max(...syncs.map((r) => r.bytes))).toBeLessThan(budget);
    const total = syncs.reduce((s, r) => s + r.bytes, 0);
    expect(syncs.length).toBeLessThan(total / (budget * 0.4) + 4);
  }, 300_000);

  it('a request over Excel’s limit fails as Excel fails it, and the workbook stays as it was', async () => {
    const office = new OfficeRuntime();
    office.model.addSheet('Noter');
    await expect(host(office, '1.13', 50_000_000).writeConsolidated(widePlan(40_000))).rejects.toThrow(/kunne ikke skrives \(for store data i én forespørgsel\)/);
    expect(office.requests.some((r) => r.error === 'RequestPayloadSizeLimitExceeded')).toBe(true);
    expect(office.model.live().map((s) => s.name)).toEqual(['Noter']);
  }, 300_000);
});

/**
 * A filled-in template whose area has `rows` rows: its first row copied below the prepared ones (rows typed further
 * down are read too), each copy's values from `value` (row index from 0, column from 1).
 */
async function withTypedRows(area: TableArea, rows: number, value: (row: number, col: number, cell: CellModel) => CellModel['value']): Promise<OfficeRuntime> {
  const office = new OfficeRuntime();
  await office.model.loadXlsx(await workbookBytes(validFill()));
  const sheet = office.model.sheet(area.sheet)!;
  const first = area.headerRow + 1;
  const cells = [...sheet.cells].filter(([key]) => key.startsWith(`${first},`)).map(([key, cell]) => ({ col: Number(key.split(',')[1]), cell }));
  for (let r = 1; r < rows; r++) {
    for (const { col, cell } of cells) sheet.cells.set(`${first + r},${col}`, { ...cell, style: {}, value: value(r, col, cell) });
  }
  return office;
}

describe('"Kontrollér" on the real runtime', () => {
  it('reads only the template, not the consolidated sheets for 700 submissions beside it: few syncs, small responses', async () => {
    const office = new OfficeRuntime();
    const bytes = await workbookBytes(validFill());
    await office.model.loadXlsx(bytes);
    await host(office).writeConsolidated(buildConsolidatedPlan(consolidate(await manyInputs(700), options)));
    office.clearRequests();
    const result = await readSubmission(await host(office).readWorkbook());
    process.stdout.write(`Kontrollér beside the consolidated sheets for 700 submissions: ${figures(office)}\n`);
    expectWithinLimits(office);
    expect(office.syncs).toBeLessThanOrEqual(3);
    expect(office.maxResponseBytes).toBeLessThan(200_000);
    expect(result).toEqual(await parseXlsx(bytes));
    // Every sheet of the statement; not the worked example (Eksempel), which is never read.
    expect(sheetsAsked(office)).toEqual(new Set(SHEET_ORDER));
  }, 300_000);

  it('finds the areas by their labels where the names are gone, still without reading the consolidated sheets', async () => {
    const office = new OfficeRuntime();
    const bytes = await workbookBytes(validFill());
    await office.model.loadXlsx(bytes);
    office.model.names = [];
    await host(office).writeConsolidated(buildConsolidatedPlan(consolidate(await manyInputs(7), options)));
    office.clearRequests();
    const { submission, diagnostics } = await readSubmission(await host(office).readWorkbook());
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(submission.policyInitiatives).toHaveLength(1);
    expect(office.syncs).toBe(3);
    // Every sheet of the statement; not the worked example (Eksempel), which is never read.
    expect(sheetsAsked(office)).toEqual(new Set(SHEET_ORDER));
  }, 300_000);

  it('asks again in smaller chunks when Excel refuses an answer as too large, and refuses a sheet whose single row is', async () => {
    // 2,000 rows of long texts in the other goals' area: far more per cell than a first guess allows for.
    const rows = 2_000;
    const long = 'Lang beskrivelse af indsatsen med mange detaljer. '.repeat(40);
    const office = await withTypedRows(OTHER_AREA, rows, (r, _col, cell) => (typeof cell.value === 'string' ? `${r} ${long}` : cell.value));
    const notes = office.model.addSheet('Noter');
    for (let c = 1; c <= 200; c++) notes.cells.set(`1,${c}`, { value: 'æ'.repeat(20_000), type: 'String', numberFormat: 'General', style: {} });
    const reader = await host(office).readWorkbook();
    const { submission } = await readSubmission(reader);
    expect(submission.otherInitiatives).toHaveLength(rows);
    expect(submission.otherInitiatives[rows - 1].activity).toBe(`${rows - 1} ${long}`.trim());
    const refused = office.requests.filter((r) => r.error === 'ResponsePayloadSizeLimitExceeded');
    expect(refused.length).toBeGreaterThan(0);
    const answered = Math.max(...office.requests.filter((r) => !r.error).map((r) => r.responseBytes));
    expect(answered).toBeLessThan(SAFE_PAYLOAD_BYTES);
    process.stdout.write(`Kontrollér, 2,000 long texts: ${office.syncs} syncs, largest answer ${MB(answered)} MB, ${refused.length} answer(s) refused and asked again\n`);
    // Noter is read only when asked for; one row of it is more than Excel sends at once.
    await expect(reader.readSheet('Noter')).rejects.toMatchObject({ name: 'SheetTooLargeError', sheet: 'Noter' });
  }, 300_000);

  it('reads a template sheet of 40,000 typed rows in row chunks, every response under 4.5 MB', async () => {
    const rows = 40_000;
    const office = await withTypedRows(POLICY_AREA, rows, (r, col, cell) => (col === 1 ? `Indsats ${r + 1} – ${'beskrivelse '.repeat(4)}` : cell.value));
    const result = await readSubmission(await host(office).readWorkbook());
    process.stdout.write(`Kontrollér, 40,000 rows: ${figures(office)}\n`);
    expectWithinLimits(office);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.submission.policyInitiatives).toHaveLength(rows);
    expect(result.submission.policyInitiatives[rows - 1].name).toBe(`Indsats ${rows} – ${'beskrivelse '.repeat(4)}`.trim());
    // Syncs: names, extents, and one per chunk of values; a chunk's answer is not far below the budget.
    const answers = office.requests.slice(2).map((r) => r.responseBytes);
    expect(answers.length).toBeGreaterThan(3);
    expect(answers.length).toBeLessThanOrEqual(Math.ceil(answers.reduce((a, b) => a + b, 0) / 700_000) + 1);
  }, 300_000);
});
