/** Files that cannot be read at all: not a workbook, damaged, encrypted, too large or a zip bomb. */
import { param, rule, show, type Lang } from './define';

/** What a file that is not a zip looks like, sniffed from its first bytes. */
export const NON_ZIP_KINDS = ['PDF', 'Excel 2003 XML', 'HTML/XML', 'RTF', 'text', 'unknown'] as const;
export type NonZipKind = (typeof NON_ZIP_KINDS)[number];

const KIND_DA: Record<NonZipKind, string> = {
  PDF: 'en PDF-fil',
  'Excel 2003 XML': 'et Excel 2003 XML-regneark',
  'HTML/XML': 'en HTML- eller XML-fil',
  RTF: 'et RTF-dokument',
  text: 'en tekstfil',
  unknown: 'ukendte data',
};
const KIND_EN: Record<NonZipKind, string> = {
  PDF: 'a PDF file',
  'Excel 2003 XML': 'an Excel 2003 XML spreadsheet',
  'HTML/XML': 'an HTML or XML file',
  RTF: 'an RTF document',
  text: 'a text file',
  unknown: 'unknown data',
};

/** Why a file could not be opened; the detail is its path, or the system's own words when there is no better reason. */
export const OPEN_PROBLEMS = ['notFound', 'denied', 'folder', 'readerStopped', 'other'] as const;
export type OpenProblem = (typeof OPEN_PROBLEMS)[number];

export const OPEN_PROBLEM_TEXT: Record<Lang, Record<OpenProblem, string>> = {
  da: {
    notFound: 'filen findes ikke',
    denied: 'adgang nægtet',
    folder: 'det er en mappe, ikke en fil',
    readerStopped: 'læseren stoppede ved denne fil',
    other: 'systemfejl',
  },
  en: {
    notFound: 'file not found',
    denied: 'permission denied',
    folder: 'is a folder, not a file',
    readerStopped: 'the reader stopped on this file',
    other: 'system error',
  },
};

/** What contradicts itself in a zip whose entries could be read two ways. */
export const ZIP_PROBLEMS = ['header', 'overlap', 'outside'] as const;
export type ZipProblem = (typeof ZIP_PROBLEMS)[number];

const ZIP_PROBLEM_TEXT: Record<Lang, Record<ZipProblem, string>> = {
  da: {
    header: 'dens lokale hoved passer ikke med indholdsfortegnelsen',
    overlap: 'dens data overlapper en anden dels',
    outside: 'dens data ligger uden for filen',
  },
  en: {
    header: 'its local header does not match the directory',
    overlap: 'its data overlaps another part’s',
    outside: 'its data lies outside the file',
  },
};

/** What a path given to read is, when it is not a regular file. */
export const PATH_KINDS = ['folder', 'fifo', 'device', 'socket', 'other'] as const;
export type PathKind = (typeof PATH_KINDS)[number];

const PATH_KIND_TEXT: Record<Lang, Record<PathKind, string>> = {
  da: { folder: 'en mappe', fifo: 'en navngivet kanal (FIFO)', device: 'en enhed', socket: 'en socket', other: 'en speciel fil' },
  en: { folder: 'a folder', fifo: 'a named pipe (FIFO)', device: 'a device', socket: 'a socket', other: 'a special file' },
};

const sizeLimit = { size: param.bytes, limit: param.bytes };
const partSizeLimit = { part: param.text, size: param.bytes, limit: param.bytes };

