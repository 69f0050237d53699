/** The styles part: every distinct cell style becomes one cellXfs entry, shared by all cells that use it. */
import type { CellStyle, ConditionalRule } from '../../../core/plan/types';
import { Indexed } from './indexed';
import { escapeAttr, XML_HEADER } from './xml';

/** Formats Excel knows by number; any other format code gets its own id from 164 up. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

const DEFAULT_FONT = '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';
const BORDER_GREY = 'BFBFBF';

const rgb = (hex: string) => `FF${hex.toUpperCase()}`;

/** Excel's name for vertical centring. */
const VERTICAL = { top: 'top', middle: 'center', bottom: 'bottom' } as const;

export class StyleSheet {
  private readonly formats = new Map<string, number>();
  private readonly fonts = new Indexed([DEFAULT_FONT]);
  private readonly fills = new Indexed(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Indexed(['<border><left/><right/><top/><bottom/><diagonal/></border>']);
  private readonly xfs = new Indexed(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly dxfs = new Indexed([]);
  private readonly byStyle = new Map<string, number>();
  private nextFormatId = 164;

  /** The cellXfs index for a style; 0 (the default) for no style. */
  xf(style: CellStyle | undefined): number {
    if (!style) return 0;
    const key = JSON.stringify(style);
    let id = this.byStyle.get(key);
    if (id === undefined) {
      id = this.xfs.id(this.xfXml(style));
      this.byStyle.set(key, id);
    }
    return id;
  }

  /** A differential format for a conditional formatting rule. */
  dxf(rule: ConditionalRule): number {
    const font = rule.fontColor ? `<font><color rgb="${rgb(rule.fontColor)}"/></font>` : '';
    return this.dxfs.id(`<dxf>${font}<fill><patternFill patternType="solid"><bgColor rgb="${rgb(rule.fill)}"/></patternFill></fill></dxf>`);
  }

  toXml(): string {
    const custom = [...this.formats].filter(([code]) => BUILTIN_FORMATS[code] === undefined);
    const numFmts = custom.length
      ? `<numFmts count="${custom.length}">${custom.map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`).join('')}</numFmts>`
      : '';
    return (
      XML_HEADER +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      numFmts +
      this.fonts.list('fonts') +
      this.fills.list('fills') +
      this.borders.list('borders') +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      this.xfs.list('cellXfs') +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      this.dxfs.list('dxfs') +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }

  private numberFormat(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) {
      this.formats.set(code, builtin);
      return builtin;
    }
    let id = this.formats.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.formats.set(code, id);
    }
    return id;
  }

  private xfXml(style: CellStyle): string {
    const numFmtId = style.numberFormat !== undefined ? this.numberFormat(style.numberFormat) : 0;
    let fontId = 0;
    if (style.bold || style.italic || style.fontSize || style.fontColor) {
      fontId = this.fonts.id(
        '<font>' +
          (style.bold ? '<b/>' : '') +
          (style.italic ? '<i/>' : '') +
          `<sz val="${style.fontSize ?? 11}"/>` +
          (style.fontColor ? `<color rgb="${rgb(style.fontColor)}"/>` : '') +
          '<name val="Calibri"/><family val="2"/></font>',
      );
    }
    const fillId = style.fill ? this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="${rgb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    let borderId = 0;
    if (style.border) {
      const side = (name: string) => `<${name} style="thin"><color rgb="${rgb(BORDER_GREY)}"/></${name}>`;
      borderId = this.borders.id(`<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`);
    }
    const alignment =
      style.wrap || style.horizontal || style.vertical
        ? '<alignment' +
          (style.horizontal ? ` horizontal="${style.horizontal}"` : '') +
          (style.vertical ? ` vertical="${VERTICAL[style.vertical]}"` : '') +
          (style.wrap ? ' wrapText="1"' : '') +
          '/>'
        : '';
    const unlocked = style.locked === false;
    const attrs =
      `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : '') +
      (fontId ? ' applyFont="1"' : '') +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (alignment ? ' applyAlignment="1"' : '') +
      (unlocked ? ' applyProtection="1"' : '');
    const children = alignment + (unlocked ? '<protection locked="0"/>' : '');
    return children ? `<xf ${attrs}>${children}</xf>` : `<xf ${attrs}/>`;
  }
}
