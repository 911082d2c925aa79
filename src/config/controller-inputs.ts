// Inputs that apply to one deployment controller only. Which controller a service has is known once it has been
// read, so these checks run in deploy, still before anything changes; each error names the input.

import { bakeMinutes, formatDuration, InputError } from './parse.js'
import { isNativeStrategy, type Config } from './types.js'

/** Inputs only task-set rollouts (the EXTERNAL controller) use. */
const TASK_SET_ONLY = [
  'stable-scale',
  'partition',
  'batch-size',
  'batch-interval',
  'listener-arn',
  'listener-rule-arn',
  'target-groups',
  'test-listener-arn'
] as const

/** A task-set (EXTERNAL) service. */
export function checkTaskSetInputs(config: Config): void {
  if (config.plan.strategy.name === 'blue-green' && config.plan.traffic !== 'weights')
    throw new InputError(
      'strategy',
      '"blue-green" needs traffic: weights, with listener-arn and target-groups'
    )
}

/** A service with the ECS deployment controller: only what ECS itself can be asked to do. */
/**
 * An ECS-controller service. `endpoint` is where ECS calls go when it is not AWS (AWS_ENDPOINT_URL: the sandbox,
 * an emulator), which may take what real ECS refuses.
 */
export function checkEcsControllerInputs(config: Config, endpoint?: string): void {
  const name = config.plan.strategy.name
  const where = `service ${config.service} uses the ECS deployment controller`
  if (config.plan.traffic === 'weights')
    throw new InputError(
      'traffic',
      `weights applies to task-set rollouts (the EXTERNAL deployment controller), and ${where}: there, strategy: linear, canary and blue-green move traffic by ECS's own weighted target groups (the load balancer's advancedConfiguration). Remove traffic and its listener and target-group inputs`
    )
  for (const input of TASK_SET_ONLY) {
    if (config.given.has(input))
      throw new InputError(
        input,
        `applies to task-set rollouts (the EXTERNAL deployment controller), and ${where}, which carries a deployment out by itself: remove ${input}`
      )
  }
  if (name === 'custom')
    throw new InputError(
      'strategy',
      `custom steps need task sets (the EXTERNAL deployment controller), and ${where}: ECS's native deployments have no custom steps. Use linear or canary, which ECS carries out step by step itself`
    )
  if (config.onFailure === 'pause')
    throw new InputError(
      'on-failure',
      `pause cannot hold a deployment that ECS carries out by itself (${where}): use on-failure: rollback`
    )
  if (!isNativeStrategy(name)) return
  for (const input of ['max-surge', 'max-unavailable'] as const) {
    if (config.given.has(input))
      throw new InputError(
        input,
        `does not apply to strategy: ${name} on an ECS-controller service: ECS's native ${name} deployment starts the new revision at full size beside the old one. Remove ${input}`
      )
  }
  const strategy = config.plan.strategy
  if (strategy.name === 'linear') {
    if (strategy.stepPercent < 3 || !tenths(strategy.stepPercent))
      throw new InputError(
        'step-percent',
        `${strategy.stepPercent} is not a step ECS's native linear deployments take: 3 to 100, in steps of 0.1`
      )
  }
  if (strategy.name === 'canary' && !tenths(strategy.canaryPercent))
    throw new InputError(
      'canary-percent',
      `${strategy.canaryPercent} is not a share ECS's native canary deployments take: 0.1 to 100, in steps of 0.1`
    )
  const [fraction] = fractionalBakes(config)
  if (fraction && !endpoint)
    throw new InputError(
      fraction[0],
      `${formatDuration(fraction[1])} is not a whole number of minutes, and ECS's native ${name} deployments bake whole minutes: use 0s, 1m, 2m and so on`
    )
}

function tenths(percent: number): boolean {
  return Math.abs(percent * 10 - Math.round(percent * 10)) < 1e-9
}

/** A native strategy's bakes that are not whole minutes, by input. */
function fractionalBakes(config: Config): [string, number][] {
  const strategy = config.plan.strategy
  if (!isNativeStrategy(strategy.name)) return []
  const bakes: [string, number][] = [['bake-time', config.plan.bakeMs]]
  if (strategy.name === 'linear') bakes.push(['step-bake-time', strategy.stepBakeMs])
  if (strategy.name === 'canary') bakes.push(['canary-bake-time', strategy.canaryBakeMs])
  return bakes.filter(([, ms]) => ms % 60_000 !== 0)
}

/**
 * ECS counts bake time in whole minutes, and against AWS a bake that is not one is an input error. An endpoint
 * that is not AWS's (the sandbox: that is how tests bake for seconds) gets the exact fraction, rounded up to 0.01
 * minute, with a warning naming the input.
 */
export function fractionalBakeWarnings(config: Config, endpoint?: string): string[] {
  if (!endpoint) return []
  return fractionalBakes(config).map(
    ([input, ms]) =>
      `${input}: ${formatDuration(ms)} is not a whole number of minutes: it is sent as ${bakeMinutes(ms)} minutes to ${endpoint}, which takes fractions; ECS itself bakes whole minutes and refuses them`
  )
}
