/** The styles part, as far as reading values needs it: each cell style's number format. */
import { isSpreadsheetNs, scanXml } from './xml';

/**
 * The built-in number formats (ECMA-376 Part 1, 18.8.30) a style can name by id alone. Ids 27-36 and 50-58 are
 * East Asian date and time formats whose code depends on the locale; the Japanese ones stand for them here.
 */
export const BUILTIN_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, 'General'],
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [5, '"$"#,##0_);("$"#,##0)'],
  [6, '"$"#,##0_);[Red]("$"#,##0)'],
  [7, '"$"#,##0.00_);("$"#,##0.00)'],
  [8, '"$"#,##0.00_);[Red]("$"#,##0.00)'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy h:mm'],
  [27, '[$-411]ge.m.d'],
  [28, '[$-411]ggge"年"m"月"d"日"'],
  [29, '[$-411]ggge"年"m"月"d"日"'],
  [30, 'm/d/yy'],
  [31, 'yyyy"年"m"月"d"日"'],
  [32, 'h"時"mm"分"'],
  [33, 'h"時"mm"分"ss"秒"'],
  [34, 'yyyy"年"m"月"'],
  [35, 'm"月"d"日"'],
  [36, '[$-411]ge.m.d'],
  [37, '#,##0_);(#,##0)'],
  [38, '#,##0_);[Red](#,##0)'],
  [39, '#,##0.00_);(#,##0.00)'],
  [40, '#,##0.00_);[Red](#,##0.00)'],
  [41, '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)'],
  [42, '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)'],
  [43, '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)'],
  [44, '_("$"* #,##0.00_)_("$"* \\(#,##0.00\\)_("$"* "-"??_)_(@_)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
  [50, '[$-411]ge.m.d'],
  [51, '[$-411]ggge"年"m"月"d"日"'],
  [52, 'yyyy"年"m"月"'],
  [53, 'm"月"d"日"'],
  [54, '[$-411]ggge"年"m"月"d"日"'],
  [55, 'yyyy"年"m"月"'],
  [56, 'm"月"d"日"'],
  [57, '[$-411]ge.m.d'],
  [58, '[$-411]ggge"年"m"月"d"日"'],
]);

/** Per cell style (cellXfs index), its number format code ("General" where none applies). */
export function parseStyles(xml: string, tick: () => void): string[] {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let depth = 0;
  let section: 'numFmts' | 'cellXfs' | undefined;
  scanXml(
    xml,
    {
      open(ns, local, a) {
        depth++;
        if (!isSpreadsheetNs(ns)) return;
        if (depth === 2 && (local === 'numFmts' || local === 'cellXfs')) section = local;
        else if (depth === 3 && section === 'numFmts' && local === 'numFmt') {
          const id = Number(a.get('numFmtId'));
          const code = a.get('formatCode');
          if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
        } else if (depth === 3 && section === 'cellXfs' && local === 'xf') {
          ids.push(Number(a.get('numFmtId') ?? 0));
        }
      },
      close() {
        if (depth === 2) section = undefined;
        depth--;
      },
      text() {},
    },
    tick,
  );
  return ids.map((id) => custom.get(id) ?? BUILTIN_FORMATS.get(id) ?? 'General');
}
