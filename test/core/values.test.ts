import { parseGoals, parseNumberText, readColour, readDate, readNumber, readYesNo, serialToIso, isoToSerial, shownDecimals } from '../../src/core/parse/values';

describe('amounts typed as text', () => {
  it.each([
    ['12,30', 12.3, undefined],
    ['1.234.567', 1234567, undefined],
    ['1.234.567 kr.', 1234567, 'kr'],
    ['12,3 mio.', 12.3, 'mkr'],
    ['12,3 mio. kr.', 12.3, 'mkr'],
    ['450 t.kr.', 450, 'tkr'],
    ['1.234,5', 1234.5, undefined],
    ['1 234 567', 1234567, undefined],
    ['12.30', 12.3, undefined],
    ['1,234,567', 1234567, undefined],
    ['-500', -500, undefined],
    ['(500)', -500, undefined],
    ['kr. 250.000', 250000, 'kr'],
    ['0,07', 0.07, undefined],
  ])('%s reads as %d', (text, value, unit) => {
    expect(parseNumberText(text)).toEqual(unit ? { value, unit } : { value });
  });

  it.each(['ca. 600.000', 'abc', '12,3,4', '1.23.4', '', 'mio.', '12 13'])('%s is not a number', (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });

  it('treats blank cells as blank, not zero', () => {
    expect(readNumber(null)).toEqual({ kind: 'blank' });
    expect(readNumber('   ')).toEqual({ kind: 'blank' });
    expect(readNumber(0)).toEqual({ kind: 'number', value: 0 });
    expect(readNumber({ error: '#REF!' })).toEqual({ kind: 'invalid', text: '#REF!' });
  });
});

describe('precision shown', () => {
  it.each([
    [3.77, '0.0', 1],
    [3.77, '#,##0.00', 2],
    [3.8, '#,##0.0#', 1],
    [3.77, '#,##0.0#', 2],
    [14.1, 'General', 1],
    [1250000, '#,##0', 0],
    [12.3, '#,##0', 0],
    [0.07, 'General', 2],
  ])('%d under %s shows %d decimals', (v, fmt, d) => {
    expect(shownDecimals(v, fmt)).toBe(d);
  });
});

describe('dates', () => {
  it('converts Excel serial numbers both ways, across the 1900 leap-year bug', () => {
    expect(serialToIso(40313)).toBe('2010-05-15');
    expect(isoToSerial('2010-05-15')).toBe(40313);
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(1)).toBe('1900-01-01');
  });

  it.each([
    ['15-05-2010', '2010-05-15'],
    ['15.5.2010', '2010-05-15'],
    ['15/05/10', '2010-05-15'],
    ['2010-05-15', '2010-05-15'],
    ['15. maj 2010', '2010-05-15'],
    ['1. december 2009', '2009-12-01'],
  ])('%s', (text, iso) => {
    expect(readDate(text)).toEqual({ kind: 'date', iso });
  });

  it.each(['31-02-2010', 'i morgen', '2010'])('%s is not a date', (text) => {
    expect(readDate(text).kind).toBe('invalid');
  });
});

describe('choices', () => {
  it('reads Ja/Nej in the ways people type it', () => {
    for (const t of ['Ja', 'ja', 'JA', 'j', 'Yes', 'x']) expect(readYesNo(t)).toEqual({ kind: 'value', value: true });
    for (const t of ['Nej', 'nej', 'N', 'no']) expect(readYesNo(t)).toEqual({ kind: 'value', value: false });
    expect(readYesNo('måske')).toEqual({ kind: 'invalid', text: 'måske' });
    expect(readYesNo(null)).toEqual({ kind: 'blank' });
  });

  it('reads colours in Danish and English, any case', () => {
    expect(readColour('Grøn')).toEqual({ kind: 'value', value: 'green' });
    expect(readColour('RØD')).toEqual({ kind: 'value', value: 'red' });
    expect(readColour('yellow')).toEqual({ kind: 'value', value: 'yellow' });
    expect(readColour('lilla')).toEqual({ kind: 'invalid', text: 'lilla' });
  });
});

describe('goal letters', () => {
  it.each([
    ['a', ['a'], []],
    ['A', ['a'], []],
    ['a, c', ['a', 'c'], []],
    ['a;c', ['a', 'c'], []],
    ['a og c', ['a', 'c'], []],
    ['a-c', ['a', 'b', 'c'], []],
    ['a–c', ['a', 'b', 'c'], []],
    ['c/a', ['a', 'c'], []],
    ['a) og e)', ['a', 'e'], []],
    ['mål b', ['b'], []],
    ['b, b', ['b'], []],
    ['h', [], ['h']],
    ['1', [], ['1']],
    ['c og h', ['c'], ['h']],
    ['beskæftigelse', [], ['beskæftigelse']],
  ])('%s', (text, goals, invalid) => {
    expect(parseGoals(text)).toEqual({ goals, invalid });
  });
});
