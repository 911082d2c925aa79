// Traffic by weights end to end: dist/index.js as a subprocess against an in-process sandbox (one per test, run
// concurrently), a 4-task service behind two target groups. The sandbox's journal is the witness: the share of
// production requests each revision received at every tick, the route's weights, the healthy targets per group.
// Every run keeps at least 4 healthy tasks (stable kept at full size, or max-surge honoured) and never sends a
// request to a target group without a healthy target.

import {
  CreateRuleCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  ModifyListenerCommand
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { describe, expect, it, jest } from '@jest/globals'
import type { JournalTick } from '../../sandbox/client.js'
import { waitFor } from '../../sandbox/fixtures.js'
import { deploy, explained, revision, taskSets, type Run } from '../helpers/scene.js'
import {
  deployAlarmedAt,
  expectCapacityAndTrafficSafe,
  hook,
  hookAttempts,
  lineAt,
  mutatingBetween,
  productionRoute,
  propagationMs,
  shareOf,
  tickedPast,
  withWeights,
  type WeightsScene
} from '../helpers/weights-e2e.js'

/**
 * The new revision's share of the production route at each weight the route had, over the run's ticks. Ticks
 * less than `settleMs` after a weight change are left out: the load balancer still routes by the old weights
 * then (the sandbox's propagation delay with realism on, 0 without).
 */
function sharesByWeight(
  ticks: JournalTick[],
  route: string,
  group: string,
  next: string,
  settleMs: number
): Map<number, number[]> {
  const out = new Map<number, number[]>()
  let last: string | undefined
  let changedAt = -Infinity
  for (const tick of ticks) {
    const r = productionRoute(tick, route)
    if (!r) continue
    const weights = JSON.stringify(r.weights)
    if (last !== undefined && weights !== last) changedAt = tick.at
    last = weights
    if (r.requests === 0 || tick.at - changedAt < settleMs) continue
    const total = Object.values(r.weights).reduce((a, b) => a + b, 0)
    const weight = Math.round((1000 * (r.weights[group] ?? 0)) / total) / 10
    out.set(weight, [...(out.get(weight) ?? []), r.trafficShareByTaskDefinition[next] ?? 0])
  }
  return out
}

/** At every planned weight the route had for a while, the new revision got that share, within one point. */
function expectPlannedShares(shares: Map<number, number[]>, planned: number[]): void {
  expect([...shares.keys()].sort((a, b) => a - b)).toEqual([0, ...planned])
  for (const percent of planned) {
    const seen = shares.get(percent)!
    expect(seen.length).toBeGreaterThan(0)
    for (const share of seen) expect(Math.abs(100 * share - percent)).toBeLessThanOrEqual(1)
  }
  for (const share of shares.get(0)!) expect(share).toBe(0)
}

/** One PRIMARY task set on `taskDefinition`, registered in `group`, with all four tasks (once the other drained). */
async function expectServing(e2e: WeightsScene, taskDefinition: string, group: string): Promise<void> {
  const sets = await waitFor(
    'a single task set',
    async () => {
      const all = await taskSets(e2e)
      return all.length === 1 && all[0].stabilityStatus === 'STEADY_STATE' ? all : undefined
    },
    { timeoutMs: 10_000, intervalMs: 200 }
  )
  expect(
    sets.map(s => ({
      status: s.status,
      taskDefinition: s.taskDefinition,
      scale: s.scale?.value,
      running: s.runningCount,
      group: s.loadBalancers?.[0]?.targetGroupArn
    }))
  ).toEqual([{ status: 'PRIMARY', taskDefinition, scale: 100, running: 4, group }])
}

async function listenerWeights(e2e: WeightsScene, arn: string): Promise<Record<string, number>> {
  const out = await e2e.clients.elb.send(new DescribeListenersCommand({ ListenerArns: [arn] }))
  const forward = out.Listeners![0].DefaultActions!.find(a => a.Type === 'forward')!
  const groups = forward.ForwardConfig?.TargetGroups ?? [
    { TargetGroupArn: forward.TargetGroupArn, Weight: 1 }
  ]
  return Object.fromEntries(groups.map(g => [g.TargetGroupArn!, g.Weight ?? 1]))
}

function expectSucceeded(r: Run, next: string, previous: string): void {
  expect(r.result.code).toBe(0)
  expect(r.result.outputs).toMatchObject({
    status: 'succeeded',
    'task-definition-arn': next,
    'previous-task-definition-arn': previous,
    'traffic-percent': '100'
  })
  expect(r.result.summary).toContain('<h2>✅ Succeeded: ')
}

function expectRolledBack(r: Run, next: string): void {
  expect(r.result.code).toBe(1)
  expect(r.result.outputs).toMatchObject({
    status: 'rolled-back',
    'task-definition-arn': next,
    'traffic-percent': '0'
  })
  expect(r.result.summary).toContain('<h2>↩️ Rolled back: web:2 on web</h2>')
}

/**
 * The rollback restored production traffic with exactly one mutating call, an ELBv2 weight change, between the
 * rollback's start and "all traffic back" in the log; the summary shows how long it took and that one call.
 */
async function expectOneWeightChangeRollback(e2e: WeightsScene, r: Run): Promise<void> {
  const from = lineAt(r, /^::group::Rolling back to web:1/)
  const to = lineAt(r, /^all traffic back on web:1 .*\(1 mutating call\)$/)
  const calls = await e2e.control.calls(r.startedAt)
  // One ELBv2 write between the start of the rollback and "all traffic back" in the log…
  expect(mutatingBetween(calls, from, to).filter(c => c.startsWith('elbv2:'))).toEqual([
    'elbv2:ModifyListener'
  ])
  // …and it is the rollback's first mutating call of all: the record is written after it (in call order).
  const rollback = calls.filter(c => c.at >= from && c.mutating)
  expect(`${rollback[0].service}:${rollback[0].operation}`).toBe('elbv2:ModifyListener')
  expect(r.result.summary).toMatch(
    /Traffic was back on web:1 (\d+ms|\d+(\.\d+)?s) later, after 1 mutating call\. The rollback took /
  )
}

// Each test takes 5–25 s alone; the margin is for a machine busy with other suites.
jest.setTimeout(120_000)

describe('dist/index.js command: deploy with traffic by weights', () => {
  it.concurrent(
    'canary 10 %: the planned share at each step within a point; a post-step hook in progress (exit 75), then passing',
    async () => {
      await withWeights({}, async e2e => {
        const next = await revision(e2e)
        const r = await deploy(e2e, {
          'task-definition': next,
          strategy: 'canary',
          'canary-percent': '10',
          'canary-bake-time': '2s',
          'hook-post-step': hook(e2e, 'post-step', [75, 75, 0])
        })
        await explained(r.result, async () => {
          expectSucceeded(r, next, e2e.previous)
          // 10 % of four tasks' traffic by weight: the canary is one task getting 10 %, not 25 %.
          expect(r.result.stdout).toContain('1      canary 10%                  1          4             10%')
          const ticks = await expectCapacityAndTrafficSafe(e2e, r.startedAt)
          const shares = sharesByWeight(ticks, e2e.listener!, e2e.green, next, await propagationMs(e2e))
          expectPlannedShares(shares, [10, 100])
          expect(shares.get(10)!.length).toBeGreaterThanOrEqual(5) // the 2 s bake, at 200 ms ticks
          // The hook: twice "in progress" at step 1, then passing; once at step 2.
          const attempts = hookAttempts(e2e, 'post-step').map(a => [
            a.env.ECS_ROLLOUT_STEP,
            a.env.ECS_ROLLOUT_TRAFFIC_PERCENT
          ])
          expect(attempts).toEqual([
            ['1', '10'],
            ['1', '10'],
            ['1', '10'],
            ['2', '100']
          ])
          expect(
            r.result.stdout.match(/exit code 75: still in progress, next attempt in 300ms/g)
          ).toHaveLength(2)
          expect(r.result.stdout).toContain('hook post-step exited with code 0')
          // Retired: green serves everything, blue stays in the route at 0 for the next rollout.
          expect(await listenerWeights(e2e, e2e.listener!)).toEqual({ [e2e.blue]: 0, [e2e.green]: 100 })
          await expectServing(e2e, next, e2e.green)
        })
      })
    }
  )

  it.concurrent(
    'linear 25 % on a listener rule that forwarded to one group: green joins at weight 0 to be health-checked, then 25/50/75/100',
    async () => {
      await withWeights({}, async e2e => {
        const { elb } = e2e.clients
        // Production on a rule with a plain forward (as most start); the listener's default answers 404.
        const rule = (
          await elb.send(
            new CreateRuleCommand({
              ListenerArn: e2e.listener,
              Priority: 10,
              Conditions: [{ Field: 'path-pattern', Values: ['/*'] }],
              Actions: [{ Type: 'forward', TargetGroupArn: e2e.blue }]
            })
          )
        ).Rules![0].RuleArn!
        await elb.send(
          new ModifyListenerCommand({
            ListenerArn: e2e.listener,
            DefaultActions: [
              {
                Type: 'fixed-response',
                FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain' }
              }
            ]
          })
        )
        const next = await revision(e2e)
        const r = await deploy(e2e, {
          'task-definition': next,
          'listener-arn': '',
          'listener-rule-arn': rule,
          strategy: 'linear',
          'step-percent': '25',
          'step-bake-time': '1s'
        })
        await explained(r.result, async () => {
          expectSucceeded(r, next, e2e.previous)
          const ticks = await expectCapacityAndTrafficSafe(e2e, r.startedAt)
          expectPlannedShares(
            sharesByWeight(ticks, rule, e2e.green, next, await propagationMs(e2e)),
            [25, 50, 75, 100]
          )
          // Before any weight moved, the rule named green at weight 0 (so ELBv2 checks green's targets).
          const attached = ticks.find(t => productionRoute(t, rule)?.weights[e2e.green] === 0)
          expect(attached).toBeDefined()
          const calls = await e2e.control.calls(r.startedAt)
          expect(calls.filter(c => c.service === 'elbv2' && c.mutating).map(c => c.operation)).toEqual(
            Array(5).fill('ModifyRule')
          )
          const rules = await elb.send(new DescribeRulesCommand({ RuleArns: [rule] }))
          expect(rules.Rules![0].Actions![0].ForwardConfig!.TargetGroups).toEqual([
            { TargetGroupArn: e2e.blue, Weight: 0 },
            { TargetGroupArn: e2e.green, Weight: 100 }
          ])
          await expectServing(e2e, next, e2e.green)
        })
      })
    }
  )

  it.concurrent(
    'blue-green with a test listener: the pre-traffic hook gets the test URL, green behind it; then all traffic at once; the next deploy goes back to blue',
    async () => {
      await withWeights({ scene: { testListener: true } }, async e2e => {
        const { elb } = e2e.clients
        const testListener = e2e.testListener!
        const dns = (
          await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [e2e.loadBalancer!] }))
        ).LoadBalancers![0].DNSName
        const next = await revision(e2e)
        const inputs = {
          strategy: 'blue-green',
          'test-listener-arn': testListener,
          // In progress once: the hook runs for a while with test traffic on green, production on blue.
          'hook-pre-traffic': hook(e2e, 'pre-traffic', [75, 0])
        }
        const r = await deploy(e2e, { 'task-definition': next, ...inputs })
        await explained(r.result, async () => {
          expectSucceeded(r, next, e2e.previous)
          const [attempt, passed] = hookAttempts(e2e, 'pre-traffic')
          expect(passed.env.ECS_ROLLOUT_TEST_URL).toBe(`http://${dns}:8080`)
          expect(attempt.env).toMatchObject({
            ECS_ROLLOUT_HOOK: 'pre-traffic',
            ECS_ROLLOUT_TEST_URL: `http://${dns}:8080`,
            ECS_ROLLOUT_TRAFFIC_PERCENT: '0',
            ECS_ROLLOUT_NEW_TASK_DEFINITION: next,
            ECS_ROLLOUT_STABLE_TASK_DEFINITION: e2e.previous
          })
          const ticks = await expectCapacityAndTrafficSafe(e2e, r.startedAt)
          // While the hook ran, test traffic reached only green (all four tasks), production only blue.
          const during = ticks.filter(t => t.at > attempt.at && t.at <= passed.at)
          expect(during.length).toBeGreaterThan(0)
          for (const tick of during) {
            expect(shareOf(tick, testListener, next)).toBe(1)
            expect(productionRoute(tick, testListener)!.requests).toBeGreaterThan(0)
            expect(shareOf(tick, e2e.listener!, e2e.previous)).toBe(1)
            expect(tick.healthyByTargetGroup[e2e.green]).toBe(4)
          }
          // The switch: production's share of green went from nothing to everything at once.
          const production = ticks.map(t => shareOf(t, e2e.listener!, next) ?? 0)
          expect(production.filter(s => s > 0 && s < 1)).toEqual([])
          expect(production.at(-1)).toBe(1)
          // Two weight changes in all: the test listener to green, then production to green.
          const calls = await e2e.control.calls(r.startedAt)
          expect(calls.filter(c => c.service === 'elbv2' && c.mutating).map(c => c.operation)).toEqual([
            'ModifyListener',
            'ModifyListener'
          ])
          expect(r.result.stdout).toMatch(
            /^test listener http:\/\/\S+:8080 forwards to \S+web-green\S*, the new revision's target group$/m
          )
          await expectServing(e2e, next, e2e.green)
        })

        // The next rollout finds green serving: blue is the new group now, for the test listener as well.
        const third = await revision(e2e)
        const again = await deploy(e2e, { 'task-definition': third, ...inputs })
        await explained(again.result, async () => {
          expectSucceeded(again, third, next)
          const attempts = hookAttempts(e2e, 'pre-traffic')
          expect(attempts).toHaveLength(3)
          expect(attempts[2].env.ECS_ROLLOUT_NEW_TASK_DEFINITION).toBe(third)
          expect(await listenerWeights(e2e, e2e.listener!)).toEqual({ [e2e.blue]: 100, [e2e.green]: 0 })
          expect(await listenerWeights(e2e, testListener)).toEqual({ [e2e.blue]: 1 })
          await expectCapacityAndTrafficSafe(e2e, again.startedAt)
          await expectServing(e2e, third, e2e.blue)
        })
      })
    }
  )

  it.concurrent(
    'canary 10 % with stable kept, alarm during the canary bake: all traffic back on blue with one ModifyListener',
    async () => {
      await withWeights({}, async e2e => {
        const next = await revision(e2e)
        // Fire the alarm once the canary's bake has begun (4 s: no step move can intervene) and the sandbox has
        // served a tick of traffic at 10 %, which the journal must show.
        const { fired, ...r } = await deployAlarmedAt(
          e2e,
          { 'task-definition': next, strategy: 'canary', 'canary-percent': '10', 'canary-bake-time': '4s' },
          /^step 1\/2 \(10%\).* baking 4s$/,
          'Threshold Crossed: canary errors (set by the test)',
          { afterTick: true }
        )
        await explained(r.result, async () => {
          expect(fired).toBe(true)
          expectRolledBack(r, next)
          expect(r.result.outputs.reason).toMatch(
            /^alarm web-manual went into ALARM at \S+Z: Threshold Crossed: canary errors/
          )
          expect(r.result.summary).toContain(
            'Alarm web-manual went into ALARM during step 1 of 2 (canary 10%)'
          )
          await expectOneWeightChangeRollback(e2e, r)
          // Every tick after the restore: all production traffic on blue.
          const restored = lineAt(r, /^all traffic back on web:1/)
          await tickedPast(e2e, restored + 50)
          const ticks = await expectCapacityAndTrafficSafe(e2e, r.startedAt)
          const shares = sharesByWeight(ticks, e2e.listener!, e2e.green, next, await propagationMs(e2e))
          expectPlannedShares(shares, [10])
          const after = ticks.filter(t => t.at > restored + 50)
          expect(after.length).toBeGreaterThan(0)
          for (const tick of after) expect(shareOf(tick, e2e.listener!, e2e.previous)).toBe(1)
          expect(await listenerWeights(e2e, e2e.listener!)).toEqual({ [e2e.blue]: 100, [e2e.green]: 0 })
          await expectServing(e2e, e2e.previous, e2e.blue)
        })
      })
    }
  )

  it.concurrent(
    "linear 25 %, the 5xx alarm fires at 50 % on the new revision's errors: rolled back by one weight change",
    async () => {
      // Half of the new revision's answers are 5xx; 100 requests/s. At 25 % that is ~12 a second, at 50 % ~25:
      // over the threshold of 20 the alarm fires during step 2.
      await withWeights({ threshold: 20 }, async e2e => {
        const next = await revision(e2e, { SANDBOX_ERROR_RATE: '0.5' })
        const r = await deploy(e2e, {
          'task-definition': next,
          strategy: 'linear',
          'step-percent': '25',
          'step-bake-time': '2s',
          alarms: 'web-5xx',
          // The alarm is the subject here: the built-in metric check would catch this revision first.
          'metric-checks': 'false'
        })
        await explained(r.result, async () => {
          expectRolledBack(r, next)
          expect(r.result.outputs.reason).toMatch(
            /^alarm web-5xx went into ALARM at \S+Z: Threshold Crossed: /
          )
          expect(r.result.summary).toContain('Alarm web-5xx went into ALARM during step 2 of 4 (50%)')
          await expectOneWeightChangeRollback(e2e, r)
          const ticks = await expectCapacityAndTrafficSafe(e2e, r.startedAt)
          expectPlannedShares(
            sharesByWeight(ticks, e2e.listener!, e2e.green, next, await propagationMs(e2e)),
            [25, 50]
          )
          await expectServing(e2e, e2e.previous, e2e.blue)
        })
      })
    }
  )

  it.concurrent(
    'blue-green, alarm during the final bake with the old task set intact: production back on blue at once',
    async () => {
      await withWeights({}, async e2e => {
        const next = await revision(e2e)
        const r = await deployAlarmedAt(
          e2e,
          { 'task-definition': next, strategy: 'blue-green', 'bake-time': '5s' },
          /^watching the gates for 5s/,
          'Threshold Crossed: after the switch (set by the test)'
        )
        await explained(r.result, async () => {
          expectRolledBack(r, next)
          expect(r.result.summary).toContain('Alarm web-manual went into ALARM during the final')
          expect(r.result.stdout).toContain('web:2 is now the primary task set')
          await expectOneWeightChangeRollback(e2e, r)
          // Traffic first, then blue primary again (the record aside); no task had to start: blue never left.
          const calls = (await e2e.control.calls(lineAt(r, /^::group::Rolling back/))).filter(
            c => c.mutating && !/^(Untag|Tag)Resource$/.test(c.operation)
          )
          expect(calls.slice(0, 2).map(c => c.operation)).toEqual([
            'ModifyListener',
            'UpdateServicePrimaryTaskSet'
          ])
          const ticks = await expectCapacityAndTrafficSafe(e2e, r.startedAt)
          expect(ticks.every(t => (t.healthyByTaskDefinition[e2e.previous] ?? 0) === 4)).toBe(true)
          await expectServing(e2e, e2e.previous, e2e.blue)
        })
      })
    }
  )

  it.concurrent(
    'blue-green, the pre-traffic hook fails: rolled back before any production traffic moved, on-rollback runs, test listener back on blue',
    async () => {
      await withWeights({ scene: { testListener: true } }, async e2e => {
        const next = await revision(e2e)
        const r = await deploy(e2e, {
          'task-definition': next,
          strategy: 'blue-green',
          'test-listener-arn': e2e.testListener!,
          'hook-pre-traffic': hook(e2e, 'pre-traffic', [3]),
          'hook-on-rollback': hook(e2e, 'on-rollback', [0])
        })
        await explained(r.result, async () => {
          expectRolledBack(r, next)
          expect(r.result.outputs.reason).toBe(
            'hook pre-traffic exited with code 3: attempt 1 of pre-traffic at step 2: exit 3'
          )
          expect(r.result.summary).toContain('Hook <code>pre-traffic</code> exited with code 3')
          expect(r.result.summary).toContain('attempt 1 of pre-traffic at step 2: exit 3')
          expect(hookAttempts(e2e, 'pre-traffic')).toHaveLength(1)
          const [after] = hookAttempts(e2e, 'on-rollback')
          expect(after.env.ECS_ROLLOUT_HOOK).toBe('on-rollback')
          const ticks = await expectCapacityAndTrafficSafe(e2e, r.startedAt)
          // Production never moved: every tick, every request to blue.
          for (const tick of ticks) {
            expect(productionRoute(tick, e2e.listener!)!.weights).toEqual({
              [e2e.blue]: 100,
              [e2e.green]: 0
            })
            expect(shareOf(tick, e2e.listener!, e2e.previous)).toBe(1)
          }
          expect(await listenerWeights(e2e, e2e.testListener!)).toEqual({ [e2e.blue]: 1 })
          await expectServing(e2e, e2e.previous, e2e.blue)
        })
      })
    }
  )

  it.concurrent(
    'canary 10 %, an alarm while the post-step hook is still in progress: no waiting for the hook, rolled back at once',
    async () => {
      await withWeights({}, async e2e => {
        const next = await revision(e2e)
        const r = await deployAlarmedAt(
          e2e,
          {
            'task-definition': next,
            strategy: 'canary',
            'canary-percent': '10',
            'canary-bake-time': '1s',
            'step-timeout': '1m',
            // In progress for ever: only the alarm can end the wait before step-timeout.
            'hook-post-step': hook(e2e, 'post-step', [75])
          },
          /^exit code 75: still in progress/,
          'Threshold Crossed: while the hook waited (set by the test)'
        )
        await explained(r.result, async () => {
          expectRolledBack(r, next)
          expect(r.result.outputs.reason).toMatch(/^alarm web-manual went into ALARM at /)
          expect(r.result.stdout).toMatch(
            /still in progress \(exit code 75\) when alarm web-manual went into ALARM/
          )
          const attempts = hookAttempts(e2e, 'post-step')
          expect(attempts.length).toBeLessThanOrEqual(4)
          expect(r.result.summary).toContain(
            'Alarm web-manual went into ALARM during step 1 of 2 (canary 10%)'
          )
          await expectOneWeightChangeRollback(e2e, r)
          await expectCapacityAndTrafficSafe(e2e, r.startedAt)
          await expectServing(e2e, e2e.previous, e2e.blue)
        })
      })
    }
  )

  it.concurrent(
    'linear 50 % with stable-scale: shrink and max-surge 1: weight and capacity leapfrog, never above 5 tasks',
    async () => {
      await withWeights({}, async e2e => {
        const next = await revision(e2e)
        const r = await deploy(e2e, {
          'task-definition': next,
          strategy: 'linear',
          'step-percent': '50',
          'step-bake-time': '1s',
          'stable-scale': 'shrink',
          'max-surge': '1'
        })
        await explained(r.result, async () => {
          expectSucceeded(r, next, e2e.previous)
          expect(r.result.stdout).toContain('at most 1 extra task at the peak')
          const ticks = await expectCapacityAndTrafficSafe(e2e, r.startedAt)
          // 25 % and 75 % are the sub-steps: the surge leaves room for one new task at a time.
          expectPlannedShares(
            sharesByWeight(ticks, e2e.listener!, e2e.green, next, await propagationMs(e2e)),
            [25, 50, 75, 100]
          )
          const peak = Math.max(...ticks.map(t => t.taskSets.reduce((n, s) => n + s.computedDesiredCount, 0)))
          expect(peak).toBe(5)
          await expectServing(e2e, next, e2e.green)
        })
      })
    }
  )

  it.concurrent(
    'custom "10, pause" by weights, then promote from a later run: the split route is understood',
    async () => {
      await withWeights({}, async e2e => {
        const next = await revision(e2e)
        const paused = await deploy(e2e, { 'task-definition': next, strategy: 'custom', steps: '10, pause' })
        await explained(paused.result, async () => {
          expect(paused.result.code).toBe(0)
          expect(paused.result.outputs).toMatchObject({ status: 'paused', 'traffic-percent': '10' })
          expect(await listenerWeights(e2e, e2e.listener!)).toEqual({ [e2e.blue]: 90, [e2e.green]: 10 })
        })
        const inputs = { 'task-definition': '', command: 'promote', 'promote-full': 'true' }
        const promoted = await deploy(e2e, inputs)
        await explained(promoted.result, async () => {
          expectSucceeded(promoted, next, e2e.previous)
          expect(await listenerWeights(e2e, e2e.listener!)).toEqual({ [e2e.blue]: 0, [e2e.green]: 100 })
          const ticks = await expectCapacityAndTrafficSafe(e2e, paused.startedAt)
          expectPlannedShares(
            sharesByWeight(ticks, e2e.listener!, e2e.green, next, await propagationMs(e2e)),
            [10, 100]
          )
          await expectServing(e2e, next, e2e.green)
        })
      })
    }
  )
})
