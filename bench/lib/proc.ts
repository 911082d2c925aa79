// Reading a child's resource use from /proc (Linux): CPU time, and peak RSS (VmHWM) sampled while it runs.

import { readFileSync } from 'node:fs'

/** Clock ticks per second of /proc/PID/stat times (USER_HZ: 100 on every Linux the runners use). */
const USER_HZ = 100

/** User + system CPU time of a live process, in ms; undefined once it is gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces: the fields after it start past the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ
  } catch {
    return undefined
  }
}

/** The high-water mark of a live process's resident set (VmHWM), in KB; undefined once it is gone. */
export function peakRssKb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) : undefined
  } catch {
    return undefined
  }
}

/**
 * Samples VmHWM every `intervalMs` until stopped. VmHWM only grows, so the last sample is the peak up to then;
 * what the process adds in its last interval before exiting is not seen.
 */
export class RssSampler {
  peakKb = 0
  samples = 0
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly pid: number,
    intervalMs = 50
  ) {
    this.sample()
    this.timer = setInterval(() => this.sample(), intervalMs)
  }

  sample(): void {
    const kb = peakRssKb(this.pid)
    if (kb === undefined) return
    this.samples++
    this.peakKb = Math.max(this.peakKb, kb)
  }

  stop(): number {
    clearInterval(this.timer)
    return this.peakKb
  }
}
