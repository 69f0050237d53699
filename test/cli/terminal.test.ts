/**
 * Text output is terminal-safe: control characters and bidi controls in file names and cell values are shown
 * escaped, so a submission cannot clear the screen, set the clipboard (OSC 52), reorder text or forge a line such as
 * "x.xlsx: gyldig". JSON output is left as it is (JSON.stringify escapes C0 itself).
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { terminalSafe, textLines } from '../../src/cli/terminal';
import { buildTemplatePlan } from '../../src/core/template/plan';
import { writePlan } from '../../src/hosts/xlsx/files';
import { runCli } from '../helpers/cli';
import { validFill, policyInitiative } from '../helpers/workbook';

/** What must never reach a terminal raw from text output (the line breaks between lines excepted). */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  it('escapes every C0 control, DEL and every C1 control', () => {
    for (let code = 0; code <= 0x9f; code++) {
      if (code >= 0x20 && code < 0x7f) continue;
      const out = terminalSafe(`a${String.fromCharCode(code)}b`);
      expect(out).not.toMatch(UNSAFE);
      expect(out).not.toContain('\n');
      expect(out).toMatch(/^a\\(?:x[0-9a-f]{2}|[nrt])b$/);
    }
    expect(terminalSafe('a\nb\rc\td\u007fe\u0085f\u009bg\u0000')).toBe('a\\nb\\rc\\td\\x7fe\\x85f\\x9bg\\x00');
  });

  it('escapes terminal escape sequences: screen clearing, window titles, OSC 52 clipboard, OSC 8 links', () => {
    expect(terminalSafe('\u001b[2J\u001b[H')).toBe('\\x1b[2J\\x1b[H');
    expect(terminalSafe('\u001b]0;pwned\u0007')).toBe('\\x1b]0;pwned\\x07');
    expect(terminalSafe('\u001b]52;c;ZWNobyBoaQ==\u001b\\')).toBe('\\x1b]52;c;ZWNobyBoaQ==\\x1b\\');
    expect(terminalSafe('\u001b]8;;https://example.org\u0007klik\u001b]8;;\u0007')).toBe('\\x1b]8;;https://example.org\\x07klik\\x1b]8;;\\x07');
    expect(terminalSafe('\u009b31m')).toBe('\\x9b31m');
  });

  it('escapes bidi embeddings, overrides, isolates and marks, and line/paragraph separators', () => {
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u2028', '\u2029'];
    for (const c of bidi) expect(terminalSafe(`x${c}y`)).toBe(`x\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}y`);
    expect(terminalSafe('faktura\u202excl.exe')).toBe('faktura\\u202excl.exe');
  });

  it('leaves ordinary text alone: Danish letters, typography, emoji, quotes, backslashes in Windows paths', () => {
    const text = 'Økonomi 2013 – “Lektiecafé” æøå ÆØÅ € ½ 😀 \'x\' C:\\Sager\\fil.xlsx';
    expect(terminalSafe(text)).toBe(text);
  });

  it('never lets a control, a bidi control or a line break through, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const out = terminalSafe(s);
        return !UNSAFE.test(out) && !out.includes('\n');
      }),
      { numRuns: 300 },
    );
    expect(textLines(['a\nb', 'c'])).toBe('a\\nb\nc\n');
  });
});

describe('the command line’s text output', () => {
  const hostile = {
    admin: 'XYZ\nx.xlsx: gyldig',
    contact: 'Anne\u001b]52;c;aGVq\u0007',
    name: '\u202eLektiecafé\u009b2J\u007f',
    amount: '12\r\u001b[2J',
  };
  const fileName = 'b\nx.xlsx: gyldig\u001b[31m.xlsx';
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'terminal-'));
    file = path.join(dir, fileName);
    const fill = validFill();
    fill.cover = { ...fill.cover, administration: hostile.admin, contact: hostile.contact };
    fill.policy = [{ ...policyInitiative, name: hostile.name, activity: null, economy: [hostile.amount, 100_000, 100_000, 100_000] }];
    await writePlan(buildTemplatePlan({ firstYear: 2011, unit: 'kr' }, fill), file);
  });

  /** Every line of text output, checked: nothing unsafe, and each line begins as its kind of line begins. */
  function expectSafe(stdout: string): string[] {
    expect(stdout).not.toMatch(UNSAFE);
    return stdout.trimEnd().split('\n');
  }

  it('validate: values and the file name are escaped; no line can be forged', async () => {
    const run = await runCli('validate', dir);
    expect(run.code).toBe(1);
    const lines = expectSafe(run.stdout);
    const escapedName = 'b\\nx.xlsx: gyldig\\x1b[31m.xlsx';
    for (const line of lines.slice(0, -1)) expect(line.startsWith(`${escapedName}: `)).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^I alt 1 fil: 0 gyldige, 1 ugyldig, 0 kan ikke læses/);
    expect(lines.some((l) => l.startsWith('x.xlsx'))).toBe(false);
    expect(run.stdout).toContain('"XYZ\\nx.xlsx: gyldig"');
    expect(run.stdout).toContain('\\u202eLektiecafé\\x9b2J\\x7f');
    expect(run.stdout).toContain('12\\r\\x1b[2J');
  });

  it('validate --json keeps the values as they are (JSON escapes what it must)', async () => {
    const run = await runCli('validate', dir, '--json');
    const report = JSON.parse(run.stdout) as { files: { file: string; diagnostics: { message: string; value: string | null }[] }[] };
    expect(report.files[0].file).toBe(fileName);
    const messages = report.files[0].diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain(hostile.admin);
    expect(messages).toContain(hostile.name);
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('inspect and consolidate: the contact, the administration text and the file name are escaped', async () => {
    const inspect = await runCli('inspect', file);
    const lines = expectSafe(inspect.stdout);
    expect(lines[0]).toBe('b\\nx.xlsx: gyldig\\x1b[31m.xlsx');
    expect(inspect.stdout).toContain('Anne\\x1b]52;c;aGVq\\x07');
    expect(inspect.stdout).toContain('XYZ\\nx.xlsx: gyldig');
    const consolidate = await runCli('consolidate', dir, '--out', path.join(dir, 'samlet.xlsx'));
    expectSafe(consolidate.stdout);
    expect(consolidate.stdout).toContain('b\\nx.xlsx: gyldig\\x1b[31m.xlsx: ');
  });

  it('usage errors escape the paths and words the user typed', async () => {
    const missing = await runCli('validate', 'nope\u001b[2J\n.xlsx');
    expect(missing.stderr).toBe('integration-status: findes ikke: nope\\x1b[2J\\n.xlsx\n');
    const unknown = await runCli('x\u001b]52;c;aGk=\u0007\nx.xlsx: gyldig');
    expect(unknown.stderr.split('\n')[0]).toBe("integration-status: ukendt kommando 'x\\x1b]52;c;aGk=\\x07\\nx.xlsx: gyldig'");
    const unreadable = path.join(dir, 'c\u202e.xlsx');
    writeFileSync(unreadable, 'tekst');
    const inspect = await runCli('inspect', unreadable);
    expect(inspect.stderr).toMatch(/^integration-status: c\\u202e\.xlsx: [^\n]*\n$/);
  });
});
