/**
 * The Office.js host: the only code that calls Excel.run. Reads the open workbook for the core, inserts the
 * template, writes the consolidated sheets (replacing the add-in's earlier ones, never the user's), filters
 * the consolidated table and selects the cell of a finding.
 */
import { absoluteRef, quoteSheet } from '../../core/cells';
import { columnCriteria, type FilterCriteria } from '../../core/consolidate/filter';
import { OUTPUT } from '../../core/consolidate/layout';
import type { WorkbookPlan } from '../../core/plan/types';
import { INFO } from '../../core/template/definition';
import { MARKER_PREFIX, markedSheets } from './markers';
import { MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES } from './payload';
import { renderPlan } from './renderPlan';
import { detectFeatures, type Features, type RequirementChecker } from './requirements';
import { openWorkbook, type Edit, type OfficeWorkbookReader } from './snapshotReader';

/** The part of the Excel namespace the host uses; tests pass a strict double. */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  createWorkbook(base64?: string): Promise<void>;
  /** Excel.run on a context kept from an earlier batch (an event handler is removed on the context that added it). */
  runIn?<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export { MARKER_PREFIX };

export interface InsertResult {
  /** "inserted": the sheets are in; "exists": the template is already in this workbook and nothing was done. */
  status: 'inserted' | 'exists';
  sheets: string[];
  method: 'base64' | 'api';
}

export interface WriteResult {
  sheets: string[];
  replaced: string[];
  slicers: boolean;
  /** What this Excel could not add to the workbook (its requirement sets lack it); the pane says so. */
  missing: ('slicers' | 'pageLayout')[];
}

export interface FilterResult {
  visibleRows: number;
  totalRows: number;
}

export class HostError extends Error {
  constructor(
    message: string,
    readonly reason: 'no-table' | 'write-failed' | 'not-supported',
  ) {
    super(message);
  }
}

