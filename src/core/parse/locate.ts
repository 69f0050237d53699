/** Finding the template's areas in a workbook: by defined name first, then by header labels. */
import { parseRangeRef } from '../cells';
import { cellKey, SheetGrid, type CellValue, type DefinedName, type WorkbookReader, type SheetInfo } from '../reader';
import { evaluateFormula, FormulaNotSupported, referredSheets } from './formulas';

const CALCULATING = Symbol('calculating');
/** Cells the formulas of one workbook may read in all: Table 1 of a statement of 50.000 rows reads 600.000. */
const FORMULA_CELL_BUDGET = 2_000_000;
const MAX_FORMULA_CHAIN = 100;
import { anyColumnId, matchHeader, normalizeLabel, SHEET_NAMES, type ColumnId, type TableArea } from '../template/definition';
import { cellText } from './values';

/** Reads each sheet once and answers questions about names and labels. */
export class WorkbookIndex {
  private readonly grids = new Map<string, Promise<SheetGrid>>();
  private readonly rawGrids = new Map<string, Promise<SheetGrid>>();
  /** Results of formulas computed by the core, by sheet, row and column (undefined: could not be computed). */
  private readonly results = new Map<string, CellValue | undefined | typeof CALCULATING>();
  private readonly formulaCells = new Map<SheetGrid, Map<number, string>>();
  private formulaCellsRead = 0;

  private constructor(
    private readonly reader: WorkbookReader,
    readonly sheets: SheetInfo[],
    readonly names: DefinedName[],
  ) {}

  static async open(reader: WorkbookReader): Promise<WorkbookIndex> {
    const [sheets, names] = await Promise.all([reader.listSheets(), reader.definedNames()]);
    return new WorkbookIndex(reader, sheets, names);
  }

  hasSheet(name: string): boolean {
    return this.sheets.some((s) => s.name === name);
  }

  /** Sheet names with the preferred one first (where areas are searched for by label); never the worked example. */
  searchOrder(preferred: string): string[] {
    const example = normalizeLabel(SHEET_NAMES.example);
    const names = this.sheets.map((s) => s.name).filter((n) => normalizeLabel(n) !== example);
    const loose = names.filter((n) => n !== preferred && normalizeLabel(n) === normalizeLabel(preferred));
    return [...names.filter((n) => n === preferred), ...loose, ...names.filter((n) => n !== preferred && !loose.includes(n))];
  }

  /** A sheet as the core reads it: formulas written without a result are computed (or marked, see SheetGrid). */
  grid(name: string): Promise<SheetGrid> {
    let g = this.grids.get(name);
    if (!g) {
      g = this.rawGrid(name).then((grid) => this.calculate(grid));
      this.grids.set(name, g);
    }
    return g;
  }

  private rawGrid(name: string): Promise<SheetGrid> {
    let g = this.rawGrids.get(name);
    if (!g) {
      g = this.reader.readSheet(name).then((values) => new SheetGrid(values));
      this.rawGrids.set(name, g);
    }
    return g;
  }

