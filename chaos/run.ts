// `npm run chaos`: seeded chaos runs of the bundled action against a sandbox in its own process.
//   npm run chaos -- [--runs 200] [--concurrency 16] [--seed N] [--tick-ms 200] [--seeds N,M,…]
// Two sandboxes: a plain one, and one with realism on (lag, propagation, shared throttling, clock skew) for the
// scenarios that draw it.
// CHAOS_KEEP_LOGS=1 keeps every run's logs under .tmp/chaos/SEED/ (always kept for a run with violations);
// ECS_ROLLOUT_DIST runs a bundle built elsewhere.
// Runs use seeds N, N+1, …; the base seed is printed first, so a whole batch or one run can be replayed.
// Exits 1 when any run broke an invariant (or the harness failed).

import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { formatSummary, runBatch, summarise, type RunReport } from './batch.js'

const ROOT = resolve(import.meta.dirname, '..')

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '16' },
    seed: { type: 'string' },
    /** Exactly these seeds (a batch's violations replayed together); the realism stream is seeded by the first. */
    seeds: { type: 'string' },
    'tick-ms': { type: 'string', default: '200' }
  }
})
const listed = values.seeds?.split(',').map(Number)
const runs = listed?.length ?? Number(values.runs)
const concurrency = Number(values.concurrency)
const seed =
  listed?.[0] ?? (values.seed === undefined ? Math.floor(Math.random() * 1e9) : Number(values.seed))
const seeds = listed ?? Array.from({ length: runs }, (_, i) => seed + i)
if (
  ![runs, concurrency, seed, ...seeds].every(n => Number.isInteger(n) && n >= 0) ||
  runs < 1 ||
  concurrency < 1
) {
  console.error(
    'usage: npm run chaos -- [--runs 200] [--concurrency 16] [--seed N] [--tick-ms 200] [--seeds N,M,…]'
  )
  process.exit(2)
}

/** The sandbox as its own process (npm run sandbox), so its ticks do not queue behind this one's work. */
function startSandbox(realism: boolean): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'sandbox/cli.ts',
      '--port',
      '0',
      '--tick-ms',
      values['tick-ms'],
      '--seed',
      String(seed),
      '--realism',
      realism ? 'on' : 'off',
      // A run judges only its own minutes of metrics; an hour of batch at CloudWatch's 3 hours would fill memory.
      '--metric-retention-minutes',
      '10'
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_NO_WARNINGS: '1' } }
  )
  return new Promise((resolvePromise, reject) => {
    let out = ''
    child.stdout!.on('data', chunk => {
      out += chunk
      const m = /sandbox listening on (\S+)/.exec(out)
      if (m) resolvePromise({ url: m[1], child })
    })
    child.once('exit', code => reject(new Error(`the sandbox exited (${code}) before listening`)))
  })
}

console.log(
  `chaos: ${runs} runs, seeds ${listed ? listed.join(',') : `${seed}…${seed + runs - 1}`}, ${concurrency} at a time`
)
const [sandbox, realistic] = await Promise.all([startSandbox(false), startSandbox(true)])
const started = Date.now()
const done: RunReport[] = []
// Ctrl-C ends a long batch early: the runs finished so far are summed up all the same, with their findings.
process.once('SIGINT', () => {
  console.log(`\nstopped by SIGINT after ${done.length} of ${seeds.length} runs`)
  console.log(formatSummary(summarise(done, Date.now() - started)))
  sandbox.child.kill('SIGTERM')
  realistic.child.kill('SIGTERM')
  process.exit(130)
})
try {
  const report = await runBatch({
    url: sandbox.url,
    realismUrl: realistic.url,
    seeds,
    concurrency,
    log: line => console.log(line),
    onRun: report => done.push(report)
  })
  console.log(formatSummary(report))
  process.exitCode = report.violations.length || report.errors.length ? 1 : 0
} finally {
  sandbox.child.kill('SIGTERM')
  realistic.child.kill('SIGTERM')
}
