/** Break-and-fix cases of the rule on the previous consolidated workbook (src/core/validate/rules/previous.ts). */
import { readHistory } from '../../../src/core/consolidate/history';
import { consolidate } from '../../../src/core/consolidate/consolidate';
import { buildConsolidatedPlan } from '../../../src/core/consolidate/plan';
import { readSubmission } from '../../../src/core/parse/submission';
import { validate, statusOf } from '../../../src/core/validate/validate';
import type { WorkbookReader } from '../../../src/core/reader';
import { MemoryWorkbook } from '../../helpers/memoryWorkbook';
import type { Cases } from './harness';
import { statementWorkbook } from './harness';

const history = (reader: () => Promise<WorkbookReader> | WorkbookReader) => async () => (await readHistory(await reader())).diagnostics;

/** Last year's consolidated workbook, of the valid statement. */
async function consolidated(): Promise<WorkbookReader> {
  const parsed = await readSubmission(statementWorkbook());
  const diagnostics = validate(parsed);
  const c = consolidate([{ file: { name: 'KFF.xlsx', size: 1, sha256: 'x' }, status: statusOf(diagnostics, false), diagnostics, submission: parsed.submission }], {
    generatedAt: '2010-06-01T12:00:00Z',
    productVersion: 'test',
  });
  return MemoryWorkbook.fromPlan(buildConsolidatedPlan(c));
}

export const previousCases: Cases<'previous'> = {
  PREVIOUS_NOT_CONSOLIDATED: {
    name: 'a submission given as the previous consolidated workbook',
    broken: history(() => statementWorkbook()),
    expected: ['PREVIOUS_NOT_CONSOLIDATED '],
    fixed: history(consolidated),
  },
};
