/**
 * What the task pane can do, as plain data and functions. index.tsx builds one `PaneActions` from the Office
 * host (inside Excel) or for a plain browser; components only ever see this object, never Office.js, so they
 * can be tested with a double.
 */
import type { Diagnostic, Lang } from '../core/diagnostics';
import type { AdministrationCode, UnitCode } from '../core/domain';
import type { EscalationLetter } from '../core/consolidate/letters';
import type { consolidationSummary } from '../core/consolidate/summary';
import type { WorkbookPlan } from '../core/plan/types';
import type { FileStatus } from '../core/validate/validate';
import type { OverviewTable } from '../core/consolidate/filter';

/** A finding with its message in Danish and English (see findingText.ts). */
export type Finding = Diagnostic & {
  text: Record<Lang, string>;
};

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

/** One submitted file after it was checked, read and validated. */
export interface FileResult {
  /** Handle for the file's parsed contents (kept where the file was read). */
  id: string;
  name: string;
  size: number;
  status: FileStatus;
  /** Administration code, or what the cover says when it is not one; null when unknown. */
  administration: string | null;
  /** The budget period the statement is for ("2011–2014"); null when unknown. */
  period: string | null;
  counts: FindingCounts;
  diagnostics: Finding[];
}

export interface Progress {
  done: number;
  total: number;
  /** The file just read. */
  file?: string;
}

export interface ReadOutcome {
  results: FileResult[];
  cancelled: boolean;
}

export type PreviousResult = { ok: true; name: string; entries: number } | { ok: false; name: string; diagnostic: Finding };

export interface ConsolidateRequest {
  ids: string[];
  strict: boolean;
  /** Use the previous consolidated workbook read last with readPrevious. */
  usePrevious: boolean;
  lang: Lang;
  /** The budget period, by one of its years, or 'all'; the latest when left out. */
  period?: number | 'all';
}

export type Summary = ReturnType<typeof consolidationSummary>;

export interface ConsolidationResult {
  plan: WorkbookPlan;
  summary: Summary;
  overview: OverviewTable;
  /** Suggested file name for the download. */
  fileName: string;
  /** A draft letter to the committee per escalated project (rendered as .docx on request). */
  letters: EscalationLetter[];
}

export type { FilterCriteria } from '../core/consolidate/filter';
import type { FilterCriteria } from '../core/consolidate/filter';

export interface FilterResult {
  visibleRows: number;
  totalRows: number;
}

export interface TemplateChoice {
  firstYear: number;
  administration?: AdministrationCode;
  unit: UnitCode;
}

/** Reading, validating and consolidating files: off the UI thread where possible. */
export interface FileActions {
  readFiles(files: File[], onProgress: (p: Progress) => void, signal: AbortSignal): Promise<ReadOutcome>;
  readPrevious(file: File): Promise<PreviousResult>;
  /** Drop files read earlier (their parsed contents are released). */
  forget(ids: string[]): void;
  consolidate(request: ConsolidateRequest): Promise<ConsolidationResult>;
  /** The .xlsx bytes for a plan (the template or the consolidated workbook). */
  renderXlsx(plan: WorkbookPlan): Promise<Uint8Array>;
  /** The template's .xlsx bytes. */
  renderTemplate(choice: TemplateChoice): Promise<Uint8Array>;
  /** A letter to the committee as .docx bytes (the Word writer is a lazy chunk). */
  renderLetter(letter: EscalationLetter): Promise<Uint8Array>;
  /** Get ready to read files soon (start the worker), so the first file does not wait for it. */
  prepare?(): void;
}

/** Only inside Excel. */
export interface ExcelActions {
  /** Whether this Excel can open a new workbook from the add-in (ExcelApi 1.8). */
  canOpenNewWorkbook: boolean;
  insertTemplate(choice: TemplateChoice, force: boolean): Promise<{ status: 'inserted' | 'exists'; sheets: string[] }>;
  validateWorkbook(): Promise<Finding[]>;
  goToCell(sheet: string, cell: string | null): Promise<void>;
  /** The sheets written, and what this Excel could not add (slicers, print setup) for lack of a requirement set. */
  writeConsolidated(plan: WorkbookPlan): Promise<{ sheets: string[]; missing?: ('slicers' | 'pageLayout')[] }>;
  openAsNewWorkbook(xlsx: Uint8Array): Promise<void>;
  applyFilter(criteria: FilterCriteria): Promise<FilterResult>;
  clearFilters(): Promise<FilterResult>;
  /** Whether this Excel reports edits, so the pane can check as the user types (ExcelApi 1.9). */
  canWatchEdits: boolean;
  /**
   * Check as the user types: after edits settle, the template areas they touched are read again and the workbook is
   * checked; `onFindings` gets the findings (edits that touch no template cell are not checked again). Returns how to stop.
   */
  watchWorkbook(onFindings: (findings: Finding[]) => void, onError: (err: unknown) => void): Promise<() => Promise<void>>;
}

export interface PaneActions {
  host: 'excel' | 'browser';
  /** Absent in a plain browser. */
  excel?: ExcelActions;
  files: FileActions;
  /** Save bytes as a file through the browser's download (the type from the name: .xlsx or .docx). */
  download(bytes: Uint8Array, fileName: string): void;
}

/** An error with a message meant for the user, in both languages. Anything else is shown as a generic message. */
export class UserError extends Error {
  constructor(
    readonly da: string,
    readonly en: string = da,
  ) {
    super(da);
    this.name = 'UserError';
  }
}

export function countFindings(diagnostics: Diagnostic[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
