// Turns the raw action inputs into a validated Config. Nothing touches AWS before this has passed, so every
// invalid value fails the step with nothing changed. Reading is injected (`read`) so tests need no runner.

import { splitCommand } from '../hooks/argv.js'
import {
  InputError,
  parseBoolean,
  parseCount,
  parseDuration,
  parseEnum,
  parseList,
  parsePercent,
  parseQuantity,
  show
} from './parse.js'
import { unusedInputs, WEIGHTED_COMMANDS } from './input-use.js'
import { InputProblems } from './problems.js'
import {
  COMMANDS,
  ON_ALARM_AT_START,
  ON_FAILURE,
  ON_ORPHAN,
  STABLE_SCALES,
  STRATEGIES,
  TRAFFIC_MODES,
  type Command,
  type Config,
  type CustomStep,
  type PlanConfig,
  type StrategyConfig
} from './types.js'

/** Every input of action.yml with its default; an empty default means "not set". */
export const INPUT_DEFAULTS = {
  command: 'deploy',
  cluster: 'default',
  service: '',
  'task-definition': '',
  'container-image': '',
  'desired-count': '',
  strategy: 'rolling',
  'batch-size': '',
  'batch-interval': '0s',
  'max-surge': '25%',
  'max-unavailable': '0',
  partition: '',
  'step-percent': '10',
  'step-bake-time': '1m',
  'canary-percent': '10',
  'canary-bake-time': '5m',
  steps: '',
  'bake-time': '5m',
  alarms: '',
  'warning-alarms': '',
  'poll-interval': '12s',
  'on-failure': 'rollback',
  'on-alarm-at-start': 'fail',
  'max-failed-tasks': '',
  'step-timeout': '10m',
  timeout: '6h',
  traffic: 'replicas',
  'listener-arn': '',
  'listener-rule-arn': '',
  'target-groups': '',
  'test-listener-arn': '',
  'stable-scale': '',
  'hook-pre-traffic': '',
  'hook-post-step': '',
  'hook-post-deploy': '',
  'hook-on-rollback': '',
  'hook-retry-interval': '10s',
  'promote-full': 'false',
  to: '',
  from: '',
  takeover: 'false',
  'takeover-after': '15m',
  'on-cancel': 'rollback',
  'on-orphan': 'rollback',
  environment: '',
  'github-token': '',
  url: '',
  'preview-name': '{service}-pr-{number}',
  'preview-host': '',
  'preview-desired-count': '1',
  'pull-request': '',
  'allow-fork': 'false',
  'show-env-values': 'false'
} as const satisfies Record<string, string>

export type InputName = keyof typeof INPUT_DEFAULTS

/** Commands that act on a service and so need `service`. */
const NEEDS_SERVICE: Command[] = COMMANDS.filter(c => c !== 'plan')

const MAX_VALUE_LENGTH = 64 * 1024
/** Inputs whose values no message ever shows. */
const SECRET_INPUTS: InputName[] = ['github-token']
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{12}:[^\s]+$/
const TASK_DEF_REF = /^[A-Za-z0-9_-]{1,255}:\d+$/
const CONTAINER_NAME = /^[A-Za-z0-9_-]{1,255}$/
const IMAGE = /^[^\s]{1,1024}$/
const ALARM_NAME = /^[^\u0000-\u001f\u007f]{1,255}$/
const DAY = 86_400_000

/**
 * Reads and checks every input, going on past invalid ones: all of them are thrown together (InputErrors), so a
 * run reports each at once. Inputs this run does not use become `warnings` and count as not given.
 */
