/**
 * Check as you type: Excel's worksheet change event, debounced, re-reads only the template areas an edit touched,
 * in one sync. On the strict double (events included) through the pane's Excel actions, and the re-read itself on
 * Office.js's own runtime (which does not carry event registration: see officeRuntime.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRangeRef } from '../../src/core/cells';
import { readSubmission } from '../../src/core/parse/submission';
import { validate } from '../../src/core/validate/validate';
import { TABLE1, POLICY_AREA } from '../../src/core/template/definition';
import { EXAMPLES } from '../../src/examples/submissions';
import { OfficeHost } from '../../src/hosts/office/host';
import { OfficeWorkbookReader, type EditOutcome } from '../../src/hosts/office/snapshotReader';
import type { FileActions, Finding } from '../../src/taskpane/actions';
import { createExcelActions } from '../../src/taskpane/officeActions';
import { ExcelDouble, requirementsUpTo, worksheetId, type WorkbookModel } from './excelDouble';
import { OfficeRuntime } from './officeRuntime';

const SOF = path.join(__dirname, '..', '..', 'examples', EXAMPLES.find((e) => e.administration === 'SOF')!.file);
const noFiles = {} as FileActions;

/** The first number typed in a template area (by its defined name; under its header row), and the area, A1 style. */
function firstAmount(model: WorkbookModel, definedName: string): { sheet: string; cell: string; value: number; area: string } {
  const name = model.names.find((n) => n.name === definedName)!;
  const r = parseRangeRef(name.ref!)!;
  for (let row = r.top + 1; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) {
      const c = model.cell(name.sheet!, row, col);
      if (c?.type === 'Double' && !c.formula && (c.value as number) > 0) return { sheet: name.sheet!.name, cell: `${String.fromCharCode(64 + col)}${row}`, value: c.value as number, area: `${name.sheet!.name}!${name.ref}` };
    }
  throw new Error(`no amount in ${definedName}`);
}

