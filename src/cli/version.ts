/** The product version, from package.json (read once; the CLI runs in Node). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const PRODUCT_VERSION: string = (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
