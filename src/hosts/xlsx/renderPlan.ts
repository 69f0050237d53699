/** Renders a core WorkbookPlan to an .xlsx file with exceljs (Node and browser). */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { absoluteRef, cellRef, parseRangeRef, quoteSheet } from '../../core/cells';
import { isDate, isFormula, type CellStyle, type PlanValue, type SheetPlan, type TablePlan, type WorkbookPlan } from '../../core/plan/types';

const argb = (hex: string) => ({ argb: `FF${hex.toUpperCase()}` });

function applyStyle(target: Partial<ExcelJS.Style>, style: CellStyle): void {
  if (style.numberFormat !== undefined) target.numFmt = style.numberFormat;
  if (style.bold || style.italic || style.fontSize || style.fontColor) {
    target.font = {
      name: 'Calibri',
      size: style.fontSize ?? 11,
      bold: style.bold || undefined,
      italic: style.italic || undefined,
      color: style.fontColor ? argb(style.fontColor) : undefined,
    };
  }
  if (style.fill) target.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(style.fill) };
  if (style.wrap || style.horizontal || style.vertical) {
    target.alignment = { wrapText: style.wrap || undefined, horizontal: style.horizontal, vertical: style.vertical };
  }
  if (style.border) {
    const thin = { style: 'thin' as const, color: argb('BFBFBF') };
    target.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  target.protection = { locked: style.locked !== false };
}

function cellValue(v: PlanValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (isFormula(v)) {
    return { formula: v.formula, result: v.result === null || v.result === undefined ? undefined : v.result } as ExcelJS.CellFormulaValue;
  }
  if (isDate(v)) {
    const [y, m, d] = v.date.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  // A string is stored as a string cell: it can never become a formula, whatever it starts with.
  return v;
}

/** exceljs has data validations on worksheets but leaves them out of its typings. */
interface WithValidations {
  dataValidations: { add(ref: string, validation: ExcelJS.DataValidation): void };
}

async function renderSheet(wb: ExcelJS.Workbook, plan: SheetPlan): Promise<void> {
  const ws = wb.addWorksheet(plan.name, {
    state: plan.hidden ? 'hidden' : 'visible',
    properties: plan.tabColor ? { tabColor: argb(plan.tabColor) } : undefined,
    views: plan.frozen ? [{ state: 'frozen', xSplit: plan.frozen.columns, ySplit: plan.frozen.rows }] : undefined,
  });
  if (plan.print) {
    ws.pageSetup = { paperSize: 9, orientation: plan.print.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
  plan.columns?.forEach((c, i) => {
    if (!c) return;
    const col = ws.getColumn(i + 1);
    if (c.width) col.width = c.width;
    if (c.style) {
      const s: Partial<ExcelJS.Style> = {};
      applyStyle(s, c.style);
      col.style = s;
    }
  });
  // One style object per distinct style: exceljs recognises a style object it has seen (by identity), which
  // makes writing large sheets many times faster. Never mutate a shared style afterwards.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleFor = (style: CellStyle): Partial<ExcelJS.Style> => {
    const key = JSON.stringify(style);
    let s = styles.get(key);
    if (!s) {
      s = {};
      applyStyle(s, style);
      styles.set(key, s);
    }
    return s;
  };
  for (const block of plan.blocks) {
    let width = 0;
    for (const line of block.values) width = Math.max(width, line.length);
    const merged = Array.from({ length: width }, (_, c) => ({ ...block.style, ...block.columnStyles?.[c] }));
    const plain = merged.map(styleFor);
    const dated = merged.map((st) => styleFor(st.numberFormat ? st : { ...st, numberFormat: 'dd-mm-yyyy' }));
    block.values.forEach((line, r) => {
      const row = ws.getRow(block.row + r);
      line.forEach((v, c) => {
        const cell = row.getCell(block.col + c);
        cell.value = cellValue(v);
        cell.style = isDate(v) ? dated[c] : plain[c];
      });
    });
  }
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  for (const ref of plan.merges ?? []) ws.mergeCells(ref);
  const validations = (ws as unknown as WithValidations).dataValidations;
  for (const v of plan.validations ?? []) {
    const common = {
      allowBlank: true,
      showErrorMessage: v.error !== undefined || v.strict === true,
      errorStyle: v.strict ? 'stop' : 'warning',
      errorTitle: v.error ? 'Integrationsstatus' : undefined,
      error: v.error,
      showInputMessage: v.prompt !== undefined,
      promptTitle: v.promptTitle,
      prompt: v.prompt,
    } as const;
    if (v.kind === 'list') {
      validations.add(v.ref, { ...common, type: 'list', formulae: [v.list] });
    } else if (v.kind === 'date') {
      validations.add(v.ref, { ...common, type: 'date', operator: 'greaterThanOrEqual', formulae: [new Date(Date.UTC(1990, 0, 1))] });
    } else {
      const between = v.min !== undefined && v.max !== undefined;
      validations.add(v.ref, {
        ...common,
        type: v.kind,
        operator: between ? 'between' : v.min !== undefined ? 'greaterThanOrEqual' : 'lessThanOrEqual',
        formulae: between ? [v.min, v.max] : [v.min ?? v.max],
      });
    }
  }
  for (const cf of plan.conditionalFormats ?? []) {
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: cf.rules.map((rule, i) => ({
        type: 'cellIs',
        operator: 'equal',
        priority: i + 1,
        formulae: [`"${rule.text.replace(/"/g, '""')}"`],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: argb(rule.fill) },
          font: rule.fontColor ? { color: argb(rule.fontColor) } : undefined,
        },
      })),
    });
  }
  for (const t of plan.tables ?? []) addTable(ws, t);
  if (plan.protect) {
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      formatCells: false,
      insertRows: true,
      deleteRows: true,
      sort: true,
      autoFilter: true,
    });
  }
}

