// Every invalid input fails the step with a message naming the input, the value and what is allowed.
// Each case runs the real run() in-process with INPUT_* variables, as the runner sets them.

import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { INPUT_DEFAULTS, actionInput, readConfig } from '../../src/config/inputs.js'
import { run } from '../../src/main.js'
import { actionEnv, readOutputs, tempFiles, type ActionFiles } from '../helpers/action.js'

const TG_A = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef'
const TG_B = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210'
const LISTENER =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/0123456789abcdef/0123456789abcdef'
const RULE =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/0123456789abcdef/0123456789abcdef/aaaabbbbccccdddd'
const DEPLOY = { service: 'web', 'task-definition': 'web:7' }
const PLAN = { command: 'plan', 'desired-count': '10' }
const WEIGHTS = { traffic: 'weights', 'listener-arn': LISTENER, 'target-groups': `${TG_A}\n${TG_B}` }

const cases: [string, Record<string, string>, string][] = [
  [
    'unknown command',
    { command: 'ship-it' },
    'command: "ship-it" is not one of: deploy, plan, status, promote, pause, resume, abort, rollback, history, diff, preview, preview-destroy, wave-gate'
  ],
  [
    'unknown strategy',
    { ...PLAN, strategy: 'big-bang' },
    'strategy: "big-bang" is not one of: rolling, linear, canary, blue-green, all-at-once, custom'
  ],
  [
    'step-percent above 100',
    { ...PLAN, strategy: 'linear', 'step-percent': '110' },
    'step-percent: "110" is not a percentage between 1 and 100'
  ],
  [
    'step-percent zero',
    { ...PLAN, strategy: 'linear', 'step-percent': '0' },
    'step-percent: "0" is not a percentage between 1 and 100'
  ],
  [
    'step-percent negative',
    { ...PLAN, strategy: 'linear', 'step-percent': '-5' },
    'step-percent: "-5" is not a percentage between 1 and 100'
  ],
  [
    'step-percent words',
    { ...PLAN, strategy: 'linear', 'step-percent': 'ten' },
    'step-percent: "ten" is not a percentage between 1 and 100'
  ],
  [
    'canary-percent 100',
    { ...PLAN, strategy: 'canary', 'canary-percent': '100' },
    'canary-percent: "100" is not a percentage between 0.1 and 99.9'
  ],
  [
    'canary-percent tiny',
    { ...PLAN, strategy: 'canary', 'canary-percent': '0.01' },
    'canary-percent: "0.01" is not a percentage between 0.1 and 99.9'
  ],
  [
    'duration without unit',
    { ...PLAN, 'bake-time': '30' },
    'bake-time: "30" is not a duration: use a number with a unit, e.g. 500ms, 30s, 5m, 1h or 1h30m'
  ],
  [
    'duration with unknown unit',
    { ...PLAN, 'bake-time': '5d' },
    'bake-time: "5d" is not a duration: use a number with a unit, e.g. 500ms, 30s, 5m, 1h or 1h30m'
  ],
  [
    'duration negative',
    { ...PLAN, strategy: 'linear', 'step-bake-time': '-1m' },
    'step-bake-time: "-1m" is not a duration: use a number with a unit, e.g. 500ms, 30s, 5m, 1h or 1h30m'
  ],
  ['duration too long', { ...PLAN, 'bake-time': '25h' }, 'bake-time: "25h" is too long: the maximum is 24h'],
  [
    'poll-interval too short',
    { ...PLAN, 'poll-interval': '10ms' },
    'poll-interval: "10ms" is too short: the minimum is 200ms'
  ],
  [
    'poll-interval too long',
    { ...PLAN, 'poll-interval': '1h' },
    'poll-interval: "1h" is too long: the maximum is 5m'
  ],
  [
    'step-timeout garbage',
    { ...PLAN, 'step-timeout': '5 minutes' },
    'step-timeout: "5 minutes" is not a duration: use a number with a unit, e.g. 500ms, 30s, 5m, 1h or 1h30m'
  ],
  ['timeout zero', { ...PLAN, timeout: '0' }, 'timeout: "0" is too short: the minimum is 1s'],
  [
    'desired-count negative',
    { command: 'plan', 'desired-count': '-1' },
    'desired-count: "-1" is not a whole number between 0 and 5000'
  ],
  [
    'desired-count fraction',
    { command: 'plan', 'desired-count': '2.5' },
    'desired-count: "2.5" is not a whole number between 0 and 5000'
  ],
  [
    'desired-count huge',
    { command: 'plan', 'desired-count': '100000' },
    'desired-count: "100000" is not a whole number between 0 and 5000'
  ],
  [
    'max-surge over 100%',
    { ...PLAN, 'max-surge': '150%' },
    'max-surge: "150%" is not a task count (e.g. 2) or a percentage of the desired count (e.g. 20%); percentages go from 0% to 100%'
  ],
  [
    'max-unavailable words',
    { ...PLAN, 'max-unavailable': 'some' },
    'max-unavailable: "some" is not a task count (e.g. 2) or a percentage of the desired count (e.g. 20%)'
  ],
  [
    'surge and unavailable both zero',
    { ...PLAN, 'max-surge': '0', 'max-unavailable': '0%' },
    'max-unavailable: and max-surge are both 0, so no task could ever be replaced: allow at least one of them'
  ],
  [
    'batch-size zero',
    { ...PLAN, 'batch-size': '0' },
    'batch-size: "0" is not a task count (e.g. 2) or a percentage of the desired count (e.g. 20%) above 0'
  ],
  [
    'batch-size fraction',
    { ...PLAN, 'batch-size': '1.5' },
    'batch-size: "1.5" is not a task count (e.g. 2) or a percentage of the desired count (e.g. 20%) above 0'
  ],
  [
    'custom without steps',
    { ...PLAN, strategy: 'custom' },
    'steps: is required for strategy: custom, e.g. "10:5m, 50:10m, pause, 100"'
  ],
  [
    'custom steps that fall',
    { ...PLAN, strategy: 'custom', steps: '50, 20' },
    'steps: item "20" does not raise the share above 50%: steps must rise'
  ],
  [
    'custom steps malformed',
    { ...PLAN, strategy: 'custom', steps: '10:1m:2m' },
    'steps: item "10:1m:2m" is not PERCENT, PERCENT:BAKE, pause or pause:DURATION'
  ],
  [
    'custom step bad bake',
    { ...PLAN, strategy: 'custom', steps: '10:soon' },
    'steps: "soon" is not a duration: use a number with a unit, e.g. 500ms, 30s, 5m, 1h or 1h30m'
  ],
  [
    'custom steps only pauses',
    { ...PLAN, strategy: 'custom', steps: 'pause' },
    'steps: "pause" has no PERCENT step'
  ],
  [
    'custom step over 100',
    { ...PLAN, strategy: 'custom', steps: '10,150' },
    'steps: "150" is not a percentage between 0.1 and 100'
  ],
  [
    'on-failure unknown',
    { ...PLAN, 'on-failure': 'panic' },
    'on-failure: "panic" is not one of: rollback, pause'
  ],
  [
    'on-alarm-at-start unknown',
    { ...PLAN, 'on-alarm-at-start': 'skip' },
    'on-alarm-at-start: "skip" is not one of: fail, ignore, wait'
  ],
  ['traffic unknown', { ...PLAN, traffic: 'dns' }, 'traffic: "dns" is not one of: replicas, weights'],
  [
    'stable-scale unknown',
    { ...PLAN, 'stable-scale': 'double' },
    'stable-scale: "double" is not one of: keep, shrink'
  ],
  [
    'blue-green by replicas',
    { ...PLAN, strategy: 'blue-green' },
    'strategy: "blue-green" needs traffic: weights, with listener-arn and target-groups'
  ],
  [
    'max-surge with stable kept',
    { ...PLAN, 'stable-scale': 'keep', 'max-surge': '2' },
    'max-surge: limits extra tasks, but stable-scale: keep keeps every stable task until the end: remove max-surge or set stable-scale: shrink'
  ],
  ['deploy without service', { 'task-definition': 'web:7' }, 'service: is required for command: deploy'],
  ['deploy without task definition', { service: 'web' }, 'task-definition: is required for command: deploy'],
  [
    'task definition nonsense',
    { ...DEPLOY, 'task-definition': 'web' },
    'task-definition: "web" is not a task definition: give a JSON file path (ending in .json), an ARN or family:revision'
  ],
  [
    'service name with spaces',
    { ...DEPLOY, service: 'my web' },
    'service: "my web" is not a valid name: letters, digits, hyphens and underscores, up to 255, or an ARN'
  ],
  [
    'cluster with shell metacharacters',
    { ...DEPLOY, cluster: 'prod;rm -rf /' },
    'cluster: "prod;rm -rf /" is not a valid name: letters, digits, hyphens and underscores, up to 255, or an ARN'
  ],
  [
    'service with a newline',
    { ...DEPLOY, service: 'web\n::set-output name=status::succeeded' },
    'service: "web\\n::set-output name=status::succeeded" is not a valid name: letters, digits, hyphens and underscores, up to 255, or an ARN'
  ],
  [
    'service with ANSI escape',
    { ...DEPLOY, service: 'web\u001b[31m' },
    'service: "web\\u001b[31m" is not a valid name: letters, digits, hyphens and underscores, up to 255, or an ARN'
  ],
  [
    'container-image without =',
    { ...DEPLOY, 'container-image': 'web:latest' },
    'container-image: line "web:latest" is not CONTAINER=IMAGE, e.g. web=123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.2.3'
  ],
  [
    'container-image twice',
    { ...DEPLOY, 'container-image': 'web=a:1\nweb=a:2' },
    'container-image: names container "web" twice'
  ],
  ['alarm named twice', { ...PLAN, alarms: 'web-5xx, web-5xx' }, 'alarms: names alarm "web-5xx" twice'],
  [
    'weights without listener',
    { ...DEPLOY, traffic: 'weights', 'target-groups': `${TG_A},${TG_B}` },
    'listener-arn: is required with traffic: weights (or give listener-rule-arn)'
  ],
  [
    'weights with one target group',
    { ...DEPLOY, ...WEIGHTS, 'target-groups': TG_A },
    'target-groups: needs exactly two target group ARNs with traffic: weights, got 1'
  ],
  [
    'same target group twice',
    { ...DEPLOY, ...WEIGHTS, 'target-groups': `${TG_A},${TG_A}` },
    'target-groups: names the same target group twice: give the two different ones'
  ],
  [
    'target group not an ARN',
    { ...DEPLOY, ...WEIGHTS, 'target-groups': `web-blue,${TG_B}` },
    'target-groups: "web-blue" is not an ELBv2 targetgroup ARN (arn:aws:elasticloadbalancing:REGION:ACCOUNT:targetgroup/…)'
  ],
  [
    'listener and rule both',
    { ...DEPLOY, ...WEIGHTS, 'listener-rule-arn': RULE },
    'listener-rule-arn: and listener-arn both name the production route: keep one of them'
  ],
  [
    'pull-request not a number',
    { command: 'preview-destroy', service: 'web', 'pull-request': '#7' },
    'pull-request: "#7" is not a whole number between 1 and 2147483647'
  ],
  [
    'boolean typo',
    { service: 'web', command: 'promote', 'promote-full': 'yes' },
    'promote-full: "yes" is not true or false'
  ],
  [
    'rollback to nonsense',
    { service: 'web', command: 'rollback', to: 'yesterday' },
    'to: "yesterday" is not previous, a revision number or a task definition ARN'
  ],
  [
    'oversized value',
    { ...PLAN, alarms: 'a'.repeat(70_000) },
    `alarms: "${'a'.repeat(80)}…" (70000 characters) is too long: at most 65536 characters are allowed`
  ],
  [
    'hook retry too fast',
    { ...PLAN, 'hook-retry-interval': '1ms' },
    'hook-retry-interval: "1ms" is too short: the minimum is 100ms'
  ],
  [
    'services and service both',
    { ...DEPLOY, services: 'web\napi' },
    'services: and service both name what to act on: keep one of them'
  ],
  [
    'services on a command that takes one service',
    { command: 'rollback', services: 'web\napi' },
    'services: is not taken by command: rollback: give service instead'
  ],
  [
    'a service named twice',
    { command: 'deploy', 'task-definition': 'web:7', services: 'web\nprod/web', cluster: 'prod' },
    'services: names "prod/web" twice'
  ],
  [
    'waves naming a service not in services',
    { command: 'deploy', 'task-definition': 'web:7', services: 'web\napi', waves: 'web\ndb' },
    'waves: names "db", which is not in services: write sizes ("1, 25%, 100%") or one group of services per line'
  ],
  [
    'on-wave-failure unknown',
    { command: 'deploy', 'task-definition': 'web:7', services: 'web', 'on-wave-failure': 'panic' },
    'on-wave-failure: "panic" is not one of: finish, rollback'
  ],
  [
    'a deploy window in an unknown time zone',
    { ...DEPLOY, 'deploy-window': 'Mon-Thu 09:00-16:00 Mars/Olympus' },
    'deploy-window: "Mon-Thu 09:00-16:00 Mars/Olympus": "Mars/Olympus" is not an IANA time zone (e.g. Europe/Berlin, America/New_York or UTC)'
  ],
  [
    'a freeze that is no date range',
    { ...DEPLOY, freeze: 'all of December' },
    'freeze: "all of December" is not a date range: write START..END [TIME ZONE] with dates (2026-12-20..2027-01-04) or times (2026-12-24T12:00..2026-12-27T08:00)'
  ]
]

