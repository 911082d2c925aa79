// A run SIGKILLed mid-rollout, as a lost runner is: started, killed once `reached` says so, and given `settleMs`
// for its heartbeat to age past a short takeover-after. Shared by the e2e tests of runs that die.

import { expect } from '@jest/globals'
import { waitFor } from '../../sandbox/fixtures.js'
import type { RunResult } from './action.js'

export async function killedRun(
  start: (onStart: (pid: number) => void) => Promise<RunResult>,
  reached: () => Promise<boolean>,
  settleMs = 1500
): Promise<RunResult> {
  let pid = 0
  const running = start(p => (pid = p))
  await waitFor('the rollout under way', async () => ((await reached()) ? true : undefined), {
    timeoutMs: 30_000,
    intervalMs: 100
  })
  process.kill(pid, 'SIGKILL')
  const killed = await running
  expect(killed.signal).toBe('SIGKILL')
  await new Promise(done => setTimeout(done, settleMs))
  return killed
}
