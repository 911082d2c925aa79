// Deploy windows and freezes, applied before the first change of a deploy or a promote: refused with nothing
// changed, naming the window and when it opens next, or (on-outside-window: wait) waiting for it within timeout.
// The decision is src/plan/deploy-window.ts; this only carries it out. Rollbacks, aborts and preview clean-ups
// never come here.

import * as core from '@actions/core'
import { formatDuration } from '../config/parse.js'
import type { Config } from '../config/types.js'
import type { Clock } from '../engine/ports.js'
import { describeOpening, windowContains, windowVerdict } from '../plan/deploy-window.js'

/** A long wait logs now and then that it is still waiting. */
const WAIT_SLICE_MS = 15 * 60_000

export async function awaitDeployWindow(
  config: Config,
  deps: { clock: Clock; cancel?: AbortSignal }
): Promise<void> {
  const { windows, freezes, onOutside } = config.window
  // A rollback runs the deploy pipeline too: it is never blocked.
  if (config.command !== 'deploy' && config.command !== 'promote') return
  if (windows.length === 0 && freezes.length === 0) return
  const { clock } = deps
  const deadline = clock.now() + config.timeoutMs
  for (;;) {
    const verdict = windowVerdict(config.window, clock.now())
    if (verdict.open) return
    const opens =
      verdict.opensAt === undefined
        ? 'no deploy window opens within 400 days: check deploy-window and freeze'
        : `it opens next ${describeOpening(verdict.opensAt, zoneAt(config, verdict.opensAt))}`
    const refused = `${config.command} is ${verdict.why}: nothing was changed; ${opens}`
    if (onOutside === 'fail') throw new Error(`${refused}. Run it then, or set on-outside-window: wait`)
    if (verdict.opensAt === undefined || verdict.opensAt > deadline)
      throw new Error(`${refused}, after timeout (${formatDuration(config.timeoutMs)}) would end`)
    if (deps.cancel?.aborted) throw new Error(`${refused}. The run was cancelled while it waited`)
    core.info(`Waiting: ${config.command} is ${verdict.why}; ${opens}`)
    await clock.sleep(Math.min(verdict.opensAt - clock.now(), WAIT_SLICE_MS), deps.cancel)
  }
}

/** The zone of the window open at `at`, so the opening is told in the time the user wrote it in. */
function zoneAt(config: Config, at: number): string {
  return config.window.windows.find(w => windowContains(w, at))?.zone ?? 'UTC'
}
