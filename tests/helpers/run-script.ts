/**
 * Runs one of the project's command-line scripts as `npm run` does (through tsx, from the repo root)
 * and collects what it printed and how it exited: the CLIs' tests assert both.
 */
import { spawn } from 'node:child_process';
import { ROOT } from './api-process';

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `script` relative to the repo root; `env` is added to this process's environment. */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<ScriptRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