describe('input validation', () => {
  let files: ActionFiles
  const saved = { ...process.env }
  beforeEach(() => {
    files = tempFiles()
    process.exitCode = undefined
  })
  afterEach(() => {
    process.env = { ...saved }
    process.exitCode = undefined
  })

  it(`covers at least 40 invalid cases (${cases.length})`, () =>
    expect(cases.length).toBeGreaterThanOrEqual(40))

  it.each(cases)('%s', async (_name, inputs, message) => {
    process.env = actionEnv(inputs, files)
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    await run()
    const printed = write.mock.calls.map(c => String(c[0])).join('')
    write.mockRestore()
    expect(process.exitCode).toBe(1)
    const outputs = readOutputs(files.outputFile)
    expect(outputs.status).toBe('failed')
    expect(outputs.reason).toBe(message)
    // The annotation carries the message; newlines are escaped by the runner's command format.
    expect(printed).toContain(
      `::error::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`
    )
  })
})

describe('every invalid input of a run at once', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
    process.exitCode = undefined
  })

  it('prints one error per invalid input, then their count, and fails with all of them as the reason', async () => {
    const files = tempFiles()
    process.env = actionEnv(
      { ...PLAN, strategy: 'linear', 'step-percent': '110', 'poll-interval': '10ms', 'on-failure': 'panic' },
      files
    )
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    await run()
    const lines = write.mock.calls.map(c => String(c[0]).trimEnd())
    write.mockRestore()
    const expected = [
      'step-percent: "110" is not a percentage between 1 and 100',
      'poll-interval: "10ms" is too short: the minimum is 200ms',
      'on-failure: "panic" is not one of: rollback, pause'
    ]
    expect(lines.filter(l => l.startsWith('::error'))).toEqual(expected.map(m => `::error::${m}`))
    expect(lines.at(-1)).toBe("3 invalid inputs: nothing was changed. Fix them in the step's with: block")
    expect(process.exitCode).toBe(1)
    const outputs = readOutputs(files.outputFile)
    expect(outputs).toEqual({ status: 'failed', reason: expected.join('\n') })
    // The job summary's list is checked end to end (e2e/inputs-at-once.test.ts): core caches the summary's path.
  })

  it('checks the inputs of a valid command even when strategy is invalid, without guessing one', () => {
    expect(() =>
      readConfig(name => ({ command: 'deploy', strategy: 'big-bang', 'poll-interval': 'soon' })[name] ?? '')
    ).toThrow(
      [
        'strategy: "big-bang" is not one of: rolling, linear, canary, blue-green, all-at-once, custom',
        'service: is required for command: deploy',
        'poll-interval: "soon" is not a duration: use a number with a unit, e.g. 500ms, 30s, 5m, 1h or 1h30m',
        'task-definition: is required for command: deploy'
      ].join('\n')
    )
  })
})

