/**
 * A strict in-memory Excel for the subset of Office.js the host uses. Like Office.js:
 * - objects are proxies; writes are queued and applied at context.sync();
 * - reading a property that was not loaded, or loaded but not yet synced, throws PropertyNotLoaded;
 * - `values` / `numberFormat` writes must match the range's shape (or be a single value);
 * - a string starting with "=" (or an expression starting with + or -) written into a cell that is not
 *   formatted as text becomes a formula, and a numeric string becomes a number;
 * - every sync's request and response sizes are estimated (UTF-8); a request over 5 MB throws
 *   RequestPayloadSizeLimitExceeded and applies nothing, a response over 5 MB throws ResponsePayloadSizeLimitExceeded;
 * - syncs are counted.
 * The sizes are estimates: officeRuntime.ts measures the real ones, with Office.js's own client runtime answered
 * from this double's workbook (it then uses the double as the "server": `new DoubleContext(model, { limits: false })`).
 */
import ExcelJS from 'exceljs';
import { cellRef, columnNumber, parseRangeRef, quoteSheet, splitSheetRef } from '../../src/core/cells';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class OfficeError extends Error {
  /** The tag of the queued step that failed (see DoubleContext.tag). */
  tag?: number;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Scalar = string | number | boolean;

export interface CellModel {
  value: Scalar | null;
  type: 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';
  formula?: string;
  numberFormat: string;
  style: Record<string, unknown>;
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  top: number;
  left: number;
  bottom: number;
  right: number;
  style?: string;
  filters: Map<number, Set<string>>;
}

export interface SheetModel {
  id: number;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, CellModel>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  merges: string[];
  validations: { ref: string; rule: unknown; errorAlert?: unknown; prompt?: unknown }[];
  conditionalFormats: { ref: string; type: string; fill?: string; font?: string; rule?: unknown }[];
  frozen?: { rows: number; columns: number };
  charts: ChartModel[];
  page: PageModel;
  /** Rows above which a page break was added. */
  pageBreaks: number[];
  protected: boolean;
  tabColor?: string;
  deleted: boolean;
}

/** Cells a chart refers to: they follow their sheet when it is renamed, as in Excel. */
export interface CellsModel {
  sheet: SheetModel;
  ref: string;
}

export interface ChartSeriesModel {
  name: string;
  /** The cells of the values, and of the categories (x-axis values) once set. */
  values?: CellsModel;
  count: number;
  xValues?: CellsModel;
  fill?: string;
}

export interface ChartModel {
  type: string;
  title?: string;
  titleSize?: number;
  fontSize?: number;
  legend?: string;
  /** The cells the chart covers (setPosition), "H5:O20". */
  position?: string;
  series: ChartSeriesModel[];
  valueAxis: { majorUnit?: number; numberFormat?: string };
}

export interface PageModel {
  orientation?: string;
  paperSize?: string;
  margins?: { unit: string; options: Record<string, number> };
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: string;
  printTitleRows?: string;
  headersFooters: Record<string, string>;
}

export interface SlicerModel {
  table: string;
  column: string;
  sheet: string;
  caption?: string;
  left?: number;
  top?: number;
  width?: number;
  height?: number;
}

export interface NameModel {
  name: string;
  sheet?: SheetModel;
  ref?: string;
  comment?: string;
}

/** What Excel passes a worksheet change handler (the members the host reads, and their kind). */
export interface ChangedArgs {
  type: 'WorksheetChanged';
  changeType: 'RangeEdited';
  source: 'Local';
  worksheetId: string;
  address: string;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  /** worksheets.onChanged handlers registered (at sync) and not removed. */
  readonly changeHandlers = new Set<(args: ChangedArgs) => Promise<unknown>>();
  names: NameModel[] = [];
  tables: TableModel[] = [];
  slicers: SlicerModel[] = [];
  selected?: { sheet: string; cell: string };
  active?: string;
  private nextId = 1;

  addSheet(name: string): SheetModel {
    if (!/^[^[\]:*?/\\]{1,31}$/.test(name) || name.startsWith("'")) throw new OfficeError('InvalidArgument', `invalid sheet name ${name}`);
    if (this.sheet(name)) throw new OfficeError('ItemAlreadyExists', `A sheet named ${name} already exists`);
    const s: SheetModel = { id: this.nextId++, name, visibility: 'Visible', cells: new Map(), columnWidths: new Map(), rowHeights: new Map(), merges: [], validations: [], conditionalFormats: [], protected: false, deleted: false, charts: [], page: { headersFooters: {} }, pageBreaks: [] };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => !s.deleted && s.name.toLowerCase() === name.toLowerCase());
  }

  live(): SheetModel[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  cell(sheet: SheetModel, row: number, col: number): CellModel | undefined {
    return sheet.cells.get(`${row},${col}`);
  }

  /**
   * The user types values into a block of cells (numbers and texts, as given): the cells change, then every
   * registered change handler is told, as Excel does after an edit. Resolves when the handlers' promises have.
   */
  async edit(sheetName: string, address: string, values: (string | number | null)[][]): Promise<void> {
    const s = this.sheet(sheetName);
    const r = parseRangeRef(address);
    if (!s || !r) throw new Error(`no cells ${sheetName}!${address}`);
    values.forEach((row, i) =>
      row.forEach((v, k) => {
        const key = `${r.top + i},${r.left + k}`;
        const old = s.cells.get(key);
        const type = v === null || v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : 'String';
        s.cells.set(key, { ...(old ?? { numberFormat: 'General', style: {} }), value: v === '' ? null : v, type, formula: undefined } as CellModel);
      }),
    );
    const args: ChangedArgs = { type: 'WorksheetChanged', changeType: 'RangeEdited', source: 'Local', worksheetId: worksheetId(s), address };
    await Promise.all([...this.changeHandlers].map((h) => h(args)));
  }

  /** Load an .xlsx (values with cached formula results, number formats, sheet states, defined names). */
  async loadXlsx(bytes: Uint8Array, prefixExisting = false): Promise<string[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] } as ExcelJS.XlsxReadOptions);
    const added: string[] = [];
    for (const ws of wb.worksheets) {
      const s = this.addSheet(ws.name);
      added.push(s.name);
      s.visibility = ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (c, col) => {
          if (c.isMerged && c.master !== c) return;
          const isFormula = c.type === ExcelJS.ValueType.Formula;
          const raw = isFormula ? (c.result as ExcelJS.CellValue) : c.value;
          const cell: CellModel = { value: null, type: 'Empty', numberFormat: c.numFmt || 'General', style: {} };
          if (isFormula) cell.formula = `=${c.formula}`;
          setFromExcelJs(cell, raw);
          s.cells.set(`${r},${col}`, cell);
        });
      });
    }
    if (!prefixExisting) {
      for (const { name, ranges } of wb.definedNames.model) {
        for (const range of ranges) {
          const t = splitSheetRef(range);
          const sheet = t && this.sheet(t.sheet);
          if (t && sheet) this.names.push({ name, sheet, ref: t.ref });
        }
      }
    }
    return added;
  }
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function setFromExcelJs(cell: CellModel, v: ExcelJS.CellValue): void {
  if (v === null || v === undefined) return;
  if (typeof v === 'number') Object.assign(cell, { value: v, type: 'Double' });
  else if (typeof v === 'string') Object.assign(cell, { value: v, type: 'String' });
  else if (typeof v === 'boolean') Object.assign(cell, { value: v, type: 'Boolean' });
  else if (v instanceof Date) {
    const days = (v.getTime() - EXCEL_EPOCH) / 86400000;
    Object.assign(cell, { value: days < 61 ? days - 1 : days, type: 'Double' });
  } else if (typeof v === 'object' && 'error' in v) Object.assign(cell, { value: String(v.error), type: 'Error' });
  else if (typeof v === 'object' && 'richText' in v) Object.assign(cell, { value: v.richText.map((t) => t.text).join(''), type: 'String' });
  else if (typeof v === 'object' && 'text' in v) Object.assign(cell, { value: String(v.text), type: 'String' });
}

