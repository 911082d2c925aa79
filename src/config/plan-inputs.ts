// The inputs that shape the step plan: strategy and its own inputs, traffic, stable-scale and the capacity
// envelope (max-surge, max-unavailable), bake time and custom steps.

import { INPUT_DEFAULTS, type InputName } from './input-defaults.js'
import {
  InputError,
  parseDuration,
  parseEnum,
  parseList,
  parsePercent,
  parseQuantity,
  show
} from './parse.js'
import type { InputProblems } from './problems.js'
import {
  STABLE_SCALES,
  type Command,
  type CustomStep,
  type PlanConfig,
  type StrategyConfig
} from './types.js'

const DAY = 86_400_000

export function readPlanConfig(
  raw: Record<InputName, string>,
  given: Set<string>,
  run: { command: Command; name: StrategyConfig['name']; traffic: PlanConfig['traffic'] },
  problems: InputProblems,
  warnings: string[]
): PlanConfig {
  const a = problems.attempt.bind(problems)
  const { name, traffic } = run
  const stableScale = raw['stable-scale']
    ? a(() => parseEnum('stable-scale', raw['stable-scale'], STABLE_SCALES), 'shrink')
    : traffic === 'weights'
      ? 'keep'
      : 'shrink'
  if (stableScale === 'keep' && given.has('max-surge')) {
    // Asked for both, they contradict each other; keep only by default with weights, max-surge is just unused.
    if (given.has('stable-scale'))
      a(() => {
        throw new InputError(
          'max-surge',
          'limits extra tasks, but stable-scale: keep keeps every stable task until the end: remove max-surge or set stable-scale: shrink'
        )
      }, undefined)
    else {
      warnings.push(
        `max-surge: not used with traffic: weights, where the stable revision keeps every task until the end (stable-scale: keep, the default there), so it is ignored: it limits extra tasks with stable-scale: shrink`
      )
      given.delete('max-surge')
      raw['max-surge'] = INPUT_DEFAULTS['max-surge']
    }
  }
  const maxSurge =
    name === 'all-at-once' && !given.has('max-surge')
      ? { kind: 'percent' as const, value: 100 }
      : a(() => parseQuantity('max-surge', raw['max-surge'], { allowZero: true }), {
          kind: 'percent' as const,
          value: 25
        })
  const maxUnavailable = a(
    () => parseQuantity('max-unavailable', raw['max-unavailable'], { allowZero: true }),
    {
      kind: 'count' as const,
      value: 0
    }
  )
  if (maxSurge.value === 0 && maxUnavailable.value === 0)
    a(() => {
      throw new InputError(
        'max-unavailable',
        'and max-surge are both 0, so no task could ever be replaced: allow at least one of them'
      )
    }, undefined)
  // deploy (and rollback, a deploy of an earlier revision) check it once the service's controller is known:
  // on an ECS-controller service blue-green is ECS's native blue/green (config/controller-inputs.ts).
  if (
    !problems.failed('command') &&
    name === 'blue-green' &&
    traffic !== 'weights' &&
    !['deploy', 'rollback'].includes(run.command)
  )
    a(() => {
      throw new InputError(
        'strategy',
        '"blue-green" needs traffic: weights, with listener-arn and target-groups'
      )
    }, undefined)

  return {
    // An invalid strategy names none whose inputs could be read.
    strategy: problems.failed('strategy')
      ? { name: 'all-at-once' }
      : a(() => readStrategy(name, raw, given), { name: 'all-at-once' }),
    traffic,
    stableScale,
    maxSurge,
    maxUnavailable,
    bakeMs: a(() => parseDuration('bake-time', raw['bake-time'], { max: DAY }), 0)
  }
}

function readStrategy(
  name: StrategyConfig['name'],
  raw: Record<InputName, string>,
  given: Set<string>
): StrategyConfig {
  const partition = given.has('partition')
    ? parseQuantity('partition', raw.partition, { allowZero: true })
    : undefined
  switch (name) {
    case 'rolling': {
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
        stepBakeMs: parseDuration('step-bake-time', raw['step-bake-time'], { max: DAY }),
        ...(partition && { partition })
      }
    case 'canary':
      return {
        name,
        canaryPercent: parsePercent('canary-percent', raw['canary-percent'], 0.1, 99.9),
        canaryBakeMs: parseDuration('canary-bake-time', raw['canary-bake-time'], { max: DAY }),
        ...(partition && { partition })
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
