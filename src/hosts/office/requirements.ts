/** Which Excel features this Excel has (checked at run time); what is missing degrades with a message, never a failure. */

export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface Features {
  /** Insert the template's sheets from the .xlsx the plan writer makes (ExcelApi 1.13). */
  insertFromBase64: boolean;
  /** Open the consolidated workbook as a new workbook (ExcelApi 1.8). */
  createWorkbook: boolean;
  /** Slicers for administration, goal and colour (ExcelApi 1.10). */
  slicers: boolean;
  /** Dropdowns in the template when it is built through the API (ExcelApi 1.8). */
  dataValidation: boolean;
  /** Keep the screen still while writing (ExcelApi 1.9). */
  suspendScreenUpdating: boolean;
}

/** The minimum the add-in needs at all; declared in manifest.xml. */
export const MINIMUM_SET = { name: 'ExcelApi', version: '1.7' } as const;

export function detectFeatures(req: RequirementChecker): Features {
  const has = (v: string) => req.isSetSupported('ExcelApi', v);
  return {
    insertFromBase64: has('1.13'),
    createWorkbook: has('1.8'),
    slicers: has('1.10'),
    dataValidation: has('1.8'),
    suspendScreenUpdating: has('1.9'),
  };
}

/** Plain-language notes about what this Excel cannot do, for the task pane. */
export function missingFeatureNotes(f: Features): string[] {
  const notes: string[] = [];
  if (!f.insertFromBase64) notes.push('Skabelonen bygges direkte i projektmappen (denne Excel kan ikke indsætte ark fra en fil).');
  if (!f.createWorkbook) notes.push('Den samlede status kan ikke åbnes som ny projektmappe her; skriv den i denne projektmappe eller hent den som fil.');
  if (!f.slicers) notes.push('Udsnitsværktøjer (slicers) kræver en nyere Excel; brug filtrene i fanen Filtrér.');
  if (!f.dataValidation) notes.push('Rullemenuer i skabelonen kræver en nyere Excel; værdierne kontrolleres stadig ved validering.');
  return notes;
}