// ------------------------------------------------------------------------------------------ the request

interface Op {
  size: number;
  apply: () => unknown;
  tag?: number;
}

export class DoubleContext {
  syncCount = 0;
  readonly requestSizes: number[] = [];
  readonly responseSizes: number[] = [];
  /** Set by a caller that maps its own actions onto this context: errors at sync carry the tag of the failing step. */
  tag?: number;
  readonly calls: string[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  private queue: Op[] = [];
  private loads: { obj: ClientObject; props: string[] }[] = [];

  constructor(
    readonly model: WorkbookModel,
    private readonly options: { limits: boolean } = { limits: true },
  ) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  enqueue(size: number, apply: () => unknown): void {
    this.queue.push({ size, apply, tag: this.tag });
  }

  registerLoad(obj: ClientObject, props: string[]): void {
    this.loads.push({ obj, props });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const loads = this.loads;
    this.queue = [];
    this.loads = [];
    const size = ops.reduce((s, o) => s + o.size, 0) + loads.length * 60 + 200;
    this.syncCount++;
    this.requestSizes.push(size);
    if (this.options.limits && size > PAYLOAD_LIMIT) throw new OfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${size} bytes).`);
    for (const op of ops) {
      try {
        await op.apply();
      } catch (err) {
        if (err instanceof OfficeError) err.tag = op.tag;
        throw err;
      }
    }
    let response = 100;
    for (const { obj, props } of loads) response += obj.snapshot(props);
    this.responseSizes.push(response);
    // As in Excel: the request has run; only its answer is refused.
    if (this.options.limits && response > PAYLOAD_LIMIT) throw new OfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${response} bytes).`);
  }

  get maxRequestSize(): number {
    return Math.max(0, ...this.requestSizes);
  }

  get maxResponseSize(): number {
    return Math.max(0, ...this.responseSizes);
  }
}

/** UTF-8 bytes of a value as JSON. */
export const jsonBytes = (x: unknown): number => Buffer.byteLength(JSON.stringify(x ?? null), 'utf8');
const sizeOf = (x: unknown) => jsonBytes(x) + 40;

/** Base of every proxy: properties can only be read once loaded and synced. */
export abstract class ClientObject {
  private loaded = new Map<string, unknown>();
  private pending = new Set<string>();

  constructor(protected readonly ctx: DoubleContext) {}

  load(props?: string | string[] | Record<string, unknown>): this {
    const raw = typeof props === 'string' ? [props] : Array.isArray(props) ? props : Object.keys(props ?? {});
    const list = raw.flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
    list.forEach((p) => this.pending.add(p));
    this.ctx.registerLoad(this, list);
    return this;
  }

  /** Take the loaded properties' values now; returns about how many bytes they add to the response. */
  snapshot(props: string[]): number {
    // A null object only answers isNullObject; its other properties stay unavailable.
    const isNull = this.isNull();
    let bytes = 20;
    for (const p of props) {
      this.pending.delete(p);
      if (p === 'isNullObject') this.loaded.set(p, isNull);
      else if (!isNull) {
        const value = this.current(p);
        this.loaded.set(p, value);
        bytes += p.length + 4 + jsonBytes(value);
      }
    }
    return bytes;
  }

  protected isNull(): boolean {
    return false;
  }

  /** For a server built on the double (officeRuntime.ts): does the object exist, now that the queued steps ran? */
  existsNow(): boolean {
    return !this.isNull();
  }

