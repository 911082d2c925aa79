// The inputs that shape the step plan: strategy and its own inputs, traffic, stable-scale and the capacity
// envelope (max-surge, max-unavailable), bake time and custom steps.

import type { InputName } from './input-defaults.js'
import {
  InputError,
  parseDuration,
  parseEnum,
  parseList,
  parsePercent,
  parseQuantity,
  show
} from './parse.js'
import {
  STABLE_SCALES,
  STRATEGIES,
  TRAFFIC_MODES,
  type CustomStep,
  type PlanConfig,
  type StrategyConfig
} from './types.js'

const DAY = 86_400_000

/** Inputs that shape a step plan, and the only strategy each applies to. */
const STRATEGY_ONLY: Partial<Record<InputName, StrategyConfig['name']>> = {
  'batch-size': 'rolling',
  'batch-interval': 'rolling',
  partition: 'rolling',
  'step-percent': 'linear',
  'step-bake-time': 'linear',
  'canary-percent': 'canary',
  'canary-bake-time': 'canary',
  steps: 'custom'
}

export function readPlanConfig(raw: Record<InputName, string>, given: Set<string>): PlanConfig {
  const name = parseEnum('strategy', raw.strategy, STRATEGIES)
  for (const [input, only] of Object.entries(STRATEGY_ONLY)) {
    if (given.has(input) && only !== name)
      throw new InputError(
        input,
        `applies to strategy: ${only} only, and strategy is ${name}: remove ${input} or set strategy: ${only}`
      )
  }
  const traffic = parseEnum('traffic', raw.traffic, TRAFFIC_MODES)
  const stableScale = raw['stable-scale']
    ? parseEnum('stable-scale', raw['stable-scale'], STABLE_SCALES)
    : traffic === 'weights'
      ? 'keep'
      : 'shrink'
  if (stableScale === 'keep' && given.has('max-surge'))
    throw new InputError(
      'max-surge',
      'limits extra tasks, but stable-scale: keep keeps every stable task until the end: remove max-surge or set stable-scale: shrink'
    )
  const maxSurge =
    name === 'all-at-once' && !given.has('max-surge')
      ? { kind: 'percent' as const, value: 100 }
      : parseQuantity('max-surge', raw['max-surge'], { allowZero: true })
  const maxUnavailable = parseQuantity('max-unavailable', raw['max-unavailable'], { allowZero: true })
  if (maxSurge.value === 0 && maxUnavailable.value === 0)
    throw new InputError(
      'max-unavailable',
      'and max-surge are both 0, so no task could ever be replaced: allow at least one of them'
    )
  // deploy (and rollback, a deploy of an earlier revision) check it once the service's controller is known:
  // on an ECS-controller service blue-green is ECS's native blue/green (config/controller-inputs.ts).
  if (
    name === 'blue-green' &&
    traffic !== 'weights' &&
    !['deploy', 'rollback'].includes(raw.command.toLowerCase())
  )
    throw new InputError(
      'strategy',
      '"blue-green" needs traffic: weights, with listener-arn and target-groups'
    )

  return {
    strategy: readStrategy(name, raw, given),
    traffic,
    stableScale,
    maxSurge,
    maxUnavailable,
    bakeMs: parseDuration('bake-time', raw['bake-time'], { max: DAY })
  }
}

function readStrategy(
  name: StrategyConfig['name'],
  raw: Record<InputName, string>,
  given: Set<string>
): StrategyConfig {
  switch (name) {
    case 'rolling': {
      const partition = given.has('partition')
        ? parseQuantity('partition', raw.partition, { allowZero: true })
        : undefined
      return {
        name,
        batchSize: given.has('batch-size')
          ? parseQuantity('batch-size', raw['batch-size'], { allowZero: false })
          : undefined,
        batchIntervalMs: parseDuration('batch-interval', raw['batch-interval'], { max: DAY }),
        partition
      }
    }
    case 'linear':
      return {
        name,
        stepPercent: parsePercent('step-percent', raw['step-percent'], 1, 100),
        stepBakeMs: parseDuration('step-bake-time', raw['step-bake-time'], { max: DAY })
      }
    case 'canary':
      return {
        name,
        canaryPercent: parsePercent('canary-percent', raw['canary-percent'], 0.1, 99.9),
        canaryBakeMs: parseDuration('canary-bake-time', raw['canary-bake-time'], { max: DAY })
      }
    case 'custom':
      if (!given.has('steps'))
        throw new InputError('steps', 'is required for strategy: custom, e.g. "10:5m, 50:10m, pause, 100"')
      return { name, steps: parseSteps(raw.steps) }
    default:
      return { name }
  }
}

/** "10:5m, 25, pause, pause:30m, 100" — shares rise, each optionally baked; pauses wait for a promote or a time. */
export function parseSteps(raw: string): CustomStep[] {
  const items = parseList(raw)
  if (items.length > 100) throw new InputError('steps', `has ${items.length} items; at most 100 are allowed`)
  const steps: CustomStep[] = []
  let last = 0
  for (const item of items) {
    const pause = /^pause(?::(.+))?$/i.exec(item)
    if (pause) {
      steps.push(
        pause[1]
          ? { kind: 'pause', durationMs: parseDuration('steps', pause[1], { max: DAY }) }
          : { kind: 'pause' }
      )
      continue
    }
    const [percentText, bakeText, extra] = item.split(':')
    if (extra !== undefined || percentText === '')
      throw new InputError(
        'steps',
        `item ${show(item)} is not PERCENT, PERCENT:BAKE, pause or pause:DURATION`
      )
    const percent = parsePercent('steps', percentText, 0.1, 100)
    if (percent <= last)
      throw new InputError(
        'steps',
        `item ${show(item)} does not raise the share above ${last}%: steps must rise`
      )
    last = percent
    steps.push({
      kind: 'step',
      percent,
      bakeMs: bakeText === undefined ? 0 : parseDuration('steps', bakeText, { max: DAY })
    })
  }
  if (!steps.some(s => s.kind === 'step')) throw new InputError('steps', `${show(raw)} has no PERCENT step`)
  return steps
}
