// The post step: a safety net for a main step that was killed before it could hand its rollout off
// (the runner's SIGKILL after a cancel, or a crash), or that handed it off unfinished when its grace after a
// cancel ran out. If this run still owns an unfinished rollout, it applies on-cancel now: rolls it back
// (default) or pauses it for a person (a deployment ECS carries out itself cannot be paused: it is left to ECS).

import * as core from '@actions/core'
import { readConfig } from './config/inputs.js'
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

/** Applies on-cancel to a rollout the main step left unfinished; says what it did, if anything. */
async function settleRollout(): Promise<string | undefined> {
  const saved = core.getState(State.Rollout)
  if (!saved) return undefined
  try {
    const { id } = JSON.parse(saved) as { id: string }
    const config = readConfig(name => core.getInput(name))
    const [
      { createClients },
      { systemClock },
      { runContext },
      { readService },
      { decodeRecord },
      { choosePostStep },
      control
    ] = await Promise.all([
      import('./aws/clients.js'),
      import('./engine/ports.js'),
      import('./run-context.js'),
      import('./aws/service.js'),
      import('./record/record.js'),
      import('./commands/control-protocol.js'),
      import('./commands/control.js')
    ])
    const deps = { clients: createClients(), clock: systemClock, run: runContext() }
    const service = await readService(deps.clients.ecs, config.cluster, config.service)
    const choice = choosePostStep(id, decodeRecord(service.tags), {
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
  } catch (error) {
    core.warning(`The post step could not check the rollout: ${describeError(error)}`)
    return undefined
  }
}
