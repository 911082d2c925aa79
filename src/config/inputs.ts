// Turns the raw action inputs into a validated Config. Nothing touches AWS before this has passed, so every
// invalid value fails the step with nothing changed. Reading is injected (`read`) so tests need no runner.

import { splitCommand } from './argv.js'
import { INPUT_DEFAULTS, type InputName } from './input-defaults.js'
import {
  parseAlarmNames,
  parseArn,
  parseContainerImages,
  parseName,
  parseTaskDefinitionRef
} from './input-values.js'
import { InputError, parseBoolean, parseCount, parseDuration, parseEnum, parseList, show } from './parse.js'
import { readPlanConfig } from './plan-inputs.js'
import { COMMANDS, ON_ALARM_AT_START, ON_FAILURE, ON_ORPHAN, type Command, type Config } from './types.js'

export { INPUT_DEFAULTS, type InputName } from './input-defaults.js'

/** Commands that act on a service and so need `service`. */
const NEEDS_SERVICE: Command[] = COMMANDS.filter(c => c !== 'plan')

const MAX_VALUE_LENGTH = 64 * 1024
/** Inputs whose values no message ever shows. */
const SECRET_INPUTS: InputName[] = ['github-token']
const DAY = 86_400_000

export function readConfig(read: (name: string) => string): Config {
  const given = new Set<string>()
  const raw = {} as Record<InputName, string>
  for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) {
    const value = read(name) ?? ''
    if (value.length > MAX_VALUE_LENGTH)
      throw new InputError(
        name,
        `${SECRET_INPUTS.includes(name) ? `(${value.length} characters, not shown)` : show(value)} is too long: at most ${MAX_VALUE_LENGTH} characters are allowed`
      )
    if (value.trim() !== '') given.add(name)
    raw[name] = value.trim() === '' ? INPUT_DEFAULTS[name] : value.trim()
  }
  const opt = (name: InputName): string | undefined => (raw[name] === '' ? undefined : raw[name])
  const parsed = <T>(name: InputName, parse: (value: string) => T): T | undefined =>
    raw[name] === '' ? undefined : parse(raw[name])

  const command = parseEnum('command', raw.command, COMMANDS)
  const cluster = parseName('cluster', raw.cluster)
  const service = raw.service === '' ? '' : parseName('service', raw.service)
  if (NEEDS_SERVICE.includes(command) && service === '')
    throw new InputError('service', `is required for command: ${command}`)

  const plan = readPlanConfig(raw, given)
  // A hook's command line is split now, so one that cannot be fails the step before anything changes.
  const hook = (name: InputName): string | undefined => {
    const command = opt(name)
    try {
      if (command !== undefined) splitCommand(command)
    } catch (error) {
      throw new InputError(name, `${show(command as string)} ${(error as Error).message}`)
    }
    return command
  }
  const hooks = {
    preTraffic: hook('hook-pre-traffic'),
    postStep: hook('hook-post-step'),
    postDeploy: hook('hook-post-deploy'),
    onRollback: hook('hook-on-rollback'),
    retryIntervalMs: parseDuration('hook-retry-interval', raw['hook-retry-interval'], { min: 100, max: DAY })
  }

  const config: Config = {
    command,
    cluster,
    service,
    taskDefinition: parsed('task-definition', parseTaskDefinitionRef),
    containerImages: parseContainerImages(raw['container-image']),
    desiredCount: parsed('desired-count', v => parseCount('desired-count', v, 0, 5000)),
    plan,
    alarms: parseAlarmNames('alarms', raw.alarms),
    warningAlarms: parseAlarmNames('warning-alarms', raw['warning-alarms']),
    pollIntervalMs: parseDuration('poll-interval', raw['poll-interval'], { min: 200, max: 5 * 60_000 }),
    onFailure: parseEnum('on-failure', raw['on-failure'], ON_FAILURE),
    onAlarmAtStart: parseEnum('on-alarm-at-start', raw['on-alarm-at-start'], ON_ALARM_AT_START),
    maxFailedTasks: parsed('max-failed-tasks', v => parseCount('max-failed-tasks', v, 1, 1000)),
    stepTimeoutMs: parseDuration('step-timeout', raw['step-timeout'], { min: 1000, max: DAY }),
    timeoutMs: parseDuration('timeout', raw.timeout, { min: 1000, max: 30 * DAY }),
    listenerArn: parsed('listener-arn', v => parseArn('listener-arn', v, 'listener/')),
    listenerRuleArn: parsed('listener-rule-arn', v => parseArn('listener-rule-arn', v, 'listener-rule/')),
    targetGroups: parseList(raw['target-groups']).map(arn => parseArn('target-groups', arn, 'targetgroup/')),
    testListenerArn: parsed('test-listener-arn', v => parseArn('test-listener-arn', v, 'listener/')),
    hooks,
    promoteFull: parseBoolean('promote-full', raw['promote-full']),
    to: opt('to'),
    toCompare: opt('from'),
    takeover: parseBoolean('takeover', raw.takeover),
    takeoverAfterMs: parseDuration('takeover-after', raw['takeover-after'], { min: 1000, max: 30 * DAY }),
    onCancel: parseEnum('on-cancel', raw['on-cancel'], ON_FAILURE),
    onOrphan: parseEnum('on-orphan', raw['on-orphan'], ON_ORPHAN),
    environment: opt('environment'),
    githubToken: opt('github-token'),
    url: opt('url'),
    previewName: raw['preview-name'],
    previewHost: opt('preview-host'),
    previewDesiredCount: parseCount('preview-desired-count', raw['preview-desired-count'], 1, 100),
    pullRequest: raw['pull-request']
      ? parseCount('pull-request', raw['pull-request'], 1, 2 ** 31 - 1)
      : undefined,
    allowFork: parseBoolean('allow-fork', raw['allow-fork']),
    showEnvValues: parseBoolean('show-env-values', raw['show-env-values']),
    given
  }
  checkCommand(config)
  checkTraffic(config)
  return config
}

