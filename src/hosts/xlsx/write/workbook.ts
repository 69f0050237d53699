/**
 * Renders a core WorkbookPlan to an .xlsx package (SpreadsheetML) in one pass: sheets are written row by row and
 * deflated as they go, so memory holds the plan and the compressed output, never a whole sheet's XML.
 */
import { absoluteRef, quoteSheet } from '../../../core/cells';
import type { WorkbookPlan } from '../../../core/plan/types';
import { chartXml, drawingXml } from './chart';
import { planTables, sheetXml, tableXml, type TablePart } from './sheet';
import { SharedStrings } from './strings';
import { StyleSheet } from './styles';
import { THEME_XML } from './theme';
import { escapeAttr, escapeXml, XML_HEADER } from './xml';
import { ZipWriter, type Compression, type ZipSink } from './zip';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = (type: string) => `${NS_REL}/${type}`;
const CT = 'application/vnd.openxmlformats-officedocument';

function relationships(rels: { type: string; target: string }[]): string {
  return (
    `${XML_HEADER}<Relationships xmlns="${NS_PKG_REL}">` +
    rels.map((r, i) => `<Relationship Id="rId${i + 1}" Type="${r.type}" Target="${escapeAttr(r.target)}"/>`).join('') +
    '</Relationships>'
  );
}

function contentTypes(sheetCount: number, tableCount: number, drawingCount: number, chartCount: number): string {
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  const parts = [
    override('/xl/workbook.xml', `${CT}.spreadsheetml.sheet.main+xml`),
    ...Array.from({ length: sheetCount }, (_, i) => override(`/xl/worksheets/sheet${i + 1}.xml`, `${CT}.spreadsheetml.worksheet+xml`)),
    ...Array.from({ length: tableCount }, (_, i) => override(`/xl/tables/table${i + 1}.xml`, `${CT}.spreadsheetml.table+xml`)),
    ...Array.from({ length: drawingCount }, (_, i) => override(`/xl/drawings/drawing${i + 1}.xml`, `${CT}.drawing+xml`)),
    ...Array.from({ length: chartCount }, (_, i) => override(`/xl/charts/chart${i + 1}.xml`, `${CT}.drawingml.chart+xml`)),
    override('/xl/theme/theme1.xml', `${CT}.theme+xml`),
    override('/xl/styles.xml', `${CT}.spreadsheetml.styles+xml`),
    override('/xl/sharedStrings.xml', `${CT}.spreadsheetml.sharedStrings+xml`),
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'),
    override('/docProps/app.xml', `${CT}.extended-properties+xml`),
  ];
  return (
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    parts.join('') +
    '</Types>'
  );
}