export const FILE_RULES = {
  FILE_EMPTY: rule({
    severity: 'error',
    da: 'Filen er tom (0 byte). Bed afsenderen sende projektmappen igen.',
    en: 'The file is empty (0 bytes). Ask the sender to send the workbook again.',
  }),
  FILE_XLS: rule({
    severity: 'error',
    da: 'Filen er en gammel Excel 97-2003-projektmappe (.xls). Åbn den i Excel og gem den som Excel-projektmappe (.xlsx).',
    en: 'The file is an old Excel 97-2003 workbook (.xls). Open it in Excel and save it as an Excel workbook (.xlsx).',
  }),
  FILE_ENCRYPTED: rule({
    severity: 'error',
    da: 'Projektmappen er beskyttet med adgangskode (krypteret). Fjern adgangskoden (Filer › Oplysninger › Beskyt projektmappe) og gem den igen.',
    en: 'The workbook is password-protected (encrypted). Remove the password (File › Info › Protect Workbook) and save it again.',
  }),
  FILE_OLE_OTHER: rule({
    severity: 'error',
    da: 'Filen er et gammelt Office-dokument, ikke en Excel-projektmappe. Brug skabelonen til budgetredegørelsen og gem som .xlsx.',
    en: 'The file is an old Office document, not an Excel workbook. Use the budget statement template and save as .xlsx.',
  }),
  FILE_NOT_ZIP: rule({
    severity: 'error',
    params: { kind: param.oneOf(NON_ZIP_KINDS) },
    da: (p) => `Filen er ikke en Excel-projektmappe (.xlsx); den ligner ${KIND_DA[p.kind]}. Gem budgetredegørelsen som Excel-projektmappe (.xlsx).`,
    en: (p) => `The file is not an Excel workbook (.xlsx); it looks like ${KIND_EN[p.kind]}. Save the budget statement as an Excel workbook (.xlsx).`,
  }),
  FILE_TRUNCATED: rule({
    severity: 'error',
    da: 'Filen er beskadiget eller ufuldstændig (zip-arkivet slutter for tidligt). Bed afsenderen sende den igen.',
    en: 'The file is damaged or incomplete (the zip archive ends too early). Ask the sender to send it again.',
  }),
  FILE_DOCX: rule({
    severity: 'error',
    da: 'Filen er et Word-dokument, ikke en Excel-projektmappe. Udfyld skabelonen til budgetredegørelsen i Excel.',
    en: 'The file is a Word document, not an Excel workbook. Fill in the budget statement template in Excel.',
  }),
  FILE_PPTX: rule({
    severity: 'error',
    da: 'Filen er en PowerPoint-præsentation, ikke en Excel-projektmappe.',
    en: 'The file is a PowerPoint presentation, not an Excel workbook.',
  }),
  FILE_ODS: rule({
    severity: 'error',
    da: 'Filen er et OpenDocument-regneark (.ods). Åbn det og gem det som Excel-projektmappe (.xlsx).',
    en: 'The file is an OpenDocument spreadsheet (.ods). Open it and save it as an Excel workbook (.xlsx).',
  }),
  FILE_XLSB: rule({
    severity: 'error',
    da: 'Filen er en binær Excel-projektmappe (.xlsb). Gem den som Excel-projektmappe (.xlsx).',
    en: 'The file is an Excel binary workbook (.xlsb). Save it as an Excel workbook (.xlsx).',
  }),
  FILE_ZIP_OTHER: rule({
    severity: 'error',
    da: 'Filen er et zip-arkiv, men ikke en Excel-projektmappe.',
    en: 'The file is a zip archive, but not an Excel workbook.',
  }),
  FILE_TOO_LARGE: rule({
    severity: 'error',
    params: sizeLimit,
    da: (p) => `Filen fylder ${show.bytes(p.size)}; grænsen er ${show.bytes(p.limit)}. En budgetredegørelse fylder normalt under 1 MB.`,
    en: (p) => `The file is ${show.bytes(p.size)}; the limit is ${show.bytes(p.limit)}. A budget statement is normally under 1 MB.`,
    example: { size: 63_963_136, limit: 52_428_800 },
  }),
  ZIP_TOO_MANY_ENTRIES: rule({
    severity: 'error',
    params: { entries: param.integer, limit: param.integer },
    da: (p) => `Filen består af ${p.entries} dele; grænsen er ${p.limit}. Filen afvises.`,
    en: (p) => `The file has ${p.entries} parts; the limit is ${p.limit}. The file is refused.`,
    example: { entries: 12_000, limit: 10_000 },
  }),
  ZIP_TOTAL_TOO_LARGE: rule({
    severity: 'error',
    params: sizeLimit,
    da: (p) => `Udpakket fylder filen ${show.bytes(p.size)}; grænsen er ${show.bytes(p.limit)}. Filen afvises for at beskytte mod zip-bomber.`,
    en: (p) => `Uncompressed, the file is ${show.bytes(p.size)}; the limit is ${show.bytes(p.limit)}. The file is refused to guard against zip bombs.`,
    example: { size: 471_859_200, limit: 419_430_400 },
  }),
  ZIP_PART_TOO_LARGE: rule({
    severity: 'error',
    params: partSizeLimit,
    da: (p) => `Delen ${p.part} fylder ${show.bytes(p.size)} udpakket; grænsen er ${show.bytes(p.limit)}. Filen afvises.`,
    en: (p) => `The part ${p.part} is ${show.bytes(p.size)} uncompressed; the limit is ${show.bytes(p.limit)}. The file is refused.`,
    example: { size: 262_144_000, limit: 209_715_200 },
  }),
  ZIP_RATIO: rule({
    severity: 'error',
    params: { part: param.text, ratio: param.integer, limit: param.integer },
    da: (p) => `Delen ${p.part} er pakket ${p.ratio} gange sammen (grænsen er ${p.limit}); filen ligner en zip-bombe og afvises.`,
    en: (p) => `The part ${p.part} is compressed ${p.ratio} times (the limit is ${p.limit}); the file looks like a zip bomb and is refused.`,
    example: { ratio: 1_032, limit: 200 },
  }),
  ZIP_SHEET_TOO_LARGE: rule({
    severity: 'error',
    params: partSizeLimit,
    da: (p) =>
      `Arkdelen ${p.part} fylder ${show.bytes(p.size)} udpakket; grænsen for et arks indhold er ${show.bytes(p.limit)}. En budgetredegørelse er langt mindre: slet ubrugte rækker og kolonner, gem og send den igen.`,
    en: (p) =>
      `The sheet part ${p.part} is ${show.bytes(p.size)} uncompressed; the limit for a sheet’s contents is ${show.bytes(p.limit)}. A budget statement is far smaller: delete unused rows and columns, save and send it again.`,
    example: { size: 42_991_616, limit: 33_554_432 },
  }),
  ZIP_DUPLICATE_PART: rule({
    severity: 'error',
    params: { part: param.text },
    da: (p) =>
      `Filen indeholder delen ${p.part} flere gange (navne, der kun adskiller sig ved store og små bogstaver eller en indledende /). Forskellige programmer kan læse forskelligt indhold i den, så filen afvises. Åbn den i Excel, gem den igen som .xlsx, og send den igen.`,
    en: (p) =>
      `The file holds the part ${p.part} more than once (names that differ only in case or a leading /). Different programs could read different contents from it, so the file is refused. Open it in Excel, save it again as .xlsx and send it again.`,
  }),
  ZIP_INCONSISTENT: rule({
    severity: 'error',
    params: { part: param.text, problem: param.oneOf(ZIP_PROBLEMS) },
    da: (p) => `Zip-strukturen er inkonsistent ved delen ${p.part}: ${ZIP_PROBLEM_TEXT.da[p.problem]}. Filen er ændret eller beskadiget og afvises. Åbn den i Excel, gem den igen som .xlsx, og send den igen.`,
    en: (p) => `The zip structure is inconsistent at the part ${p.part}: ${ZIP_PROBLEM_TEXT.en[p.problem]}. The file has been altered or damaged and is refused. Open it in Excel, save it again as .xlsx and send it again.`,
  }),
  FILE_READ_TOO_LARGE: rule({
    severity: 'error',
    params: sizeLimit,
    da: (p) =>
      `At læse projektmappen kræver, at mindst ${show.bytes(p.size)} XML pakkes ud; grænsen for én projektmappe er ${show.bytes(p.limit)}. En budgetredegørelse er langt mindre: slet ubrugte ark, rækker og kolonner, gem og send den igen.`,
    en: (p) =>
      `Reading the workbook unpacks at least ${show.bytes(p.size)} of XML; the limit for one workbook is ${show.bytes(p.limit)}. A budget statement is far smaller: delete unused sheets, rows and columns, save and send it again.`,
    example: { size: 140_509_184, limit: 134_217_728 },
  }),
  FILE_TOO_MANY_CELLS: rule({
    severity: 'error',
    params: { cells: param.count, maxCells: param.count },
    da: (p) => `Projektmappens ark og definerede navne fylder mindst ${show.count(p.cells)} celler tilsammen; grænsen for én projektmappe er ${show.count(p.maxCells)}. Slet ubrugte ark, rækker og kolonner, gem og send den igen.`,
    en: (p) => `The workbook’s sheets and defined names take up at least ${show.count(p.cells)} cells together; the limit for one workbook is ${show.count(p.maxCells)}. Delete unused sheets, rows and columns, save and send it again.`,
    example: { cells: 4_160_000, maxCells: 4_000_000 },
  }),
  FILE_READ_TIMEOUT: rule({
    severity: 'error',
    params: { seconds: param.integer },
    da: (p) => `Indlæsningen af projektmappen tog over ${p.seconds} sekunder og blev stoppet. Åbn den i Excel, gem den igen som .xlsx, og send den igen.`,
    en: (p) => `Reading the workbook took more than ${p.seconds} seconds and was stopped. Open it in Excel, save it again as .xlsx and send it again.`,
    example: { seconds: 30 },
  }),
  FILE_NOT_REGULAR: rule({
    severity: 'error',
    params: { kind: param.oneOf(PATH_KINDS) },
    da: (p) => `Stien er ${PATH_KIND_TEXT.da[p.kind]}, ikke en almindelig fil; kun filer læses.`,
    en: (p) => `The path is ${PATH_KIND_TEXT.en[p.kind]}, not an ordinary file; only files are read.`,
  }),
  FILE_SHEET_TOO_LARGE: rule({
    severity: 'error',
    params: { sheet: param.text, rows: param.count, columns: param.count, cell: param.text, maxRows: param.count, maxCells: param.count },
    da: (p) =>
      `Arket ${p.sheet} bruger ${show.count(p.rows)} rækker og ${show.count(p.columns)} kolonner (til cellen ${p.cell}); grænsen er ${show.count(p.maxRows)} rækker og ${show.count(p.maxCells)} celler. Slet de ubrugte rækker og kolonner under og til højre for tabellerne, gem og send den igen.`,
    en: (p) =>
      `The sheet ${p.sheet} uses ${show.count(p.rows)} rows and ${show.count(p.columns)} columns (up to cell ${p.cell}); the limit is ${show.count(p.maxRows)} rows and ${show.count(p.maxCells)} cells. Delete the unused rows and columns below and to the right of the tables, save and send it again.`,
    example: { rows: 1_048_576, columns: 16_384, maxRows: 50_000, maxCells: 2_000_000 },
  }),
  FILE_OPEN_FAILED: rule({
    severity: 'error',
    params: { problem: param.oneOf(OPEN_PROBLEMS), detail: param.text },
    da: (p) => `Filen kunne ikke åbnes: ${OPEN_PROBLEM_TEXT.da[p.problem]}${p.detail ? `: ${p.detail}` : ''}.`,
    en: (p) => `The file could not be opened: ${OPEN_PROBLEM_TEXT.en[p.problem]}${p.detail ? `: ${p.detail}` : ''}.`,
  }),
  FILE_CORRUPT: rule({
    severity: 'error',
    da: 'Projektmappens indhold kunne ikke læses; filen er beskadiget. Åbn den i Excel, gem den igen som .xlsx, og send den igen.',
    en: 'The workbook’s contents could not be read; the file is damaged. Open it in Excel, save it again as .xlsx and send it again.',
  }),
};