describe('check as you type, on the Excel double', () => {
  let excel: ExcelDouble;
  let applied: jest.SpyInstance<Promise<EditOutcome>>;
  beforeEach(async () => {
    excel = new ExcelDouble();
    await excel.model.loadXlsx(new Uint8Array(readFileSync(SOF)));
    applied = jest.spyOn(OfficeWorkbookReader.prototype, 'applyEdits');
  });
  afterEach(() => applied.mockRestore());

  it('an edit of one amount re-checks only its area, in one sync; a second quick edit joins it; stop removes the handler', async () => {
    const actions = createExcelActions(new OfficeHost(excel, requirementsUpTo('1.9')), noFiles, { editPauseMs: 0 });
    expect(actions.canWatchEdits).toBe(true);
    expect(await actions.validateWorkbook()).toEqual([]);
    let found!: (f: Finding[]) => void;
    let next = new Promise<Finding[]>((resolve) => (found = resolve));
    const errors: unknown[] = [];
    const stop = await actions.watchWorkbook((f) => found(f), (e) => errors.push(e));
    expect(excel.model.changeHandlers.size).toBe(1);

    const amount = firstAmount(excel.model, TABLE1.definedName);
    const before = excel.syncs;
    await excel.model.edit(amount.sheet, amount.cell, [[amount.value + 1]]);
    await excel.model.edit(amount.sheet, amount.cell, [[amount.value + 2]]);
    const findings = await next;
    expect(excel.syncs - before).toBe(1);
    expect(applied).toHaveBeenCalledTimes(1);
    expect(applied.mock.calls[0][0]).toHaveLength(2);
    expect(await applied.mock.results[0].value).toEqual({ kind: 'reread', areas: [amount.area] });
    // The amount no longer reconciles with the initiatives, nor with the row's and column's totals (the double does
    // not recompute formulas, so the totals keep their values).
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ['T1_RECONCILE', amount.cell],
      ['T1_ROW_SUM', expect.any(String)],
      ['T1_COLUMN_SUM', expect.any(String)],
    ]);

    // Put back: clean again, again in one sync.
    next = new Promise<Finding[]>((resolve) => (found = resolve));
    const back = excel.syncs;
    await excel.model.edit(amount.sheet, amount.cell, [[amount.value]]);
    expect(await next).toEqual([]);
    expect(excel.syncs - back).toBe(1);

    // An edit on a sheet the template does not use: no sync, no new check.
    excel.model.addSheet('Noter');
    const quiet = excel.syncs;
    const ignoredBefore = applied.mock.calls.length;
    await excel.model.edit('Noter', 'A1', [['egne noter']]);
    await new Promise((r) => setTimeout(r, 5));
    expect(await applied.mock.results[ignoredBefore].value).toEqual({ kind: 'stale' });
    // "Noter" was added after the workbook was read: the reader does not know its id, so it reads everything again
    // once; from then on the sheet is known and its edits cost nothing.
    const afterStale = excel.syncs;
    expect(afterStale - quiet).toBe(3);
    await excel.model.edit('Noter', 'B2', [['flere noter']]);
    await new Promise((r) => setTimeout(r, 5));
    expect(await applied.mock.results[ignoredBefore + 1].value).toEqual({ kind: 'ignored' });
    expect(excel.syncs).toBe(afterStale);

    await stop();
    expect(excel.model.changeHandlers.size).toBe(0);
    expect(errors).toEqual([]);
  });

  it('edits before any check read the workbook once, then only what they touch', async () => {
    const actions = createExcelActions(new OfficeHost(excel, requirementsUpTo('1.9')), noFiles, { editPauseMs: 0 });
    let found!: (f: Finding[]) => void;
    let next = new Promise<Finding[]>((resolve) => (found = resolve));
    const stop = await actions.watchWorkbook((f) => found(f), (e) => {
      throw e;
    });
    const name = firstAmount(excel.model, POLICY_AREA.definedName);
    let before = excel.syncs;
    await excel.model.edit(name.sheet, name.cell, [[name.value]]);
    expect(await next).toEqual([]);
    expect(excel.syncs - before).toBe(3);
    next = new Promise<Finding[]>((resolve) => (found = resolve));
    before = excel.syncs;
    await excel.model.edit(name.sheet, name.cell, [['ikke et beløb']]);
    const findings = await next;
    expect(excel.syncs - before).toBe(1);
    expect(findings.map((f) => [f.sheet, f.cell])).toContainEqual([name.sheet, name.cell]);
    await stop();
  });

  it('a sheet renamed since it was read: the workbook is read again, never an error', async () => {
    const actions = createExcelActions(new OfficeHost(excel, requirementsUpTo('1.9')), noFiles, { editPauseMs: 0 });
    await actions.validateWorkbook();
    const errors: unknown[] = [];
    let found!: (f: Finding[]) => void;
    const next = new Promise<Finding[]>((resolve) => (found = resolve));
    const stop = await actions.watchWorkbook((f) => found(f), (e) => errors.push(e));
    const amount = firstAmount(excel.model, TABLE1.definedName);
    excel.model.sheet(amount.sheet)!.name = 'Tabel 1 (omdøbt)';
    const before = excel.syncs;
    await excel.model.edit('Tabel 1 (omdøbt)', amount.cell, [[amount.value + 1]]);
    const findings = await next;
    await expect(applied.mock.results[0].value).rejects.toMatchObject({ code: 'ItemNotFound' });
    // The failed re-read, then names, extents and values of the whole workbook.
    expect(excel.syncs - before).toBe(4);
    expect(findings.map((f) => f.code)).toContain('T1_RECONCILE');
    expect(errors).toEqual([]);
    await stop();
  });

  it('an Excel without worksheet events (ExcelApi 1.8) offers no check as you type', () => {
    expect(createExcelActions(new OfficeHost(excel, requirementsUpTo('1.8')), noFiles).canWatchEdits).toBe(false);
  });
});

describe('re-reading an edited area, on Office.js’s own runtime', () => {
  it('one sync, one small answer, and the same submission as reading the whole workbook again', async () => {
    const office = new OfficeRuntime();
    await office.model.loadXlsx(new Uint8Array(readFileSync(SOF)));
    const host = new OfficeHost(office.excel, requirementsUpTo('1.13'));
    const reader = await host.readWorkbook();
    const amount = firstAmount(office.model, TABLE1.definedName);
    const sheet = office.model.sheet(amount.sheet)!;
    const r = parseRangeRef(amount.cell)!;
    office.model.cell(sheet, r.top, r.left)!.value = amount.value + 1000;
    office.clearRequests();
    const outcome = await reader.applyEdits([{ worksheetId: worksheetId(sheet), address: amount.cell }]);
    expect(outcome).toEqual({ kind: 'reread', areas: [amount.area] });
    expect(office.syncs).toBe(1);
    expect(office.requests.filter((q) => q.error)).toEqual([]);
    expect(office.maxResponseBytes).toBeLessThan(20_000);
    expect(office.maxRequestBytes).toBeLessThan(5_000);
    const patched = await readSubmission(reader);
    expect(patched).toEqual(await readSubmission(await host.readWorkbook()));
    expect(validate(patched).map((d) => [d.code, d.cell])).toContainEqual(['T1_RECONCILE', amount.cell]);
  });
});
