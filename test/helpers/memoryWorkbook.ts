/**
 * The unit level of the core: a workbook held in memory, laid out from a plan as the .xlsx writer writes it and
 * the readers read it back (formulas as their cached results, dates as serial numbers, merged cells from their
 * top-left cell), editable cell by cell the way a person or another program changes a file. Reading it takes
 * microseconds, so every rule case can build its own workbook; test/core/memoryWorkbook.test.ts holds it to the
 * real write-and-read path.
 */
import { cellRef, parseCellRef, parseRangeRef } from '../../src/core/cells';
import { isoToSerial } from '../../src/core/parse/values';
import { isDate, isFormula, type CellStyle, type PlanValue, type WorkbookPlan } from '../../src/core/plan/types';
import { DATE_FORMAT } from '../../src/core/plan/styles';
import { tableColumns } from '../../src/hosts/xlsx/write/sheet';
import { checkSheetExtent, type CellValue, type DefinedName, type SheetInfo, type SheetValues, type UncalculatedFormula, type WorkbookReader } from '../../src/core/reader';

interface Cell {
  value: CellValue;
  numberFormat: string;
  /** A formula written without a cached result (as openpyxl writes them); value is then null. */
  formula?: string;
}

const key = (row: number, col: number) => row * 16385 + col;

class MemorySheet {
  readonly cells = new Map<number, Cell>();

  constructor(
    public name: string,
    public visible: boolean,
  ) {}

  read(): SheetValues {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    const kept: [number, number, Cell][] = [];
    for (const [k, cell] of this.cells) {
      if (cell.value === null && cell.formula === undefined) continue;
      const row = Math.floor(k / 16385);
      const col = k % 16385;
      kept.push([row, col, cell]);
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
    if (!kept.length) return { name: this.name, top: 1, left: 1, values: [], numberFormats: [] };
    checkSheetExtent(this.name, top, left, bottom, right, cellRef(bottom, right));
    const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => new Array<CellValue>(right - left + 1).fill(null));
    const numberFormats: string[][] = Array.from({ length: bottom - top + 1 }, () => new Array<string>(right - left + 1).fill('General'));
    const uncalculated: UncalculatedFormula[] = [];
    for (const [row, col, cell] of kept) {
      values[row - top][col - left] = cell.value;
      numberFormats[row - top][col - left] = cell.numberFormat;
      if (cell.formula !== undefined) uncalculated.push({ row, col, formula: cell.formula });
    }
    return { name: this.name, top, left, values, numberFormats, ...(uncalculated.length ? { uncalculated } : {}) };
  }
}

/** What a plan value is once written and read back. */
function written(v: PlanValue, style: CellStyle): Cell {
  const numberFormat = style.numberFormat ?? 'General';
  if (v === null) return { value: null, numberFormat };
  // A formula's cached result; an empty text result ("" from IF(…,"",…)) reads as a blank cell.
  if (isFormula(v)) return { value: v.result === '' ? null : (v.result ?? null), numberFormat };
  if (isDate(v)) {
    const serial = isoToSerial(v.date);
    return Number.isFinite(serial) ? { value: serial, numberFormat: style.numberFormat ?? DATE_FORMAT } : { value: v.date, numberFormat };
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return { value: { error: '#NUM!' }, numberFormat };
  return { value: v, numberFormat };
}

export class MemoryWorkbook implements WorkbookReader {
  private readonly sheets: MemorySheet[] = [];
  private names: DefinedName[] = [];

  static fromPlan(plan: WorkbookPlan): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    for (const p of plan.sheets) {
      const sheet = new MemorySheet(p.name, !p.hidden);
      // Later blocks win, blanks included (the writer's rule for overlapping blocks).
      for (const block of p.blocks) {
        block.values.forEach((line, r) =>
          line.forEach((v, c) => sheet.cells.set(key(block.row + r, block.col + c), written(v, { ...block.style, ...block.columnStyles?.[c] }))),
        );
      }
      for (const t of p.tables ?? []) {
        // A table's header cells hold its column names (the writer's names, unique within the table).
        const range = parseRangeRef(t.ref)!;
        tableColumns(p, range).forEach((name, i) => {
          const at = key(range.top, range.left + i);
          sheet.cells.set(at, { value: name, numberFormat: sheet.cells.get(at)?.numberFormat ?? 'General' });
        });
      }
      for (const m of p.merges ?? []) {
        const range = parseRangeRef(m)!;
        for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) if (r > range.top || c > range.left) sheet.cells.delete(key(r, c));
      }
      wb.sheets.push(sheet);
    }
    wb.names = plan.definedNames.map((n) => ({ name: n.name, sheet: n.sheet, ref: n.ref.replace(/\$/g, '') }));
    // A sheet's print area is a (sheet-local) defined name in the file too; print titles (whole rows) are no area.
    for (const p of plan.sheets) if (p.print?.area) wb.names.push({ name: '_xlnm.Print_Area', sheet: p.name, ref: p.print.area });
    return wb;
  }

  private sheet(name: string): MemorySheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet named ${name}`);
    return s;
  }

  /** Type a value into a cell (null empties it); the cell keeps its number format unless one is given. */
  set(sheet: string, ref: string, value: CellValue, numberFormat?: string): this {
    const { row, col } = parseCellRef(ref)!;
    const cells = this.sheet(sheet).cells;
    const before = cells.get(key(row, col));
    cells.set(key(row, col), { value, numberFormat: numberFormat ?? before?.numberFormat ?? 'General' });
    return this;
  }

  /** Write a formula without a cached result, as a program that does not calculate does (openpyxl). */
  setFormula(sheet: string, ref: string, formula: string): this {
    const { row, col } = parseCellRef(ref)!;
    const cells = this.sheet(sheet).cells;
    cells.set(key(row, col), { value: null, numberFormat: cells.get(key(row, col))?.numberFormat ?? 'General', formula });
    return this;
  }

  /** Every formula of the plan written without its cached result (a template filled and saved by openpyxl). */
  static fromPlanUncalculated(plan: WorkbookPlan): MemoryWorkbook {
    const wb = MemoryWorkbook.fromPlan(plan);
    for (const p of plan.sheets) {
      for (const block of p.blocks) {
        block.values.forEach((line, r) => line.forEach((v, c) => isFormula(v) && wb.setFormula(p.name, cellRef(block.row + r, block.col + c), v.formula)));
      }
    }
    return wb;
  }

  /** The value a cell holds now. */
  get(sheet: string, ref: string): CellValue {
    const { row, col } = parseCellRef(ref)!;
    return this.sheet(sheet).cells.get(key(row, col))?.value ?? null;
  }

  format(sheet: string, ref: string, numberFormat: string): this {
    return this.set(sheet, ref, this.get(sheet, ref), numberFormat);
  }

  removeSheet(name: string): this {
    this.sheets.splice(this.sheets.indexOf(this.sheet(name)), 1);
    this.names = this.names.filter((n) => n.sheet !== name);
    return this;
  }

  renameSheet(name: string, to: string): this {
    this.sheet(name).name = to;
    this.names = this.names.map((n) => (n.sheet === name ? { ...n, sheet: to } : n));
    return this;
  }

  removeName(name: string): this {
    this.names = this.names.filter((n) => n.name !== name);
    return this;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets.map((s) => ({ name: s.name, visible: s.visible }));
  }

  async readSheet(name: string): Promise<SheetValues> {
    return this.sheet(name).read();
  }

  async definedNames(): Promise<DefinedName[]> {
    return this.names.map((n) => ({ ...n }));
  }
}
