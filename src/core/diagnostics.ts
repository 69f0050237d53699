/** Findings as data: a stable code, a severity, where (sheet, cell) and what was found. Never an exception. */
import { RULE_MESSAGES } from './validate/messages';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'da' | 'en';

export type Params = Record<string, string | number>;

export interface Diagnostic {
  code: string;
  severity: Severity;
  sheet: string | null;
  /** A1 cell or range; null for findings about the whole file or sheet. */
  cell: string | null;
  /** The value found, as text. */
  value?: string;
  params: Params;
}

interface MessageDef {
  severity: Severity;
  da: string;
  en: string;
}

/** Messages for every code; "{name}" is replaced from the diagnostic's params. */
export const MESSAGES: Record<string, MessageDef> = {
  FILE_EMPTY: {
    severity: 'error',
    da: 'Filen er tom (0 byte). Bed afsenderen sende projektmappen igen.',
    en: 'The file is empty (0 bytes). Ask the sender to send the workbook again.',
  },
  FILE_XLS: {
    severity: 'error',
    da: 'Filen er en gammel Excel 97-2003-projektmappe (.xls). Åbn den i Excel og gem den som Excel-projektmappe (.xlsx).',
    en: 'The file is an old Excel 97-2003 workbook (.xls). Open it in Excel and save it as an Excel workbook (.xlsx).',
  },
  FILE_ENCRYPTED: {
    severity: 'error',
    da: 'Projektmappen er beskyttet med adgangskode (krypteret). Fjern adgangskoden (Filer › Oplysninger › Beskyt projektmappe) og gem den igen.',
    en: 'The workbook is password-protected (encrypted). Remove the password (File › Info › Protect Workbook) and save it again.',
  },
  FILE_OLE_OTHER: {
    severity: 'error',
    da: 'Filen er et gammelt Office-dokument, ikke en Excel-projektmappe. Brug skabelonen til budgetredegørelsen og gem som .xlsx.',
    en: 'The file is an old Office document, not an Excel workbook. Use the budget statement template and save as .xlsx.',
  },
  FILE_NOT_ZIP: {
    severity: 'error',
    da: 'Filen er ikke en Excel-projektmappe (.xlsx); den ligner {kindDa}. Gem budgetredegørelsen som Excel-projektmappe (.xlsx).',
    en: 'The file is not an Excel workbook (.xlsx); it looks like {kindEn}. Save the budget statement as an Excel workbook (.xlsx).',
  },
  FILE_TRUNCATED: {
    severity: 'error',
    da: 'Filen er beskadiget eller ufuldstændig (zip-arkivet slutter for tidligt). Bed afsenderen sende den igen.',
    en: 'The file is damaged or incomplete (the zip archive ends too early). Ask the sender to send it again.',
  },
  FILE_DOCX: {
    severity: 'error',
    da: 'Filen er et Word-dokument, ikke en Excel-projektmappe. Udfyld skabelonen til budgetredegørelsen i Excel.',
    en: 'The file is a Word document, not an Excel workbook. Fill in the budget statement template in Excel.',
  },
  FILE_PPTX: {
    severity: 'error',
    da: 'Filen er en PowerPoint-præsentation, ikke en Excel-projektmappe.',
    en: 'The file is a PowerPoint presentation, not an Excel workbook.',
  },
  FILE_ODS: {
    severity: 'error',
    da: 'Filen er et OpenDocument-regneark (.ods). Åbn det og gem det som Excel-projektmappe (.xlsx).',
    en: 'The file is an OpenDocument spreadsheet (.ods). Open it and save it as an Excel workbook (.xlsx).',
  },
  FILE_XLSB: {
    severity: 'error',
    da: 'Filen er en binær Excel-projektmappe (.xlsb). Gem den som Excel-projektmappe (.xlsx).',
    en: 'The file is an Excel binary workbook (.xlsb). Save it as an Excel workbook (.xlsx).',
  },
  FILE_ZIP_OTHER: {
    severity: 'error',
    da: 'Filen er et zip-arkiv, men ikke en Excel-projektmappe.',
    en: 'The file is a zip archive, but not an Excel workbook.',
  },
  FILE_TOO_LARGE: {
    severity: 'error',
    da: 'Filen fylder {size}; grænsen er {limit}. En budgetredegørelse fylder normalt under 1 MB.',
    en: 'The file is {size}; the limit is {limit}. A budget statement is normally under 1 MB.',
  },
  ZIP_TOO_MANY_ENTRIES: {
    severity: 'error',
    da: 'Filen består af {entries} dele; grænsen er {limit}. Filen afvises.',
    en: 'The file has {entries} parts; the limit is {limit}. The file is refused.',
  },
  ZIP_TOTAL_TOO_LARGE: {
    severity: 'error',
    da: 'Udpakket fylder filen {size}; grænsen er {limit}. Filen afvises for at beskytte mod zip-bomber.',
    en: 'Uncompressed, the file is {size}; the limit is {limit}. The file is refused to guard against zip bombs.',
  },
  ZIP_PART_TOO_LARGE: {
    severity: 'error',
    da: 'Delen {part} fylder {size} udpakket; grænsen er {limit}. Filen afvises.',
    en: 'The part {part} is {size} uncompressed; the limit is {limit}. The file is refused.',
  },
  ZIP_RATIO: {
    severity: 'error',
    da: 'Delen {part} er pakket {ratio} gange sammen (grænsen er {limit}); filen ligner en zip-bombe og afvises.',
    en: 'The part {part} is compressed {ratio} times (the limit is {limit}); the file looks like a zip bomb and is refused.',
  },
  ZIP_SHEET_TOO_LARGE: {
    severity: 'error',
    da: 'Arkdelen {part} fylder {size} udpakket; grænsen for et arks indhold er {limit}. En budgetredegørelse er langt mindre: slet ubrugte rækker og kolonner, gem og send den igen.',
    en: 'The sheet part {part} is {size} uncompressed; the limit for a sheet’s contents is {limit}. A budget statement is far smaller: delete unused rows and columns, save and send it again.',
  },
  ...RULE_MESSAGES,
  PREVIOUS_NOT_CONSOLIDATED: {
    severity: 'error',
    da: 'Den tidligere fil er ikke en samlet status: arket {sheet} med tabellen "{table}" mangler.',
    en: 'The previous file is not a consolidated status workbook: the sheet {sheet} with the table "{table}" is missing.',
  },
  FILE_SHEET_TOO_LARGE: {
    severity: 'error',
    da: 'Arket {sheet} bruger {rows} rækker og {columns} kolonner (til cellen {cell}); grænsen er {maxRows} rækker og {maxCells} celler. Slet de ubrugte rækker og kolonner under og til højre for tabellerne, gem og send den igen.',
    en: 'The sheet {sheet} uses {rows} rows and {columns} columns (up to cell {cell}); the limit is {maxRows} rows and {maxCells} cells. Delete the unused rows and columns below and to the right of the tables, save and send it again.',
  },
  FILE_OPEN_FAILED: {
    severity: 'error',
    da: 'Filen kunne ikke åbnes: {detail}.',
    en: 'The file could not be opened: {detail}.',
  },
  FILE_CORRUPT: {
    severity: 'error',
    da: 'Projektmappens indhold kunne ikke læses; filen er beskadiget. Åbn den i Excel, gem den igen som .xlsx, og send den igen.',
    en: 'The workbook’s contents could not be read; the file is damaged. Open it in Excel, save it again as .xlsx and send it again.',
  },
  TEMPLATE_NOT_RECOGNISED: {
    severity: 'error',
    da: 'Projektmappen er ikke skabelonen til budgetredegørelsen (arket {sheet} med skabelon-id mangler). Brug skabelonen fra Kontoret for Integration.',
    en: 'The workbook is not the budget statement template (the {sheet} sheet with the template id is missing). Use the template from the integration office.',
  },
  TEMPLATE_ID_UNKNOWN: {
    severity: 'error',
    da: 'Ukendt skabelon-id "{found}" (forventet "{expected}").',
    en: 'Unknown template id "{found}" (expected "{expected}").',
  },
  TEMPLATE_VERSION_UNKNOWN: {
    severity: 'error',
    da: 'Skabelonversion "{found}" kendes ikke (kendte versioner: {known}). Hent den nyeste skabelon.',
    en: 'Template version "{found}" is not known (known versions: {known}). Get the latest template.',
  },
  AREA_MISSING: {
    severity: 'error',
    da: 'Området "{area}" blev ikke fundet (forventet på arket {expectedSheet}). Er arket slettet eller omdøbt?',
    en: 'The area "{area}" was not found (expected on the sheet {expectedSheet}). Was the sheet deleted or renamed?',
  },
  AREA_FOUND_BY_LABELS: {
    severity: 'info',
    da: 'Området "{area}" blev fundet ud fra overskrifterne, ikke ud fra navnet {name}.',
    en: 'The area "{area}" was found by its headers, not by the name {name}.',
  },
  TABLE1_ROW_MISSING: {
    severity: 'error',
    da: 'Rækken "{row}" mangler i Tabel 1.',
    en: 'The row "{row}" is missing from Table 1.',
  },
  COLUMN_MISSING: {
    severity: 'error',
    da: 'Kolonnen "{column}" mangler i området "{area}".',
    en: 'The column "{column}" is missing from the area "{area}".',
  },
  FIELD_MISSING: {
    severity: 'error',
    da: 'Feltet "{field}" blev ikke fundet på forsiden.',
    en: 'The field "{field}" was not found on the cover sheet.',
  },
  CELL_ERROR: {
    severity: 'error',
    da: 'Cellen indeholder fejlværdien {found}. Ret formlen eller skriv værdien.',
    en: 'The cell contains the error value {found}. Fix the formula or type the value.',
  },
  NOT_A_NUMBER: {
    severity: 'error',
    da: '"{found}" er ikke et tal ({field}). Skriv et beløb, fx 12,3 eller 1.250.000.',
    en: '"{found}" is not a number ({field}). Type an amount such as 12,3 or 1.250.000.',
  },
  NOT_A_DATE: {
    severity: 'error',
    da: '"{found}" er ikke en dato ({field}). Skriv fx 15-05-2010.',
    en: '"{found}" is not a date ({field}). Type e.g. 15-05-2010.',
  },
  NOT_A_YEAR: {
    severity: 'error',
    da: '"{found}" er ikke et årstal ({field}).',
    en: '"{found}" is not a year ({field}).',
  },
  NOT_YES_NO: {
    severity: 'error',
    da: '"{found}" er ikke Ja eller Nej ({field}).',
    en: '"{found}" is not Ja (yes) or Nej (no) ({field}).',
  },
};

/** Codes that mean the file could not be read at all. */
export const UNREADABLE_CODES: ReadonlySet<string> = new Set(Object.keys(MESSAGES).filter((c) => c.startsWith('FILE_') || c.startsWith('ZIP_')));

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`;
  if (n >= 1024) return `${(n / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 })} KB`;
  return `${n} byte`;
}

export function makeDiagnostic(
  code: string,
  where: { sheet: string | null; cell: string | null },
  params: Params = {},
  value?: string,
): Diagnostic {
  const def = MESSAGES[code];
  if (!def) throw new Error(`no message for diagnostic code ${code}`);
  const d: Diagnostic = { code, severity: def.severity, sheet: where.sheet, cell: where.cell, params };
  if (value !== undefined) d.value = value;
  return d;
}

export function diagnosticMessage(d: Diagnostic, lang: Lang = 'da'): string {
  const def = MESSAGES[d.code];
  const template = def ? def[lang] : d.code;
  const text = template.replace(/\{(\w+)\}/g, (m, key: string) => (key in d.params ? String(d.params[key]) : m));
  // "… 750.000 kr.." — an abbreviation at the end of a sentence keeps one full stop.
  return text.replace(/\.\.(?=\s|$)/g, '.');
}
