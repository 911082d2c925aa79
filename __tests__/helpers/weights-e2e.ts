// End-to-end tests of traffic by weights: one in-process sandbox per test, a 4-task EXTERNAL service behind two
// target groups (blue serving, green idle) and a production listener forwarding 100/0, optionally a test
// listener; dist/index.js run as the runner runs it, with each line of its log timed as it arrives, so a test
// can line the log up with the sandbox's call log and journal.

import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'
import { DescribeTaskSetsCommand, type TaskSet } from '@aws-sdk/client-ecs'
import { expect } from '@jest/globals'
import { SandboxControl, type CallRecord, type JournalTick } from '../../sandbox/client.js'
import {
  createManualAlarm,
  createScene,
  registerRevision,
  type Scene,
  type SceneOptions
} from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'
import { actionEnv, DIST, readOutputs, tempFiles, type RunResult } from './action.js'
import { ALARM, awsEnv, MANUAL_ALARM, TICK_MS, transcript } from './deploy-e2e.js'

export { ALARM, MANUAL_ALARM }

/** Tasks start in 0.3 s; health checks run every tick (200 ms), two passes make a target healthy. */
export const FAST = { SANDBOX_START_SECONDS: '0.3' }

export interface WeightsE2E {
  sandbox: Sandbox
  control: SandboxControl
  scene: Scene
  /** blue: serves the revision running before the deploy; green: idle. */
  blue: string
  green: string
  previous: string
  env: Record<string, string>
  /** A directory for hook scripts and their marker files. */
  dir: string
}

export interface WeightsOptions {
  /** The 5xx alarm's threshold (Sum over 1 s periods); default 5. */
  threshold?: number
  scene?: Partial<SceneOptions>
}

/** A fresh sandbox with the service, its two target groups, ALARM (5xx) and MANUAL_ALARM; always closed. */
export async function withWeights<T>(
  options: WeightsOptions,
  body: (e2e: WeightsE2E) => Promise<T>
): Promise<T> {
  const sandbox = await startSandbox({ port: 0, tickMs: TICK_MS })
  const dir = mkdtempSync(join(tmpdir(), 'ecs-rollout-weights-'))
  try {
    const scene = await createScene(sandbox.url, {
      cluster: 'prod',
      service: 'web',
      desiredCount: 4,
      controller: 'EXTERNAL',
      weightedTargetGroups: true,
      env: FAST,
      alarm: { name: ALARM, threshold: options.threshold ?? 5, period: 1 },
      ...options.scene
    })
    // Moved by SetAlarmState only (see MANUAL_ALARM in deploy-e2e.ts).
    await createManualAlarm(scene.clients.cw, MANUAL_ALARM)
    const [blue, green] = scene.targetGroups
    return await body({
      sandbox,
      control: new SandboxControl(sandbox.url),
      scene,
      blue,
      green,
      previous: scene.taskDefinition,
      env: awsEnv(sandbox.url),
      dir
    })
  } finally {
    await sandbox.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function revision(e2e: WeightsE2E, env: Record<string, string> = {}): Promise<string> {
  return registerRevision(e2e.scene.clients.ecs, e2e.scene.family, { ...FAST, ...env })
}

export async function taskSets(e2e: WeightsE2E): Promise<TaskSet[]> {
  const out = await e2e.scene.clients.ecs.send(
    new DescribeTaskSetsCommand({ cluster: 'prod', service: 'web' })
  )
  return out.taskSets ?? []
}

/** Puts an alarm into ALARM by hand, as an operator (or CloudWatch) would. */
export async function setAlarm(e2e: WeightsE2E, name: string, reason: string): Promise<void> {
  await e2e.scene.clients.cw.send(
    new SetAlarmStateCommand({ AlarmName: name, StateValue: 'ALARM', StateReason: reason })
  )
}

export interface Line {
  at: number
  text: string
}

export interface WeightsRun {
  result: RunResult
  lines: Line[]
  startedAt: number
}

/** The inputs every test shares: traffic by weights on the scene's listener and target groups, fast gates. */
export function weightInputs(e2e: WeightsE2E): Record<string, string> {
  return {
    command: 'deploy',
    cluster: 'prod',
    service: 'web',
    traffic: 'weights',
    'listener-arn': e2e.scene.listener!,
    'target-groups': `${e2e.blue},${e2e.green}`,
    alarms: `${ALARM},${MANUAL_ALARM}`,
    'poll-interval': '1s',
    'bake-time': '1s',
    'hook-retry-interval': '300ms'
  }
}

/** Runs dist/index.js (or ECS_ROLLOUT_DIST) with `inputs` over weightInputs, timing each line of stdout. */
export function run(
  e2e: WeightsE2E,
  inputs: Record<string, string>,
  onLine?: (line: Line) => void
): Promise<WeightsRun> {
  const files = tempFiles()
  const startedAt = Date.now()
  const child = spawn(process.execPath, [process.env.ECS_ROLLOUT_DIST ?? DIST], {
    env: actionEnv({ ...weightInputs(e2e), ...inputs }, files, e2e.env),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const lines: Line[] = []
  let partial = ''
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const at = Date.now()
    stdout += chunk
    const parts = (partial + chunk).split('\n')
    partial = parts.pop() ?? ''
    for (const text of parts) {
      lines.push({ at, text })
      onLine?.({ at, text })
    }
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  // Seconds alone; the margin is for a machine busy with other suites.
  const timer = setTimeout(() => child.kill('SIGKILL'), 100_000)
  return new Promise(resolve => {
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (partial) lines.push({ at: Date.now(), text: partial })
      resolve({
        startedAt,
        lines,
        result: {
          code,
          signal,
          stdout,
          stderr,
          outputs: readOutputs(files.outputFile),
          summary: readFileSync(files.summaryFile, 'utf8'),
          files
        }
      })
    })
  })
}

/** When the first line matching `pattern` arrived. */
export function lineAt(run: WeightsRun, pattern: RegExp): number {
  const line = run.lines.find(l => pattern.test(l.text))
  if (!line) throw new Error(`no line of the log matches ${pattern}`)
  return line.at
}

/**
 * A hook: a node script (no shell) that appends what it saw to a marker file, one JSON line per attempt, and
 * exits with the codes given in turn (the last one repeats); `release` makes it exit 0 once that file exists.
 */
export function hook(e2e: WeightsE2E, name: string, codes: number[], release?: string): string {
  const script = join(e2e.dir, 'hook.mjs')
  if (!existsSync(script))
    writeFileSync(
      script,
      `import { appendFileSync, existsSync, readFileSync } from 'node:fs'
const [marker, codes, release] = process.argv.slice(2)
const seen = existsSync(marker) ? readFileSync(marker, 'utf8').split('\\n').filter(Boolean).length : 0
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('ECS_ROLLOUT_')))
appendFileSync(marker, JSON.stringify({ at: Date.now(), env }) + '\\n')
const list = codes.split(',').map(Number)
const code = release && existsSync(release) ? 0 : list[Math.min(seen, list.length - 1)]
console.log('attempt ' + (seen + 1) + ' of ' + env.ECS_ROLLOUT_HOOK + ' at step ' + env.ECS_ROLLOUT_STEP + ': exit ' + code)
process.exit(code)
`
    )
  const args = [script, join(e2e.dir, `${name}.jsonl`), codes.join(',')]
  if (release) args.push(join(e2e.dir, release))
  return [process.execPath, ...args].map(a => `'${a}'`).join(' ')
}

export interface HookAttempt {
  at: number
  env: Record<string, string>
}

export function hookAttempts(e2e: WeightsE2E, name: string): HookAttempt[] {
  const file = join(e2e.dir, `${name}.jsonl`)
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(l => JSON.parse(l) as HookAttempt)
}

export function journal(e2e: WeightsE2E, since: number): Promise<JournalTick[]> {
  return e2e.control.journal('prod', 'web', { since }).then(j => j.ticks)
}

/**
 * Waits (up to 10 s) until the sandbox has recorded a tick later than `moment`. The run may end within a tick of
 * its last move, and on a loaded machine the sandbox's timer runs late: checks of "every tick after X" need one.
 */
export async function tickedPast(e2e: WeightsE2E, moment: number): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!(await journal(e2e, moment)).some(t => t.at > moment)) {
    if (Date.now() > deadline) throw new Error(`the sandbox recorded no tick after ${moment} within 10 s`)
    await new Promise(resolve => setTimeout(resolve, TICK_MS))
  }
}

