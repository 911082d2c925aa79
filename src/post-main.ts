// The post step: a safety net for a main step that was killed before it could hand its rollout off
// (the runner's SIGKILL after a cancel, or a crash), or that handed it off unfinished when its grace after a
// cancel ran out. If this run still owns an unfinished rollout, it applies on-cancel now: rolls it back
// (default) or pauses it for a person (a deployment ECS carries out itself cannot be paused: it is left to ECS).

import * as core from '@actions/core'
import { readConfig } from './config/inputs.js'
import type { Config } from './config/types.js'
import type { SessionDeps } from './commands/session-deps.js'
import { State } from './constants.js'
import { describeError } from './errors.js'

export async function runPost(): Promise<void> {
  const settled = await settleRollout()
  if (core.getState(State.Finished) !== 'true') await closeGitHubDeployment(settled)
}

/**
 * A GitHub deployment the main step created but could not finish reporting (it was killed) would stay in
 * progress for ever: it is marked failed, saying what the post step did about the rollout.
 */
async function closeGitHubDeployment(settled: string | undefined): Promise<void> {
  const id = Number(core.getState(State.GitHubDeployment))
  if (!Number.isInteger(id) || id <= 0) return
  try {
    const config = readConfig(name => core.getInput(name))
    const [{ connectGitHub }, { actionContext }, { GitHubDeployment }] = await Promise.all([
      import('./github/client.js'),
      import('./github/context.js'),
      import('./github/deployments.js')
    ])
    const github = await connectGitHub(config.githubToken, actionContext())
    await GitHubDeployment.existing(github, id).status(
      'failure',
      `The run stopped before the rollout ended${settled ? `; the post step: ${settled}` : ''}`
    )
  } catch (error) {
    core.warning(`The post step could not close GitHub deployment ${id}: ${describeError(error)}`)
  }
}

/**
 * Applies on-cancel to a rollout the main step left unfinished; says what it did, if anything. With services, to each
 * service's rollout that this run owns (their ids are on the services: only the last one started is in the state).
 */
async function settleRollout(): Promise<string | undefined> {
  const saved = core.getState(State.Rollout)
  if (!saved) return undefined
  try {
    const config = readConfig(name => core.getInput(name))
    const [{ createClients }, { systemClock }, { runContext }, { serviceConfig }] = await Promise.all([
      import('./aws/clients.js'),
      import('./engine/ports.js'),
      import('./run-context.js'),
      import('./commands/service-runs.js')
    ])
    const run = runContext()
    if (config.waves.services.length === 0) {
      const { id } = JSON.parse(saved) as { id: string }
      return await settleOne(config, { clients: createClients(), clock: systemClock, run }, id)
    }
    // Without the ids, only a rollout this run is recorded as owning is touched: that needs the run's URL.
    if (!run.runUrl) return undefined
    const settled: string[] = []
    for (const ref of config.waves.services) {
      const deps = { clients: createClients(ref.region), clock: systemClock, run }
      const done = await settleOne(serviceConfig(config, ref), deps).catch((error: unknown) => {
        core.warning(`The post step could not check ${ref.text}: ${describeError(error)}`)
        return undefined
      })
      if (done) settled.push(`${ref.text}: ${done}`)
    }
    return settled.length ? settled.join('; ') : undefined
  } catch (error) {
    core.warning(`The post step could not check the rollout: ${describeError(error)}`)
    return undefined
  }
}

/** One service's rollout: `id` the one the main step saved, or (services) whatever rollout the service holds. */
async function settleOne(config: Config, deps: SessionDeps, id?: string): Promise<string | undefined> {
  const [{ readService }, { decodeRecord }, { choosePostStep }, control] = await Promise.all([
    import('./aws/service.js'),
    import('./record/record.js'),
    import('./commands/control-protocol.js'),
    import('./commands/control.js')
  ])
  const service = await readService(deps.clients.ecs, config.cluster, config.service)
  const record = decodeRecord(service.tags)
  id ??= record?.id ?? ''
  const choice = choosePostStep(id, record, {
    runUrl: deps.run.runUrl,
    mainFinished: core.getState(State.Finished) === 'true',
    onCancel: config.onCancel,
    controller: service.controller
  })
  if (choice.kind === 'nothing') return undefined
  core.warning(
    choice.handedOver
      ? `The main step ran out of time after the cancel with rollout ${id} unfinished: applying on-cancel: ${config.onCancel}`
      : `The main step ended before rollout ${id} was handed off: applying on-cancel: ${config.onCancel}`
  )
  if (choice.kind === 'leave-to-ecs') {
    core.warning(
      `The main step ended before rollout ${id} was handed off; on-cancel: pause leaves ECS's deployment to ECS, which carries it on by itself: abort it from a later run to roll it back`
    )
    return `rollout ${id} was left to ECS (on-cancel: pause)`
  }
  const outcome = await control.controlCommand(
    { ...config, command: choice.command, takeoverAfterMs: 0 },
    deps
  )
  core.info(`Rollout ${id}: ${outcome.status}${outcome.failure ? `: ${outcome.failure}` : ''}`)
  if (outcome.failure) core.warning(`The post step could not settle rollout ${id}: ${outcome.failure}`)
  return `rollout ${id} ${outcome.status}`
}
