/**
 * Memory stays bounded for any input: 200 sparse sheets, each under the per-sheet limits, would lay out 200 million
 * cells; the workbook's cell budget stops them with a finding. Read in a process of its own (with a 1 GB heap, as
 * the command line's workers have), so its peak resident memory is its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spreadsheet } from '../helpers/packages';

const script = `
const { readFileSync } = require('node:fs');
const { readSubmissionBytes } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'src', 'hosts', 'xlsx', 'files.ts'))});
readSubmissionBytes(new Uint8Array(readFileSync(process.argv[1]))).then((r) => {
  const codes = r.status === 'read' ? [] : r.diagnostics.map((d) => d.code);
  process.stdout.write(JSON.stringify({ status: r.status, codes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
});`;

describe('memory', () => {
  it('200 sparse sheets, each within its own limits, end in FILE_TOO_MANY_CELLS, under 1 GB', () => {
    const data = '<row r="1"><c r="A1"><v>1</v></c></row><row r="40000"><c r="Z40000"><v>2</v></c></row>';
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'memory-')), 'ark.xlsx');
    writeFileSync(file, spreadsheet(Array.from({ length: 200 }, (_, i) => ({ name: `Ark${i + 1}`, data }))));
    const run = spawnSync(process.execPath, ['--max-old-space-size=1024', '-r', require.resolve('tsx/cjs'), '-e', script, file], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { status: string; codes: string[]; maxRssMb: number };
    expect(result).toMatchObject({ status: 'unreadable', codes: ['FILE_TOO_MANY_CELLS'] });
    expect(result.maxRssMb).toBeLessThan(1024);
  }, 120_000);
});