export function readConfig(read: (name: string) => string): Config {
  const problems = new InputProblems()
  const a = problems.attempt.bind(problems)
  const given = new Set<string>()
  const raw = {} as Record<InputName, string>
  for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) {
    const value = read(name) ?? ''
    raw[name] = value.trim() === '' ? INPUT_DEFAULTS[name] : value.trim()
    if (value.length > MAX_VALUE_LENGTH) {
      a(() => {
        throw new InputError(
          name,
          `${SECRET_INPUTS.includes(name) ? `(${value.length} characters, not shown)` : show(value)} is too long: at most ${MAX_VALUE_LENGTH} characters are allowed`
        )
      }, undefined)
      raw[name] = INPUT_DEFAULTS[name]
      continue
    }
    // The runner passes every input that has a default as INPUT_* too (GitHub's metadata syntax: "When you
    // specify an input in a workflow file or use a default input value"): only a value other than the default
    // counts as given.
    if (value.trim() !== '' && value.trim() !== INPUT_DEFAULTS[name]) given.add(name)
  }

  const command = a(() => parseEnum('command', raw.command, COMMANDS), 'deploy')
  const strategy = a(() => parseEnum('strategy', raw.strategy, STRATEGIES), 'rolling')
  const traffic = a(() => parseEnum('traffic', raw.traffic, TRAFFIC_MODES), 'replicas')
  const warnings: string[] = []
  if (!problems.failed('command', 'strategy', 'traffic')) {
    for (const [input, warning] of unusedInputs(given, { command, strategy, traffic })) {
      given.delete(input)
      raw[input] = INPUT_DEFAULTS[input]
      warnings.push(warning)
    }
  }
  const opt = (name: InputName): string | undefined => (raw[name] === '' ? undefined : raw[name])
  const parsed = <T>(name: InputName, parse: (value: string) => T): T | undefined =>
    raw[name] === '' ? undefined : a(() => parse(raw[name]), undefined)

  const cluster = a(() => parseName('cluster', raw.cluster), raw.cluster)
  const service = raw.service === '' ? '' : a(() => parseName('service', raw.service), raw.service)
  if (!problems.failed('command') && NEEDS_SERVICE.includes(command) && service === '')
    a(() => {
      throw new InputError('service', `is required for command: ${command}`)
    }, undefined)

  const plan = readPlanConfig(raw, given, { command, name: strategy, traffic }, problems, warnings)
  // A hook's command line is split now, so one that cannot be fails the step before anything changes.
  const hook = (name: InputName): string | undefined => {
    const command = opt(name)
    if (command !== undefined)
      a(() => {
        try {
          splitCommand(command)
        } catch (error) {
          throw new InputError(name, `${show(command)} ${(error as Error).message}`)
        }
      }, undefined)
    return command
  }
  const hooks = {
    preTraffic: hook('hook-pre-traffic'),
    postStep: hook('hook-post-step'),
    postDeploy: hook('hook-post-deploy'),
    onRollback: hook('hook-on-rollback'),
    retryIntervalMs: a(
      () => parseDuration('hook-retry-interval', raw['hook-retry-interval'], { min: 100, max: DAY }),
      0
    )
  }

  const config: Config = {
    command,
    cluster,
    service,
    taskDefinition: parsed('task-definition', parseTaskDefinitionRef),
    containerImages: a(() => parseContainerImages(raw['container-image']), {}),
    desiredCount: parsed('desired-count', v => parseCount('desired-count', v, 0, 5000)),
    plan,
    alarms: a(() => parseAlarmNames('alarms', raw.alarms), []),
    warningAlarms: a(() => parseAlarmNames('warning-alarms', raw['warning-alarms']), []),
    pollIntervalMs: a(
      () => parseDuration('poll-interval', raw['poll-interval'], { min: 200, max: 5 * 60_000 }),
      0
    ),
    onFailure: a(() => parseEnum('on-failure', raw['on-failure'], ON_FAILURE), 'rollback'),
    onAlarmAtStart: a(
      () => parseEnum('on-alarm-at-start', raw['on-alarm-at-start'], ON_ALARM_AT_START),
      'fail'
    ),
    maxFailedTasks: parsed('max-failed-tasks', v => parseCount('max-failed-tasks', v, 1, 1000)),
    stepTimeoutMs: a(() => parseDuration('step-timeout', raw['step-timeout'], { min: 1000, max: DAY }), 0),
    timeoutMs: a(() => parseDuration('timeout', raw.timeout, { min: 1000, max: 30 * DAY }), 0),
    listenerArn: parsed('listener-arn', v => parseArn('listener-arn', v, 'listener/')),
    listenerRuleArn: parsed('listener-rule-arn', v => parseArn('listener-rule-arn', v, 'listener-rule/')),
    targetGroups: a(
      () => parseList(raw['target-groups']).map(arn => parseArn('target-groups', arn, 'targetgroup/')),
      []
    ),
    testListenerArn: parsed('test-listener-arn', v => parseArn('test-listener-arn', v, 'listener/')),
    hooks,
    promoteFull: a(() => parseBoolean('promote-full', raw['promote-full']), false),
    to: opt('to'),
    toCompare: opt('from'),
    takeover: a(() => parseBoolean('takeover', raw.takeover), false),
    takeoverAfterMs: a(
      () => parseDuration('takeover-after', raw['takeover-after'], { min: 1000, max: 30 * DAY }),
      0
    ),
    onCancel: a(() => parseEnum('on-cancel', raw['on-cancel'], ON_FAILURE), 'rollback'),
    onOrphan: a(() => parseEnum('on-orphan', raw['on-orphan'], ON_ORPHAN), 'rollback'),
    environment: opt('environment'),
    githubToken: opt('github-token'),
    url: opt('url'),
    previewName: raw['preview-name'],
    previewHost: opt('preview-host'),
    previewDesiredCount: a(
      () => parseCount('preview-desired-count', raw['preview-desired-count'], 1, 100),
      1
    ),
    pullRequest: parsed('pull-request', v => parseCount('pull-request', v, 1, 2 ** 31 - 1)),
    allowFork: a(() => parseBoolean('allow-fork', raw['allow-fork']), false),
    showEnvValues: a(() => parseBoolean('show-env-values', raw['show-env-values']), false),
    given,
    warnings
  }
  if (!problems.failed('command')) {
    checkCommand(config, problems)
    checkTraffic(config, problems)
  }
  problems.done()
  return config
}

