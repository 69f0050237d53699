/**
 * `inspect FILE --cells [--json]`: every cell as the reader reads it, for any .xlsx. Its JSON shape is stable, and
 * over the project's examples and fixtures it equals what openpyxl reads (test/xlsx/openpyxl_cells.py).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli';
import { withOpenpyxl } from '../helpers/openpyxl';
import { spreadsheet } from '../helpers/packages';

const root = path.join(__dirname, '..', '..');
const dir = mkdtempSync(path.join(tmpdir(), 'inspect-cells-'));

interface CellsJson {
  file: string;
  status: 'read' | 'unreadable';
  diagnostics: { severity: string; code: string; sheet: string | null; cell: string | null; message: string; value: string | null }[];
  sheets: { name: string; state: string; cells: { ref: string; type: string; value: number | string | boolean; format: string }[] }[];
}

async function cellsJson(file: string): Promise<{ code: number; json: CellsJson }> {
  const run = await runCli('inspect', file, '--cells', '--json');
  return { code: run.code, json: JSON.parse(run.stdout) as CellsJson };
}

describe('inspect --cells', () => {
  it('prints every non-blank cell with its type, value and format, in the documented JSON shape', async () => {
    const file = path.join(dir, 'celler.xlsx');
    const data =
      '<row r="1"><c r="A1" s="7"><v>12.5</v></c><c r="B1" t="inlineStr"><is><t>Lektiecafé</t></is></c><c r="C1" t="b"><v>1</v></c><c r="D1" s="2"><v>38000</v></c>' +
      '<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F1"><f>SUM(1,2)</f><v>3</v></c><c r="G1" s="3"/></row>';
    writeFileSync(
      file,
      spreadsheet(
        [
          { name: 'Ark1', data },
          { name: 'Skjult', state: 'hidden', data: '<row r="2"><c r="B2" s="11"><v>0.75</v></c></row>' },
          { name: 'Meget skjult', state: 'veryHidden', data: '' },
        ],
        { workbookPr: '<workbookPr date1904="1"/>' },
      ),
    );
    const { code, json } = await cellsJson(file);
    expect(code).toBe(0);
    expect(json).toEqual({
      file: 'celler.xlsx',
      status: 'read',
      diagnostics: [],
      sheets: [
        {
          name: 'Ark1',
          state: 'visible',
          cells: [
            { ref: 'A1', type: 'number', value: 12.5, format: '#,##0.00' },
            { ref: 'B1', type: 'string', value: 'Lektiecafé', format: 'General' },
            { ref: 'C1', type: 'boolean', value: true, format: 'General' },
            // a date in a 1904 workbook: its serial in the 1900 system
            { ref: 'D1', type: 'date', value: 39462, format: 'dd\\-mm\\-yyyy' },
            { ref: 'E1', type: 'error', value: '#DIV/0!', format: 'General' },
            { ref: 'F1', type: 'number', value: 3, format: 'General' },
          ],
        },
        { name: 'Skjult', state: 'hidden', cells: [{ ref: 'B2', type: 'date', value: 0.75, format: 'h:mm' }] },
        { name: 'Meget skjult', state: 'veryHidden', cells: [] },
      ],
    });
  });

  it('prints the same as text, strings quoted, and exits 2 with the finding for a file it cannot read', async () => {
    const run = await runCli('inspect', path.join(root, 'examples', 'SOF-budgetredegoerelse-2011.xlsx'), '--cells', '--lang', 'en');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual(['SOF-budgetredegoerelse-2011.xlsx: read', 'Forside (visible)', '  B1  string  "Budgetredegørelse for integrationsindsatsen"  General']);
    const docx = path.join(dir, 'brev.xlsx');
    writeFileSync(docx, spreadsheet([{ name: 'A', data: '' }]).slice(0, 200));
    const bad = await cellsJson(docx);
    expect(bad.code).toBe(2);
    expect(bad.json).toMatchObject({ status: 'unreadable', sheets: [], diagnostics: [{ code: 'FILE_TRUNCATED', severity: 'error' }] });
  });

  const files = [
    ...readdirSync(path.join(root, 'examples'))
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => path.join('examples', f)),
    ...readdirSync(path.join(root, 'test', 'fixtures'))
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => path.join('test', 'fixtures', f)),
  ];
  withOpenpyxl.each(files)('reads %s as openpyxl does (needs python3-openpyxl)', async (file) => {
    const ours = (await cellsJson(path.join(root, file))).json;
    const theirs = JSON.parse(execFileSync('/usr/bin/python3', [path.join(__dirname, 'openpyxl_cells.py'), path.join(root, file)], { encoding: 'utf8' })) as CellsJson;
    expect(ours.status).toBe('read');
    // dates: openpyxl's serials go through a datetime (to the microsecond)
    const rounded = (sheets: CellsJson['sheets']) => sheets.map((s) => ({ ...s, cells: s.cells.map((c) => (typeof c.value === 'number' ? { ...c, value: Math.round(c.value * 1e6) / 1e6 } : c)) }));
    expect(rounded(ours.sheets)).toEqual(rounded(theirs.sheets));
  });
});