/** The production route (the listener's default action, or a rule) in a tick. */
export function productionRoute(tick: JournalTick, arn: string) {
  return tick.routes.find(r => r.listener === arn || r.arn === arn)
}

/** The share of a route's requests that reached `taskDefinition`, 0–1. */
export function shareOf(tick: JournalTick, route: string, taskDefinition: string): number | undefined {
  return productionRoute(tick, route)?.trafficShareByTaskDefinition[taskDefinition]
}

/**
 * The journal's verdict on every tick from `since`: never fewer healthy tasks than `floor`, and no request
 * sent to a target group without a healthy target (nor answered by the load balancer itself).
 */
export async function expectCapacityAndTrafficSafe(
  e2e: WeightsE2E,
  since: number,
  floor = 4
): Promise<JournalTick[]> {
  const out = await e2e.control.journal('prod', 'web', { since, floor })
  expect(out.ticks.length).toBeGreaterThan(0)
  expect(out.belowFloor).toEqual([])
  const unsafe = out.ticks.flatMap(tick =>
    tick.routes
      .filter(r => r.requests > 0)
      .flatMap(r => {
        const empty = Object.entries(r.weights).filter(
          ([tg, w]) => w > 0 && !(tick.healthyByTargetGroup[tg] > 0)
        )
        return empty.length || r.elb5xx > 1e-9
          ? [
              {
                at: tick.at,
                route: r.arn,
                weights: r.weights,
                healthy: tick.healthyByTargetGroup,
                elb5xx: r.elb5xx
              }
            ]
          : []
      })
  )
  expect(unsafe).toEqual([])
  return out.ticks
}

/** Mutating calls between two moments (inclusive), as `service:Operation`. */
export function mutatingBetween(calls: CallRecord[], from: number, to: number): string[] {
  return calls.filter(c => c.mutating && c.at >= from && c.at <= to).map(c => `${c.service}:${c.operation}`)
}

/** Runs the checks; a failure carries the action's log and summary. */
export async function explained(run: WeightsRun, check: () => Promise<void> | void): Promise<void> {
  try {
    await check()
  } catch (error) {
    if (error instanceof Error) error.message += `\n\n${transcript(run.result)}`
    throw error
  }
}
