/** The progress line: on a terminal, after a second, redrawn in place and removed at the end; never when piped. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Progress } from '../../src/cli/progress';
import { checkFiles } from '../../src/hosts/xlsx/checkPool';
import { TEXT } from '../../src/cli/text';
import { runCliWith } from '../helpers/cli';

const examples = path.join(__dirname, '..', '..', 'examples');
const CLEAR = '\r\u001b[K';

describe('Progress', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  const start = (enabled: boolean, lang: 'da' | 'en' = 'da') => {
    const writes: string[] = [];
    const progress = new Progress({ write: (s) => writes.push(s), enabled, text: TEXT[lang], now: () => Date.now() });
    return { writes, progress };
  };

  it('says nothing during the first second, then files read of total and the time, redrawn in place', () => {
    const { writes, progress } = start(true);
    progress.reading(1, 700);
    jest.advanceTimersByTime(900);
    expect(writes).toEqual([]);
    jest.advanceTimersByTime(100);
    expect(writes).toEqual([`${CLEAR}Læst 1 af 700 filer · 1,0 s`]);
    progress.reading(12, 700); // within the same 200 ms: drawn at the next tick, not now
    expect(writes).toHaveLength(1);
    jest.advanceTimersByTime(200);
    expect(writes[1]).toBe(`${CLEAR}Læst 12 af 700 filer · 1,2 s`);
    jest.advanceTimersByTime(400); // a slow file: the time still moves
    expect(writes[writes.length - 1]).toBe(`${CLEAR}Læst 12 af 700 filer · 1,6 s`);
    progress.writing('samlet.xlsx');
    expect(writes[writes.length - 1]).toBe(`${CLEAR}Skriver samlet.xlsx · 1,6 s`);
    progress.stop();
    expect(writes[writes.length - 1]).toBe(CLEAR);
    const count = writes.length;
    jest.advanceTimersByTime(5000);
    expect(writes).toHaveLength(count);
  });

  it('speaks English, with the grammar of one file', () => {
    const { writes, progress } = start(true, 'en');
    progress.reading(0, 1);
    jest.advanceTimersByTime(1500);
    expect(writes[writes.length - 1]).toBe(`${CLEAR}Read 0 of 1 file · 1.4 s`);
  });

  it('prints nothing at all for a run under a second, or when stderr is not a terminal', () => {
    const quick = start(true);
    quick.progress.reading(7, 7);
    jest.advanceTimersByTime(500);
    quick.progress.stop();
    expect(quick.writes).toEqual([]);
    const piped = start(false);
    piped.progress.reading(1, 700);
    jest.advanceTimersByTime(10_000);
    piped.progress.stop();
    expect(piped.writes).toEqual([]);
  });
});

describe('checkFiles progress', () => {
  it('counts each file once as it is read, on worker threads as here, up to all of them', async () => {
    const files = ['BIF', 'BUF', 'KFF', 'SOF', 'TMF'].map((a) => path.join(examples, `${a}-budgetredegoerelse-2011.xlsx`));
    for (const pool of [{ workers: 0 }, { workers: 2, here: false }]) {
      const seen: [number, number][] = [];
      await checkFiles(files, {}, { ...pool, onProgress: (done, total) => seen.push([done, total]) });
      expect(seen).toEqual(files.map((_, i) => [i + 1, files.length]));
    }
  }, 60_000);
});

describe('the progress line in a run', () => {
  /** A clock that moves 400 ms each time it is read: every run looks long. */
  const slowClock = () => {
    let t = 0;
    return () => (t += 400);
  };

  it('validate on a terminal draws it on stderr and removes it before the result; stdout is the same as without', async () => {
    const tty = await runCliWith({ errIsTTY: true, now: slowClock() }, 'validate', examples);
    const piped = await runCliWith({ errIsTTY: false, now: slowClock() }, 'validate', examples);
    expect(tty.stdout).toBe(piped.stdout);
    expect(piped.stderr).toBe('');
    expect(tty.stderr).toMatch(/^(?:\r\u001b\[KLæst \d af 7 filer · \d+,\d s)+\r\u001b\[K$/);
    expect(tty.stderr).toContain('Læst 7 af 7 filer');
  });

  it('consolidate also says when it writes the workbook', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'progress-')), 'samlet.xlsx');
    const run = await runCliWith({ errIsTTY: true, now: slowClock() }, 'consolidate', examples, '--out', out, '--lang', 'en');
    expect(run.stderr).toContain(`${CLEAR}Writing ${path.basename(out)} · `);
    expect(run.stderr.endsWith(CLEAR)).toBe(true);
  });
});