  /** Excel compares sheet names without case. */
  private sheetNamed(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower)?.name;
  }

  /** Compute the sheet's formulas that have no cached result, reading the sheets they refer to first. */
  private async calculate(grid: SheetGrid): Promise<SheetGrid> {
    if (!grid.sheet.uncalculated?.length) return grid;
    const loaded = new Map<string, SheetGrid>([[grid.name, grid]]);
    const queue = [grid];
    while (queue.length) {
      for (const f of queue.pop()!.sheet.uncalculated ?? []) {
        let sheets: string[];
        try {
          sheets = referredSheets(f.formula);
        } catch {
          continue;
        }
        for (const s of sheets) {
          const actual = this.sheetNamed(s);
          if (actual === undefined || loaded.has(actual)) continue;
          const other = await this.rawGrid(actual);
          loaded.set(actual, other);
          queue.push(other);
        }
      }
    }
    const formulaAt = (g: SheetGrid) => {
      let map = this.formulaCells.get(g);
      if (!map) {
        map = new Map((g.sheet.uncalculated ?? []).map((f) => [cellKey(f.row, f.col), f.formula]));
        this.formulaCells.set(g, map);
      }
      return map;
    };
    let chain = 0;
    const resultOf = (g: SheetGrid, row: number, col: number, formula: string): CellValue | undefined => {
      const key = `${g.name}\u0000${row}\u0000${col}`;
      if (this.results.has(key)) {
        const r = this.results.get(key);
        if (r === CALCULATING) throw new FormulaNotSupported('a circular reference');
        return r as CellValue | undefined;
      }
      // A chain of formulas each referring to the next is computed to a depth; deeper, the cell is reported.
      if (chain >= MAX_FORMULA_CHAIN) throw new FormulaNotSupported('a chain of formulas too long');
      this.results.set(key, CALCULATING);
      let value: CellValue | undefined;
      chain++;
      try {
        value = evaluateFormula(formula, g.name, cells);
      } catch (e) {
        if (!(e instanceof FormulaNotSupported)) throw e;
        value = undefined;
      } finally {
        chain--;
      }
      this.results.set(key, value);
      return value;
    };
    const cells = {
      cells: (sheet: string, top: number, left: number, bottom: number, right: number): CellValue[] | undefined => {
        const name = this.sheetNamed(sheet);
        const g = name === undefined ? undefined : loaded.get(name);
        if (!g) return undefined;
        const formulas = formulaAt(g);
        const out: CellValue[] = [];
        // Only the used range holds anything: a reference down to row 1048576 costs no more than the sheet. A file
        // with endless formulas over whole sheets stops being computed at the budget (its cells are then reported).
        const rows = Math.max(0, Math.min(bottom, g.bottom) - Math.max(top, g.sheet.top) + 1);
        const cols = Math.max(0, Math.min(right, g.right) - Math.max(left, g.sheet.left) + 1);
        this.formulaCellsRead += rows * cols;
        if (this.formulaCellsRead > FORMULA_CELL_BUDGET) throw new FormulaNotSupported('more to compute than a statement has');
        for (let r = Math.max(top, g.sheet.top); r <= Math.min(bottom, g.bottom); r++) {
          for (let c = Math.max(left, g.sheet.left); c <= Math.min(right, g.right); c++) {
            const formula = formulas.get(cellKey(r, c));
            if (formula === undefined) out.push(g.value(r, c));
            else {
              const v = resultOf(g, r, c, formula);
              if (v === undefined) throw new FormulaNotSupported('a cell that cannot be computed');
              out.push(v);
            }
          }
        }
        return out;
      },
    };
    for (const f of grid.sheet.uncalculated) grid.setCalculated(f.row, f.col, resultOf(grid, f.row, f.col, f.formula), f.formula);
    return grid;
  }

  /** A defined name's target, if it points at a sheet that exists. */
  name(definedName: string): { sheet: string; top: number; left: number; bottom: number; right: number } | undefined {
    const wanted = definedName.toLowerCase();
    const n = this.names.find((d) => d.name.toLowerCase() === wanted && this.hasSheet(d.sheet));
    const range = n && parseRangeRef(n.ref);
    return n && range ? { sheet: n.sheet, ...range } : undefined;
  }

  /** The first cell whose text equals the label, searching sheets in order. */
  async findLabel(label: string, sheets: string[], maxRows = 200): Promise<{ grid: SheetGrid; row: number; col: number } | undefined> {
    const want = normalizeLabel(label);
    for (const sheet of sheets) {
      const grid = await this.grid(sheet);
      for (let r = grid.sheet.top; r <= Math.min(grid.bottom, grid.sheet.top + maxRows); r++) {
        for (let c = grid.sheet.left; c <= grid.right; c++) {
          const t = cellText(grid.value(r, c));
          if (t !== null && normalizeLabel(t) === want) return { grid, row: r, col: c };
        }
      }
    }
    return undefined;
  }
}

export interface LocatedArea<A extends TableArea = TableArea> {
  grid: SheetGrid;
  headerRow: number;
  /** Column number per column of the area; per-year columns once per year found. */
  columns: Map<ColumnId<A>, number>;
  /** Budget years found in the per-year headers, in ascending order. */
  headerYears: number[];
  foundBy: 'name' | 'labels';
}

/** Map each header cell of a row to the area's columns. */
export function mapHeaderRow<A extends TableArea>(grid: SheetGrid, row: number, area: A): { columns: Map<ColumnId<A>, number>; years: number[] } {
  const columns = new Map<ColumnId<A>, number>();
  const years: number[] = [];
  for (let c = grid.sheet.left; c <= grid.right; c++) {
    const text = cellText(grid.value(row, c));
    if (text === null) continue;
    for (const def of area.columns) {
      const m = matchHeader(def, text);
      if (!m) continue;
      // The header matched this column of the area, so its key (with the year found) is one of the area's.
      const key = anyColumnId(def.key, m.year) as ColumnId<A>;
      if (!columns.has(key)) {
        columns.set(key, c);
        if (m.year !== undefined && !years.includes(m.year)) years.push(m.year);
      }
      break;
    }
  }
  return { columns, years: years.sort((a, b) => a - b) };
}

function hasSignature<A extends TableArea>(columns: Map<ColumnId<A>, number>, area: A): boolean {
  return area.signature.every((k) => columns.has(k as ColumnId<A>));
}

export async function locateArea<A extends TableArea>(index: WorkbookIndex, area: A): Promise<LocatedArea<A> | undefined> {
  const named = index.name(area.definedName);
  if (named) {
    const grid = await index.grid(named.sheet);
    const { columns, years } = mapHeaderRow(grid, named.top, area);
    if (hasSignature(columns, area)) return { grid, headerRow: named.top, columns, headerYears: years, foundBy: 'name' };
  }
  for (const sheet of index.searchOrder(area.sheet)) {
    const grid = await index.grid(sheet);
    for (let r = grid.sheet.top; r <= Math.min(grid.bottom, grid.sheet.top + 100); r++) {
      const { columns, years } = mapHeaderRow(grid, r, area);
      if (hasSignature(columns, area)) return { grid, headerRow: r, columns, headerYears: years, foundBy: 'labels' };
    }
  }
  return undefined;
}
