/**
 * Linear time: each pathological input (what made a step quadratic) is timed against a normal input of about the
 * same size, in the same run; the ratio must stay small. A quadratic step makes it hundreds; the bound is generous
 * so a busy machine does not fail it.
 */
import path from 'node:path';
import { columnLetter } from '../../src/core/cells';
import { validate } from '../../src/core/validate/validate';
import { readSubmissionBytes } from '../../src/hosts/xlsx/files';
import { buildZip, mapParts, partsOf, spreadsheet, type ZipItem } from '../helpers/packages';
import { readWorkbook } from '../helpers/readerUnderTest';

const RATIO = 10;
const example = path.join(__dirname, '..', '..', 'examples', 'BUF-budgetredegoerelse-2011.xlsx');

async function ms(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[1];
}

/** Times both (normal first, to warm up), checks they are of a size, and returns pathological ÷ normal. */
async function ratio(normal: Uint8Array, pathological: Uint8Array, run: (bytes: Uint8Array) => Promise<unknown>): Promise<number> {
  expect(pathological.length / normal.length).toBeGreaterThan(0.5);
  expect(pathological.length / normal.length).toBeLessThan(2);
  await run(normal);
  const a = await ms(() => run(normal));
  const b = await ms(() => run(pathological));
  process.stdout.write(`linear: ${expect.getState().currentTestName}: normal ${a.toFixed(0)} ms, pathological ${b.toFixed(0)} ms\n`);
  return b / Math.max(a, 1);
}

const readAll = (bytes: Uint8Array) => readWorkbook(bytes);
async function validateAll(bytes: Uint8Array) {
  const reading = await readSubmissionBytes(bytes);
  return reading.status === 'read' ? validate(reading.result) : reading.diagnostics;
}

let seed = 20110515;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const text = (n: number) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz æøå'[Math.floor(random() * 30)]).join('');

/**
 * The BUF example without its defined names (so the cover fields are found by their labels, every cell of the
 * cover's first rows compared with each label), with 4,000 cells added to each of the cover's rows 1-3 (12,000
 * cells, each visited by every label search), cell `k` showing shared string `index(k)` (143 = the first added).
 */
function submission(index: (k: number) => number, strings: string[]): Uint8Array {
  const cells = (row: number) => Array.from({ length: 4000 }, (_, c) => `<c r="${columnLetter(5 + c)}${row}" t="s"><v>${index((row - 1) * 4000 + c)}</v></c>`).join('');
  const items: ZipItem[] = mapParts(partsOf(example), (xml, name) => {
    if (name === 'xl/workbook.xml') return xml.replace(/<definedNames>[\s\S]*<\/definedNames>/, '');
    if (name === 'xl/sharedStrings.xml') return xml.replace('</sst>', `${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`);
    if (name === 'xl/worksheets/sheet1.xml') {
      return xml.replace(/(<row r="1"[^>]*>.*?)(<\/row>)/, `$1${cells(1)}$2`).replace(/(<row r="2"[^>]*>.*?)(<\/row>)/, `$1${cells(2)}$2<row r="3">${cells(3)}</row>`);
    }
    return xml;
  });
  // stored, not deflated: the two inputs compared are of a size uncompressed
  return buildZip(items.map((item) => ({ ...item, store: true })));
}

describe('pathological inputs take about as long as normal ones of their size', () => {
  it('one 1 MiB shared string in 12,000 cells of the cover (each compared with every label)', async () => {
    const big = text(1 << 20);
    const many = Array.from({ length: 12_000 }, () => text(87));
    const normal = submission((k) => 143 + k, many);
    const pathological = submission(() => 143, [big]);
    expect(await ratio(normal, pathological, validateAll)).toBeLessThan(RATIO);
  }, 120_000);

  it('a long run of colons or spaces in a header cell (normalising a label)', async () => {
    const normal = submission((k) => (k === 0 ? 143 : 144), [text(200_000), 'x']);
    const pathological = submission((k) => (k === 0 ? 143 : 144), [`${':'.repeat(100_000)}${' *'.repeat(50_000)}x`, 'x']);
    expect(await ratio(normal, pathological, validateAll)).toBeLessThan(RATIO);
  }, 120_000);

  it('50,000 merged ranges', async () => {
    const cells = '<row r="1"><c r="A1"><v>1</v></c></row>';
    const merges = `<mergeCells count="50000">${Array.from({ length: 50_000 }, (_, r) => `<mergeCell ref="A${r + 2}:B${r + 2}"/>`).join('')}</mergeCells>`;
    const values = Array.from({ length: 50_000 }, (_, r) => `<row r="${r + 2}"><c r="A${r + 2}"><v>${r}</v></c></row>`).join('');
    const normal = spreadsheet([{ name: 'Ark', data: cells + values }], { store: true });
    const pathological = spreadsheet([{ name: 'Ark', data: cells, after: merges }], { store: true });
    expect(await ratio(normal, pathological, readAll)).toBeLessThan(RATIO);
  }, 120_000);

  it('defined names over millions of cells, and names of many areas', async () => {
    const data = '<row r="1"><c r="A1"><v>1</v></c></row>';
    const huge = Array.from({ length: 12 }, (_, i) => `<definedName name="Stor${i}">Ark!$A$1:$XFD$300</definedName>`).join('');
    const unions = Array.from({ length: 3000 }, (_, i) => `<definedName name="Flere${i}">Ark!$A$1:$A$1000,Ark!$B$1:$B$1000,Ark!$D$5</definedName>`).join('');
    const plain = Array.from({ length: 3000 + 12 }, (_, i) => `<definedName name="Enkelt${String(i).padStart(5, '0')}">Ark!$A$1${' '.repeat(40)}</definedName>`).join('');
    const normal = spreadsheet([{ name: 'Ark', data }], { names: plain, store: true });
    const pathological = spreadsheet([{ name: 'Ark', data }], { names: huge + unions, store: true });
    expect(await ratio(normal, pathological, readAll)).toBeLessThan(RATIO);
  }, 120_000);

  it('the scanner: declarations, comments, CDATA, processing instructions, entities, spaces, namespace declarations', async () => {
    const rows = (cell: (r: number) => string) => Array.from({ length: 20_000 }, (_, r) => `<row r="${r + 1}">${cell(r + 1)}</row>`).join('');
    const plain = rows((r) => `<c r="A${r}" t="inlineStr"><is><t>tekst ${r}</t></is></c>`);
    const normal = spreadsheet([{ name: 'Ark', data: plain + plain }], { store: true });
    const inputs = [
      // (before: every <! searched the rest of the part for "[")
      `${'<!ELEMENT x ANY>'.repeat(20_000)}${plain}`,
      `${rows((r) => `<!--k--><?pi x?><c r="A${r}" t="inlineStr"><is><t><![CDATA[tekst]]>${r}</t></is></c>`)}${plain}`,
      `${rows((r) => `<c r="A${r}" t="inlineStr"><is><t>${'&amp;'.repeat(8)}</t></is></c>`)}${plain}`,
      `${rows((r) => `<c ${' '.repeat(20)}r="A${r}"${' '.repeat(20)}t="inlineStr"><is><t>x</t></is></c>`)}${plain}`,
      `${rows((r) => `<x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="A${r}"><x:v>1</x:v></x:c>`)}${plain}`,
    ];
    for (const data of inputs) expect(await ratio(normal, spreadsheet([{ name: 'Ark', data }], { store: true }), readAll)).toBeLessThan(RATIO);
  }, 120_000);
});