function coreProperties(plan: WorkbookPlan, created: Date): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const title = plan.properties?.title;
  return (
    `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (title ? `<dc:title>${escapeXml(title)}</dc:title>` : '') +
    `<dc:creator>${escapeXml(plan.properties?.creator ?? 'Integrationsstatus')}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function appProperties(plan: WorkbookPlan): string {
  const names = plan.sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join('');
  return (
    `${XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Integrationsstatus</Application>' +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${plan.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${plan.sheets.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>` +
    '</Properties>'
  );
}

function workbookXml(plan: WorkbookPlan, active: number): string {
  const sheets = plan.sheets
    .map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
    .join('');
  const names =
    plan.definedNames.map((n) => `<definedName name="${escapeAttr(n.name)}">${escapeXml(`${quoteSheet(n.sheet)}!${absoluteRef(n.ref)}`)}</definedName>`).join('') +
    printNames(plan);
  return (
    `${XML_HEADER}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<workbookPr defaultThemeVersion="164011"/>' +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" firstSheet="${active}" activeTab="${active}"/></bookViews>` +
    `<sheets>${sheets}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : '') +
    '<calcPr calcId="171027"/>' +
    '</workbook>'
  );
}

/** Each sheet's print area and print titles: the built-in names, local to their sheet. */
function printNames(plan: WorkbookPlan): string {
  const out: string[] = [];
  plan.sheets.forEach((s, i) => {
    const sheet = quoteSheet(s.name);
    const name = (n: string, value: string) => out.push(`<definedName name="${n}" localSheetId="${i}">${escapeXml(value)}</definedName>`);
    if (s.print?.area) name('_xlnm.Print_Area', `${sheet}!${absoluteRef(s.print.area)}`);
    if (s.print?.titleRows) name('_xlnm.Print_Titles', `${sheet}!$${s.print.titleRows.first}:$${s.print.titleRows.last}`);
  });
  return out.join('');
}

/** Write the plan as an .xlsx package to `sink`. The same plan with a `created` date always gives the same bytes. */
export async function writeWorkbook(plan: WorkbookPlan, compression: Compression, sink: ZipSink): Promise<void> {
  if (plan.sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const created = plan.properties?.created ? new Date(plan.properties.created) : new Date();
  const zip = new ZipWriter(compression, sink, created);
  const styles = new StyleSheet();
  const strings = new SharedStrings();
  let nextTable = 1;
  const tables: TablePart[][] = plan.sheets.map((s) => {
    const list = planTables(s, nextTable);
    nextTable += list.length;
    return list;
  });
  const active = Math.max(0, plan.sheets.findIndex((s) => !s.hidden));
  // Drawings (one per sheet with charts) and charts, numbered through the workbook.
  let drawings = 0;
  let nextChart = 1;
  const drawingOf = plan.sheets.map((s) => {
    if (!s.charts?.length) return undefined;
    const first = nextChart;
    nextChart += s.charts.length;
    return { id: ++drawings, firstChart: first };
  });

  await zip.add('[Content_Types].xml', contentTypes(plan.sheets.length, nextTable - 1, drawings, nextChart - 1));
  await zip.add(
    '_rels/.rels',
    relationships([
      { type: REL('officeDocument'), target: 'xl/workbook.xml' },
      { type: `${NS_PKG_REL}/metadata/core-properties`, target: 'docProps/core.xml' },
      { type: REL('extended-properties'), target: 'docProps/app.xml' },
    ]),
  );
  await zip.add('docProps/app.xml', appProperties(plan));
  await zip.add('docProps/core.xml', coreProperties(plan, created));
  await zip.add('xl/workbook.xml', workbookXml(plan, active));
  await zip.add(
    'xl/_rels/workbook.xml.rels',
    relationships([
      ...plan.sheets.map((_, i) => ({ type: REL('worksheet'), target: `worksheets/sheet${i + 1}.xml` })),
      { type: REL('theme'), target: 'theme/theme1.xml' },
      { type: REL('styles'), target: 'styles.xml' },
      { type: REL('sharedStrings'), target: 'sharedStrings.xml' },
    ]),
  );
  await zip.add('xl/theme/theme1.xml', THEME_XML);
  for (const [i, sheet] of plan.sheets.entries()) {
    const drawing = drawingOf[i];
    // The sheet's relationships: its tables (rId1…), then its drawing.
    const rels = tables[i].map((t) => ({ type: REL('table'), target: `../tables/table${t.id}.xml` }));
    if (drawing) rels.push({ type: REL('drawing'), target: `../drawings/drawing${drawing.id}.xml` });
    await zip.add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet, { styles, strings }, tables[i], i === active, drawing ? `rId${rels.length}` : undefined));
    if (rels.length) await zip.add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, relationships(rels));
    for (const t of tables[i]) await zip.add(`xl/tables/table${t.id}.xml`, tableXml(t));
    if (drawing && sheet.charts) {
      await zip.add(`xl/drawings/drawing${drawing.id}.xml`, drawingXml(sheet.charts, sheet));
      await zip.add(`xl/drawings/_rels/drawing${drawing.id}.xml.rels`, relationships(sheet.charts.map((_, k) => ({ type: REL('chart'), target: `../charts/chart${drawing.firstChart + k}.xml` }))));
      for (const [k, chart] of sheet.charts.entries()) await zip.add(`xl/charts/chart${drawing.firstChart + k}.xml`, chartXml(chart, sheet));
    }
  }
  // Known only once every sheet has been written.
  await zip.add('xl/styles.xml', styles.toXml());
  await zip.add('xl/sharedStrings.xml', strings.xml());
  zip.finish();
}