  /** For a server built on the double: the key Excel sends back so the client can address this object again. */
  identity(): Record<string, unknown> | undefined {
    return undefined;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      const state = this.pending.has(prop) ? 'loaded but context.sync() has not been called yet' : 'not loaded';
      throw new OfficeError('PropertyNotLoaded', `The property '${prop}' is not available (${state}). Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.loaded.get(prop) as T;
  }

  /** The model's value of a property at sync time. */
  protected abstract current(prop: string): unknown;
}

/** What a method returns that the caller reads after sync (e.g. insertWorksheetsFromBase64). */
export class ClientResult<T> {
  private done = false;
  private result!: T;
  set(v: T) {
    this.result = v;
    this.done = true;
  }
  get value(): T {
    if (!this.done) throw new OfficeError('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Call "context.sync()" first.');
    return this.result;
  }
}

export class ApplicationProxy {
  suspendedCalculation = 0;
  suspendedScreen = 0;
  constructor(private readonly ctx: DoubleContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.suspendedCalculation++;
    this.ctx.calls.push('suspendApiCalculationUntilNextSync');
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.suspendedScreen++;
    this.ctx.calls.push('suspendScreenUpdatingUntilNextSync');
  }
}

// ------------------------------------------------------------------------------------------ workbook

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly slicers: SlicerCollectionProxy;
  constructor(private readonly ctx: DoubleContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, undefined);
    this.slicers = new SlicerCollectionProxy(ctx);
  }

  /** In Office.js, context.application is workbook.application. */
  get application(): ApplicationProxy {
    return this.ctx.application;
  }

  insertWorksheetsFromBase64(base64: string, _options?: unknown): ClientResult<string[]> {
    const result = new ClientResult<string[]>();
    this.ctx.enqueue(base64.length, async () => {
      // Like Excel: the sheets come in; workbook-level defined names of the source are not assumed to.
      const names = await this.ctx.model.loadXlsx(new Uint8Array(Buffer.from(base64, 'base64')), true);
      result.set(names);
    });
    return result;
  }
}

/** A collection: `load('items/name')` (or `load('name')`) loads those properties of every item. */
abstract class CollectionProxy<T extends ClientObject> extends ClientObject {
  private itemsCache: T[] = [];

  get items(): T[] {
    this.read('items');
    return this.itemsCache;
  }

  override load(props?: string | string[]): this {
    const list = (typeof props === 'string' ? props.split(',') : props ?? []).map((p) => p.trim().replace(/^items\//, ''));
    super.load(['items', ...list.map((p) => `items/${p}`)]);
    return this;
  }

  override snapshot(props: string[]): number {
    const itemProps = props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    this.itemsCache = this.makeItems();
    let bytes = 0;
    for (const item of this.itemsCache) bytes += item.snapshot(itemProps);
    return bytes + super.snapshot(['items']);
  }

  /** The i-th item when the step using it runs (Office.js addresses items it got without an id this way). */
  abstract getItemAt(index: number): T;

  protected current(): unknown {
    return null;
  }

  protected abstract makeItems(): T[];
}

export class WorksheetCollectionProxy extends CollectionProxy<WorksheetProxy> {
  /** worksheets.onChanged (ExcelApi 1.9): a handler is registered, and removed, at the next sync. */
  readonly onChanged = {
    add: (handler: (args: ChangedArgs) => Promise<unknown>) => {
      this.ctx.enqueue(80, () => this.ctx.model.changeHandlers.add(handler));
      return { context: this.ctx, remove: () => this.ctx.enqueue(80, () => this.ctx.model.changeHandlers.delete(handler)) };
    },
  };

  protected makeItems(): WorksheetProxy[] {
    return this.ctx.model.live().map((s) => new WorksheetProxy(this.ctx, () => s));
  }

  getItemAt(index: number): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.live()[index]);
  }

  /** By name, or by the id Excel gives a sheet (worksheetId). */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.model.live().find((x) => worksheetId(x) === key) ?? this.ctx.model.sheet(key);
      if (!s) throw new OfficeError('ItemNotFound', `The requested worksheet ${key} does not exist.`);
      return s;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name), true).autoLoadNull();
  }

  add(name: string): WorksheetProxy {
    let created: SheetModel | undefined;
    this.ctx.enqueue(sizeOf(name), () => {
      created = this.ctx.model.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => created ?? this.ctx.model.sheet(name));
  }
}

/** A sheet's id in Excel's form, stable across renames. */
export function worksheetId(s: SheetModel): string {
  return `{00000000-0001-0000-${String(s.id).padStart(4, '0')}-000000000000}`;
}

export class WorksheetProxy extends ClientObject {
  private bound?: SheetModel;
  readonly tables: TableCollectionProxy;
  readonly freezePanes: { freezeRows: (n: number) => void; freezeAt: (r: RangeProxy) => void };
  readonly protection: { protect: (options?: unknown) => void };
  readonly charts: ChartCollectionProxy;
  readonly pageLayout: PageLayoutProxy;
  readonly horizontalPageBreaks: { add: (at: RangeProxy | string) => void };

  constructor(
    ctx: DoubleContext,
    private readonly find: () => SheetModel | undefined,
    private readonly orNull = false,
  ) {
    super(ctx);
    this.tables = new TableCollectionProxy(ctx, this);
    this.charts = new ChartCollectionProxy(ctx, this);
    this.pageLayout = new PageLayoutProxy(ctx, this);
    this.horizontalPageBreaks = {
      add: (at) =>
        ctx.enqueue(60, () => {
          const r = typeof at === 'string' ? parseRangeRef(at) : at.rect();
          if (!r) throw new OfficeError('InvalidArgument', `bad page break ${String(at)}`);
          this.model().pageBreaks.push(r.top);
        }),
    };
    this.freezePanes = {
      freezeRows: (n) => ctx.enqueue(60, () => (this.model().frozen = { rows: n, columns: 0 })),
      freezeAt: (r) => ctx.enqueue(60, () => (this.model().frozen = { rows: r.rect().bottom, columns: r.rect().right })),
    };
    this.protection = { protect: () => ctx.enqueue(80, () => (this.model().protected = true)) };
  }

  /** Office binds the proxy to a sheet the first time it is used, so a rename later in the batch keeps it. */
  model(): SheetModel {
    if (!this.bound) {
      const s = this.find();
      if (!s) throw new OfficeError('ItemNotFound', 'The requested worksheet does not exist.');
      this.bound = s;
    }
    if (this.bound.deleted) throw new OfficeError('ItemNotFound', 'The worksheet has been deleted.');
    return this.bound;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  protected override isNull(): boolean {
    return !(this.bound ?? this.find());
  }

  override identity(): Record<string, unknown> | undefined {
    const s = this.bound ?? this.find();
    return s ? { Id: worksheetId(s) } : undefined;
  }

  protected current(prop: string): unknown {
    const s = this.find();
    if (prop === 'isNullObject') return !s;
    if (!s) throw new OfficeError('InvalidObjectPath', 'null object');
    if (prop === 'name') return s.name;
    if (prop === 'visibility') return s.visibility;
    if (prop === 'id') return worksheetId(s);
    throw new OfficeError('InvalidArgument', `unknown worksheet property ${prop}`);
  }

  override load(props?: string | string[]): this {
    return super.load(this.orNull ? [...[props ?? []].flat(), 'isNullObject'] : props);
  }

  /** Null objects tell whether they are null after the next sync, without a load (as in Office.js). */
  autoLoadNull(): this {
    if (this.orNull) super.load('isNullObject');
    return this;
  }

  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.ctx.enqueue(sizeOf(v), () => {
      const s = this.model();
      const other = this.ctx.model.sheet(v);
      if (other && other !== s) throw new OfficeError('ItemAlreadyExists', `A sheet named ${v} already exists`);
      s.name = v;
    });
  }
  get visibility(): string {
    return this.read('visibility');
  }
  get id(): string {
    return this.read('id');
  }
  set visibility(v: string) {
    this.ctx.enqueue(60, () => (this.model().visibility = v as SheetModel['visibility']));
  }
  set tabColor(v: string) {
    this.ctx.enqueue(60, () => (this.model().tabColor = v));
  }

  getRange(address: string): RangeProxy {
    const r = parseRangeRef(address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address);
    if (!r) throw new OfficeError('InvalidArgument', `bad address ${address}`);
    return new RangeProxy(this.ctx, this, r);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    if (rows < 1 || cols < 1) throw new OfficeError('InvalidArgument', 'empty range');
    return new RangeProxy(this.ctx, this, { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, this, () => {
      const s = this.model();
      let top = Infinity;
      let left = Infinity;
      let bottom = 0;
      let right = 0;
      for (const [key, c] of s.cells) {
        if (valuesOnly && c.type === 'Empty' && !c.formula) continue;
        const [r, col] = key.split(',').map(Number);
        top = Math.min(top, r);
        left = Math.min(left, col);
        bottom = Math.max(bottom, r);
        right = Math.max(right, col);
      }
      return bottom === 0 ? undefined : { top, left, bottom, right };
    }, true);
  }

  activate(): void {
    this.ctx.enqueue(40, () => (this.ctx.model.active = this.model().name));
  }

  delete(): void {
    this.ctx.enqueue(40, () => {
      const s = this.model();
      s.deleted = true;
      this.ctx.model.tables = this.ctx.model.tables.filter((t) => t.sheet !== s);
    });
  }
}

// ------------------------------------------------------------------------------------------ ranges

type Rect = { top: number; left: number; bottom: number; right: number };

function looksLikeExpression(text: string): boolean {
  return /^[+-]/.test(text) && /[+\-*/^&(|!]/.test(text.slice(1)) && !/^[+-]?\d+([.,]\d+)?$/.test(text);
}

export class RangeProxy extends ClientObject {
  readonly format: FormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: { add: (type: string) => ConditionalFormatProxy };

  constructor(
    ctx: DoubleContext,
    readonly sheet: WorksheetProxy,
    /** The cells, or a function that finds them when a step runs (undefined: a null object). */
    private readonly where: Rect | (() => Rect | undefined),
    private readonly orNull = false,
  ) {
    super(ctx);
    if (orNull) super.load('isNullObject');
    this.format = new FormatProxy(ctx, this);
    this.dataValidation = new DataValidationProxy(ctx, this);
    this.conditionalFormats = {
      add: (type) => {
        if (type !== 'CellValue' && type !== 'TopBottom') throw new OfficeError('NotInDouble', `conditional formats of type ${type}`);
        const cf = new ConditionalFormatProxy();
        ctx.enqueue(120, () => this.sheet.model().conditionalFormats.push({ ref: this.ref(), type, ...cf.state }));
        return cf;
      },
    };
  }

  rect(): Rect {
    const r = typeof this.where === 'function' ? this.where() : this.where;
    if (!r) throw new OfficeError('InvalidObjectPath', 'The range is a null object.');
    return r;
  }

  ref(): string {
    const r = this.rect();
    return `${cellRef(r.top, r.left)}:${cellRef(r.bottom, r.right)}`;
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  protected override isNull(): boolean {
    return this.orNull && typeof this.where === 'function' && this.where() === undefined;
  }

  private cells<T>(fn: (cell: CellModel | undefined, r: number, c: number) => T): T[][] {
    const r = this.rect();
    const s = this.sheet.model();
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(fn(s.cells.get(`${row},${col}`), row, col));
      out.push(line);
    }
    return out;
  }

  protected current(prop: string): unknown {
    if (prop === 'isNullObject') return this.isNull();
    const r = this.rect();
    switch (prop) {
      case 'values':
        return this.cells((c) => (c && c.type !== 'Empty' ? c.value : ''));
      case 'valueTypes':
        return this.cells((c) => c?.type ?? 'Empty');
      case 'numberFormat':
        return this.cells((c) => c?.numberFormat ?? 'General');
      case 'formulas':
        return this.cells((c) => c?.formula ?? (c && c.type !== 'Empty' ? c.value : ''));
      case 'address':
        return `${quoteSheet(this.sheet.model().name)}!${cellRef(r.top, r.left)}:${cellRef(r.bottom, r.right)}`;
      case 'rowCount':
        return r.bottom - r.top + 1;
      case 'columnCount':
        return r.right - r.left + 1;
      case 'left':
      case 'top':
      case 'width':
      case 'height':
        return geometry(this.sheet.model(), r)[prop];
      default:
        throw new OfficeError('InvalidArgument', `unknown range property ${prop}`);
    }
  }

  get values(): Scalar[][] {
    return this.read('values');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get left(): number {
    return this.read('left');
  }
  get top(): number {
    return this.read('top');
  }
  get width(): number {
    return this.read('width');
  }
  get height(): number {
    return this.read('height');
  }

  /** Shape check as Office.js does: a 2D array must be exactly the range's size; a single value fills it. */
  private grid<T>(input: T | T[][], what: string): (r: number, c: number) => T {
    const r = this.rect();
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (!Array.isArray(input)) return () => input;
    if (input.length !== rows || input.some((line) => !Array.isArray(line) || line.length !== cols)) {
      throw new OfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${rows}×${cols}).`);
    }
    return (row, col) => input[row][col];
  }

  set values(input: (Scalar | null)[][] | Scalar) {
    const get = this.grid(input, 'values');
    this.ctx.enqueue(sizeOf(input), () => {
      const s = this.sheet.model();
      if (s.protected) throw new OfficeError('AccessDenied', 'The cell or chart you are trying to change is protected.');
      const r = this.rect();
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const v = get(row - r.top, col - r.left);
          // As documented for Office.js: null in a 2D array leaves that cell as it is.
          if (v === null) continue;
          const key = `${row},${col}`;
          const cell = s.cells.get(key) ?? { value: null, type: 'Empty' as const, numberFormat: 'General', style: {} };
          writeValue(cell, v);
          s.cells.set(key, cell);
        }
      }
    });
  }

  set numberFormat(input: (string | null)[][] | string) {
    const get = this.grid(input, 'numberFormat');
    this.ctx.enqueue(sizeOf(input), () => {
      const s = this.sheet.model();
      const r = this.rect();
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const f = get(row - r.top, col - r.left);
          if (f === null) continue;
          const key = `${row},${col}`;
          const cell = s.cells.get(key) ?? { value: null, type: 'Empty' as const, numberFormat: 'General', style: {} };
          cell.numberFormat = f;
          s.cells.set(key, cell);
        }
      }
    });
  }

  /** Office.js: stop tracking the range across syncs (client side only). */
  untrack(): this {
    return this;
  }

  getRow(index: number): RangeProxy {
    return new RangeProxy(this.ctx, this.sheet, () => {
      const r = this.rect();
      return { top: r.top + index, bottom: r.top + index, left: r.left, right: r.right };
    });
  }

  getBoundingRect(other: RangeProxy): RangeProxy {
    return new RangeProxy(this.ctx, this.sheet, () => {
      const a = this.rect();
      const b = other.rect();
      return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
    });
  }

  /** Office.js sends this before writing a large array in pieces: the range must have the array's shape. */
  _ValidateArraySize(rows: number, columns: number): void {
    this.ctx.enqueue(40, () => {
      const r = this.rect();
      if (r.bottom - r.top + 1 !== rows || r.right - r.left + 1 !== columns) throw new OfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`);
    });
  }

  getEntireColumn(): RangeProxy {
    return new RangeProxy(this.ctx, this.sheet, () => ({ top: 1, bottom: 1048576, left: this.rect().left, right: this.rect().right }));
  }

  merge(_across?: boolean): void {
    this.ctx.enqueue(60, () => this.sheet.model().merges.push(this.ref()));
  }

  select(): void {
    this.ctx.enqueue(40, () => (this.ctx.model.selected = { sheet: this.sheet.model().name, cell: this.ref().split(':')[0] === this.ref().split(':')[1] ? this.ref().split(':')[0] : this.ref() }));
  }

  getVisibleView(): RangeViewProxy {
    return new RangeViewProxy(this.ctx, this);
  }
}

function writeValue(cell: CellModel, v: Scalar): void {
  delete cell.formula;
  if (v === '' || v === null || v === undefined) {
    Object.assign(cell, { value: null, type: 'Empty' });
  } else if (typeof v === 'number') {
    Object.assign(cell, { value: v, type: 'Double' });
  } else if (typeof v === 'boolean') {
    Object.assign(cell, { value: v, type: 'Boolean' });
  } else if (cell.numberFormat === '@') {
    Object.assign(cell, { value: v, type: 'String' });
  } else if (v.startsWith('=') || looksLikeExpression(v)) {
    // As in Excel: written into a General cell, this is a formula (the double does not calculate it).
    Object.assign(cell, { formula: v.startsWith('=') ? v : `=${v}`, value: null, type: 'Empty' });
  } else if (/^-?\d+(\.\d+)?$/.test(v.trim())) {
    Object.assign(cell, { value: Number(v), type: 'Double' });
  } else {
    Object.assign(cell, { value: v, type: 'String' });
  }
}

export class RangeViewProxy extends ClientObject {
  constructor(
    ctx: DoubleContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  protected current(prop: string): unknown {
    if (prop !== 'rowCount') throw new OfficeError('InvalidArgument', `unknown view property ${prop}`);
    const r = this.range.rect();
    const table = this.ctx.model.tables.find((t) => t.sheet === this.range.sheet.model() && t.top < r.top && t.bottom >= r.bottom);
    let count = 0;
    for (let row = r.top; row <= r.bottom; row++) if (!table || rowVisible(this.ctx.model, table, row)) count++;
    return count;
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
}

function displayText(c: CellModel | undefined): string {
  return c && c.type !== 'Empty' ? String(c.value) : '';
}

export function rowVisible(model: WorkbookModel, t: TableModel, row: number): boolean {
  for (const [col, allowed] of t.filters) if (!allowed.has(displayText(model.cell(t.sheet, row, col)))) return false;
  return true;
}

/** A write-only group of format properties (font, fill, protection): only those named exist, as in Excel. */
function styleGroup<K extends string>(names: readonly K[], set: (key: K, value: unknown) => void): Record<K, unknown> {
  const group = {} as Record<K, unknown>;
  for (const name of names) {
    Object.defineProperty(group, name, {
      set: (value: unknown) => set(name, value),
      get: () => {
        throw new OfficeError('PropertyNotLoaded', `The property '${name}' is not available.`);
      },
      enumerable: true,
    });
  }
  return group;
}

export class FormatProxy {
  readonly font: Record<'bold' | 'italic' | 'size' | 'color' | 'name' | 'underline', unknown>;
  readonly fill: Record<'color', unknown>;
  readonly protection: Record<'locked' | 'formulaHidden', unknown>;
  constructor(
    private readonly ctx: DoubleContext,
    private readonly range: RangeProxy,
  ) {
    this.font = styleGroup(['bold', 'italic', 'size', 'color', 'name', 'underline'], (k, v) => this.style(`font.${k}`, v));
    this.fill = styleGroup(['color'], (k, v) => this.style(`fill.${k}`, v));
    this.protection = styleGroup(['locked', 'formulaHidden'], (k, v) => this.style(`protection.${k}`, v));
  }

  private style(key: string, value: unknown): void {
    this.ctx.enqueue(sizeOf(value) + key.length, () => {
      const s = this.range.sheet.model();
      const r = this.range.rect();
      if (r.bottom - r.top > 100000) {
        s.cells.forEach((c, k) => {
          const col = Number(k.split(',')[1]);
          if (col >= r.left && col <= r.right) c.style[key] = value;
        });
        return;
      }
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const cell = s.cells.get(`${row},${col}`) ?? { value: null, type: 'Empty' as const, numberFormat: 'General', style: {} };
          cell.style[key] = value;
          s.cells.set(`${row},${col}`, cell);
        }
      }
    });
  }

  set columnWidth(v: number) {
    this.ctx.enqueue(60, () => {
      const r = this.range.rect();
      for (let c = r.left; c <= r.right; c++) this.range.sheet.model().columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.ctx.enqueue(60, () => {
      const r = this.range.rect();
      for (let row = r.top; row <= r.bottom; row++) this.range.sheet.model().rowHeights.set(row, v);
    });
  }
  set wrapText(v: boolean) {
    this.style('wrapText', v);
  }
  set horizontalAlignment(v: string) {
    this.style('horizontalAlignment', v);
  }
  set verticalAlignment(v: string) {
    this.style('verticalAlignment', v);
  }
  autofitRows(): void {
    this.ctx.enqueue(40, () => undefined);
  }
}

export class DataValidationProxy {
  constructor(
    private readonly ctx: DoubleContext,
    private readonly range: RangeProxy,
  ) {}
  private entry() {
    const s = this.range.sheet.model();
    const ref = this.range.ref();
    let e = s.validations.find((v) => v.ref === ref);
    if (!e) {
      e = { ref, rule: undefined };
      s.validations.push(e);
    }
    return e;
  }
  // As Excel: one kind of rule, a custom rule's formula starting with "=", a title of at most 32 and a message of at
  // most 255 characters, an alert style Excel knows.
  set rule(v: unknown) {
    const kinds = Object.keys(v as object);
    const known = ['wholeNumber', 'decimal', 'list', 'date', 'time', 'textLength', 'custom'];
    if (kinds.length !== 1 || !known.includes(kinds[0])) throw new OfficeError('InvalidArgument', `bad data validation rule ${JSON.stringify(v)}`);
    const custom = (v as { custom?: { formula?: unknown } }).custom;
    if (custom && !(typeof custom.formula === 'string' && custom.formula.startsWith('='))) throw new OfficeError('InvalidArgument', 'a custom rule needs a formula starting with =');
    this.ctx.enqueue(sizeOf(v), () => (this.entry().rule = v));
  }
  set errorAlert(v: unknown) {
    const a = v as { style?: unknown; title?: unknown; message?: unknown };
    if (!['Stop', 'Warning', 'Information'].includes(String(a.style)) || String(a.title ?? '').length > 32 || String(a.message ?? '').length > 255) {
      throw new OfficeError('InvalidArgument', `bad error alert ${JSON.stringify(v)}`);
    }
    this.ctx.enqueue(sizeOf(v), () => (this.entry().errorAlert = v));
  }
  set prompt(v: unknown) {
    const p = v as { title?: unknown; message?: unknown };
    if (String(p.title ?? '').length > 32 || String(p.message ?? '').length > 255) throw new OfficeError('InvalidArgument', `bad prompt ${JSON.stringify(v)}`);
    this.ctx.enqueue(sizeOf(v), () => (this.entry().prompt = v));
  }
}

export class ConditionalFormatProxy {
  state: { fill?: string; font?: string; rule?: unknown } = {};
  readonly cellValue: { format: { fill: Record<'color', unknown>; font: Record<'color', unknown> }; rule: unknown };
  /** A top/bottom rule: { rank, type: 'TopItems' | 'TopPercent' | 'BottomItems' | 'BottomPercent' }. */
  readonly topBottom: { format: { fill: Record<'color', unknown>; font: Record<'color', unknown> }; rule: unknown };
  constructor() {
    const state = this.state;
    const kind = (check?: (v: unknown) => void) => ({
      format: {
        fill: styleGroup(['color'], (_k, v) => (state.fill = v as string)),
        font: styleGroup(['color'], (_k, v) => (state.font = v as string)),
      },
      set rule(v: unknown) {
        check?.(v);
        state.rule = v;
      },
      get rule(): unknown {
        throw new OfficeError('PropertyNotLoaded', "The property 'rule' is not available.");
      },
    });
    this.cellValue = kind();
    this.topBottom = kind((v) => {
      const r = v as { rank?: unknown; type?: unknown };
      if (typeof r.rank !== 'number' || !['TopItems', 'TopPercent', 'BottomItems', 'BottomPercent'].includes(String(r.type))) throw new OfficeError('InvalidArgument', `bad top/bottom rule ${JSON.stringify(v)}`);
    });
  }
}

// ------------------------------------------------------------------------------------------ names, tables, slicers

export class NamedItemProxy extends ClientObject {
  constructor(
    ctx: DoubleContext,
    private readonly find: () => NameModel | undefined,
  ) {
    super(ctx);
  }
  protected override isNull(): boolean {
    return !this.find();
  }

  override identity(): Record<string, unknown> | undefined {
    const n = this.find();
    return n ? { _Id: n.name } : undefined;
  }

  protected current(prop: string): unknown {
    const n = this.find();
    if (prop === 'isNullObject') return !n;
    if (!n) throw new OfficeError('InvalidObjectPath', 'null object');
    if (prop === 'name') return n.name;
    if (prop === 'type') return 'Range';
    if (prop === 'formula') return n.sheet && !n.sheet.deleted ? `=${quoteSheet(n.sheet.name)}!${absolute(n.ref!)}` : '=#REF!';
    throw new OfficeError('InvalidArgument', `unknown name property ${prop}`);
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get name(): string {
    return this.read('name');
  }
  get type(): string {
    return this.read('type');
  }
  get formula(): string {
    return this.read('formula');
  }
  delete(): void {
    this.ctx.enqueue(40, () => {
      const n = this.find();
      if (!n) throw new OfficeError('ItemNotFound', 'The name does not exist.');
      this.ctx.model.names = this.ctx.model.names.filter((x) => x !== n);
    });
  }
}

function absolute(ref: string): string {
  return ref
    .split(':')
    .map((p) => p.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
}

export class NamedItemCollectionProxy extends CollectionProxy<NamedItemProxy> {
  protected makeItems(): NamedItemProxy[] {
    return this.ctx.model.names.map((n) => new NamedItemProxy(this.ctx, () => n));
  }
  getItemAt(index: number): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.ctx.model.names[index]);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.ctx.model.names.find((x) => x.name.toLowerCase() === name.toLowerCase()));
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    const p = new NamedItemProxy(this.ctx, () => this.ctx.model.names.find((n) => n.name.toLowerCase() === name.toLowerCase()));
    p.load('isNullObject');
    return p;
  }
  add(name: string, reference: RangeProxy | string, comment?: string): void {
    this.ctx.enqueue(sizeOf([name, comment]) + 60, () => {
      if (this.ctx.model.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new OfficeError('ItemAlreadyExists', `The name ${name} already exists.`);
      if (typeof reference === 'string') {
        const t = splitSheetRef(reference);
        const sheet = t && this.ctx.model.sheet(t.sheet);
        if (!t || !sheet) throw new OfficeError('InvalidReference', `bad reference ${reference}`);
        this.ctx.model.names.push({ name, sheet, ref: t.ref, comment });
      } else {
        this.ctx.model.names.push({ name, sheet: reference.sheet.model(), ref: reference.ref().replace(/^(\w+):\1$/, '$1'), comment });
      }
    });
  }
}

export class TableColumnProxy {
  readonly filter: { applyValuesFilter: (values: string[]) => void };
  constructor(
    private readonly ctx: DoubleContext,
    private readonly table: TableProxy,
    private readonly columnName: string,
  ) {
    this.filter = {
      applyValuesFilter: (values) =>
        ctx.enqueue(sizeOf(values), () => {
          const t = this.table.model();
          t.filters.set(this.index(), new Set(values));
        }),
    };
  }
  index(): number {
    const t = this.table.model();
    for (let c = t.left; c <= t.right; c++) if (displayText(this.ctx.model.cell(t.sheet, t.top, c)) === this.columnName) return c;
    throw new OfficeError('ItemNotFound', `The table column ${this.columnName} does not exist.`);
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.ctx, new WorksheetProxy(this.ctx, () => this.table.model().sheet), () => {
      const t = this.table.model();
      const c = this.index();
      return { top: t.top + 1, bottom: t.bottom, left: c, right: c };
    });
  }
}

export class TableProxy extends ClientObject {
  readonly columns: { getItem: (name: string) => TableColumnProxy; getItemOrNullObject: (name: string) => TableColumnProxy };
  constructor(
    ctx: DoubleContext,
    private readonly find: () => TableModel | undefined,
  ) {
    super(ctx);
    this.columns = { getItem: (n) => new TableColumnProxy(ctx, this, n), getItemOrNullObject: (n) => new TableColumnProxy(ctx, this, n) };
  }
  model(): TableModel {
    const t = this.find();
    if (!t) throw new OfficeError('ItemNotFound', 'The table does not exist.');
    return t;
  }
  protected override isNull(): boolean {
    return !this.find();
  }

  protected current(prop: string): unknown {
    if (prop === 'isNullObject') return !this.find();
    if (prop === 'name') return this.model().name;
    throw new OfficeError('InvalidArgument', `unknown table property ${prop}`);
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  set name(v: string) {
    this.ctx.enqueue(sizeOf(v), () => {
      if (this.ctx.model.tables.some((t) => t.name === v && t !== this.model())) throw new OfficeError('ItemAlreadyExists', `A table named ${v} already exists.`);
      this.model().name = v;
    });
  }
  set style(v: string) {
    this.ctx.enqueue(sizeOf(v), () => (this.model().style = v));
  }
  clearFilters(): void {
    this.ctx.enqueue(40, () => this.model().filters.clear());
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.ctx, new WorksheetProxy(this.ctx, () => this.model().sheet), () => {
      const t = this.model();
      return { top: t.top + 1, bottom: t.bottom, left: t.left, right: t.right };
    });
  }
}

export class TableCollectionProxy {
  constructor(
    private readonly ctx: DoubleContext,
    private readonly sheet: WorksheetProxy | undefined,
  ) {}
  add(address: string, hasHeaders: boolean): TableProxy {
    let created: TableModel | undefined;
    this.ctx.enqueue(sizeOf(address), () => {
      if (!hasHeaders) throw new OfficeError('InvalidArgument', 'the double supports tables with headers only');
      const ws = this.sheet ?? this.ctx.workbook.worksheets.getItem(address.split('!')[0].replace(/^'|'$/g, ''));
      const r = parseRangeRef(address.slice(address.lastIndexOf('!') + 1))!;
      const s = ws.model();
      const overlapping = this.ctx.model.tables.some((t) => t.sheet === s && !(t.bottom < r.top || t.top > r.bottom || t.right < r.left || t.left > r.right));
      if (overlapping) throw new OfficeError('InvalidOperation', 'A table cannot overlap another table.');
      created = { name: `Tabel${this.ctx.model.tables.length + 1}`, sheet: s, ...r, filters: new Map() };
      this.ctx.model.tables.push(created);
    });
    return new TableProxy(this.ctx, () => created);
  }
  getItemOrNullObject(name: string): TableProxy {
    const t = new TableProxy(this.ctx, () => this.ctx.model.tables.find((x) => x.name === name && !x.sheet.deleted));
    t.load('isNullObject');
    return t;
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.ctx.model.tables.find((x) => x.name === name && !x.sheet.deleted));
  }
}

export class SlicerCollectionProxy {
  constructor(private readonly ctx: DoubleContext) {}
  add(table: string, column: string, dest: WorksheetProxy): SlicerProxy {
    const made: SlicerModel = { table, column, sheet: '' };
    this.ctx.enqueue(sizeOf([table, column]), () => {
      const t = this.ctx.model.tables.find((x) => x.name === table);
      if (!t) throw new OfficeError('ItemNotFound', `no table ${table}`);
      new TableColumnProxy(this.ctx, new TableProxy(this.ctx, () => t), column).index();
      made.sheet = dest.model().name;
      this.ctx.model.slicers.push(made);
    });
    return new SlicerProxy(this.ctx, made);
  }
}

/** A slicer: its caption, position and size are written (points), never read back here. */
export class SlicerProxy {
  constructor(
    private readonly ctx: DoubleContext,
    private readonly made: SlicerModel,
  ) {}
  private put(key: 'caption' | 'left' | 'top' | 'width' | 'height', v: unknown): void {
    if (key === 'caption' ? typeof v !== 'string' : typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new OfficeError('InvalidArgument', `bad slicer ${key} ${String(v)}`);
    this.ctx.enqueue(40, () => ((this.made as unknown as Record<string, unknown>)[key] = v));
  }
  set caption(v: string) {
    this.put('caption', v);
  }
  set left(v: number) {
    this.put('left', v);
  }
  set top(v: number) {
    this.put('top', v);
  }
  set width(v: number) {
    this.put('width', v);
  }
  set height(v: number) {
    this.put('height', v);
  }
}

// ------------------------------------------------------------------------------------------ charts and page layout

/** Excel's default column width (8.43 characters) and row height, in points. */
const DEFAULT_COLUMN_POINTS = 48;
const DEFAULT_ROW_POINTS = 15;

/** Where cells sit on the sheet, in points from its top-left corner, from the widths and heights set. */
export function geometry(s: SheetModel, r: Rect): { left: number; top: number; width: number; height: number } {
  const w = (c: number) => s.columnWidths.get(c) ?? DEFAULT_COLUMN_POINTS;
  const h = (row: number) => s.rowHeights.get(row) ?? DEFAULT_ROW_POINTS;
  let left = 0;
  for (let c = 1; c < r.left; c++) left += w(c);
  let top = 0;
  for (let row = 1; row < r.top; row++) top += h(row);
  let width = 0;
  for (let c = r.left; c <= r.right; c++) width += w(c);
  let height = 0;
  for (let row = r.top; row <= r.bottom; row++) height += h(row);
  return { left, top, width, height };
}

const CHART_TYPES = ['ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'Line', 'Pie'];
const COLOUR = /^#[0-9A-Fa-f]{6}$/;

function cellsOf(range: RangeProxy): { cells: CellsModel; count: number } {
  const r = range.rect();
  if (r.top !== r.bottom && r.left !== r.right) throw new OfficeError('InvalidArgument', 'a series takes one row or one column of cells');
  return { cells: { sheet: range.sheet.model(), ref: range.ref() }, count: (r.bottom - r.top + 1) * (r.right - r.left + 1) };
}

export class ChartCollectionProxy {
  constructor(
    private readonly ctx: DoubleContext,
    private readonly sheet: WorksheetProxy,
  ) {}
  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    const chart: ChartModel = { type, series: [], valueAxis: {} };
    this.ctx.enqueue(sizeOf([type, seriesBy]) + 60, () => {
      if (!CHART_TYPES.includes(type)) throw new OfficeError('InvalidArgument', `unknown chart type ${type}`);
      if (seriesBy !== 'Rows' && seriesBy !== 'Columns') throw new OfficeError('NotInDouble', `charts with series by ${String(seriesBy)} (say Rows or Columns)`);
      const r = source.rect();
      const sheet = source.sheet.model();
      const lines = seriesBy === 'Rows' ? r.bottom - r.top + 1 : r.right - r.left + 1;
      for (let i = 0; i < lines; i++) {
        const ref = seriesBy === 'Rows' ? `${cellRef(r.top + i, r.left)}:${cellRef(r.top + i, r.right)}` : `${cellRef(r.top, r.left + i)}:${cellRef(r.bottom, r.left + i)}`;
        chart.series.push({ name: `Serie${i + 1}`, values: { sheet, ref }, count: seriesBy === 'Rows' ? r.right - r.left + 1 : r.bottom - r.top + 1 });
      }
      this.sheet.model().charts.push(chart);
    });
    return new ChartProxy(this.ctx, chart);
  }
}

export class ChartProxy {
  readonly title: { text: string; format: { font: Record<'size' | 'bold' | 'color', unknown> } };
  readonly format: { font: Record<'size' | 'bold' | 'color', unknown> };
  readonly legend: { position: string };
  readonly series: { getItemAt: (i: number) => ChartSeriesProxy; add: (name?: string) => ChartSeriesProxy };
  readonly axes: { valueAxis: { majorUnit: number; numberFormat: string } };
  constructor(
    private readonly ctx: DoubleContext,
    private readonly chart: ChartModel,
  ) {
    const later = (apply: () => void) => ctx.enqueue(60, apply);
    const size = (set: (v: number) => void) => styleGroup(['size', 'bold', 'color'], (k, v) => {
      if (k !== 'size') throw new OfficeError('NotInDouble', `chart font ${k}`);
      later(() => set(v as number));
    });
    this.title = {
      set text(v: string) {
        later(() => (chart.title = v));
      },
      get text(): string {
        throw new OfficeError('PropertyNotLoaded', "The property 'text' is not available.");
      },
      format: { font: size((v) => (chart.titleSize = v)) },
    };
    this.format = { font: size((v) => (chart.fontSize = v)) };
    this.legend = {
      set position(v: string) {
        if (!['Top', 'Bottom', 'Left', 'Right', 'Corner'].includes(v)) throw new OfficeError('InvalidArgument', `bad legend position ${v}`);
        later(() => (chart.legend = v));
      },
      get position(): string {
        throw new OfficeError('PropertyNotLoaded', "The property 'position' is not available.");
      },
    };
    this.series = {
      getItemAt: (i) =>
        new ChartSeriesProxy(ctx, () => {
          const s = chart.series[i];
          if (!s) throw new OfficeError('ItemNotFound', `the chart has no series ${i}`);
          return s;
        }),
      add: (name) => {
        const made: ChartSeriesModel = { name: name ?? `Serie${chart.series.length + 1}`, count: 0 };
        later(() => chart.series.push(made));
        return new ChartSeriesProxy(ctx, () => made);
      },
    };
    const axis = chart.valueAxis;
    this.axes = {
      valueAxis: {
        set majorUnit(v: number) {
          later(() => (axis.majorUnit = v));
        },
        get majorUnit(): number {
          throw new OfficeError('PropertyNotLoaded', "The property 'majorUnit' is not available.");
        },
        set numberFormat(v: string) {
          later(() => (axis.numberFormat = v));
        },
        get numberFormat(): string {
          throw new OfficeError('PropertyNotLoaded', "The property 'numberFormat' is not available.");
        },
      },
    };
  }
  setPosition(start: string, end?: string): void {
    this.ctx.enqueue(60, () => {
      if (!parseRangeRef(start) || (end !== undefined && !parseRangeRef(end))) throw new OfficeError('InvalidArgument', `bad chart position ${start}:${end}`);
      this.chart.position = end ? `${start}:${end}` : start;
    });
  }
}

export class ChartSeriesProxy {
  readonly format: { fill: { setSolidColor: (colour: string) => void } };
  constructor(
    private readonly ctx: DoubleContext,
    private readonly series: () => ChartSeriesModel,
  ) {
    this.format = {
      fill: {
        setSolidColor: (colour) =>
          ctx.enqueue(40, () => {
            if (!COLOUR.test(colour)) throw new OfficeError('InvalidArgument', `bad colour ${colour}`);
            this.series().fill = colour.slice(1).toUpperCase();
          }),
      },
    };
  }
  set name(v: string) {
    this.ctx.enqueue(sizeOf(v), () => (this.series().name = v));
  }
  get name(): string {
    throw new OfficeError('PropertyNotLoaded', "The property 'name' is not available.");
  }
  setValues(range: RangeProxy): void {
    this.ctx.enqueue(60, () => {
      const { cells, count } = cellsOf(range);
      Object.assign(this.series(), { values: cells, count });
    });
  }
  setXAxisValues(range: RangeProxy): void {
    this.ctx.enqueue(60, () => {
      const s = this.series();
      const { cells, count } = cellsOf(range);
      if (!s.values) throw new OfficeError('InvalidOperation', 'the series has no values yet');
      if (count !== s.count) throw new OfficeError('InvalidArgument', `${count} categories for a series of ${s.count} values`);
      s.xValues = cells;
    });
  }
}

const HEADER_FOOTER = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const;

export class PageLayoutProxy {
  readonly headersFooters: { defaultForAllPages: Record<(typeof HEADER_FOOTER)[number], string> };
  constructor(
    private readonly ctx: DoubleContext,
    private readonly sheet: WorksheetProxy,
  ) {
    const all = {} as Record<(typeof HEADER_FOOTER)[number], string>;
    for (const key of HEADER_FOOTER) {
      Object.defineProperty(all, key, {
        set: (v: string) => this.later(() => (this.page().headersFooters[key] = v)),
        get: () => {
          throw new OfficeError('PropertyNotLoaded', `The property '${key}' is not available.`);
        },
      });
    }
    this.headersFooters = { defaultForAllPages: all };
  }
  private page(): PageModel {
    return this.sheet.model().page;
  }
  private later(apply: () => void): void {
    this.ctx.enqueue(60, apply);
  }
  set orientation(v: string) {
    if (v !== 'Landscape' && v !== 'Portrait') throw new OfficeError('InvalidArgument', `bad orientation ${v}`);
    this.later(() => (this.page().orientation = v));
  }
  set paperSize(v: string) {
    if (!['A3', 'A4', 'A5', 'Letter', 'Legal'].includes(v)) throw new OfficeError('InvalidArgument', `bad paper size ${v}`);
    this.later(() => (this.page().paperSize = v));
  }
  /** Either a scale, or pages to fit to (as Excel: not both). */
  set zoom(v: PageModel['zoom']) {
    const fit = v?.horizontalFitToPages !== undefined || v?.verticalFitToPages !== undefined;
    if (!v || (fit && v.scale !== undefined) || (!fit && v.scale === undefined)) throw new OfficeError('InvalidArgument', `bad zoom ${JSON.stringify(v)}`);
    this.later(() => (this.page().zoom = { ...v }));
  }
  setPrintMargins(unit: string, options: Record<string, number>): void {
    if (!['Points', 'Inches', 'Centimeters'].includes(unit)) throw new OfficeError('InvalidArgument', `bad margin unit ${unit}`);
    this.later(() => (this.page().margins = { unit, options: { ...options } }));
  }
  setPrintArea(area: string): void {
    this.later(() => {
      if (!parseRangeRef(area)) throw new OfficeError('InvalidArgument', `bad print area ${area}`);
      this.page().printArea = area;
    });
  }
  setPrintTitleRows(rows: string): void {
    this.later(() => {
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new OfficeError('InvalidArgument', `bad print title rows ${rows}`);
      this.page().printTitleRows = rows;
    });
  }
}

// ------------------------------------------------------------------------------------------ the Excel double

export class ExcelDouble {
  readonly model = new WorkbookModel();
  readonly contexts: DoubleContext[] = [];
  readonly created: string[] = [];

  /** Runs a batch like Excel.run: a fresh request context each time. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new DoubleContext(this.model);
    this.contexts.push(ctx);
    return batch(ctx as unknown as Excel.RequestContext);
  };

  createWorkbook = async (base64?: string): Promise<void> => {
    this.created.push(base64 ?? '');
  };

  /** Excel.run(context, batch): a batch on a context kept from an earlier one (e.g. an event handler's). */
  runIn = async <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(context);

  get syncs(): number {
    return this.contexts.reduce((s, c) => s + c.syncCount, 0);
  }

  get maxRequestSize(): number {
    return Math.max(0, ...this.contexts.map((c) => c.maxRequestSize));
  }

  /** Cell contents by sheet, for assertions: value or formula, row-major. */
  dump(sheet: string): Map<string, CellModel> {
    const s = this.model.sheet(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    return s.cells;
  }
}

/** Requirement sets supported up to a version, like Office.context.requirements. */
export function requirementsUpTo(version: string) {
  const [maj, min] = version.split('.').map(Number);
  return {
    isSetSupported: (name: string, v = '1.1') => {
      const [a, b] = v.split('.').map(Number);
      return name === 'ExcelApi' && (a < maj || (a === maj && b <= min));
    },
  };
}

export { columnNumber };
