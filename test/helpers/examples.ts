/** The bundled examples, read and validated as the command line does, ready to consolidate. */
import path from 'node:path';
import type { ConsolidationInput } from '../../src/core/consolidate/consolidate';
import { EXAMPLES } from '../../src/examples/submissions';
import { checkFile } from '../../src/hosts/xlsx/files';

export const EXAMPLES_DIR = path.join(__dirname, '..', '..', 'examples');

export async function exampleInputs(): Promise<ConsolidationInput[]> {
  const out: ConsolidationInput[] = [];
  for (const e of EXAMPLES) {
    const r = await checkFile(path.join(EXAMPLES_DIR, e.file));
    out.push({ file: { name: r.file, size: r.size, sha256: r.sha256 }, status: r.status, diagnostics: r.diagnostics, submission: r.submission });
  }
  return out;
}
