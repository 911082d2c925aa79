// 4. API budget: calls per operation per minute during a bake with 1, 10 and 100 gate alarms (and as many custom
// metric gates); read calls per poll, GetMetricData per poll; and a rollout's share of each throttled operation's
// sustained limit.

import type { CallRecord } from '../sandbox/client.js'
import { figure, type BenchResult, type Figure } from './lib/report.js'
import { prepareRollout, type Rollout } from './lib/rollout.js'
import { withSandbox } from './lib/sandbox.js'
import { REGIONS } from './lib/scenes.js'
import { parseDuration } from './lib/timeline.js'
import { sleep } from './lib/trials.js'

export interface ApiBudgetOptions {
  alarmCounts: number[]
  bake: string
  finalBake: string
}

/**
 * Throttled operations and their sustained rates per second, account-wide per region (shared/reference/aws-api.md
 * §4): the three the issue names, and ECS's tag-modify category, which the record's heartbeat uses.
 */
export const LIMITS: { name: string; ops: string[]; perSecond: number }[] = [
  { name: 'DescribeServices', ops: ['DescribeServices'], perSecond: 20 },
  { name: 'UpdateService', ops: ['UpdateService'], perSecond: 5 },
  { name: 'DescribeAlarms', ops: ['DescribeAlarms'], perSecond: 9 },
  { name: 'Tag modify (TagResource + UntagResource)', ops: ['TagResource', 'UntagResource'], perSecond: 10 }
]
const TICK_MS = 100
/** Left out at each end of the bake: the move before it and the read at its end are not "during". */
const MARGIN_MS = 1000

interface Budget {
  alarms: number
  windowMs: number
  perMinute: Record<string, number>
  polls: number
  reads: number
  rollout: { durationMs: number; counts: Record<string, number> }
  startup: Record<string, number>
}

export async function apiBudget(o: ApiBudgetOptions): Promise<BenchResult> {
  const began = Date.now()
  const bakeMs = parseDuration(o.bake)
  const { value: budgets, sandboxCpuMs } = await withSandbox({ tickMs: TICK_MS }, async sandbox => {
    const runs = await Promise.all(
      o.alarmCounts.map(async (alarms, i) => {
        const go = await prepareRollout({
          sandbox,
          service: {
            region: REGIONS[i],
            service: `api-${alarms}`,
            desiredCount: 4,
            env: { SANDBOX_START_SECONDS: '0.5' },
            // Behind a load balancer, so the built-in metric checks read its target group.
            loadBalanced: true,
            alarms
          },
          inputs: {
            strategy: 'canary',
            'canary-percent': '25',
            'canary-bake-time': o.bake,
            'bake-time': o.finalBake,
            // As many custom metric gates as alarms: all of them, and the built-in checks, in one GetMetricData.
            metrics: customMetrics(alarms)
          }
        })
        await sleep(i * 2000)
        return go()
      })
    )
    return runs.map((r, i) => budget(r, o.alarmCounts[i], bakeMs))
  })
  const figures: Figure[] = []
  for (const b of budgets)
    figures.push(
      figure(
        `reads-per-poll-${b.alarms}`,
        `Read calls per poll, ${b.alarms} alarm(s)`,
        'calls',
        [b.reads / b.polls],
        'bake',
        {
          stat: 'max',
          max: 3,
          text: '≤ 3'
        }
      ),
      figure(
        `metric-reads-per-poll-${b.alarms}`,
        `GetMetricData calls per poll, ${b.alarms} custom metric(s) and the built-in checks`,
        'calls',
        [(b.perMinute.GetMetricData ?? 0) / (b.perMinute.DescribeServices || 1)],
        'bake',
        { stat: 'max', max: 1, text: '≤ 1' }
      )
    )
  for (const limit of LIMITS)
    figures.push(
      figure(
        `share-${limit.ops.join('-')}`,
        `${limit.name} during a bake, share of ${limit.perSecond}/s`,
        '%',
        budgets.map(b => share(b.perMinute, limit)),
        'rollout',
        { stat: 'max', max: 1, text: '≤ 1 %' }
      )
    )
  for (const limit of LIMITS)
    figures.push(
      figure(
        `whole-${limit.ops.join('-')}`,
        `${limit.name} over the whole rollout, share of ${limit.perSecond}/s`,
        '%',
        budgets.map(b =>
          share(
            Object.fromEntries(
              Object.entries(b.rollout.counts).map(([op, n]) => [op, (n * 60_000) / b.rollout.durationMs])
            ),
            limit
          )
        ),
        'rollout'
      )
    )
  const ops = [...new Set(budgets.flatMap(b => Object.keys(b.perMinute)))].sort()
  const table = [
    `| Operation | ${budgets.map(b => `${b.alarms} alarm(s)`).join(' | ')} |`,
    `|---|${budgets.map(() => '---').join('|')}|`,
    ...ops.map(op => `| ${op} | ${budgets.map(b => (b.perMinute[op] ?? 0).toFixed(2)).join(' | ')} |`),
    `| **polls** (DescribeServices) | ${budgets.map(b => b.polls).join(' | ')} |`
  ]
  const first = budgets[0]
  return {
    id: 'api-budget',
    title: '4. API budget',
    method: `
Three rollouts at once, in three regions of one sandbox (tick ${TICK_MS} ms) so that the call log tells them apart: a
4-task EXTERNAL service with ${o.alarmCounts.join(', ')} gate alarms, \`dist/index.js\` deploying canary 25 % with a
${o.bake} canary bake and a ${o.finalBake} final bake, everything else default (poll-interval 12 s). "During a bake" is
the canary bake from the action's bake-start log line, less ${MARGIN_MS / 1000} s at each end (so neither the move
before it nor the read at its end counts): calls per operation per minute in that window. A poll is one detailed
observation, which makes exactly one DescribeServices; reads per poll = all read (Describe*/List*/Get*) calls in the
window ÷ DescribeServices in it. The services sit behind a load balancer and each rollout has as many custom metric
gates as alarms: the metric gates (those and the built-in checks) are one GetMetricData per poll, beside the one
DescribeAlarms. The share of a throttled operation's sustained limit (DescribeServices 20/s,
UpdateService 5/s, DescribeAlarms 9/s, and ECS's tag-modify category at 10/s, which the record's heartbeat uses) is
its rate during the bake ÷ that limit; each figure's three values are the three rollouts. "Over the whole rollout" divides all
of its calls, start-up included, by the rollout's duration (process start to exit).`,
    figures,
    notes: [
      `Calls per minute during the bake:\n\n${table.join('\n')}`,
      `Start-up (process start to the first step) made ${Object.entries(first.startup)
        .map(([op, n]) => `${n} ${op}`)
        .join(', ')} with ${first.alarms} alarm(s).`,
      `During a bake a rollout polls once per poll-interval, whatever the number of alarms and metric gates: one ` +
        `DescribeServices, one DescribeAlarms (up to 100 names a call), one GetMetricData (up to 500 queries) and ` +
        `the heartbeat's TagResource, so 5 of each a minute at 12 s, ` +
        `${((100 * 5) / 60 / 9).toFixed(2)} % of DescribeAlarms' 9/s — the binding limit. The whole-rollout shares ` +
        `above are higher because the ${(first.rollout.durationMs / 1000).toFixed(0)} s rollout also carries its ` +
        `fixed calls: at start-up ${first.startup.DescribeAlarms ?? 0} DescribeAlarms (the deploy's checks ` +
        `that every alarm exists and that none is firing, then the first poll) and one gate read at the end of each ` +
        `bake; those are a burst the token bucket absorbs, and their share falls toward the during-bake share as a ` +
        `rollout gets longer.`,
      `Fixed in the record store (commit cb93813, src/aws/record-store.ts): every heartbeat removed the record's ` +
        `empty fields again, TagResource + UntagResource at each poll — 9.9 calls a minute of ECS's tag-modify ` +
        `category, 1.64 % of 10/s, measured by this benchmark before the fix. An empty field is now removed once (a ` +
        `control run's cleared request still every time), so a heartbeat is one call.`
    ],
    durationMs: Date.now() - began,
    sandboxCpuMs
  }
}