/** An Excel table over cells already written: exceljs rewrites the same values and adds the table part. */
function addTable(ws: ExcelJS.Worksheet, t: TablePlan): void {
  const range = parseRangeRef(t.ref);
  if (!range) throw new Error(`bad table range ${t.ref}`);
  const headers: string[] = [];
  for (let c = range.left; c <= range.right; c++) headers.push(String(ws.getCell(range.top, c).value ?? `Kolonne ${c}`));
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = range.top + 1; r <= range.bottom; r++) {
    const line: ExcelJS.CellValue[] = [];
    for (let c = range.left; c <= range.right; c++) line.push(ws.getCell(r, c).value);
    rows.push(line);
  }
  ws.addTable({
    name: t.name,
    ref: cellRef(range.top, range.left),
    headerRow: true,
    style: { theme: (t.style ?? 'TableStyleLight9') as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows,
  });
}

/**
 * The plan as an exceljs workbook. Cells with the same style share one style object (exceljs writes large sheets
 * much faster so): to change one cell's format, give it a new style object rather than mutating `cell.numFmt`.
 */
export async function planToWorkbook(plan: WorkbookPlan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = plan.properties?.creator ?? 'Integrationsstatus';
  if (plan.properties?.title) wb.title = plan.properties.title;
  // Fixed timestamps keep generated files byte-stable when the plan says when it was made.
  const created = plan.properties?.created ? new Date(plan.properties.created) : new Date();
  wb.created = created;
  wb.modified = created;
  for (const sheet of plan.sheets) await renderSheet(wb, sheet);
  for (const n of plan.definedNames) wb.definedNames.add(`${quoteSheet(n.sheet)}!${absoluteRef(n.ref)}`, n.name);
  return wb;
}

export async function renderPlanToBuffer(plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = await planToWorkbook(plan);
  // Fast deflate: the output is mostly repetitive XML, so level 1 is nearly as small and several times quicker.
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions)) as ArrayBuffer);
  return plan.properties?.created ? stampZipEntries(bytes, new Date(plan.properties.created)) : bytes;
}

/** Give every zip entry the same timestamp, so the same plan always gives the same bytes. */
async function stampZipEntries(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    out.file(entry.name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
