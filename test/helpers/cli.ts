/** Runs the command line in-process (capturing what it prints), or the built one (bin/) as a user's shell does. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { main, type Io } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export const BIN = path.join(__dirname, '..', '..', 'bin', 'integration-status.js');

/** In-process, with no locale set (so Danish, whatever the machine's LANG) unless the options give one. */
export async function runCliWith(options: Omit<Io, 'out' | 'err'>, ...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'integration-status', ...args], {
    env: {},
    ...options,
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

export function runCli(...args: string[]): Promise<CliRun> {
  return runCliWith({}, ...args);
}

/** The environment of a spawned run: this one's, without locale or worker settings unless given. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'INTEGRATION_STATUS_WORKERS']) delete env[name];
  return { ...env, ...extra };
}

/** `node bin/integration-status.js …` in a child process: the built command line (jest's globalSetup builds it). */
export function runBuiltCli(args: string[], options: { env?: NodeJS.ProcessEnv; bin?: string } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [options.bin ?? BIN, ...args], { env: cleanEnv(options.env), maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
