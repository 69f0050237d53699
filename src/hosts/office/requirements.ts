/** Which Excel features this Excel has (checked at run time); what is missing degrades with a message, never a failure. */

export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface Features {
  /** Insert the template's sheets from the .xlsx the plan writer makes (ExcelApi 1.13). */
  insertFromBase64: boolean;
  /** Open the consolidated workbook as a new workbook (ExcelApi 1.8). */
  createWorkbook: boolean;
  /** Slicers on the overview for administration, goals, colour, red in the year and escalation (ExcelApi 1.10). */
  slicers: boolean;
  /** Print setup: paper, fit to width, print titles, header and footer, page breaks (ExcelApi 1.9). */
  pageLayout: boolean;
  /** The number format of a chart's value axis (ExcelApi 1.8). */
  chartNumberFormat: boolean;
  /** Dropdowns in the template when it is built through the API (ExcelApi 1.8). */
  dataValidation: boolean;
  /** Keep the screen still while writing (ExcelApi 1.9). */
  suspendScreenUpdating: boolean;
  /** One change event for all sheets, to check as the user types (ExcelApi 1.9: worksheets.onChanged). */
  worksheetEvents: boolean;
}

/** The minimum the add-in needs at all; declared in manifest.xml. */
export const MINIMUM_SET = { name: 'ExcelApi', version: '1.7' } as const;

export function detectFeatures(req: RequirementChecker): Features {
  const has = (v: string) => req.isSetSupported('ExcelApi', v);
  return {
    insertFromBase64: has('1.13'),
    createWorkbook: has('1.8'),
    slicers: has('1.10'),
    pageLayout: has('1.9'),
    chartNumberFormat: has('1.8'),
    dataValidation: has('1.8'),
    suspendScreenUpdating: has('1.9'),
    worksheetEvents: has('1.9'),
  };
}
