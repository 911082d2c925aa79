// Inputs that apply to one deployment controller only. Which controller a service has is known once it has been
// read, so these checks run in deploy, still before anything changes; each error names the input.

import { customShape, LINEAR_STEP, nativeName, tenths } from './native-shape.js'
import { InputError } from './parse.js'
import type { Config } from './types.js'

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
  const name = config.plan.strategy.name
  if ((name === 'linear' || name === 'canary') && config.given.has('partition'))
    throw new InputError(
      'partition',
      `with strategy: ${name} pauses an ECS-controller rollout at a step, and service ${config.service} runs task sets (the EXTERNAL deployment controller): use strategy: rolling with partition, or strategy: custom with a pause step`
    )
  if (config.plan.strategy.name === 'blue-green' && config.plan.traffic !== 'weights')
    throw new InputError(
      'strategy',
      '"blue-green" needs traffic: weights, with listener-arn and target-groups'
    )
}

/**
 * A service with the ECS deployment controller: only what ECS itself can be asked to do. Bakes are any length:
 * the action holds each native step with its pause hook and times the bake itself (plan/hold-hook.ts).
 */
export function checkEcsControllerInputs(config: Config): void {
  const name = config.plan.strategy.name
  const where = `service ${config.service} uses the ECS deployment controller`
  if (config.plan.traffic === 'weights')
    throw new InputError(
      'traffic',
      `weights applies to task-set rollouts (the EXTERNAL deployment controller), and ${where}: there, strategy: linear, canary and blue-green move traffic by ECS's own weighted target groups (the load balancer's advancedConfiguration). Remove traffic and its listener and target-group inputs`
    )
  // A native linear or canary rollout pauses at the step that reaches its partition (ECS waits at the hook).
  const paused = name === 'linear' || name === 'canary'
  for (const input of TASK_SET_ONLY) {
    if (input === 'partition' && paused) continue
    if (config.given.has(input))
      throw new InputError(
        input,
        `applies to task-set rollouts (the EXTERNAL deployment controller), and ${where}, which carries a deployment out by itself: remove ${input}`
      )
  }
  if (name === 'custom') {
    const shaped = customShape(config.plan.strategy.steps)
    if ('refused' in shaped) throw customRefusal(config, shaped.refused)
  }
  const native = nativeName(config.plan.strategy)
  if (config.onFailure === 'pause' && !native)
    throw new InputError(
      'on-failure',
      `pause cannot hold a ${name} deployment that ECS carries out by itself (${where}): use on-failure: rollback, or strategy: linear, canary or blue-green, which ECS runs step by step and the action holds at each`
    )
  const partition =
    config.plan.strategy.name === 'linear' || config.plan.strategy.name === 'canary'
      ? config.plan.strategy.partition
      : undefined
  if (partition?.value === 0)
    throw new InputError(
      'partition',
      `0 would pause before any traffic moves, and ECS's native ${name} deployment starts with its first step: give the share to pause at (e.g. partition: 20%), or deploy later`
    )
  if (!native) return
  for (const input of ['max-surge', 'max-unavailable'] as const) {
    if (config.given.has(input))
      throw new InputError(
        input,
        `does not apply to strategy: ${name} on an ECS-controller service: ECS's native ${name} deployment starts the new revision at full size beside the old one. Remove ${input}`
      )
  }
  const strategy = config.plan.strategy
  if (strategy.name === 'linear') {
    if (strategy.stepPercent < LINEAR_STEP.min || !tenths(strategy.stepPercent))
      throw new InputError(
        'step-percent',
        `${strategy.stepPercent} is not a step ECS's native linear deployments take: ${LINEAR_STEP.min} to ${LINEAR_STEP.max}, in steps of 0.1`
      )
  }
  if (strategy.name === 'canary' && !tenths(strategy.canaryPercent))
    throw new InputError(
      'canary-percent',
      `${strategy.canaryPercent} is not a share ECS's native canary deployments take: 0.1 to 100, in steps of 0.1`
    )
}

/**
 * The one wording for a custom plan ECS cannot run: what ECS's native deployments can do, why this plan is not one
 * of them, and what to use instead.
 */
export function customRefusal(config: Pick<Config, 'service'>, why: string): InputError {
  return new InputError(
    'steps',
    `${why}, and service ${config.service} uses the ECS deployment controller, whose native deployments take equal steps only (linear: 10%, 20%, … 100%, at least 3% each), or one step and the rest (canary: 10%, 100%); the action holds each step and times its bake, so bakes and pause steps may be anything. Use steps ECS can take (e.g. "10:5m, pause, 100" or "25, 50, pause, 75, 100"), linear or canary with partition, or task sets (the EXTERNAL deployment controller) for uneven steps`
  )
}