/** A name that is not in use, in Excel's style: "Om", "Om (2)", "Om (3)". */
export function freeName(wanted: string, taken: Set<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${wanted.slice(0, 31 - suffix.length)}${suffix}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

export class OfficeHost {
  readonly features: Features;

  /** The host for the Excel this add-in runs in (after Office.onReady reported Excel). */
  static forThisExcel(): OfficeHost {
    return new OfficeHost(
      { run: (batch) => Excel.run(batch), createWorkbook: (base64) => Excel.createWorkbook(base64), runIn: (context, batch) => Excel.run(context, batch) },
      Office.context.requirements,
    );
  }

  constructor(
    private readonly excel: ExcelApi,
    requirements: RequirementChecker,
    private readonly maxRequestBytes = MAX_REQUEST_BYTES,
    private readonly maxResponseBytes = MAX_RESPONSE_BYTES,
  ) {
    this.features = detectFeatures(requirements);
  }

  /**
   * The open workbook as the core reads it: names, then the sheets holding the template (three syncs for a
   * template, one more per chunk of a very long sheet). The add-in's consolidated sheets are never read.
   */
  async readWorkbook(): Promise<OfficeWorkbookReader> {
    return openWorkbook((batch) => this.excel.run(batch), this.maxResponseBytes);
  }

  /**
   * Tell `onEdit` of every edit in the workbook (one change event for all sheets, ExcelApi 1.9; one sync to register).
   * Returns how to stop. Edits are only reported: what to read again is the reader's business (applyEdits).
   */
  async watchEdits(onEdit: (edit: Edit) => void): Promise<() => Promise<void>> {
    if (!this.features.worksheetEvents) throw new HostError('Denne Excel kan ikke melde ændringer til tilføjelsesprogrammet; kontrollér med knappen.', 'not-supported');
    const registration = await this.excel.run(async (context) => {
      const handler = context.workbook.worksheets.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => onEdit({ worksheetId: e.worksheetId, address: e.address }));
      await context.sync();
      return handler;
    });
    // The handler's context is the Excel request context it was added on.
    const context = registration.context as Excel.RequestContext;
    return async () => {
      const remove = async (context: Excel.RequestContext) => {
        registration.remove();
        await context.sync();
      };
      await (this.excel.runIn ? this.excel.runIn(context, remove) : remove(context));
    };
  }

  /**
   * Insert the template. With ExcelApi 1.13 and no name clash the sheets come from the .xlsx the plan writer
   * made; otherwise they are built through the API under names that are free. A template already in the
   * workbook is left alone unless force is set.
   */
  async insertTemplate(plan: WorkbookPlan, xlsxBase64?: string, force = false): Promise<InsertResult> {
    return this.excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const existing = context.workbook.names.getItemOrNullObject(INFO.definedName);
      await context.sync();
      if (!existing.isNullObject && !force) return { status: 'exists', sheets: [], method: 'api' };
      const taken = new Set(sheets.items.map((s) => s.name));
      const clash = plan.sheets.some((s) => [...taken].some((t) => t.toLowerCase() === s.name.toLowerCase()));
      if (this.features.insertFromBase64 && xlsxBase64 && !clash && existing.isNullObject) {
        context.workbook.insertWorksheetsFromBase64(xlsxBase64, { positionType: 'End' });
        const names = context.workbook.names;
        names.load('items/name');
        await context.sync();
        // Whether workbook-level names come along with inserted sheets differs between Excel versions: add the missing ones.
        const have = new Set(names.items.map((n) => n.name.toLowerCase()));
        for (const n of plan.definedNames) {
          if (!have.has(n.name.toLowerCase())) names.add(n.name, `=${quoteSheet(n.sheet)}!${absoluteRef(n.ref)}`);
        }
        context.workbook.worksheets.getItem(plan.sheets[0].name).activate();
        await context.sync();
        return { status: 'inserted', sheets: plan.sheets.map((s) => s.name), method: 'base64' };
      }
      const names = new Map<string, string>();
      for (const s of plan.sheets) {
        const name = freeName(s.name, taken);
        taken.add(name);
        names.set(s.name, name);
      }
      // A second copy cannot reuse the workbook-level names; the reader then finds its areas by their headers.
      const toWrite = existing.isNullObject ? plan : { ...plan, definedNames: [] };
      await renderPlan(context, toWrite, { features: this.features, sheetName: (n) => names.get(n)!, maxRequestBytes: this.maxRequestBytes });
      const first = context.workbook.worksheets.getItem(names.get(plan.sheets[0].name)!);
      first.activate();
      await context.sync();
      return { status: 'inserted', sheets: [...names.values()], method: 'api' };
    });
  }

  /**
   * Write the consolidated plan into this workbook: new sheets are written under temporary names first; only
   * when all of them are in are the add-in's previous sheets deleted and the new ones renamed. If writing fails
   * half-way, the new sheets are removed and the previous ones are left as they were.
   */
  async writeConsolidated(plan: WorkbookPlan): Promise<WriteResult> {
    return this.excel.run(async (context) => {
      const wb = context.workbook;
      wb.worksheets.load('items/name');
      wb.names.load('items/name,items/formula');
      await context.sync();
      const markers = wb.names.items.filter((n) => n.name.startsWith(MARKER_PREFIX));
      const ours = markedSheets(markers);
      const taken = new Set(wb.worksheets.items.map((s) => s.name));
      const temp = new Map<string, string>();
      for (const s of plan.sheets) {
        const name = freeName(`${s.name.slice(0, 24)} (ny)`, taken);
        taken.add(name);
        temp.set(s.name, name);
      }
      // Table names are unique in a workbook: the new tables get temporary names until the old ones are gone.
      const tableNames = plan.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name));
      const staged: WorkbookPlan = { ...plan, sheets: plan.sheets.map((s) => ({ ...s, tables: s.tables?.map((t) => ({ ...t, name: `${t.name}_ny` })) })) };
      try {
        await renderPlan(context, staged, { features: this.features, sheetName: (n) => temp.get(n)!, maxRequestBytes: this.maxRequestBytes });
      } catch (err) {
        await removeSheets(context, [...temp.values()]);
        throw new HostError(`Den samlede status kunne ikke skrives (${errorText(err)}). Projektmappen er uændret.`, 'write-failed');
      }
      // Swap: drop the previous add-in sheets and their markers, then give the new sheets their names.
      // By name: an item proxy from names.items may be addressed by its index, which shifts as items go.
      for (const m of markers) wb.names.getItem(m.name).delete();
      for (const name of ours) wb.worksheets.getItem(name).delete();
      const remaining = new Set([...taken].filter((t) => !ours.has(t) && ![...temp.values()].includes(t)));
      const final: string[] = [];
      plan.sheets.forEach((s, i) => {
        const name = freeName(s.name, remaining);
        remaining.add(name);
        final.push(name);
        const ws = wb.worksheets.getItem(temp.get(s.name)!);
        ws.name = name;
        wb.names.add(`${MARKER_PREFIX}${i + 1}`, ws.getRange('A1').untrack(), 'Ark skrevet af Integrationsstatus; erstattes ved næste samling.');
      });
      for (const t of tableNames) wb.tables.getItem(`${t}_ny`).name = t;
      const slicers = this.features.slicers ? await addSlicers(context, plan, final) : false;
      wb.worksheets.getItem(final[0]).activate();
      await context.sync();
      const missing = (['slicers', 'pageLayout'] as const).filter((f) => !this.features[f]);
      return { sheets: final, replaced: [...ours], slicers, missing };
    });
  }

  /** Open the consolidated workbook as a new workbook (ExcelApi 1.8). */
  async openAsNewWorkbook(xlsxBase64: string): Promise<void> {
    if (!this.features.createWorkbook) throw new HostError('Denne Excel kan ikke åbne en ny projektmappe fra tilføjelsesprogrammet. Hent filen i stedet.', 'not-supported');
    await this.excel.createWorkbook(xlsxBase64);
  }

  /** Filter the consolidated table; criteria left out are not filtered on. */
  async applyFilter(criteria: FilterCriteria): Promise<FilterResult> {
    return this.excel.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(OUTPUT.overviewTable);
      await context.sync();
      if (table.isNullObject) throw new HostError('Der er ingen samlet status i denne projektmappe. Skriv den først under Konsolider.', 'no-table');
      const wanted = columnCriteria(criteria);
      // A test (the budget period includes the year) is turned into the column's values that pass it: read them first.
      const tested = wanted.filter((c) => c.test).map((c) => ({ c, range: table.columns.getItem(c.header).getDataBodyRange().untrack().load('values') }));
      if (tested.length) await context.sync();
      table.clearFilters();
      for (const c of wanted) {
        const values = c.values ?? [...new Set(tested.find((t) => t.c === c)!.range.values.map((r) => String(r[0])))].filter((v) => c.test!(v));
        table.columns.getItem(c.header).filter.applyValuesFilter(values.length ? values : ['—']);
      }
      return countRows(context, table);
    });
  }

  async clearFilters(): Promise<FilterResult> {
    return this.excel.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(OUTPUT.overviewTable);
      await context.sync();
      if (table.isNullObject) throw new HostError('Der er ingen samlet status i denne projektmappe.', 'no-table');
      table.clearFilters();
      return countRows(context, table);
    });
  }

  /** Select the cell of a finding and bring its sheet to the front. */
  async goToCell(sheet: string, cell: string | null): Promise<void> {
    await this.excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      if (cell) ws.getRange(cell).untrack().select();
      await context.sync();
    });
  }
}

