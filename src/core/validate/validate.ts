/** The rule engine: runs every check over a read statement and orders the findings. The rules are in rules/, the checks in checks/. */
import { parseRangeRef } from '../cells';
import type { Diagnostic } from '../diagnostics';
import type { ParseResult } from '../parse/submission';
import { OTHER_AREA, POLICY_AREA, SHEET_ORDER } from '../template/definition';
import { settleAmountUnits } from './checks/amounts';
import { checkCover } from './checks/cover';
import { checkGoals } from './checks/goals';
import { checkInitiatives } from './checks/initiatives';
import { checkProjects } from './checks/projects';
import { checkTable1 } from './checks/table1';
import { Findings, type ValidationOptions } from './findings';

export type { ValidationOptions };

/** Findings about the whole file first, then by sheet order, row and column: the same for the same file every time. */
export function sortDiagnostics(list: Diagnostic[], sheetOrder: readonly string[]): Diagnostic[] {
  const order = (sheet: string | null) => {
    if (sheet === null) return -1;
    const i = sheetOrder.indexOf(sheet);
    if (i >= 0) return i;
    const j = SHEET_ORDER.indexOf(sheet);
    return j >= 0 ? 1000 + j : 2000;
  };
  const pos = (d: Diagnostic) => {
    const r = d.cell ? parseRangeRef(d.cell) : undefined;
    return r ? [r.top, r.left] : [0, 0];
  };
  return list
    .map((d, i) => ({ d, i, o: order(d.sheet), p: pos(d) }))
    .sort((a, b) => a.o - b.o || (a.d.sheet ?? '').localeCompare(b.d.sheet ?? '') || a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.i - b.i)
    .map((x) => x.d);
}

/** All findings for one read workbook: what reading noticed plus every rule. */
export function validate(parsed: ParseResult, options: ValidationOptions = {}): Diagnostic[] {
  const f = new Findings(parsed.submission, parsed.layout, options);
  checkCover(f);
  checkGoals(f);
  checkInitiatives(f, POLICY_AREA, parsed.submission.policyInitiatives);
  checkInitiatives(f, OTHER_AREA, parsed.submission.otherInitiatives);
  checkTable1(f);
  checkProjects(f);
  settleAmountUnits(f);
  return sortDiagnostics([...parsed.diagnostics, ...f.list], parsed.layout.sheetOrder);
}

export type FileStatus = 'valid' | 'invalid' | 'unreadable';

export function statusOf(diagnostics: Diagnostic[], unreadable: boolean): FileStatus {
  if (unreadable) return 'unreadable';
  return diagnostics.some((d) => d.severity === 'error') ? 'invalid' : 'valid';
}