/** `n` custom metric gates on the new revision's requests, none of which ever fails. */
function customMetrics(n: number): string {
  return Array.from(
    { length: n },
    (_, i) => `- name: requests-${i + 1}
  queries:
    - Id: m
      MetricStat:
        Metric:
          Namespace: AWS/ApplicationELB
          MetricName: RequestCount
          Dimensions:
            - { Name: TargetGroup, Value: "{{new-target-group}}" }
            - { Name: LoadBalancer, Value: "{{load-balancer}}" }
        Stat: Sum
  failure-condition: result < 0
`
  ).join('')
}

/** A category's calls per second as a percentage of its sustained limit. */
function share(perMinute: Record<string, number>, limit: (typeof LIMITS)[number]): number {
  const calls = limit.ops.reduce((sum, op) => sum + (perMinute[op] ?? 0), 0)
  return (100 * calls) / 60 / limit.perSecond
}

function budget(r: Rollout, alarms: number, bakeMs: number): Budget {
  const { run, timeline, calls } = r
  const bakeAt = timeline.steps[0].bakeAt
  const from = bakeAt + MARGIN_MS
  const to = bakeAt + bakeMs - MARGIN_MS
  const inWindow = calls.filter(c => c.at >= from && c.at < to)
  const perMinute: Record<string, number> = {}
  for (const c of inWindow) perMinute[c.operation] = (perMinute[c.operation] ?? 0) + 60_000 / (to - from)
  const counts = (list: CallRecord[]) =>
    list.reduce<Record<string, number>>((m, c) => ((m[c.operation] = (m[c.operation] ?? 0) + 1), m), {})
  return {
    alarms,
    windowMs: to - from,
    perMinute,
    polls: inWindow.filter(c => c.operation === 'DescribeServices').length,
    reads: inWindow.filter(c => !c.mutating).length,
    rollout: { durationMs: run.endedAt - run.startedAt, counts: counts(calls) },
    startup: counts(calls.filter(c => c.at < timeline.steps[0].startedAt))
  }
}
