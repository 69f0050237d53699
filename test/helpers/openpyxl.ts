/** openpyxl (Debian's python3-openpyxl) as a second, independent reader of the workbooks we write. */
import { execFileSync } from 'node:child_process';
import { itWith } from './tools';

/** CI installs python3-openpyxl; a machine without it skips the second-reader checks only (see tools.ts). */
export const withOpenpyxl = itWith('openpyxl');

/** Run a Python script with the file as sys.argv[1]; the script prints JSON. */
export function openpyxlJson<T>(script: string, file: string): T {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as T;
}