/**
 * The plan's slicers, each over the cells it asks for: the cells' position and size are read first (one sync), so the
 * slicers sit where the plan keeps room for them and cover no data.
 */
async function addSlicers(context: Excel.RequestContext, plan: WorkbookPlan, names: string[]): Promise<boolean> {
  const placed = plan.sheets.flatMap((s, i) =>
    (s.slicers ?? []).map((slicer) => {
      const cells = context.workbook.worksheets.getItem(names[i]).getRange(slicer.cells).untrack();
      cells.load('left,top,width,height');
      return { slicer, sheet: names[i], cells };
    }),
  );
  if (!placed.length) return false;
  await context.sync();
  // A little space between neighbours, so their borders do not touch.
  const GAP = 3;
  for (const { slicer, sheet, cells } of placed) {
    const made = context.workbook.slicers.add(slicer.table, slicer.column, context.workbook.worksheets.getItem(sheet));
    made.caption = slicer.caption;
    made.left = cells.left + GAP;
    made.top = cells.top + GAP;
    made.width = Math.max(40, cells.width - 2 * GAP);
    made.height = Math.max(40, cells.height - 2 * GAP);
  }
  return true;
}

async function countRows(context: Excel.RequestContext, table: Excel.Table): Promise<FilterResult> {
  const body = table.getDataBodyRange().untrack();
  body.load('rowCount');
  const visible = body.getVisibleView();
  visible.load('rowCount');
  await context.sync();
  return { visibleRows: visible.rowCount, totalRows: body.rowCount };
}

async function removeSheets(context: Excel.RequestContext, names: string[]): Promise<void> {
  try {
    const sheets = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
    await context.sync();
    for (const s of sheets) if (!s.isNullObject) s.delete();
    await context.sync();
  } catch {
    // Best effort: the error that matters is the one already being reported.
  }
}

function errorText(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e?.code === 'RequestPayloadSizeLimitExceeded') return 'for store data i én forespørgsel';
  return e?.message ?? String(err);
}
