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

export interface Trials<T> {
  results: T[]
  /** Trials that failed (the action or the sandbox misbehaved): reported, never silently dropped. */
  failures: string[]
}

/**
 * Runs `trials` trials in rounds; a failed trial is recorded and the others go on, but more than a fifth failing
 * fails the benchmark.
 */
export async function inRounds<T>(
  sandbox: SandboxProcess,
  o: { trials: number; concurrency: number; staggerMs: number },
  trial: (slot: Slot) => Promise<T>
): Promise<Trials<T>> {
  const results: T[] = []
  const failures: string[] = []
  for (let first = 0; first < o.trials; first += o.concurrency) {
    await sandbox.control.reset()
    const round = Array.from({ length: Math.min(o.concurrency, o.trials - first) }, (_, i) =>
      sleep(i * o.staggerMs).then(() => trial({ trial: first + i, region: REGIONS[i] }))
    )
    for (const outcome of await Promise.allSettled(round)) {
      if (outcome.status === 'fulfilled') results.push(outcome.value)
      else failures.push(String(outcome.reason instanceof Error ? outcome.reason.message : outcome.reason))
    }
  }
  if (failures.length > o.trials / 5)
    throw new Error(`${failures.length} of ${o.trials} trials failed; the first: ${failures[0]}`)
  return { results, failures }
}

/** A note on failed trials, or nothing. */
export function failureNote(what: string, failures: string[]): string[] {
  if (!failures.length) return []
  const first = failures[0].split('\n').slice(0, 3).join(' ')
  return [`${what}: ${failures.length} trial(s) failed and are not in the figures; the first: ${first}`]
}

/** A uniformly random delay in [0, ms). */
export function randomDelay(ms: number): number {
  return Math.random() * ms
}