function readPlanConfig(
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

/** What the command needs, and inputs that contradict each other; inputs it does not use were dropped before. */
function checkCommand(config: Config, problems: InputProblems): void {
  const { command, given } = config
  const fail = (input: string, message: string) =>
    problems.attempt(() => {
      throw new InputError(input, message)
    }, undefined)
  if (
    (command === 'deploy' || command === 'preview') &&
    !config.taskDefinition &&
    !problems.failed('task-definition')
  )
    fail('task-definition', `is required for command: ${command}`)
  if (given.has('promote-full') && config.promoteFull && given.has('partition'))
    fail('promote-full', 'and partition both say how far to promote: keep one of them')
  if (command === 'rollback' && config.to && !/^(previous|\d+|arn:.+)$/.test(config.to))
    fail('to', `${show(config.to)} is not previous, a revision number or a task definition ARN`)
}

function checkTraffic(config: Config, problems: InputProblems): void {
  const fail = (input: string, message: string) =>
    problems.attempt(() => {
      throw new InputError(input, message)
    }, undefined)
  if (config.listenerArn && config.listenerRuleArn)
    fail('listener-rule-arn', 'and listener-arn both name the production route: keep one of them')
  // plan shows a weighted plan without the route; preview and preview-destroy move no production traffic.
  if (
    config.plan.traffic !== 'weights' ||
    config.command === 'plan' ||
    !WEIGHTED_COMMANDS.includes(config.command) ||
    problems.failed('listener-arn', 'listener-rule-arn', 'target-groups')
  )
    return
  if (!config.listenerArn && !config.listenerRuleArn)
    fail('listener-arn', 'is required with traffic: weights (or give listener-rule-arn)')
  if (config.targetGroups.length !== 2)
    fail(
      'target-groups',
      `needs exactly two target group ARNs with traffic: weights, got ${config.targetGroups.length}`
    )
  else if (config.targetGroups[0] === config.targetGroups[1])
    fail('target-groups', 'names the same target group twice: give the two different ones')
}

function parseName(input: string, raw: string): string {
  if (NAME.test(raw) || ARN.test(raw)) return raw
  throw new InputError(
    input,
    `${show(raw)} is not a valid name: letters, digits, hyphens and underscores, up to 255, or an ARN`
  )
}

function parseArn(input: string, raw: string, resource: string): string {
  if (ARN.test(raw) && raw.includes(':elasticloadbalancing:') && raw.includes(`:${resource}`)) return raw
  throw new InputError(
    input,
    `${show(raw)} is not an ELBv2 ${resource.slice(0, -1)} ARN (arn:aws:elasticloadbalancing:REGION:ACCOUNT:${resource}…)`
  )
}

/** A JSON file path, a task definition ARN, or family:revision. */
function parseTaskDefinitionRef(raw: string): string {
  if (ARN.test(raw) && raw.includes(':task-definition/')) return raw
  if (TASK_DEF_REF.test(raw)) return raw
  if (/\.json$/i.test(raw) && !/[\u0000-\u001f]/.test(raw)) return raw
  throw new InputError(
    'task-definition',
    `${show(raw)} is not a task definition: give a JSON file path (ending in .json), an ARN or family:revision`
  )
}

/** Multi-line "container=image" overrides. */
function parseContainerImages(raw: string): Record<string, string> {
  const images: Record<string, string> = {}
  for (const line of raw
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)) {
    const eq = line.indexOf('=')
    const name = line.slice(0, eq).trim()
    const image = line.slice(eq + 1).trim()
    if (eq <= 0 || !CONTAINER_NAME.test(name) || !IMAGE.test(image))
      throw new InputError(
        'container-image',
        `line ${show(line)} is not CONTAINER=IMAGE, e.g. web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.2.3`
      )
    if (images[name]) throw new InputError('container-image', `names container ${show(name)} twice`)
    images[name] = image
  }
  return images
}

function parseAlarmNames(input: string, raw: string): string[] {
  const names = parseList(raw)
  for (const name of names) {
    if (!ALARM_NAME.test(name))
      throw new InputError(
        input,
        `${show(name)} is not an alarm name: 1 to 255 characters without control characters`
      )
  }
  const dup = names.find((n, i) => names.indexOf(n) !== i)
  if (dup) throw new InputError(input, `names alarm ${show(dup)} twice`)
  return names
}
