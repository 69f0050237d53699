/** Files that are not budget statements are refused with a specific reason, quickly, and left untouched. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkPackage, DEFAULT_LIMITS } from '../../src/hosts/xlsx/read/package';
import { badFiles, writeBadFiles, type BadFile } from '../corpus/badFiles';
import { runCli } from '../helpers/cli';

const example = path.join(__dirname, '..', '..', 'examples', 'BUF-budgetredegoerelse-2011.xlsx');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let files: BadFile[];
let dir: string;
let paths: string[];

beforeAll(async () => {
  files = await badFiles(example);
  dir = mkdtempSync(path.join(tmpdir(), 'bad-files-'));
  paths = writeBadFiles(files, dir);
});

describe('a folder of bad files', () => {
  it('reports every file as unreadable with its own reason, exits 2, and changes none of them', async () => {
    const before = paths.map(sha);
    const run = await runCli('validate', dir, '--json');
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout) as { files: { file: string; status: string; diagnostics: { code: string; message: string }[] }[] };
    const got = Object.fromEntries(out.files.map((f) => [f.file, { status: f.status, codes: f.diagnostics.map((d) => d.code) }]));
    expect(got).toEqual(Object.fromEntries(files.map((f) => [f.name, { status: 'unreadable', codes: [f.code] }])));
    for (const f of out.files) expect(f.diagnostics[0].message).not.toMatch(/\{|undefined|Error:|at /);
    expect(paths.map(sha)).toEqual(before);
  });

  it('is reported in plain words the user can act on', async () => {
    const run = await runCli('validate', path.join(dir, 'gammel.xls'), path.join(dir, 'med-adgangskode.xlsx'), path.join(dir, 'zipbombe.xlsx'), '--lang', 'en');
    expect(run.stdout).toContain('gammel.xls: error FILE_XLS: The file is an old Excel 97-2003 workbook (.xls). Open it in Excel and save it as an Excel workbook (.xlsx).');
    expect(run.stdout).toContain('med-adgangskode.xlsx: error FILE_ENCRYPTED: The workbook is password-protected (encrypted). Remove the password');
    expect(run.stdout).toMatch(/zipbombe\.xlsx: error ZIP_RATIO: The part xl\/worksheets\/sheet1\.xml is compressed \d+ times \(the limit is 200\)/);
  });

  // A hang guard per file: each must be decided well within 5 seconds.
  it.each([
    'tom.xlsx',
    'tilfaeldige-bytes.xlsx',
    'noter.xlsx',
    'rapport.xlsx',
    'webside.xls',
    'gammel.xls',
    'med-adgangskode.xlsx',
    'dokument.xls',
    'halv.xlsx',
    'brev.xlsx',
    'slides.xlsx',
    'regneark.xlsx',
    'binaer.xlsx',
    'arkiv.xlsx',
    'zipbombe.xlsx',
    'paastaaet-stor.xlsx',
    'million-raekker.xlsx',
    'store-tekster.xlsx',
    'fjern-celle.xlsx',
    'nederste-raekke.xlsx',
    'forkert-stoerrelse.xlsx',
    'oedelagt-indhold.xlsx',
  ])('%s is decided on its own', async (name) => {
    const run = await runCli('validate', path.join(dir, name), '--json');
    expect(run.code).toBe(2);
    const expected = files.find((f) => f.name === name)!.code;
    expect(JSON.parse(run.stdout).files[0].diagnostics[0].code).toBe(expected);
  }, 5000);

  it('a real .xls saved by LibreOffice is recognised as one', async () => {
    const run = await runCli('validate', path.join(__dirname, '..', 'fixtures', 'buf-libreoffice.xls'), '--json');
    expect(JSON.parse(run.stdout).files[0].diagnostics[0].code).toBe('FILE_XLS');
  });
});

describe('limits', () => {
  it('refuse a file over the size limit with the numbers', () => {
    const bytes = new Uint8Array(readFileSync(example));
    expect(checkPackage(bytes, { ...DEFAULT_LIMITS, maxFileBytes: 1000 })).toEqual({ ok: false, unreadable: { reason: 'FILE_TOO_LARGE', size: bytes.length, limit: 1000 } });
    expect(checkPackage(bytes, { ...DEFAULT_LIMITS, maxTotalUncompressedBytes: 1000 })).toMatchObject({ ok: false, unreadable: { reason: 'ZIP_TOTAL_TOO_LARGE', limit: 1000 } });
    expect(checkPackage(bytes, { ...DEFAULT_LIMITS, maxEntries: 3 })).toMatchObject({ ok: false, unreadable: { reason: 'ZIP_TOO_MANY_ENTRIES', limit: 3 } });
    expect(checkPackage(bytes)).toMatchObject({ ok: true });
  });
});
