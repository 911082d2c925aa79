// The post step: a safety net for a main step that was killed before it could hand its rollout off
// (the runner's SIGKILL after a cancel, or a crash). If this run still owns an unfinished rollout, it applies
// on-cancel now: rolls it back (default) or pauses it for a person.

import * as core from '@actions/core'
import { readConfig } from './config/inputs.js'
import { State } from './constants.js'
import { describeError } from './errors.js'

export async function runPost(): Promise<void> {
  const saved = core.getState(State.Rollout)
  if (!saved || core.getState(State.Finished) === 'true') return
  try {
    const { id } = JSON.parse(saved) as { id: string }
    const config = readConfig(name => core.getInput(name))
    const [{ createClients }, { systemClock }, { runContext }, { readService }, { decodeRecord }, control] =
      await Promise.all([
        import('./aws/clients.js'),
        import('./engine/ports.js'),
        import('./run-context.js'),
        import('./aws/service.js'),
        import('./record/record.js'),
        import('./commands/control.js')
      ])
    const deps = { clients: createClients(), clock: systemClock, run: runContext() }
    const service = await readService(deps.clients.ecs, config.cluster, config.service)
    const record = decodeRecord(service.tags)
    if (!record || record.id !== id || record.phase !== 'Active') return
    if (record.stage === 'paused' || record.stage === 'batch-completed') return
    core.warning(
      `The main step ended before rollout ${id} was handed off: applying on-cancel: ${config.onCancel}`
    )
    const outcome = await control.controlCommand(
      { ...config, command: config.onCancel === 'pause' ? 'pause' : 'abort', takeoverAfterMs: 0 },
      deps
    )
    core.info(`Rollout ${id}: ${outcome.status}`)
  } catch (error) {
    core.warning(`The post step could not check the rollout: ${describeError(error)}`)
  }
}
