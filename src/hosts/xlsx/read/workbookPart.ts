/** The workbook part: its sheets (name, state, relationship), its defined names and its date system. */
import { decodeCdata, decodeText, isSpreadsheetNs, NS_REL, scanXml } from './xml';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetEntry {
  name: string;
  state: SheetState;
  /** The relationship that points at the sheet's part. */
  relationshipId: string | undefined;
}

export interface DefinedNameEntry {
  name: string;
  /** The formula text: ranges such as 'Mål a-g'!$A$3:$F$10, or anything else a name can hold. */
  text: string;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  definedNames: DefinedNameEntry[];
  /** The 1904 date system (workbookPr date1904 "1" or "true"). */
  date1904: boolean;
}

/** xsd:boolean: "1" and "true" (whitespace collapsed). */
export function xsdBoolean(value: string | undefined): boolean {
  const v = value?.trim();
  return v === '1' || v === 'true';
}

export function parseWorkbook(xml: string, tick: () => void): WorkbookPart {
  const out: WorkbookPart = { sheets: [], definedNames: [], date1904: false };
  let depth = 0;
  let section: 'sheets' | 'definedNames' | undefined;
  let name: DefinedNameEntry | undefined;
  scanXml(
    xml,
    {
      open(ns, local, a) {
        depth++;
        if (!isSpreadsheetNs(ns)) return;
        if (depth === 2) {
          if (local === 'sheets' || local === 'definedNames') section = local;
          else if (local === 'workbookPr') out.date1904 = xsdBoolean(a.get('date1904'));
        } else if (depth === 3 && section === 'sheets' && local === 'sheet') {
          const sheetName = a.get('name');
          if (sheetName === undefined) throw new Error('Invalid workbook: a sheet without a name');
          const state = a.get('state')?.trim();
          out.sheets.push({ name: sheetName, state: state === 'hidden' || state === 'veryHidden' ? state : 'visible', relationshipId: a.getNs(NS_REL, 'id') });
        } else if (depth === 3 && section === 'definedNames' && local === 'definedName') {
          const n = a.get('name');
          if (n !== undefined) name = { name: n, text: '' };
        }
      },
      close() {
        if (depth === 2) section = undefined;
        if (depth === 3 && name) {
          out.definedNames.push(name);
          name = undefined;
        }
        depth--;
      },
      text(x, s, e, cdata) {
        if (name) name.text += cdata ? decodeCdata(x, s, e) : decodeText(x, s, e);
      },
    },
    tick,
  );
  return out;
}
