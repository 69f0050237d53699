/** Prints the table of finding codes for README.md (npm run rules-table). */
import { MESSAGES } from '../src/core/diagnostics';

const rows = Object.entries(MESSAGES).map(([code, m]) => `| \`${code}\` | ${m.severity} | ${m.en.replace(/\|/g, '\\|')} |`);
process.stdout.write(['| code | severity | message (English; Danish by default) |', '| --- | --- | --- |', ...rows].join('\n') + '\n');
