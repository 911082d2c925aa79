// command: deploy on a service with the EXTERNAL deployment controller (task sets); a service with the ECS
// controller goes to deploy-ecs.ts.
// Everything that can be checked is checked before the first mutating call: the service and its controller,
// a rollout already in flight, the task definition file, the alarms, the plan and the timeout, and alarms
// already firing.

import * as core from '@actions/core'
import type { Clients } from '../aws/clients.js'
import { ListenerWeights } from '../aws/listener-weights.js'
import { readService, type ServiceInfo } from '../aws/service.js'
import {
  isTaskDefinitionFile,
  loadTaskDefinitionFile,
  registerTaskDefinition,
  resolveTaskDefinition
} from '../aws/task-definition.js'
import { checkTaskSetInputs } from '../config/controller-inputs.js'
import { formatDuration, InputError, show } from '../config/parse.js'
import type { Config } from '../config/types.js'
import { Status } from '../constants.js'
import { buildPlan } from '../plan/planner.js'
import type { Plan } from '../plan/types.js'
import { decodeRecord } from '../record/record.js'
import { deployOnEcsController } from './deploy-ecs.js'
import { actionContext } from '../github/context.js'
import { checkForkSafety } from '../github/fork-safety.js'
import { handleOrphan, ownerIsAlive } from './ownership.js'
import { alreadyRunning, checkAlarmsAtStart, checkedGates, newRecord, newRolloutId } from './start-checks.js'
import type { Outcome } from './outcome.js'
import {
  describeTaskDefinition,
  portsFor,
  runRollout,
  saveForPostStep,
  type SessionDeps
} from './rollout-session.js'

/** GitHub-hosted jobs are stopped after 6 hours. */
const JOB_LIMIT_MS = 6 * 3_600_000

export async function deployCommand(
  config: Config,
  deps: SessionDeps,
  taskDefinitionRef = config.taskDefinition as string
): Promise<Outcome> {
  const { clients, clock } = deps
  // ---- checks: nothing below changes anything until the task definition is registered ----
  checkForkSafety(config, actionContext())
  let service = await readService(clients.ecs, config.cluster, config.service)
  if (checkController(config, service) === 'ECS')
    return deployOnEcsController(config, deps, service, taskDefinitionRef)
  const file = isTaskDefinitionFile(taskDefinitionRef)
    ? await loadTaskDefinitionFile(taskDefinitionRef, config.containerImages)
    : undefined
  const gates = await checkedGates(config, clients)
  const plan = checkedPlan(config, service.desiredCount)
  const inFlight = decodeRecord(service.tags)
  if (inFlight?.phase === 'Active') {
    if (ownerIsAlive(inFlight, config, clock.now()))
      throw new Error(
        `a rollout (${inFlight.id}) is already in progress on ${config.service}, owned by ${inFlight.owner || inFlight.runUrl || inFlight.actor} (started by ${inFlight.actor}): promote, resume or abort it first`
      )
    if (!config.takeover)
      throw new Error(
        `rollout ${inFlight.id} on ${config.service} (${inFlight.stage ?? 'active'} at step ${inFlight.step}) has no live owner: resume, promote or abort it, or set takeover: true to let this run finish it (on-orphan: ${config.onOrphan}) first`
      )
  }
  if (inFlight?.phase !== 'Active') await checkRoute(config, clients)
  await checkAlarmsAtStart(config, gates, clock)

  // ---- act ----
  if (inFlight?.phase === 'Active') {
    const settled = await handleOrphan(config, deps, service, inFlight)
    // Finished or rolled back, the service is settled and this run's own rollout starts; otherwise stop here.
    const settledOk = settled.status === Status.Succeeded || settled.status === Status.RolledBack
    if (!settledOk || deps.cancel?.aborted) return settled
    service = await readService(clients.ecs, config.cluster, config.service)
  }
  const rolloutId = newRolloutId(deps.run)
  const resolved = file
    ? await registerTaskDefinition(clients.ecs, file, rolloutId)
    : await resolveTaskDefinition(clients.ecs, taskDefinitionRef, config.containerImages, rolloutId)
  if (resolved.arn === service.taskDefinition) return alreadyRunning(config, resolved.arn)
  const record = newRecord(config, deps.run, clock.now(), {
    id: rolloutId,
    steps: plan.steps.length,
    newTaskDefinition: resolved.arn,
    stableTaskDefinition: service.taskDefinition
  })

  const ports = await portsFor(config, clients, service, record)
  saveForPostStep(config, rolloutId)
  await ports.records.save(record)
  await ports.fleet.ensureNew()
  // A service that never had a task set gets its first one at full size: there is nothing to protect yet.
  const firstDeploy = !service.taskDefinition
  return runRollout({
    config,
    deps,
    record,
    ports,
    state: {
      mode: 'forward',
      step: 1,
      phase: 'moving',
      stepStartedAt: clock.now(),
      trafficPercent: 0,
      promoted: false
    },
    from: await describeTaskDefinition(clients, service.taskDefinition),
    to: resolved.definition,
    ungated: firstDeploy,
    plan: firstDeploy ? { ...config.plan, strategy: { name: 'all-at-once' }, bakeMs: 0 } : undefined
  })
}

