// Trials in rounds: up to `concurrency` at once, each in its own region (so the sandbox's call log tells their
// calls apart), on a sandbox reset before every round so that no earlier service adds to its work.

import type { SandboxProcess } from './sandbox.js'
import { REGIONS } from './scenes.js'

export interface Slot {
  /** Trial number, from 0. */
  trial: number
  region: string
}

export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

export async function inRounds<T>(
  sandbox: SandboxProcess,
  o: { trials: number; concurrency: number; staggerMs: number },
  trial: (slot: Slot) => Promise<T>
): Promise<T[]> {
  const results: T[] = []
  for (let first = 0; first < o.trials; first += o.concurrency) {
    await sandbox.control.reset()
    const round = Array.from({ length: Math.min(o.concurrency, o.trials - first) }, (_, i) =>
      sleep(i * o.staggerMs).then(() => trial({ trial: first + i, region: REGIONS[i] }))
    )
    results.push(...(await Promise.all(round)))
  }
  return results
}

/** A uniformly random delay in [0, ms). */
export function randomDelay(ms: number): number {
  return Math.random() * ms
}
