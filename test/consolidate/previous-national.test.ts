/**
 * A consolidated workbook of national size can be the previous one of the next run: its history table and its
 * overview are far over the limits for a submission, and only the monitoring sheet is read.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HistoryEntry } from '../../src/core/consolidate/colours';
import { consolidate } from '../../src/core/consolidate/consolidate';
import { buildConsolidatedPlan } from '../../src/core/consolidate/plan';
import { ADMINISTRATION_CODES, QUARTERS } from '../../src/core/domain';
import { SHEET_LIMITS } from '../../src/core/reader';
import { readHistoryBytes, readSubmissionBytes, writePlan } from '../../src/hosts/xlsx/files';
import { exampleInputs } from '../helpers/examples';

describe('a previous consolidated workbook of national size', () => {
  it('gives back its whole history, though the file would be refused as a submission', async () => {
    // 700 administrations' worth: 15,000 projects × 4 quarters
    const history: HistoryEntry[] = [];
    for (let p = 0; p < 15_000; p++) {
      for (const quarter of QUARTERS) {
        history.push({ administration: ADMINISTRATION_CODES[p % 7], project: `Projekt ${p}`, year: 2009, quarter, colour: (['green', 'yellow', 'red'] as const)[(p + quarter) % 3] });
      }
    }
    expect(history.length).toBeGreaterThan(SHEET_LIMITS.maxRows);
    const result = consolidate(await exampleInputs(), { history, generatedAt: '2010-06-01T00:00:00Z', productVersion: 'test' });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'previous-')), 'samlet-status.xlsx');
    await writePlan(buildConsolidatedPlan(result), file);
    const bytes = new Uint8Array(readFileSync(file));
    expect((await readSubmissionBytes(bytes)).status).toBe('unreadable'); // the monitoring sheet alone is over the limits for submissions

    const reading = await readHistoryBytes(bytes);
    if (!reading.ok) throw new Error(`not read: ${reading.diagnostic.code}`);
    expect(reading.entries).toHaveLength(result.history.length);
    const key = (h: HistoryEntry) => `${h.administration}|${h.project}|${h.year}|${h.quarter}|${h.colour}`;
    expect(new Set(reading.entries.map(key))).toEqual(new Set(result.history.map(key)));
  }, 120_000);
});