/** EXTERNAL: task sets, here; ECS: deploy-ecs.ts; CODE_DEPLOY: refused. Inputs of the other controller are refused. */
function checkController(config: Config, service: ServiceInfo): 'EXTERNAL' | 'ECS' {
  if (service.controller === 'EXTERNAL') {
    checkTaskSetInputs(config)
    return 'EXTERNAL'
  }
  if (service.controller === 'ECS') return 'ECS'
  throw new Error(
    `service ${config.service} uses the ${service.controller} deployment controller, which CodeDeploy drives: ecs-rollout deploys to services with the ECS deployment controller (rolling, all-at-once, and ECS's native linear, canary and blue-green) and with the EXTERNAL controller (task sets, every strategy). Deploy this service through CodeDeploy, or use a service with the ECS or EXTERNAL controller. Nothing was changed`
  )
}

/** The plan for today's size, refused before anything changes if the capacity rules cannot carry it out. */
export function checkedPlan(config: Config, desired: number): Plan {
  let plan: Plan
  try {
    plan = buildPlan(config.plan, desired)
  } catch (error) {
    throw new InputError('max-surge', `${(error as Error).message} (desired count ${desired})`)
  }
  const waits = plan.steps.reduce((sum, s) => sum + (s.pause === 'manual' ? 0 : s.bakeMs), plan.finalBakeMs)
  if (waits > config.timeoutMs)
    throw new InputError(
      'timeout',
      `${formatDuration(config.timeoutMs)} is shorter than the plan's bakes and pauses alone (${formatDuration(waits)}): raise timeout or shorten the bakes`
    )
  if (waits > JOB_LIMIT_MS)
    core.warning(
      `The plan's bakes take ${formatDuration(waits)}, longer than GitHub's 6-hour job limit: use partition or pause steps and promote from later runs`
    )
  return plan
}

/**
 * With traffic by weights, the route and its two target groups are read before anything changes: a route that
 * does not exist, or forwards to neither target group, fails the step naming the input.
 */
async function checkRoute(config: Config, clients: Clients): Promise<void> {
  if (config.plan.traffic !== 'weights') return
  const input = config.listenerRuleArn ? 'listener-rule-arn' : 'listener-arn'
  const route = new ListenerWeights({
    elb: clients.elb,
    listenerArn: config.listenerArn,
    listenerRuleArn: config.listenerRuleArn,
    targetGroups: config.targetGroups
  })
  try {
    await route.stableTargetGroup()
  } catch (error) {
    const { name, message } = error as Error
    if (/NotFound/.test(name))
      throw new InputError(
        input,
        `${show(config.listenerRuleArn ?? config.listenerArn ?? '')} was not found (${name})`
      )
    if (name === 'Error') throw new InputError('target-groups', message)
    throw error
  }
}