function checkCommand(config: Config): void {
  const { command, given } = config
  if (command === 'deploy' || command === 'preview') {
    if (!config.taskDefinition) throw new InputError('task-definition', `is required for command: ${command}`)
  } else if (given.has('task-definition') && command !== 'plan') {
    throw new InputError('task-definition', `is not used by command: ${command}: remove it`)
  }
  if (given.has('container-image') && !['deploy', 'preview', 'plan'].includes(command))
    throw new InputError('container-image', `is not used by command: ${command}: remove it`)
  if (given.has('promote-full') && command !== 'promote')
    throw new InputError('promote-full', `applies to command: promote only, and command is ${command}`)
  if (config.promoteFull && given.has('partition'))
    throw new InputError('promote-full', 'and partition both say how far to promote: keep one of them')
  if (given.has('to') && !['rollback', 'promote', 'diff'].includes(command))
    throw new InputError('to', `applies to commands rollback, promote and diff, and command is ${command}`)
  if (given.has('pull-request') && command !== 'preview' && command !== 'preview-destroy')
    throw new InputError(
      'pull-request',
      `applies to commands preview and preview-destroy, and command is ${command}`
    )
  if (given.has('from') && command !== 'diff')
    throw new InputError('from', `applies to command: diff only, and command is ${command}`)
  if (command === 'rollback' && config.to && !/^(previous|\d+|arn:.+)$/.test(config.to))
    throw new InputError(
      'to',
      `${show(config.to)} is not previous, a revision number or a task definition ARN`
    )
}

function checkTraffic(config: Config): void {
  const weighted = config.plan.traffic === 'weights'
  if (config.listenerArn && config.listenerRuleArn)
    throw new InputError(
      'listener-rule-arn',
      'and listener-arn both name the production route: keep one of them'
    )
  for (const input of ['listener-arn', 'listener-rule-arn', 'target-groups', 'test-listener-arn'] as const) {
    if (!weighted && config.given.has(input) && !(input === 'listener-arn' && config.command === 'preview'))
      throw new InputError(input, 'applies to traffic: weights only: remove it or set traffic: weights')
  }
  if (weighted && config.command !== 'plan') {
    if (!config.listenerArn && !config.listenerRuleArn)
      throw new InputError('listener-arn', 'is required with traffic: weights (or give listener-rule-arn)')
    if (config.targetGroups.length !== 2)
      throw new InputError(
        'target-groups',
        `needs exactly two target group ARNs with traffic: weights, got ${config.targetGroups.length}`
      )
    if (config.targetGroups[0] === config.targetGroups[1])
      throw new InputError('target-groups', 'names the same target group twice: give the two different ones')
  }
}
