/**
 * Break-and-fix cases for the rule catalogue. A case is a statement that breaks a rule (with the findings it must
 * get) and the same statement fixed (no findings at all). Statements are built in memory from the valid
 * statement of test/helpers/statement.ts, so a case takes milliseconds.
 */
import { diagnosticMessage, type Diagnostic, type Lang } from '../../../src/core/diagnostics';
import type { UnitCode } from '../../../src/core/domain';
import { readSubmission } from '../../../src/core/parse/submission';
import type { TemplateFill } from '../../../src/core/template/fill';
import { buildTemplatePlan } from '../../../src/core/template/plan';
import type { Area, CodeOf } from '../../../src/core/validate/rules';
import { validate, type ValidationOptions } from '../../../src/core/validate/validate';
import { MemoryWorkbook } from '../../helpers/memoryWorkbook';
import { validFill, where } from '../../helpers/statement';

/** The valid statement with changes: to what is typed into the template, then to the workbook as a file. */
export interface Statement {
  fill?: (f: TemplateFill) => void;
  /** A change made afterwards in the workbook, as a person or another program would (a cell, a sheet, a name). */
  edit?: (wb: MemoryWorkbook) => void;
  unit?: UnitCode;
  firstYear?: number;
  validation?: ValidationOptions;
}

/** A statement, or any other way to the findings (a file's bytes, a previous consolidated workbook). */
export type Scenario = Statement | (() => Promise<Diagnostic[]>);

export interface BreakAndFix {
  /** What the case changes, when there are several for a code. */
  name?: string;
  broken: Scenario;
  /** The broken case's findings, as "CODE sheet!cell"; the code of the case among them. */
  expected: string[];
  /** The same case fixed: no findings. */
  fixed: Scenario;
}

/** Every code of an area has at least one case: a code without one does not compile. */
export type Cases<A extends Area> = { [C in CodeOf<A>]: BreakAndFix | readonly BreakAndFix[] };

/** Further cases of an area: a statement and exactly the findings it gets. */
export interface Example {
  name: string;
  statement: Scenario;
  expected: string[];
  /** The first finding's message, where the words matter. */
  messages?: Partial<Record<Lang, string>>;
}

export function statementWorkbook(s: Statement = {}): MemoryWorkbook {
  const fill = validFill();
  s.fill?.(fill);
  const wb = MemoryWorkbook.fromPlan(buildTemplatePlan({ firstYear: s.firstYear ?? 2011, unit: s.unit ?? 'kr', administration: 'KFF' }, fill));
  s.edit?.(wb);
  return wb;
}

export async function findingsOf(scenario: Scenario): Promise<Diagnostic[]> {
  if (typeof scenario === 'function') return scenario();
  return validate(await readSubmission(statementWorkbook(scenario)), scenario.validation);
}

/** Messages of real findings in both languages: complete sentences, no placeholder or value left unrendered. */
function expectReadable(list: Diagnostic[]): void {
  for (const d of list) {
    for (const lang of ['da', 'en'] as const) expect(diagnosticMessage(d, lang)).not.toMatch(/[{}]|undefined|NaN|\[object|^\s*$/);
  }
}

export function runCases<A extends Area>(area: A, cases: Cases<A>, more: readonly Example[] = []): void {
  describe(area, () => {
    const all = Object.entries(cases as Record<string, BreakAndFix | readonly BreakAndFix[]>).flatMap(([code, entry]) =>
      (Array.isArray(entry) ? entry : [entry]).map((c: BreakAndFix) => [code, c] as const),
    );
    it.each(all.map(([code, c]) => [`${code}${c.name ? `: ${c.name}` : ''}`, code, c] as const))('%s breaks and is fixed', async (_title, code, c) => {
      expect(c.expected.map((e) => e.split(' ')[0])).toContain(code);
      const broken = await findingsOf(c.broken);
      expect(where(broken)).toEqual(c.expected);
      expectReadable(broken);
      expect(where(await findingsOf(c.fixed))).toEqual([]);
    });
    if (more.length) {
      it.each(more.map((m) => [m.name, m] as const))('%s', async (_name, m) => {
        const list = await findingsOf(m.statement);
        expect(where(list)).toEqual(m.expected);
        expectReadable(list);
        for (const [lang, text] of Object.entries(m.messages ?? {}) as [Lang, string][]) expect(diagnosticMessage(list[0], lang)).toBe(text);
      });
    }
  });
}

export type { CodeOf };
