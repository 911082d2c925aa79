// The end state of a chaos service, once the runs are over: settled on one revision with nothing stray, and the
// user's own settings as they were.

import type { SandboxControl } from '../sandbox/client.js'
import { waitFor } from '../sandbox/fixtures.js'
import type { Played } from './driver.js'
import { CLUSTER, describeService, listenerWeights, type ChaosService } from './harness.js'

/** How long the service may take to settle after the last run: a removed task set drains first. */
const SETTLE_MS = 40_000

/** Fields UpdateService cannot unset, with the value that means what their absence means. */
const UNSETTABLE: Record<string, unknown> = {
  strategy: 'ROLLING',
  bakeTimeInMinutes: 0,
  lifecycleHooks: [],
  linearConfiguration: undefined,
  canaryConfiguration: undefined
}

/**
 * The user's settings as they were. UpdateService cannot unset a field, so where the service had none of the
 * fields a native rollout sets, the action puts back the default (strategy ROLLING, no bake, no hooks) and the
 * rollout's linear/canary configuration stays (docs/ecs-controller.md); a kind's `setsSettings` are its inputs'.
 * Every other field must be as it was.
 */
export function sameSettings(before: string, after: string, setByInputs: string[] = []): boolean {
  if (before === after) return true
  const was = JSON.parse(before) as { deploymentConfiguration?: Record<string, unknown> }
  const now = JSON.parse(after) as { deploymentConfiguration?: Record<string, unknown> }
  for (const field of setByInputs) {
    delete was.deploymentConfiguration?.[field]
    delete now.deploymentConfiguration?.[field]
  }
  for (const [field, meaning] of Object.entries(UNSETTABLE)) {
    const value = now.deploymentConfiguration?.[field]
    const unset = meaning === undefined || JSON.stringify(value) === JSON.stringify(meaning)
    if (was.deploymentConfiguration?.[field] === undefined && unset)
      delete now.deploymentConfiguration?.[field]
  }
  return JSON.stringify(was) === JSON.stringify(now)
}

/**
 * Settled on one revision with nothing stray: task sets — one PRIMARY task set at 100 %, steady with every task
 * running; the ECS controller — one COMPLETED PRIMARY deployment with every task running and none held (no
 * deployment in progress, so no pause hook awaiting). Then all traffic on that revision.
 */
export async function settled(
  control: SandboxControl,
  played: Played,
  svc: ChaosService,
  skewMs: number
): Promise<string> {
  const { scenario } = played
  let seen = ''
  const ecs = scenario.kind.controller === 'ECS'
  return waitFor(
    ecs
      ? 'one COMPLETED PRIMARY deployment with all traffic on it'
      : 'one steady PRIMARY task set at 100 % with all traffic on it',
    async () => {
      const service = await describeService(svc)
      let taskDefinition: string
      let ownTargetGroup: string | undefined
      if (ecs) {
        const deployments = service.deployments ?? []
        seen = deployments
          .map(
            d =>
              `${label(d.taskDefinition!)} ${d.status} ${d.rolloutState} ${d.runningCount}/${d.desiredCount}`
          )
          .join('; ')
        if (deployments.length !== 1) return undefined
        const [d] = deployments
        if (d.status !== 'PRIMARY' || d.rolloutState !== 'COMPLETED') return undefined
        if (d.runningCount !== scenario.desiredCount) return undefined
        taskDefinition = d.taskDefinition!
        // The production rule forwards to the target group that serves: the one with the weight, checked below.
        ownTargetGroup = undefined
      } else {
        const sets = service.taskSets ?? []
        seen = sets
          .map(
            s =>
              `${label(s.taskDefinition!)} ${s.status} ${s.scale?.value}% ${s.runningCount}/${s.computedDesiredCount} ${s.stabilityStatus}`
          )
          .join('; ')
        if (sets.length !== 1) return undefined
        const [set] = sets
        if (set.status !== 'PRIMARY' || set.scale?.value !== 100 || set.stabilityStatus !== 'STEADY_STATE')
          return undefined
        if (set.runningCount !== scenario.desiredCount) return undefined
        taskDefinition = set.taskDefinition!
        ownTargetGroup = set.loadBalancers?.[0]?.targetGroupArn
      }
      if (scenario.traffic === 'weights') {
        const weights = await listenerWeights(svc)
        const serving = Object.entries(weights).filter(([, w]) => w > 0)
        if (serving.length !== 1 || (ownTargetGroup && serving[0][0] !== ownTargetGroup)) {
          seen += `; weights ${JSON.stringify(weights)}`
          return undefined
        }
      }
      const recent = await control.journal(CLUSTER, svc.name, { since: Date.now() + skewMs - 1000 })
      const shares = recent.ticks.flatMap(t => Object.keys(t.trafficShareByTaskDefinition))
      if (shares.length === 0 || shares.some(td => td !== taskDefinition)) return undefined
      return taskDefinition
    },
    { timeoutMs: SETTLE_MS, intervalMs: 500 }
  ).catch(() => {
    throw new Error(`did not settle within ${SETTLE_MS / 1000}s: ${seen || 'nothing'}`)
  })
}

export function label(arn: string): string {
  return arn.replace(/^.*:task-definition\//, '')
}
