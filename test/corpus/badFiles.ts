/**
 * Generates files that are not budget statements, each with the finding it must get.
 * Run from tests (written into a temporary folder); nothing here is a committed binary.
 */
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface BadFile {
  name: string;
  /** The finding code the file must get. */
  code: string;
  bytes: Uint8Array;
}

/** A small deterministic PRNG (mulberry32), so a failing case can be made again. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An OLE compound file with the given stream names in its directory (enough to tell .xls from encrypted .xlsx). */
function oleContainer(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const names = ['Root Entry', ...streams];
  names.forEach((name, i) => {
    const at = 512 + i * 128;
    for (let k = 0; k < name.length; k++) bytes[at + k * 2] = name.charCodeAt(k);
    bytes[at + 64] = (name.length + 1) * 2;
    bytes[at + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}

async function zip(files: Record<string, string | Uint8Array>, level = 6): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level } });
}

/** Set every central-directory "uncompressed size" to the given value: a zip that claims to unpack to gigabytes. */
function claimSize(bytes: Uint8Array, size: number): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i + 46 <= out.length; i++) {
    if (out[i] === 0x50 && out[i + 1] === 0x4b && out[i + 2] === 0x01 && out[i + 3] === 0x02) {
      new DataView(out.buffer).setUint32(i + 24, size, true);
    }
  }
  return out;
}

export async function badFiles(exampleXlsx: string): Promise<BadFile[]> {
  const example = new Uint8Array(readFileSync(exampleXlsx));
  const random = prng(20261122);
  const noise = new Uint8Array(4096).map(() => Math.floor(random() * 256));
  const te = new TextEncoder();
  const huge = te.encode(`<worksheet><sheetData>${'<row><c><v>1</v></c></row>'.repeat(800_000)}</sheetData></worksheet>`);
  const contentTypes = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  return [
    { name: 'tom.xlsx', code: 'FILE_EMPTY', bytes: new Uint8Array(0) },
    { name: 'tilfaeldige-bytes.xlsx', code: 'FILE_NOT_ZIP', bytes: noise },
    { name: 'noter.xlsx', code: 'FILE_NOT_ZIP', bytes: te.encode('Budgetredegørelse\nSe vedhæftede tal.\n') },
    { name: 'rapport.xlsx', code: 'FILE_NOT_ZIP', bytes: te.encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n') },
    { name: 'webside.xls', code: 'FILE_NOT_ZIP', bytes: te.encode('<html><body><table><tr><td>1</td></tr></table></body></html>') },
    { name: 'gammel.xls', code: 'FILE_XLS', bytes: oleContainer(['Workbook', '\u0005SummaryInformation']) },
    { name: 'med-adgangskode.xlsx', code: 'FILE_ENCRYPTED', bytes: oleContainer(['EncryptionInfo', 'EncryptedPackage']) },
    { name: 'dokument.xls', code: 'FILE_OLE_OTHER', bytes: oleContainer(['WordDocument', '1Table']) },
    { name: 'halv.xlsx', code: 'FILE_TRUNCATED', bytes: example.subarray(0, Math.floor(example.length / 2)) },
    { name: 'brev.xlsx', code: 'FILE_DOCX', bytes: await zip({ '[Content_Types].xml': contentTypes, 'word/document.xml': '<w:document/>' }) },
    { name: 'slides.xlsx', code: 'FILE_PPTX', bytes: await zip({ '[Content_Types].xml': contentTypes, 'ppt/presentation.xml': '<p/>' }) },
    { name: 'regneark.xlsx', code: 'FILE_ODS', bytes: await zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' }) },
    { name: 'binaer.xlsx', code: 'FILE_XLSB', bytes: await zip({ '[Content_Types].xml': contentTypes, 'xl/workbook.bin': new Uint8Array(16) }) },
    { name: 'arkiv.xlsx', code: 'FILE_ZIP_OTHER', bytes: await zip({ 'readme.txt': 'hej' }) },
    // small file, huge sheet: ~20 MB of rows compressed several hundred times
    { name: 'zipbombe.xlsx', code: 'ZIP_RATIO', bytes: await zip({ '[Content_Types].xml': contentTypes, 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': huge }, 9) },
    { name: 'paastaaet-stor.xlsx', code: 'ZIP_PART_TOO_LARGE', bytes: claimSize(example, 3_000_000_000) },
    {
      name: 'oedelagt-indhold.xlsx',
      code: 'FILE_CORRUPT',
      bytes: await zip({ '[Content_Types].xml': contentTypes, 'xl/workbook.xml': '<workbook><sheets><sheet name="A" r:id="rId9"', 'xl/_rels/workbook.xml.rels': '<<<' }),
    },
  ];
}

export function writeBadFiles(files: BadFile[], dir: string): string[] {
  return files.map((f) => {
    const p = path.join(dir, f.name);
    writeFileSync(p, f.bytes);
    return p;
  });
}
