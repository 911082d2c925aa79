// Turns the raw action inputs into a validated Config. Nothing touches AWS before this has passed, so every
// invalid value fails the step with nothing changed. Reading is injected (`read`) so tests need no runner.

import { splitCommand } from './argv.js'
import { INPUT_DEFAULTS, type InputName } from './input-defaults.js'
import { unusedInputs, WEIGHTED_COMMANDS } from './input-use.js'
import {
  parseAlarmNames,
  parseArn,
  parseContainerImages,
  parseName,
  parseTaskDefinitionRef
} from './input-values.js'
import { InputError, parseBoolean, parseCount, parseDuration, parseEnum, parseList, show } from './parse.js'
import { readMetricInputs } from './metric-inputs.js'
import { readPlanConfig } from './plan-inputs.js'
import { InputProblems } from './problems.js'
import { readWaveConfig, readWindowConfig } from './wave-inputs.js'
import {
  COMMANDS,
  ON_ALARM_AT_START,
  ON_FAILURE,
  ON_ORPHAN,
  STRATEGIES,
  TRAFFIC_MODES,
  type Command,
  type Config
} from './types.js'

export { INPUT_DEFAULTS, type InputName } from './input-defaults.js'

/** Commands that act on a service and so need `service`. */
const NEEDS_SERVICE: Command[] = COMMANDS.filter(c => c !== 'plan')

const MAX_VALUE_LENGTH = 64 * 1024
/** Inputs whose values no message ever shows. */
const SECRET_INPUTS: InputName[] = ['github-token']
const DAY = 86_400_000

/** An input as the runner passes it, read as @actions/core's getInput reads it: `INPUT_NAME`, trimmed. */
export function actionInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** The run's Config, or the errors of its inputs (thrown by the caller, which reports them). */
export type ConfigRead = { config: Config } | { error: unknown }

/** The action's own inputs, read once per run. */
export function readActionConfig(): ConfigRead {
  try {
    return { config: readConfig(actionInput) }
  } catch (error) {
    return { error }
  }
}

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
  const waves = readWaveConfig(raw, command, problems)
  if (
    !problems.failed('command', 'services') &&
    NEEDS_SERVICE.includes(command) &&
    service === '' &&
    waves.services.length === 0
  )
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
    alarms: a(() => forService(parseAlarmNames('alarms', raw.alarms), service), []),
    warningAlarms: a(() => forService(parseAlarmNames('warning-alarms', raw['warning-alarms']), service), []),
    metricGates: readMetricInputs(raw, problems),
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
    window: readWindowConfig(raw, problems),
    waves,
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

/**
 * `{service}` in an alarm name is the service's name, so one with: block serves a step with `service` and one with
 * `services` alike (there, commands/service-runs.ts puts in each service's name).
 */
function forService(alarms: string[], service: string): string[] {
  const name = service.slice(service.lastIndexOf('/') + 1)
  return name ? alarms.map(a => a.replaceAll('{service}', name)) : alarms
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
