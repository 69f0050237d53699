/**
 * DrawingML for a sheet's charts: the drawing part that anchors them to cells (xl/drawings/drawingN.xml) and one
 * chart part each (xl/charts/chartN.xml), elements in the order of ECMA-376's schemas (CT_ChartSpace, CT_Chart,
 * CT_PlotArea, CT_BarChart, CT_BarSer, CT_CatAx, CT_ValAx). Series refer to the sheet's cells, with the values
 * cached so readers that do not calculate still draw them.
 */
import { absoluteRef, parseRangeRef, quoteSheet } from '../../../core/cells';
import { planRangeValues } from '../../../core/plan/lookup';
import type { ChartPlan, SheetPlan } from '../../../core/plan/types';
import { escapeAttr, escapeText, escapeXml, XML_HEADER } from './xml';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const CATEGORY_AXIS = 50010;
const VALUE_AXIS = 50020;

const val = (name: string, v: string | number) => `<c:${name} val="${v}"/>`;

/** EMUs (English Metric Units) in a pixel and in a point. */
const EMU_PER_PIXEL = 9525;
const EMU_PER_POINT = 12700;
/** Excel's column width unit is the width of a digit of Calibri 11, 7 pixels. */
const PIXELS_PER_WIDTH = 7;
const DEFAULT_WIDTH = 8.43;
const DEFAULT_ROW_POINTS = 15;

/**
 * The drawing part: each chart anchored over its cells, from the top-left of the first to the bottom-right of the
 * last. The end is inside the last cell (its full width and height), not at the start of the next: readers that print
 * every cell a drawing touches would otherwise print a column more.
 */
export function drawingXml(charts: readonly ChartPlan[], sheet: SheetPlan): string {
  const anchors = charts.map((chart, i) => {
    const r = parseRangeRef(chart.anchor);
    if (!r) throw new Error(`bad chart anchor ${chart.anchor}`);
    const width = Math.round((sheet.columns?.[r.right - 1]?.width ?? DEFAULT_WIDTH) * PIXELS_PER_WIDTH * EMU_PER_PIXEL);
    const height = Math.round((sheet.rowHeights?.[r.bottom] ?? DEFAULT_ROW_POINTS) * EMU_PER_POINT);
    const marker = (tag: string, col: number, colOff: number, row: number, rowOff: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>${colOff}</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>${rowOff}</xdr:rowOff></xdr:${tag}>`;
    return (
      '<xdr:twoCellAnchor>' +
      marker('from', r.left - 1, 0, r.top - 1, 0) +
      marker('to', r.right - 1, width, r.bottom - 1, height) +
      '<xdr:graphicFrame macro="">' +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`Diagram ${i + 1}`)}" descr="${escapeAttr(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return `${XML_HEADER}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join('')}</xdr:wsDr>`;
}

/** Text properties: the size (hundredths of a point) and boldness of a chart element's text. */
function textProperties(size: number, bold = false): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${Math.round(size * 100)}"${bold ? ' b="1"' : ''}/></a:pPr><a:endParaRPr lang="da-DK"/></a:p></c:txPr>`;
}

function strRef(sheet: SheetPlan, ref: string): string {
  const values = planRangeValues(sheet, ref);
  const points = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${escapeText(String(v))}</c:v></c:pt>`)).join('');
  return `<c:strRef><c:f>${escapeXml(`${quoteSheet(sheet.name)}!${absoluteRef(ref)}`)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(sheet: SheetPlan, ref: string, format: string): string {
  const values = planRangeValues(sheet, ref);
  const points = values.map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numRef><c:f>${escapeXml(`${quoteSheet(sheet.name)}!${absoluteRef(ref)}`)}</c:f><c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

/** One chart part: a column chart (clustered or stacked) over cells of `sheet`. */
export function chartXml(chart: ChartPlan, sheet: SheetPlan): string {
  const format = chart.valueFormat ?? 'General';
  const series = chart.series.map(
    (s, i) =>
      '<c:ser>' +
      val('idx', i) +
      val('order', i) +
      `<c:tx>${strRef(sheet, s.name)}</c:tx>` +
      (s.colour ? `<c:spPr><a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill></c:spPr>` : '') +
      val('invertIfNegative', 0) +
      `<c:cat>${strRef(sheet, chart.categories)}</c:cat>` +
      `<c:val>${numRef(sheet, s.values, format)}</c:val>` +
      '</c:ser>',
  );
  const title =
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>' +
    `<a:p><a:pPr><a:defRPr sz="${Math.round((chart.fontSize + 2) * 100)}" b="1"/></a:pPr><a:r><a:rPr lang="da-DK" sz="${Math.round((chart.fontSize + 2) * 100)}" b="1"/><a:t>${escapeText(chart.title)}</a:t></a:r></a:p>` +
    '</c:rich></c:tx>' +
    val('overlay', 0) +
    '</c:title>';
  const axisCommon = (id: number, position: string) => val('axId', id) + '<c:scaling><c:orientation val="minMax"/></c:scaling>' + val('delete', 0) + val('axPos', position);
  const categoryAxis =
    '<c:catAx>' +
    axisCommon(CATEGORY_AXIS, 'b') +
    '<c:numFmt formatCode="General" sourceLinked="0"/>' +
    val('majorTickMark', 'out') +
    val('minorTickMark', 'none') +
    val('tickLblPos', 'nextTo') +
    val('crossAx', VALUE_AXIS) +
    val('crosses', 'autoZero') +
    val('auto', 1) +
    val('lblAlgn', 'ctr') +
    val('lblOffset', 100) +
    val('noMultiLvlLbl', 0) +
    '</c:catAx>';
  const valueAxis =
    '<c:valAx>' +
    axisCommon(VALUE_AXIS, 'l') +
    '<c:majorGridlines/>' +
    `<c:numFmt formatCode="${escapeAttr(format)}" sourceLinked="0"/>` +
    val('majorTickMark', 'out') +
    val('minorTickMark', 'none') +
    val('tickLblPos', 'nextTo') +
    val('crossAx', CATEGORY_AXIS) +
    val('crosses', 'autoZero') +
    val('crossBetween', 'between') +
    (chart.majorUnit ? val('majorUnit', chart.majorUnit) : '') +
    '</c:valAx>';
  return (
    `${XML_HEADER}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    val('date1904', 0) +
    val('lang', 'da-DK') +
    val('roundedCorners', 0) +
    '<c:chart>' +
    title +
    val('autoTitleDeleted', 0) +
    '<c:plotArea><c:layout/>' +
    '<c:barChart>' +
    val('barDir', 'col') +
    val('grouping', chart.stacked ? 'stacked' : 'clustered') +
    val('varyColors', 0) +
    series.join('') +
    val('gapWidth', 80) +
    (chart.stacked ? val('overlap', 100) : '') +
    val('axId', CATEGORY_AXIS) +
    val('axId', VALUE_AXIS) +
    '</c:barChart>' +
    categoryAxis +
    valueAxis +
    '</c:plotArea>' +
    `<c:legend>${val('legendPos', 'b')}${val('overlay', 0)}</c:legend>` +
    val('plotVisOnly', 1) +
    val('dispBlanksAs', 'gap') +
    '</c:chart>' +
    textProperties(chart.fontSize) +
    '</c:chartSpace>'
  );
}
