/**
 * Reading the parts of a written .xlsx for tests: unzipped text, a small element tree of our own (well-formed, no
 * CDATA) output, and ECMA-376's child order for the elements the writer emits, to hold its output schema-valid.
 */
import JSZip from 'jszip';

export async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async('string'));
  return out;
}

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The element tree of a part (declaration skipped). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const tag = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)|<\?[^>]*\?>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[5] !== undefined) {
      stack[stack.length - 1].text += decode(m[5]);
      continue;
    }
    if (!m[2]) continue;
    if (m[1]) {
      const done = stack.pop()!;
      if (done.name !== m[2]) throw new Error(`</${m[2]}> closes <${done.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3].matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
    const el: XmlElement = { name: m[2], attrs, children: [], text: '' };
    stack[stack.length - 1].children.push(el);
    if (!m[4]) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  return root.children[0];
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

export const find = (el: XmlElement, name: string): XmlElement[] => [...walk(el)].filter((e) => e.name === name);

/**
 * The order of child elements ECMA-376 (transitional, Part 1) requires, for the elements the writer emits: local
 * names in sequence order; each child must come no earlier than the one before it. Repeats are allowed where the
 * schema has maxOccurs > 1 (the same name twice in a row).
 */
export const SEQUENCES: Record<string, string[]> = {
  // sml.xsd CT_Worksheet
  worksheet: [
    'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState',
    'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
    'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
    'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
  ],
  sheetPr: ['tabColor', 'outlinePr', 'pageSetUpPr'],
  dataValidations: ['dataValidation'],
  dataValidation: ['formula1', 'formula2'],
  headerFooter: ['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter'],
  workbook: ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'],
  // dml-chart.xsd
  chartSpace: ['date1904', 'lang', 'roundedCorners', 'AlternateContent', 'style', 'clrMapOvr', 'pivotSource', 'protection', 'chart', 'spPr', 'txPr', 'externalData', 'printSettings', 'userShapes', 'extLst'],
  chart: ['title', 'autoTitleDeleted', 'pivotFmts', 'view3D', 'floor', 'sideWall', 'backWall', 'plotArea', 'legend', 'plotVisOnly', 'dispBlanksAs', 'showDLblsOverMax', 'extLst'],
  title: ['tx', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  plotArea: ['layout', 'barChart', 'catAx', 'valAx', 'dTable', 'spPr', 'extLst'],
  barChart: ['barDir', 'grouping', 'varyColors', 'ser', 'dLbls', 'gapWidth', 'overlap', 'serLines', 'axId', 'extLst'],
  ser: ['idx', 'order', 'tx', 'spPr', 'invertIfNegative', 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'shape', 'extLst'],
  catAx: ['axId', 'scaling', 'delete', 'axPos', 'majorGridlines', 'minorGridlines', 'title', 'numFmt', 'majorTickMark', 'minorTickMark', 'tickLblPos', 'spPr', 'txPr', 'crossAx', 'crosses', 'crossesAt', 'auto', 'lblAlgn', 'lblOffset', 'tickLblSkip', 'tickMarkSkip', 'noMultiLvlLbl', 'extLst'],
  valAx: ['axId', 'scaling', 'delete', 'axPos', 'majorGridlines', 'minorGridlines', 'title', 'numFmt', 'majorTickMark', 'minorTickMark', 'tickLblPos', 'spPr', 'txPr', 'crossAx', 'crosses', 'crossesAt', 'crossBetween', 'majorUnit', 'minorUnit', 'dispUnits', 'extLst'],
  scaling: ['logBase', 'orientation', 'max', 'min', 'extLst'],
  legend: ['legendPos', 'legendEntry', 'layout', 'overlay', 'spPr', 'txPr', 'extLst'],
  strRef: ['f', 'strCache', 'extLst'],
  numRef: ['f', 'numCache', 'extLst'],
  strCache: ['ptCount', 'pt', 'extLst'],
  numCache: ['formatCode', 'ptCount', 'pt', 'extLst'],
  // dml-spreadsheetDrawing.xsd
  twoCellAnchor: ['from', 'to', 'sp', 'grpSp', 'graphicFrame', 'cxnSp', 'pic', 'contentPart', 'clientData'],
  from: ['col', 'colOff', 'row', 'rowOff'],
  to: ['col', 'colOff', 'row', 'rowOff'],
  graphicFrame: ['nvGraphicFramePr', 'xfrm', 'graphic'],
  nvGraphicFramePr: ['cNvPr', 'cNvGraphicFramePr'],
};

/** Required children (minOccurs 1) of some of them. */
export const REQUIRED: Record<string, string[]> = {
  worksheet: ['sheetData'],
  chartSpace: ['chart'],
  chart: ['plotArea'],
  barChart: ['barDir', 'axId'],
  ser: ['idx', 'order'],
  catAx: ['axId', 'scaling', 'axPos', 'crossAx'],
  valAx: ['axId', 'scaling', 'axPos', 'crossAx'],
  twoCellAnchor: ['from', 'to', 'clientData'],
  from: ['col', 'colOff', 'row', 'rowOff'],
  to: ['col', 'colOff', 'row', 'rowOff'],
};

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Every element with a known sequence whose children are out of order, unknown or missing, as messages. */
export function orderProblems(root: XmlElement, part: string): string[] {
  const problems: string[] = [];
  for (const el of walk(root)) {
    const seq = SEQUENCES[local(el.name)];
    if (!seq) continue;
    let at = -1;
    for (const child of el.children) {
      const i = seq.indexOf(local(child.name));
      if (i < 0) problems.push(`${part}: <${child.name}> is not a child of <${el.name}>`);
      else if (i < at) problems.push(`${part}: <${child.name}> comes after <${seq[at]}> in <${el.name}>`);
      else at = i;
    }
    // (A drawing's <c:chart r:id> is a reference to the chart part, not the chart.)
    if (el.attrs['r:id'] !== undefined) continue;
    for (const name of REQUIRED[local(el.name)] ?? []) if (!el.children.some((c) => local(c.name) === name)) problems.push(`${part}: <${el.name}> lacks <${name}>`);
  }
  return problems;
}
