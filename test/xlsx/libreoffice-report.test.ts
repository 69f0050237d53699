/**
 * The consolidated workbook printed by LibreOffice: it opens without complaint and every printed page, Samlet status
 * first of all, has no text under 8 pt. Text size is measured in the PDF: pdftotext -bbox gives each word's box, whose
 * height is the font size times the font's ascent plus descent; that ratio is measured on a calibration sheet printed
 * at 100 % (cells at 8, 11 and 14 pt) in the same run, with the same fonts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { consolidate } from '../../src/core/consolidate/consolidate';
import { OUTPUT } from '../../src/core/consolidate/layout';
import { buildConsolidatedPlan } from '../../src/core/consolidate/plan';
import { MIN_PRINT_FONT_PT } from '../../src/core/plan/print';
import type { WorkbookPlan } from '../../src/core/plan/types';
import { renderPlanToBuffer } from '../../src/hosts/xlsx/renderPlan';
import { exampleInputs } from '../helpers/examples';
import { runsWith } from '../helpers/tools';

// CI installs LibreOffice and poppler-utils; a machine without them skips this test only (see tools.ts).
const live = runsWith('soffice') && runsWith('pdftotext') ? it : it.skip;

interface Word {
  page: number;
  top: number;
  height: number;
  text: string;
}

function words(pdf: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out: Word[] = [];
  [...xml.matchAll(/<page[^>]*>([\s\S]*?)<\/page>/g)].forEach((p, i) => {
    for (const w of p[1].matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) out.push({ page: i + 1, top: Number(w[1]), height: Number(w[2]) - Number(w[1]), text: w[3] });
  });
  return out;
}

/** The sheet a printed page belongs to: the page header's right part is the sheet's name. */
function sheetOfPages(list: Word[], sheets: string[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const page of new Set(list.map((w) => w.page))) {
    const onPage = list.filter((w) => w.page === page);
    const top = Math.min(...onPage.map((w) => w.top));
    const header = onPage.filter((w) => Math.abs(w.top - top) < 1).map((w) => w.text).join(' ');
    const sheet = [...sheets].sort((a, b) => b.length - a.length).find((s) => header.endsWith(s));
    if (sheet) out.set(page, sheet);
  }
  return out;
}

const calibration: WorkbookPlan = {
  sheets: [{ name: 'Kalibrering', blocks: [8, 11, 14].map((size, i) => ({ row: i + 1, col: 1, values: [[`Kalibrering ${size}`]], style: { fontSize: size } })), print: { landscape: true, fitToWidth: false } }],
  definedNames: [],
};

describe('printed by LibreOffice', () => {
  live(
    'opens without a message, and no printed page has text under 8 pt (Samlet status on A4)',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'lo-print-'));
      const plan = buildConsolidatedPlan(consolidate(await exampleInputs(), { generatedAt: '2010-06-01T12:00:00Z', productVersion: 'test' }));
      writeFileSync(path.join(dir, 'samlet.xlsx'), await renderPlanToBuffer(plan));
      writeFileSync(path.join(dir, 'kalibrering.xlsx'), await renderPlanToBuffer(calibration));
      // A profile of its own, so LibreOffice instances running at the same time do not meet.
      const run = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'samlet.xlsx'), path.join(dir, 'kalibrering.xlsx')], { encoding: 'utf8', timeout: 240_000 });
      expect(run.status).toBe(0);
      // (A new profile without Java says so once; that is about the machine, not the file.)
      expect(run.stderr.split('\n').filter((l) => /error|warn|fail/i.test(l) && !/javaldx/.test(l))).toEqual([]);
      expect(existsSync(path.join(dir, 'samlet.pdf'))).toBe(true);

      // Box height per point of font size, from the calibration sheet.
      const cal = words(path.join(dir, 'kalibrering.pdf')).filter((w) => w.text === 'Kalibrering');
      expect(cal).toHaveLength(3);
      const ratios = cal.map((w, i) => w.height / [8, 11, 14][i]);
      for (const r of ratios) expect(Math.abs(r / ratios[0] - 1)).toBeLessThan(0.02);
      const perPoint = ratios.reduce((a, b) => a + b, 0) / ratios.length;

      const all = words(path.join(dir, 'samlet.pdf'));
      const pages = sheetOfPages(all, plan.sheets.map((s) => s.name));
      const smallest = new Map<string, number>();
      for (const w of all) {
        const sheet = pages.get(w.page);
        if (sheet) smallest.set(sheet, Math.min(smallest.get(sheet) ?? Infinity, w.height / perPoint));
      }
      process.stdout.write(`smallest text by sheet (pt): ${[...smallest].map(([s, pt]) => `${s} ${pt.toFixed(2)}`).join(', ')}\n`);
      expect([...smallest.keys()].sort()).toEqual(plan.sheets.map((s) => s.name).sort());
      // (A hundredth of a point for the measurement's rounding; the failing sheet is named.)
      for (const [sheet, pt] of smallest) expect({ sheet, atLeast8pt: pt >= MIN_PRINT_FONT_PT - 0.01 }).toEqual({ sheet, atLeast8pt: true });
      expect(smallest.get(OUTPUT.overview)!).toBeGreaterThanOrEqual(MIN_PRINT_FONT_PT);
    },
    300_000,
  );
});
