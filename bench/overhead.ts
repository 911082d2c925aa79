// 3. Controller overhead: what a 10-step linear rollout takes beyond its bakes and the sandbox's task starts, and
// per step, how soon after the sandbox reports STEADY_STATE the action starts the step's bake.

import { figure, type BenchResult } from './lib/report.js'
import { prepareRollout, type Rollout } from './lib/rollout.js'
import { withSandbox } from './lib/sandbox.js'
import { median } from './lib/stats.js'

export interface OverheadOptions {
  trials: number
  stepBake: string
  finalBake: string
}

export const OVERHEAD_TICK_MS = 50
/**
 * Tasks start in 0.5 s. The sandbox's start time is exact, and the action looks at a moving step about 0.2, 0.45,
 * 0.95, 1.95 … s after a move: whole seconds would put every convergence just after a look (the worst case, at
 * every step), where real task starts fall anywhere between two looks. 0.5 s falls between the looks at 0.45 and
 * 0.95 s, like any start from 1.5 s, 2.5 s …
 */
export const OVERHEAD_START_SECONDS = '0.5'
export const LINEAR_10 = { strategy: 'linear', 'step-percent': '10' }

/** What this benchmark measured on the engine before commit dd602b2, which fixed the cause. */
const BEFORE_THE_FIX = `Fixed in the engine (commit dd602b2, src/engine/reconciler.ts). A bake used to end only at the first
detailed poll after it, so with the default poll-interval of 12 s a 10 s bake lasted 12–24 s; and a moving step was looked
at once a second, so the last move of every step — a scale-in the sandbox settles within a tick — waited about 1 s to be
seen. Now a bake ends when it is due, with one more gate read at that moment (a step never moves on with older gates), and
the quick looks after a change back off 200, 400, 800 ms … to 1 s. The same benchmark on the bundle before the fix
(dist/ of dd602b2~1, 2026-11-22, load average about 5): overhead share 56.2 % (ratio 5.6, missed), per-step overhead
13.5 s, STEADY_STATE to bake 1.00 s median (ratio 1.002, missed).`

export async function overhead(o: OverheadOptions): Promise<BenchResult> {
  const began = Date.now()
  const { value: rollouts, sandboxCpuMs } = await withSandbox({ tickMs: OVERHEAD_TICK_MS }, async sandbox => {
    const done: Rollout[] = []
    for (let trial = 0; trial < o.trials; trial++) {
      const go = await prepareRollout({
        sandbox,
        service: {
          service: `linear-${trial}`,
          desiredCount: 10,
          env: { SANDBOX_START_SECONDS: OVERHEAD_START_SECONDS }
        },
        inputs: { ...LINEAR_10, 'step-bake-time': o.stepBake, 'bake-time': o.finalBake }
      })
      done.push(await go())
    }
    return done
  })
  const t = rollouts.map(r => r.timeline)
  const steps = t.flatMap(x => x.steps)
  const share = t.map(x => (100 * x.overheadMs) / x.wallMs)
  return {
    id: 'overhead',
    title: '3. Controller overhead',
    method: `
${o.trials} rollout(s), one at a time, of a 10-task EXTERNAL service: \`dist/index.js\` with \`command: deploy\`,
linear 10 % (10 steps), step-bake-time ${o.stepBake}, bake-time ${o.finalBake}, and otherwise default settings
(poll-interval 12 s, stable shrinking). Sandbox tick ${OVERHEAD_TICK_MS} ms; tasks start in ${OVERHEAD_START_SECONDS} s. The
sandbox's start time is exact, and the action looks at a moving step about 0.2, 0.45, 0.95, 1.95 … s after a move:
a whole number of seconds would land every convergence just after a look (the worst case, at every step), where real
starts fall anywhere between two looks; ${OVERHEAD_START_SECONDS} s falls between the looks at 0.45 and 0.95 s.
The wall time runs from spawning the process to its exit. Bakes are the durations the action logged for each step and
for the final bake. The sandbox's simulated task start time is, for every move (one or more UpdateTaskSet calls
within 200 ms), the time from its first UpdateTaskSet to the first journal tick at which every task set not being
removed runs its computed count with nothing pending and is STEADY_STATE. Overhead = wall − bakes − those. Per step
(from the action's step-start log line to the next one): the step's own overhead the same way, and the time from the
journal's STEADY_STATE after the step's last move to the action's log line that starts the step's bake (log lines
are time-stamped as they reach the benchmark).`,
    figures: [
      figure('share', 'Overhead share of the rollout’s total', '%', share, 'rollout', {
        stat: 'p95',
        max: 10,
        text: '≤ 10 %'
      }),
      figure(
        'overhead',
        'Overhead (wall − bakes − task starts)',
        'ms',
        t.map(x => x.overheadMs),
        'rollout'
      ),
      figure(
        'wall',
        'Wall time',
        'ms',
        t.map(x => x.wallMs),
        'rollout'
      ),
      figure(
        'startup',
        '  of which: process start to step 1',
        'ms',
        t.map(x => x.startupMs),
        'rollout'
      ),
      figure(
        'steady-to-bake',
        'STEADY_STATE to the step’s bake',
        'ms',
        steps.map(s => s.steadyToBakeMs),
        'step',
        {
          stat: 'median',
          max: 1000,
          text: '≤ 1 s'
        }
      ),
      figure(
        'step-overhead',
        'Per-step overhead (step − bake − task starts)',
        'ms',
        steps.map(s => s.overheadMs),
        'step'
      ),
      figure(
        'moves',
        'Moves per step',
        'moves',
        steps.map(s => s.moves.length),
        'step'
      )
    ],
    notes: [
      `Wall ${(median(t.map(x => x.wallMs)) / 1000).toFixed(1)} s = bakes ${(median(t.map(x => x.bakesMs)) / 1000).toFixed(1)} s + ` +
        `task starts ${(median(t.map(x => x.sandboxMs)) / 1000).toFixed(1)} s + overhead ${(median(t.map(x => x.overheadMs)) / 1000).toFixed(1)} s (medians).`,
      BEFORE_THE_FIX
    ],
    durationMs: Date.now() - began,
    sandboxCpuMs
  }
}
