/** `inspect FILE --cells [--json]`: what the reader sees in any .xlsx, cell by cell, for support staff. */
import path from 'node:path';
import { diagnosticMessage, type Lang } from '../core/diagnostics';
import { workbookCells, type WorkbookCells } from '../hosts/xlsx/cells';
import { FileRefusedError, loadFile, NODE_IO } from '../hosts/xlsx/files';
import { DEFAULT_LIMITS, unreadableDiagnostic } from '../hosts/xlsx/read/package';
import { textLines } from './terminal';

/** Prints the cells of one file; returns the exit code (as validate: 0 read, 2 unreadable). */
export async function inspectCells(file: string, opts: { json?: boolean; lang: Lang }, out: (text: string) => void): Promise<number> {
  let cells: WorkbookCells;
  try {
    const loaded = await loadFile(file, DEFAULT_LIMITS.maxFileBytes);
    cells = await workbookCells(loaded.bytes, NODE_IO);
  } catch (err) {
    if (!(err instanceof FileRefusedError)) throw err;
    cells = { status: 'unreadable', diagnostics: [unreadableDiagnostic(err.unreadable)], sheets: [] };
  }
  const name = path.basename(file);
  if (opts.json) {
    const diagnostics = cells.diagnostics.map((d) => ({ severity: d.severity, code: d.code, sheet: d.sheet, cell: d.cell, message: diagnosticMessage(d, opts.lang), value: d.value ?? null }));
    out(`${JSON.stringify({ file: name, status: cells.status, diagnostics, sheets: cells.sheets }, null, 2)}\n`);
  } else {
    const lines = [`${name}: ${cells.status === 'read' ? (opts.lang === 'en' ? 'read' : 'læst') : opts.lang === 'en' ? 'unreadable' : 'ulæselig'}`];
    for (const d of cells.diagnostics) lines.push(`${name}: ${d.severity} ${d.code}: ${diagnosticMessage(d, opts.lang)}`);
    for (const sheet of cells.sheets) {
      lines.push(`${sheet.name} (${sheet.state})`);
      // Text is shown quoted (a leading space or an empty text shows); textLines escapes what a terminal would obey.
      for (const c of sheet.cells) lines.push(`  ${c.ref}  ${c.type}  ${typeof c.value === 'string' ? JSON.stringify(c.value) : String(c.value)}  ${c.format}`);
    }
    out(textLines(lines));
  }
  return cells.status === 'read' ? 0 : 2;
}
