import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface SweepResult {
  /** Chromium processes killed because the process that launched them is gone. */
  killed: number[];
  /** Profile folders removed for the same reason. */
  profiles: string[];
}

/** Processes whose command line puts their profile under `profileRoot`, with the pid of the process that launched them. */
export function chromiumProcessesOf(profileRoot: string): Array<{ pid: number; ownerPid: number }> {
  const prefix = `--user-data-dir=${profileRoot.replace(/\/+$/, '')}/`;
  const found: Array<{ pid: number; ownerPid: number }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // exited meanwhile
    }
    const profile = args.find((a) => a.startsWith(prefix));
    const owner = profile && /^(\d+)-\d+$/.exec(profile.slice(prefix.length).replace(/\/+$/, ''));
    if (owner) found.push({ pid: Number(entry), ownerPid: Number(owner[1]) });
  }
  return found;
}

/** Whether `pid` is a running process (a zombie, dead but not yet reaped, is not). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // "pid (comm) S ...": the state follows the last parenthesis (comm may contain spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Start-up sweep of one data folder: kills the Chromium processes (and removes the profiles) left
 * by API or worker processes of this data folder that died without closing their browser. Browsers
 * of live processes are left alone, so the API and the worker can share the folder.
 */
export function sweepOrphanChromium(profileRoot: string): SweepResult {
  const killed: number[] = [];
  for (const { pid, ownerPid } of chromiumProcessesOf(profileRoot)) {
    if (ownerPid === process.pid || isAlive(ownerPid)) continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    } catch {
      // already gone
    }
  }
  // A killed browser (or one of its helper processes) can still write into its profile for a moment:
  // removing the profile before they are gone lets it reappear.
  const deadline = Date.now() + 5_000;
  const orphansLeft = () => chromiumProcessesOf(profileRoot).some((p) => p.ownerPid !== process.pid && !isAlive(p.ownerPid));
  while (killed.length > 0 && (killed.some(isAlive) || orphansLeft()) && Date.now() < deadline) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  const profiles: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(profileRoot);
  } catch {
    entries = [];
  }
  for (const name of entries) {
    const owner = /^(\d+)-\d+$/.exec(name);
    if (!owner || Number(owner[1]) === process.pid || isAlive(Number(owner[1]))) continue;
    rmSync(join(profileRoot, name), { recursive: true, force: true });
    profiles.push(name);
  }
  return { killed, profiles };
}
