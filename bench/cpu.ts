/**
 * CPU time and memory of the processes under test, read from /proc: the servers and the Neo4j JVM are
 * other processes, so their cost per request can only be read from outside. Linux only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (almost always 100). */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of one process, in milliseconds; threads included, children not. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 (utime) and 15 (stime), counted from 1, are 11 and 12 after the name and state.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

/** This process (the load generator), from Node's own counter. */
export function selfCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in MB. */
export function rssMb(pid: number): { peak: number; current: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peak: kb('VmHWM') / 1024, current: kb('VmRSS') / 1024 };
}

export type CpuProcesses = Record<'api' | 'neo4j', number>;

/**
 * CPU spent over one timed window by the system's server (`api`), Neo4j and the load generator.
 * `start` before the window, the returned function after it.
 */
export function cpuWindow(pids: CpuProcesses): () => { api: number; neo4j: number; loadgen: number } {
  const before = { api: processCpuMs(pids.api), neo4j: processCpuMs(pids.neo4j), loadgen: selfCpuMs() };
  return () => ({
    api: processCpuMs(pids.api) - before.api,
    neo4j: processCpuMs(pids.neo4j) - before.neo4j,
    loadgen: selfCpuMs() - before.loadgen,
  });
}
