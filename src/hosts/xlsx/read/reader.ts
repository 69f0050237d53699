/**
 * The core's WorkbookReader over an .xlsx package, by the contract in SECURITY.md (ECMA-376, transitional and
 * strict): the workbook, its sheets, shared strings and styles found through relationships; a sheet parsed only
 * when it is asked for; every part, cell and second counted against one budget per workbook. Tables keyed by
 * text from the file are Maps. No Node APIs: decompression is injected.
 */
import { dateFormatKind } from '../../../core/excelDates';
import { SHEET_LIMITS, type DefinedName, type SheetInfo, type SheetLimits, type SheetValues, type WorkbookReader } from '../../../core/reader';
import { ReadBudget, type ReadLimits } from './budget';
import { nameAreas } from './definedNames';
import { OpcPackage, type IoOptions } from './opc';
import { parseSharedStrings } from './sharedStrings';
import { parseStyles } from './styles';
import { parseWorkbook, type SheetState } from './workbookPart';
import { parseWorksheet, type CellFormat } from './worksheet';
import type { ZipArchive } from './zip';

export interface ReaderOptions extends IoOptions {
  limits: ReadLimits;
  /** Used-range limits for each sheet (default SHEET_LIMITS). */
  sheetLimits?: SheetLimits;
  /**
   * List (and read) only the sheets this accepts: for a large workbook of which one sheet is wanted (the history
   * in a national consolidated workbook).
   */
  onlySheets?: (name: string) => boolean;
  /** The budget's clock (tests). */
  clock?: () => number;
}

export interface XlsxSheetInfo extends SheetInfo {
  state: SheetState;
}

interface SheetPart {
  info: XlsxSheetInfo;
  part: string;
}

export class XlsxReader implements WorkbookReader {
  private strings: string[] | undefined;
  private formats: CellFormat[] | undefined;

  private constructor(
    private readonly pkg: OpcPackage,
    private readonly workbookPart: string,
    private readonly sheets: Map<string, SheetPart>,
    private readonly names: DefinedName[],
    /** The workbook counts dates from 1904 (its serials are turned into the 1900 system's). */
    readonly date1904: boolean,
    private readonly sheetLimits: SheetLimits,
  ) {}

  /**
   * Open a checked archive (checkPackage) whose main part is `main`: reads the workbook part and its
   * relationships, nothing else. Throws when the workbook cannot be read (ReadLimitError for a limit).
   */
  static open(archive: ZipArchive, main: string, options: ReaderOptions): XlsxReader {
    const budget = new ReadBudget(options.limits, options.clock);
    const pkg = new OpcPackage(archive, options, budget);
    const xml = pkg.text(main);
    if (xml === undefined) throw new Error(`the workbook part ${main} is missing`);
    const workbook = parseWorkbook(xml, pkg.tick);
    const rels = pkg.relationships(main);
    const sheets = new Map<string, SheetPart>();
    const taken = new Set<string>();
    for (const sheet of workbook.sheets) {
      // Sheet names are unique without regard to case; a file with two of one name is damaged.
      const folded = sheet.name.toLowerCase();
      if (sheet.name === '' || taken.has(folded)) throw new Error(`the workbook has ${sheet.name === '' ? 'a sheet without a name' : `two sheets named "${sheet.name.slice(0, 40)}"`}`);
      taken.add(folded);
      const rel = sheet.relationshipId === undefined ? undefined : rels.get(sheet.relationshipId);
      // Chart sheets, dialog and macro sheets hold no cells; a sheet whose part is missing is left out.
      if (!rel || rel.kind !== 'worksheet' || rel.target === undefined || !pkg.has(rel.target)) continue;
      if (options.onlySheets && !options.onlySheets(sheet.name)) continue;
      sheets.set(sheet.name, { info: { name: sheet.name, visible: sheet.state === 'visible', state: sheet.state }, part: rel.target });
    }
    const names: DefinedName[] = [];
    for (const dn of workbook.definedNames) {
      for (const area of nameAreas(dn.text)) {
        budget.spendCells(1);
        names.push({ name: dn.name, sheet: area.sheet, ref: area.ref });
      }
    }
    return new XlsxReader(pkg, main, sheets, names, workbook.date1904, options.sheetLimits ?? SHEET_LIMITS);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return [...this.sheets.values()].map(({ info }) => ({ name: info.name, visible: info.visible }));
  }

  /** The sheets with their state as the file gives it (visible, hidden, veryHidden). */
  async listSheetStates(): Promise<XlsxSheetInfo[]> {
    return [...this.sheets.values()].map((s) => ({ ...s.info }));
  }

  /** Parses the sheet now (each call anew: the caller keeps what it needs). */
  async readSheet(name: string): Promise<SheetValues> {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    const xml = this.pkg.text(sheet.part, true);
    if (xml === undefined) throw new Error(`the part of the sheet ${name} is missing`);
    return parseWorksheet(xml, {
      name,
      strings: () => this.sharedStrings(),
      format: (style) => this.format(style),
      date1904: this.date1904,
      limits: this.sheetLimits,
      budget: this.pkg.budget,
    });
  }

  async definedNames(): Promise<DefinedName[]> {
    return this.names.map((n) => ({ ...n }));
  }

  private sharedStrings(): string[] {
    if (!this.strings) {
      const part = this.pkg.related(this.workbookPart, 'sharedStrings');
      const xml = part === undefined ? undefined : this.pkg.text(part, true);
      this.strings = xml === undefined ? [] : parseSharedStrings(xml, this.pkg.tick);
    }
    return this.strings;
  }

  private format(style: number): CellFormat {
    if (!this.formats) {
      const part = this.pkg.related(this.workbookPart, 'styles');
      const xml = part === undefined ? undefined : this.pkg.text(part);
      const codes = xml === undefined ? [] : parseStyles(xml, this.pkg.tick);
      this.formats = codes.map((code) => ({ code, kind: dateFormatKind(code) }));
    }
    // A style the file does not define shows as General (Excel repairs such a reference the same way).
    return this.formats[style] ?? GENERAL;
  }
}

const GENERAL: CellFormat = { code: 'General', kind: undefined };
