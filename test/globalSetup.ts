/** Before the tests: build the command line from the current source, and say in one line per missing program what is skipped. */
import { missingToolLines } from './helpers/tools';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const buildCli = require('../scripts/build-cli.js') as () => Promise<void>;

export default async function globalSetup(): Promise<void> {
  await buildCli();
  const lines = missingToolLines();
  if (lines.length) process.stderr.write(`\n${lines.join('\n')}\n`);
}
