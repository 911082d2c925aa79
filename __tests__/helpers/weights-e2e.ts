// End-to-end tests of traffic by weights, on the scene helper's weights scene (a 4-task EXTERNAL service behind
// two target groups, blue serving and green idle, a production listener forwarding 100/0, optionally a test
// listener): hooks that record what they saw, and the sandbox's journal lined up with the action's timed log.

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from '@jest/globals'
import type { CallRecord, JournalTick } from '../../sandbox/client.js'
import {
  deploy,
  MANUAL_ALARM,
  setAlarm,
  TICK_MS,
  withScene,
  type Run,
  type Scene,
  type SceneOptions
} from './scene.js'

export interface WeightsScene extends Scene {
  /** blue: serves the revision running before the deploy; green: idle. */
  blue: string
  green: string
}

/** A fresh sandbox with the weights scene (ALARM and MANUAL_ALARM among its gates); always closed. */
export function withWeights<T>(
  options: Omit<SceneOptions, 'kind'>,
  body: (e2e: WeightsScene) => Promise<T>
): Promise<T> {
  return withScene({ ...options, kind: 'weights' }, scene => {
    const [blue, green] = scene.targetGroups
    return body({ ...scene, blue, green })
  })
}

/**
 * Deploys, and the first time a line of the log matches `at`, puts MANUAL_ALARM into ALARM with `reason` (with
 * `afterTick`, once the sandbox has recorded a tick after that line, so the journal shows a tick of that moment's
 * traffic). Resolves once both the run and the alarm's change are done, saying whether the alarm was fired.
 */
export async function deployAlarmedAt(
  e2e: Scene,
  inputs: Record<string, string>,
  at: RegExp,
  reason: string,
  o: { afterTick?: boolean } = {}
): Promise<Run & { fired: boolean }> {
  let fire: Promise<void> | undefined
  const run = await deploy(e2e, inputs, {
    onLine: line => {
      if (at.test(line.text))
        fire ??= o.afterTick
          ? tickedPast(e2e, Date.now()).then(() => setAlarm(e2e, MANUAL_ALARM, reason))
          : setAlarm(e2e, MANUAL_ALARM, reason)
    }
  })
  await fire
  return { ...run, fired: fire !== undefined }
}

/** How long the sandbox takes to bring a route's new weights to its traffic (realism's propagationMs; 0 off). */
export async function propagationMs(e2e: Scene): Promise<number> {
  return (await e2e.control.realism()).propagationMs
}

/** When the first line matching `pattern` arrived. */
export function lineAt(run: Run, pattern: RegExp): number {
  const line = run.result.lines.find(l => pattern.test(l.text))
  if (!line) throw new Error(`no line of the log matches ${pattern}`)
  return line.at
}

/**
 * A hook: a node script (no shell) that appends what it saw to a marker file, one JSON line per attempt, and
 * exits with the codes given in turn (the last one repeats); `release` makes it exit 0 once that file exists.
 */
export function hook(e2e: Scene, name: string, codes: number[], release?: string): string {
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

export function hookAttempts(e2e: Scene, name: string): HookAttempt[] {
  const file = join(e2e.dir, `${name}.jsonl`)
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(l => JSON.parse(l) as HookAttempt)
}

export function journal(e2e: Scene, since: number): Promise<JournalTick[]> {
  return e2e.control.journal(e2e.cluster, e2e.service, { since }).then(j => j.ticks)
}

/**
 * Waits (up to 10 s) until the sandbox has recorded a tick later than `moment`. The run may end within a tick of
 * its last move, and on a loaded machine the sandbox's timer runs late: checks of "every tick after X" need one.
 */
export async function tickedPast(e2e: Scene, moment: number): Promise<void> {
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
  e2e: Scene,
  since: number,
  floor = 4
): Promise<JournalTick[]> {
  const out = await e2e.control.journal(e2e.cluster, e2e.service, { since, floor })
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
