/** Finding the template's areas in a workbook: by defined name first, then by header labels. */
import { parseRangeRef } from '../cells';
import { SheetGrid, type DefinedName, type WorkbookReader, type SheetInfo } from '../reader';
import { anyColumnId, matchHeader, normalizeLabel, type ColumnId, type TableArea } from '../template/definition';
import { cellText } from './values';

/** Reads each sheet once and answers questions about names and labels. */
export class WorkbookIndex {
  private readonly grids = new Map<string, Promise<SheetGrid>>();

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

  /** Sheet names with the preferred one first (where areas are searched for by label). */
  searchOrder(preferred: string): string[] {
    const names = this.sheets.map((s) => s.name);
    const loose = names.filter((n) => n !== preferred && normalizeLabel(n) === normalizeLabel(preferred));
    return [...names.filter((n) => n === preferred), ...loose, ...names.filter((n) => n !== preferred && !loose.includes(n))];
  }

  grid(name: string): Promise<SheetGrid> {
    let g = this.grids.get(name);
    if (!g) {
      g = this.reader.readSheet(name).then((values) => new SheetGrid(values));
      this.grids.set(name, g);
    }
    return g;
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
