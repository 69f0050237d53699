/** Reading on several threads gives exactly what reading one file after another gives, in the same order. */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkFiles, workerCount } from '../../src/hosts/xlsx/checkPool';
import { EXAMPLES } from '../../src/examples/submissions';
import { EXAMPLES_DIR } from '../helpers/examples';

describe('checkFiles', () => {
  it('worker threads give the same reports, in the same order, as reading here one file after another', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pool-'));
    const files: string[] = [];
    for (let i = 0; i < 5; i++) {
      for (const e of EXAMPLES) {
        const copy = path.join(dir, `${i}-${e.file}`);
        copyFileSync(path.join(EXAMPLES_DIR, e.file), copy);
        files.push(copy);
      }
    }
    writeFileSync(path.join(dir, 'tekst.xlsx'), 'ikke en arbejdsbog');
    files.splice(7, 0, path.join(dir, 'tekst.xlsx'), path.join(dir, 'findes-ikke.xlsx'));
    const alone = await checkFiles(files, {}, { workers: 0 });
    const pooled = await checkFiles(files, {}, { workers: 2, here: false });
    expect(pooled).toEqual(alone);
    expect(alone.map((r) => r.status).slice(7, 9)).toEqual(['unreadable', 'unreadable']);
    expect(alone.filter((r) => r.status === 'invalid')).toHaveLength(5); // TMF, five times
  }, 60_000);

  it('uses worker threads only when there are files enough to repay starting them', () => {
    const saved = process.env.INTEGRATION_STATUS_WORKERS;
    try {
      process.env.INTEGRATION_STATUS_WORKERS = '3';
      expect(workerCount(7)).toBe(0);
      expect(workerCount(1000)).toBe(3);
      process.env.INTEGRATION_STATUS_WORKERS = '0';
      expect(workerCount(1000)).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.INTEGRATION_STATUS_WORKERS;
      else process.env.INTEGRATION_STATUS_WORKERS = saved;
    }
  });
});