describe('inputs a run does not use', () => {
  const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''
  const cases: [string, Record<string, string>, string][] = [
    [
      'a linear input under canary',
      { ...PLAN, strategy: 'canary', 'step-percent': '20' },
      'step-percent: not used with strategy: canary, so it is ignored: it is the share each step adds with strategy: linear'
    ],
    [
      'a rolling input under blue-green',
      { ...PLAN, strategy: 'blue-green', traffic: 'weights', partition: '3' },
      'partition: not used with strategy: blue-green, so it is ignored: it is the tasks a manual batch puts on the new revision with strategy: rolling and the share of traffic an ECS-controller rollout pauses at with strategy: linear or canary'
    ],
    [
      'custom steps under rolling',
      { ...PLAN, steps: '10,100' },
      'steps: not used with strategy: rolling, so it is ignored: it is the steps with strategy: custom'
    ],
    [
      'the listener with traffic by replicas',
      { ...DEPLOY, 'listener-arn': LISTENER },
      "listener-arn: not used with command: deploy, traffic: replicas, so it is ignored: it is the production listener of a rollout with traffic: weights and the listener that gets a preview's host rule with command: preview"
    ],
    [
      'target groups on preview-destroy, even with traffic: weights',
      { command: 'preview-destroy', service: 'web', traffic: 'weights', 'target-groups': `${TG_A}\n${TG_B}` },
      "target-groups: not used with command: preview-destroy, traffic: weights, so it is ignored: it is the two target groups a rollout's traffic moves between with traffic: weights"
    ],
    [
      'a task definition on status',
      { service: 'web', command: 'status', 'task-definition': 'web:3' },
      'task-definition: not used with command: status, so it is ignored: it is the revision to roll out with commands deploy, preview and plan'
    ],
    [
      'to on abort',
      { service: 'web', command: 'abort', to: '3' },
      'to: not used with command: abort, so it is ignored: it is the version to roll back to with command: rollback, the step to promote to with command: promote and the second version to compare with command: diff'
    ],
    [
      'promote-full on deploy',
      { ...DEPLOY, 'promote-full': 'true' },
      'promote-full: not used with command: deploy, so it is ignored: it is a promote straight to 100% with command: promote'
    ],
    [
      'max-surge where weights keep the stable revision by default',
      { ...DEPLOY, ...WEIGHTS, 'max-surge': '50%' },
      'max-surge: not used with traffic: weights, where the stable revision keeps every task until the end (stable-scale: keep, the default there), so it is ignored: it limits extra tasks with stable-scale: shrink'
    ]
  ]

  it.each(cases)('%s is a warning, not an error, and counts as not given', (_name, inputs, warning) => {
    const config = readConfig(read(inputs))
    expect(config.warnings).toEqual([warning])
    expect(config.given.has(warning.slice(0, warning.indexOf(':')))).toBe(false)
  })

  it('an ignored input is not even parsed: an invalid value there is no error', () => {
    const config = readConfig(read({ ...PLAN, strategy: 'canary', 'step-percent': 'lots' }))
    expect(config.plan.strategy).toEqual({ name: 'canary', canaryPercent: 10, canaryBakeMs: 300_000 })
    expect(config.warnings).toHaveLength(1)
  })

  it('inputs that contradict each other stay errors', () => {
    expect(() => readConfig(read({ ...DEPLOY, ...WEIGHTS, 'listener-rule-arn': RULE }))).toThrow(
      'listener-rule-arn: and listener-arn both name the production route: keep one of them'
    )
    expect(() =>
      readConfig(read({ ...DEPLOY, ...WEIGHTS, 'stable-scale': 'keep', 'max-surge': '1' }))
    ).toThrow(/^max-surge: limits extra tasks, but stable-scale: keep/)
  })
})

