/**
 * Programs some tests need besides Node: LibreOffice and openpyxl as second readers, pdftotext to measure LibreOffice's
 * printout, chromium for the browser test.
 * Where one is missing, its tests are skipped (and jest's global setup says once, in one line, what to install);
 * in CI, which installs them (.ci/run), they always run, so a missing program fails there instead of hiding.
 */
import { execFileSync } from 'node:child_process';

export type ToolName = 'soffice' | 'writer' | 'openpyxl' | 'chromium' | 'pdftotext';

export const TOOLS: Record<ToolName, { what: string; install: string; probe: [string, string[]] }> = {
  soffice: { what: 'LibreOffice (soffice)', install: 'apt-get install libreoffice-calc-nogui', probe: ['soffice', ['--version']] },
  // LibreOffice Writer opens the Word letters to the committees (and prints them to PDF).
  writer: { what: 'LibreOffice Writer', install: 'apt-get install libreoffice-writer-nogui', probe: ['sh', ['-c', 'command -v soffice && ls /usr/lib/libreoffice/program/libswlo.so']] },
  // Debian's python3, not whichever python3 is first on PATH: python3-openpyxl is installed for it.
  openpyxl: { what: 'openpyxl', install: 'apt-get install python3-openpyxl', probe: ['/usr/bin/python3', ['-c', 'import openpyxl']] },
  chromium: { what: 'chromium', install: 'apt-get install chromium', probe: ['/usr/bin/chromium', ['--version']] },
  // Measures the text size in LibreOffice's PDF of the consolidated workbook.
  pdftotext: { what: 'pdftotext', install: 'apt-get install poppler-utils', probe: ['pdftotext', ['-v']] },
};

const known = new Map<ToolName, boolean>();

/** Whether the program runs here (asked once per process). */
export function has(tool: ToolName): boolean {
  let ok = known.get(tool);
  if (ok === undefined) {
    const [command, args] = TOOLS[tool].probe;
    try {
      execFileSync(command, args, { stdio: 'pipe', timeout: 30_000 });
      ok = true;
    } catch {
      ok = false;
    }
    known.set(tool, ok);
  }
  return ok;
}

/** Whether its tests run: when it is here, and always in CI. */
export function runsWith(tool: ToolName): boolean {
  return has(tool) || Boolean(process.env.CI);
}

/** `it` for a test that needs the program, `it.skip` where it is missing (outside CI). */
export function itWith(tool: ToolName): jest.It {
  return runsWith(tool) ? it : it.skip;
}

/** One line per missing program, for the start of a test run: what is skipped and what to install. */
export function missingToolLines(): string[] {
  return (Object.keys(TOOLS) as ToolName[])
    .filter((tool) => !runsWith(tool))
    .map((tool) => `Skipping the tests that need ${TOOLS[tool].what}: it is not installed (${TOOLS[tool].install}; CI installs it).`);
}
