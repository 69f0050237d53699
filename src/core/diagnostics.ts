/** Findings as data: a stable code, a severity, where (sheet, cell) and what was found. Never an exception. */

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
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in d.params ? String(d.params[key]) : m));
}