describe('valid inputs', () => {
  const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''

  it('puts the service name for {service} in alarm names; with services each service gets its own later', () => {
    const one = readConfig(
      read({
        ...DEPLOY,
        service: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
        alarms: '{service}-5xx, shared'
      })
    )
    expect(one.alarms).toEqual(['web-5xx', 'shared'])
    const many = readConfig(
      read({
        command: 'deploy',
        'task-definition': 'web:7',
        services: 'web\neu/api',
        alarms: '{service}-5xx',
        waves: '1, 100%',
        'deploy-window': 'Mon-Fri 08:00-18:00 Europe/Berlin'
      })
    )
    expect(many.alarms).toEqual(['{service}-5xx'])
    expect(many.waves.services.map(s => `${s.cluster}/${s.service}`)).toEqual(['default/web', 'eu/api'])
    expect(many.window.windows).toHaveLength(1)
  })

  it('parses durations, quantities and lists', () => {
    const c = readConfig(
      read({
        ...PLAN,
        strategy: 'linear',
        'step-bake-time': '1h30m',
        'max-surge': '2',
        'max-unavailable': '20%',
        alarms: 'a, b\nc',
        'poll-interval': '500ms'
      })
    )
    expect(c.plan.strategy).toEqual({ name: 'linear', stepPercent: 10, stepBakeMs: 5_400_000 })
    expect(c.plan.maxSurge).toEqual({ kind: 'count', value: 2 })
    expect(c.plan.maxUnavailable).toEqual({ kind: 'percent', value: 20 })
    expect(c.alarms).toEqual(['a', 'b', 'c'])
    expect(c.pollIntervalMs).toBe(500)
  })

  it('parses custom steps with bakes and pauses', () => {
    const c = readConfig(read({ ...PLAN, strategy: 'custom', steps: '10:5m, pause\n50:30s, pause:1h, 100' }))
    expect(c.plan.strategy).toEqual({
      name: 'custom',
      steps: [
        { kind: 'step', percent: 10, bakeMs: 300_000 },
        { kind: 'pause' },
        { kind: 'step', percent: 50, bakeMs: 30_000 },
        { kind: 'pause', durationMs: 3_600_000 },
        { kind: 'step', percent: 100, bakeMs: 0 }
      ]
    })
  })

  it('defaults stable-scale from the traffic mode and parses container images', () => {
    const c = readConfig(
      read({ ...DEPLOY, ...WEIGHTS, 'container-image': 'web=repo/web:2\nsidecar = repo/envoy:1' })
    )
    expect(c.plan.stableScale).toBe('keep')
    expect(c.targetGroups).toEqual([TG_A, TG_B])
    expect(c.containerImages).toEqual({ web: 'repo/web:2', sidecar: 'repo/envoy:1' })
    expect(readConfig(read(DEPLOY)).plan.stableScale).toBe('shrink')
  })

  it('lets partition win over automatic batching', () => {
    const c = readConfig(read({ ...PLAN, partition: '3', 'batch-size': '1' }))
    expect(c.plan.strategy).toMatchObject({
      name: 'rolling',
      partition: { kind: 'count', value: 3 },
      batchSize: { kind: 'count', value: 1 }
    })
  })

  it('reads the defaults the runner passes as INPUT_* like inputs that were not given', () => {
    // The runner sets INPUT_* for every input with a default, so a canary run also carries batch-interval: 0s,
    // step-percent: 10 and max-surge: 25%; none of them conflicts with canary or with stable-scale: keep.
    const c = readConfig(read({ ...INPUT_DEFAULTS, ...DEPLOY, ...WEIGHTS, strategy: 'canary' }))
    expect(c.plan.strategy).toEqual({ name: 'canary', canaryPercent: 10, canaryBakeMs: 300_000 })
    expect(c.plan.stableScale).toBe('keep')
    expect([...c.given].sort()).toEqual([
      'listener-arn',
      'service',
      'strategy',
      'target-groups',
      'task-definition',
      'traffic'
    ])
  })

  it('declares every input in action.yml with the same default', () => {
    const yml = readFileSync(resolve(import.meta.dirname, '../../action.yml'), 'utf8')
    const inputsBlock = yml.slice(yml.indexOf('inputs:'), yml.indexOf('outputs:'))
    const declared = [...inputsBlock.matchAll(/^ {2}([a-z0-9-]+):\n(?:.*\n)*? {4}default: (.*)$/gm)].map(
      m => [m[1], m[2]]
    )
    const expected = Object.entries(INPUT_DEFAULTS).map(([k, v]) => [
      k,
      k === 'github-token' ? '${{ github.token }}' : `'${v}'`
    ])
    expect(declared).toEqual(expected)
  })
})

describe('actionInput: the entry reads an input as @actions/core does', () => {
  const saved = process.env
  afterEach(() => {
    process.env = saved
  })

  it.each(['task-definition', 'container-image', 'a name with spaces', 'missing'])('%s', async name => {
    const core = await import('@actions/core')
    process.env = { ...saved, 'INPUT_TASK-DEFINITION': '  td.json \n', INPUT_A_NAME_WITH_SPACES: ' x ' }
    process.env['INPUT_CONTAINER-IMAGE'] = 'web=img:1\nsidecar=img:2'
    expect(actionInput(name)).toBe(core.getInput(name))
  })
})
