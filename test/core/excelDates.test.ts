/** Excel serial dates and date formats, in one module for the reader, the writer and the core. */
import { dateFormatKind, isDateFormat, isoDateTimeToSerial, isoToSerial, serial1904To1900, serialToIso } from '../../src/core/excelDates';

describe('serial dates', () => {
  it('count Excel’s fictitious 29 February 1900 (serial 60) and nothing else wrong', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBeUndefined();
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(40313.75)).toBe('2010-05-15');
    expect([0.5, 0, -1, NaN, 2958466].map(serialToIso)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    for (const iso of ['1900-01-01', '1900-02-28', '1900-03-01', '2010-05-15', '9999-12-31']) expect(serialToIso(isoToSerial(iso))).toBe(iso);
    expect(isoToSerial('1900-02-29')).toBeNaN();
    expect(isoToSerial('2010-02-30')).toBeNaN();
  });

  it('read ISO 8601 date-times as t="d" cells hold them, and move 1904-system serials into the 1900 system', () => {
    expect(isoDateTimeToSerial('2010-05-15')).toBe(40313);
    expect(isoDateTimeToSerial('2010-05-15T18:00:00.000Z')).toBe(40313.75);
    expect(isoDateTimeToSerial('2010-05-15 06:00')).toBe(40313.25);
    expect(isoDateTimeToSerial('12:00:00')).toBe(0.5);
    expect(isoDateTimeToSerial('1900-02-15')).toBe(46);
    expect(['', 'maj 2010', '2010-13-01', '2010-05-15T25:00'].map(isoDateTimeToSerial)).toEqual([undefined, undefined, undefined, undefined]);
    expect(serial1904To1900(0)).toBe(1462);
    expect(serialToIso(serial1904To1900(38000))).toBe('2008-01-15'); // 1904-01-01 + 38000 days
  });
});

describe('the one date-format rule', () => {
  it.each([
    ['dd-mm-yyyy', 'date'],
    ['dd\\-mm\\-yyyy', 'date'],
    ['[$-406]d. mmmm yyyy;@', 'date'],
    ['DD.MM.YYYY', 'date'],
    ['mm-dd-yy', 'date'],
    ['m/d/yy h:mm', 'date'],
    ['yyyy"年"m"月"d"日"', 'date'],
    ['[$-411]ge.m.d', 'date'],
    ['h:mm', 'time'],
    ['HH:MM:SS', 'time'],
    ['[h]:mm', 'time'],
    ['[h]:mm:ss', 'time'],
    ['[mm]:ss', 'time'],
    ['mm:ss', 'time'],
    ['mmss.0', 'time'],
    ['h:mm AM/PM', 'time'],
    ['h"時"mm"分"', 'time'],
  ])('%s shows a %s', (format, kind) => {
    expect(dateFormatKind(format)).toBe(kind);
    expect(isDateFormat(format)).toBe(true);
  });

  it.each(['General', '0', '#,##0', '#,##0.0#', '#,##0 "kr."', '#,##0.0,, "mio. kr."', '0%', '0.00E+00', '[Red]#,##0', '@', '#,##0_);[Red](#,##0)', '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)', '[$€-2] #,##0.00', '"dato"0', '\\d0', ''])(
    '%s shows no date',
    (format) => {
      expect(isDateFormat(format)).toBe(false);
    },
  );
});
