/** The command line as a user meets it: help and messages in one language, clear usage errors, exit codes, --version. */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, runCliWith } from './helpers/cli';

const ROOT = path.join(__dirname, '..');
const examples = path.join(ROOT, 'examples');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const tmp = () => mkdtempSync(path.join(tmpdir(), 'cli-'));

/** Words that only one of the languages uses in help and messages: seeing one in the other's run is mixing. */
const ENGLISH = /\b(?:Usage|Options|Commands|Arguments|display|default|write|read|check|expected|unknown|missing|option|required|invalid|does not exist|folder|file name|shows how)\b/;
const DANISH = /\b(?:Brug|Tilvalg|Kommandoer|vis|standard|skriv|læs|kontrollér|forventede|ukendt|mangler|tilvalget|ugyldig|findes ikke|mappe|filnavnet|viser hvordan)\b/;
const COMMANDS = ['template', 'example', 'inspect', 'validate', 'consolidate'];

describe('integration-status --help', () => {
  it('lists the commands in Danish by default, every help text in Danish only', async () => {
    const run = await runCli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Brug: integration-status \[tilvalg\] \[kommando\]\n/);
    for (const cmd of COMMANDS) expect(run.stdout).toContain(`\n  ${cmd} `);
    for (const args of [['--help'], ...COMMANDS.map((c) => [c, '--help']), ['help', 'validate']]) {
      const help = await runCli(...args);
      expect(help.code).toBe(0);
      expect(help.stdout).not.toMatch(ENGLISH);
    }
  });

  it('is in English with --lang en (before or after the command) or an English LANG, and English only', async () => {
    const runs = [
      await runCli('--lang', 'en', '--help'),
      await runCli('validate', '--help', '--lang=en'),
      await runCliWith({ env: { LANG: 'en_GB.UTF-8' } }, 'consolidate', '--help'),
      await runCliWith({ env: { LANG: 'da_DK.UTF-8', LC_ALL: 'en_US.UTF-8' } }, 'inspect', '--help'),
    ];
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: integration-status /);
      expect(run.stdout).not.toMatch(DANISH);
    }
    // --lang wins over LANG; a locale that is not English (C.UTF-8, da_DK) gives Danish.
    expect((await runCliWith({ env: { LANG: 'en_GB.UTF-8' } }, '--lang', 'da', '--help')).stdout).toMatch(/^Brug:/);
    expect((await runCliWith({ env: { LANG: 'C.UTF-8' } }, '--help')).stdout).toMatch(/^Brug:/);
    expect((await runCliWith({ env: { LANG: 'eng' } }, '--help')).stdout).toMatch(/^Brug:/);
  });

  it('prints the version from package.json with --version and -V', async () => {
    expect(await runCli('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(await runCli('-V')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('usage errors', () => {
  // Each of commander's usage errors, rebuilt in the run's language: [arguments, Danish line, English line].
  const cases: [string[], string, string][] = [
    [['nope'], "ukendt kommando 'nope'", "unknown command 'nope'"],
    [['valdate', 'x'], "ukendt kommando 'valdate' (mente du validate?)", "unknown command 'valdate' (did you mean validate?)"],
    [['validate', '--jsn', 'x'], "ukendt tilvalg '--jsn' (mente du --json?)", "unknown option '--jsn' (did you mean --json?)"],
    [['inspect'], 'mangler <fil.xlsx>', 'missing <file.xlsx>'],
    [['template', '--out'], 'tilvalget --out <fil.xlsx> mangler en værdi', 'the option --out <file.xlsx> needs a value'],
    [['template'], 'tilvalget --out <fil.xlsx> skal angives', 'the option --out <file.xlsx> is required'],
    [['inspect', 'a.xlsx', 'b.xlsx'], 'for mange argumenter til integration-status inspect: ventede 1, fik 2', 'too many arguments for integration-status inspect: expected 1, got 2'],
    [['template', '--first-year', '20x1', '--out', 'x.xlsx'], "ugyldig værdi '20x1' til --first-year: forventede et årstal som 2011", "invalid value '20x1' for --first-year: expected a year such as 2011"],
    [['template', '--administration', 'XYZ', '--out', 'x.xlsx'], "ugyldig værdi 'XYZ' til --administration: forventede en af ØKF, BUF", "invalid value 'XYZ' for --administration: expected one of ØKF, BUF"],
    [['consolidate', examples, '--out', 'x.xlsx', '--green', 'x'], "ugyldig værdi 'x' til --green: forventede en andel som 0.9", "invalid value 'x' for --green: expected a ratio such as 0.9"],
    [['validate', examples, '--lang', 'fr'], "ugyldig værdi 'fr' til --lang: forventede da eller en", ''],
  ];

  it.each(cases)('%j: exit 2, one line in the run’s language and where to read more', async (args, da, en) => {
    const dansk = await runCli(...args);
    expect(dansk.code).toBe(2);
    expect(dansk.stdout).toBe('');
    expect(dansk.stderr).toMatch(new RegExp(`^integration-status: ${escapeRe(da)}.*\\n\\(integration-status( \\w+)? --help viser hvordan\\)\\n$`));
    expect(dansk.stderr).not.toMatch(ENGLISH);
    if (!en) return;
    const english = await runCli(...args, '--lang', 'en');
    expect(english.code).toBe(2);
    expect(english.stderr).toMatch(new RegExp(`^integration-status: ${escapeRe(en)}.*\\n\\(integration-status( \\w+)? --help shows how\\)\\n$`));
    expect(english.stderr).not.toMatch(DANISH);
  });

  it('names a path that does not exist ("findes ikke: exmaples"), for every command that reads files', async () => {
    const sof = path.join(examples, 'SOF-budgetredegoerelse-2011.xlsx');
    const out = path.join(tmp(), 'samlet.xlsx');
    for (const args of [['validate', 'exmaples'], ['consolidate', 'exmaples', '--out', out], ['inspect', 'exmaples']]) {
      expect(await runCli(...args)).toEqual({ code: 2, stdout: '', stderr: 'integration-status: findes ikke: exmaples\n' });
      expect(await runCli(...args, '--lang', 'en')).toEqual({ code: 2, stdout: '', stderr: 'integration-status: does not exist: exmaples\n' });
    }
    expect(await runCli('consolidate', sof, '--previous', 'sidste-aar.xlsx', '--out', out)).toEqual({ code: 2, stdout: '', stderr: 'integration-status: findes ikke: sidste-aar.xlsx\n' });
    expect(existsSync(out)).toBe(false);
  });

  it('says a folder is not a file, without a stack trace', async () => {
    expect(await runCli('inspect', examples)).toEqual({ code: 2, stdout: '', stderr: `integration-status: er en mappe, ikke en fil: ${examples}\n` });
  });

  it('wants --out to end in .xlsx, and writes nothing otherwise', async () => {
    const dir = tmp();
    for (const args of [['template', '--out', path.join(dir, 'skabelon.xls')], ['consolidate', examples, '--out', path.join(dir, 'samlet')]]) {
      const run = await runCli(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^integration-status: ugyldig værdi '.*' til --out: filnavnet skal ende på \.xlsx\n/);
    }
    expect((await runCli('template', '--out', path.join(dir, 'SKABELON.XLSX'))).code).toBe(0);
    expect(existsSync(path.join(dir, 'skabelon.xls')) || existsSync(path.join(dir, 'samlet'))).toBe(false);
  });

  it('explains a file that is not a workbook instead of crashing, and leaves it as it was', async () => {
    const file = path.join(tmp(), 'notes.xlsx');
    writeFileSync(file, 'just text');
    const run = await runCli('inspect', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^integration-status: notes\.xlsx: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file, 'utf8')).toBe('just text');
  });
});

describe('output', () => {
  it('inspect prints a readable summary with amounts in kr., labels in the run’s language', async () => {
    const sof = path.join(examples, 'SOF-budgetredegoerelse-2011.xlsx');
    const run = await runCli('inspect', sof);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  Forvaltning:      SOF – Socialforvaltningen\n');
    expect(run.stdout).toContain('14.100.000 kr.');
    expect(run.stdout).toContain('I alt 56.400.000 kr.');
    const english = await runCli('inspect', sof, '--lang', 'en');
    expect(english.stdout).toContain('  Administration:   SOF – Socialforvaltningen\n');
    expect(english.stdout).toContain('  Initiatives:      ');
    expect(english.stdout).toContain('Total 56.400.000 kr.');
  });

  it('template and consolidate say what they wrote, with Danish grammar in the counts', async () => {
    const dir = tmp();
    const template = await runCli('template', '--first-year', '2012', '--out', path.join(dir, 'skabelon.xlsx'));
    expect(template.stdout).toBe(`Skabelon for 2012–2015 skrevet til ${path.join(dir, 'skabelon.xlsx')}\n`);
    const run = await runCli('consolidate', examples, '--out', path.join(dir, 'samlet.xlsx'));
    expect(run.stdout).toContain('\n7 forvaltninger, 21 indsatser, 9 monitorerede projekter (6 grønne, 2 gule, 1 rød), 1 til fagudvalg.\n');
    const one = await runCli('consolidate', path.join(examples, 'TMF-budgetredegoerelse-2011.xlsx'), '--out', path.join(dir, 'tmf.xlsx'));
    expect(one.stdout).toMatch(/\n1 forvaltning, 2 indsatser, 1 monitoreret projekt \(\d+ grønne?, \d+ gule?, \d+ røde?\), \d til fagudvalg\.\n/);
    expect(one.stdout).toContain('TMF-budgetredegoerelse-2011.xlsx: TMF 2011–2014 – medtaget med 13 fejl\n');
    const english = await runCli('consolidate', examples, '--out', path.join(dir, 'samlet-en.xlsx'), '--lang', 'en');
    expect(english.stdout).toContain('\n7 administrations, 21 initiatives, 9 monitored projects (6 green, 2 yellow, 1 red), 1 for the committee.\n');
    expect(english.stdout).toContain('TMF 2011–2014 – included with 13 errors\n');
    expect(english.stdout).not.toMatch(DANISH);
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
