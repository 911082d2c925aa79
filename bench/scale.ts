// 6. Scale: a 1000-task service rolled in 100 batches, and 20 rollouts of different services at once against one
// sandbox. Peak RSS of every action process, and per-step overhead against the single small rollout's (bench 3).

import { figure, type BenchResult, type Figure } from './lib/report.js'
import { prepareRollout, type Rollout } from './lib/rollout.js'
import { withSandbox } from './lib/sandbox.js'
import { REGIONS } from './lib/scenes.js'
import { median } from './lib/stats.js'
import { sleep } from './lib/trials.js'
import { LINEAR_10, OVERHEAD_START_SECONDS } from './overhead.js'

export interface ScaleOptions {
  concurrent: number
  /** Step and final bakes of the concurrent 10-step rollouts. */
  bake: string
  /** Per-step overhead of the single small rollout (benchmark 3), ms: the reference. */
  reference?: { perStepMs: number }
}

const TICK_MS = 100
const MB = 1024

export async function scale(o: ScaleOptions): Promise<BenchResult> {
  const began = Date.now()
  const big = await withSandbox({ tickMs: TICK_MS }, async sandbox => {
    const go = await prepareRollout({
      sandbox,
      service: { service: 'big', desiredCount: 1000, env: { SANDBOX_START_SECONDS: OVERHEAD_START_SECONDS } },
      inputs: { strategy: 'rolling', 'batch-size': '10', 'bake-time': '0s' },
      rss: true,
      timeoutMs: 900_000
    })
    return go()
  })
  const many = await withSandbox({ tickMs: TICK_MS }, async sandbox => {
    const starts: (() => Promise<Rollout>)[] = []
    for (let i = 0; i < o.concurrent; i++)
      starts.push(
        await prepareRollout({
          sandbox,
          service: {
            region: REGIONS[i],
            service: `svc-${i + 1}`,
            desiredCount: 10,
            env: { SANDBOX_START_SECONDS: OVERHEAD_START_SECONDS }
          },
          inputs: { ...LINEAR_10, 'step-bake-time': o.bake, 'bake-time': o.bake },
          rss: true
        })
      )
    return Promise.all(starts.map((start, i) => sleep(i * 50).then(start)))
  })
  const bigRollout = big.value
  const rollouts = many.value
  const bigSteps = bigRollout.timeline.steps.map(s => s.overheadMs)
  const manySteps = rollouts.flatMap(r => r.timeline.steps.map(s => s.overheadMs))
  const ref = o.reference?.perStepMs
  const relative: Figure['target'] =
    ref === undefined ? undefined : { stat: 'median', max: 1.2 * ref, text: `≤ 1.2 × ${ref.toFixed(0)} ms` }
  const figures: Figure[] = [
    figure(
      'rss-big',
      'Peak RSS, 1000-task rollout',
      'MB',
      [(bigRollout.run.peakRssKb ?? NaN) / MB],
      'process',
      {
        stat: 'max',
        max: 150,
        text: '≤ 150 MB'
      }
    ),
    figure(
      'rss-many',
      `Peak RSS, ${o.concurrent} rollouts at once`,
      'MB',
      rollouts.map(r => (r.run.peakRssKb ?? NaN) / MB),
      'process',
      { stat: 'max', max: 150, text: '≤ 150 MB' }
    ),
    figure('step-big', 'Per-step overhead, 1000 tasks in 100 batches', 'ms', bigSteps, 'step', relative),
    figure(
      'step-many',
      `Per-step overhead, ${o.concurrent} rollouts at once`,
      'ms',
      manySteps,
      'step',
      relative
    ),
    figure(
      'steady-big',
      'STEADY_STATE to the step’s bake, 1000 tasks',
      'ms',
      bigRollout.timeline.steps.map(s => s.steadyToBakeMs),
      'step'
    ),
    figure(
      'wall-big',
      'Wall time, 1000 tasks in 100 batches',
      's',
      [bigRollout.timeline.wallMs / 1000],
      'rollout'
    ),
    figure(
      'wall-many',
      `Wall time, ${o.concurrent} rollouts at once`,
      's',
      rollouts.map(r => r.timeline.wallMs / 1000),
      'rollout'
    )
  ]
  return {
    id: 'scale',
    title: '6. Scale',
    method: `
Two runs, each against its own sandbox process (tick ${TICK_MS} ms; tasks start in ${OVERHEAD_START_SECONDS} s, as in
benchmark 3). (a) A 1000-task EXTERNAL service rolled by \`dist/index.js\` with strategy rolling, batch-size 10 (100
batches), no batch interval, bake-time 0. (b) ${o.concurrent} 10-task services, each in its own region so that the
call log tells them apart, rolled at the same time (started 50 ms apart) by ${o.concurrent} action processes with the
plan of benchmark 3 (linear 10 %) but ${o.bake} bakes. Peak RSS is each process's VmHWM from /proc/PID/status, sampled
every 50 ms while it runs. Per-step overhead is computed as in benchmark 3 (step − bake − the sandbox's convergence
after each move) and compared, by its median, with the single small rollout's median per-step overhead from
benchmark 3${ref === undefined ? ' (not run: no reference)' : ` (${ref.toFixed(0)} ms)`}.`,
    figures,
    notes: [
      `Medians: per-step overhead ${median(bigSteps).toFixed(0)} ms with 1000 tasks, ${median(manySteps).toFixed(0)} ms ` +
        `with ${o.concurrent} rollouts at once${ref === undefined ? '' : `, against ${ref.toFixed(0)} ms for the single small rollout`}.`,
      `Peak RSS grows with the service (the 1000-task DescribeServices and DescribeTaskSets answers), not with the ` +
        `number of rollouts: each action process is on its own. VmHWM is sampled every 50 ms, so growth in a ` +
        `process's last 50 ms before exit would not be seen.`
    ],
    durationMs: Date.now() - began,
    sandboxCpuMs: big.sandboxCpuMs + many.sandboxCpuMs
  }
}
