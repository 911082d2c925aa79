// 7. Waves: 20 services rolled out in one step (`services`), against a single service with the same plan. Peak RSS
// of the one action process, per-step overhead against the single service's, and the API budget: how many
// DescribeServices and DescribeAlarms calls the run and a wave-gate over the 20 services make.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeTaskDefinitionFile } from '../__tests__/helpers/task-definition-file.js'
import { runAction, transcript, type ActionRun } from './lib/action.js'
import { figure, type BenchResult } from './lib/report.js'
import { withSandbox, type SandboxProcess } from './lib/sandbox.js'
import { createService } from './lib/scenes.js'
import { OVERHEAD_START_SECONDS } from './overhead.js'
import { median } from './lib/stats.js'

export interface WavesOptions {
  services: number
  /** Step and final bakes. */
  bake: string
  bakeMs: number
  /** Runs of each (one service, then the many), alternating, so both meet the same load on a shared machine. */
  trials: number
}

const TICK_MS = 100
const STEPS = 4
const PLAN = { strategy: 'linear', 'step-percent': String(100 / STEPS), 'poll-interval': '2s' }
const ENV = { SANDBOX_START_SECONDS: OVERHEAD_START_SECONDS }

/** One revision for every service: the file the run registers once. */
function taskDefinitionFile(): string {
  return writeTaskDefinitionFile(mkdtempSync(join(tmpdir(), 'bench-waves-')), 'bench-app', ENV)
}

interface Measured {
  run: ActionRun
  /** Calls by operation during the run. */
  calls: Record<string, number>
  /** What the run's DescribeServices and DescribeAlarms asked for, summed: services and alarm names. */
  asked: Record<string, number>
}

async function deploy(
  sandbox: SandboxProcess,
  names: string[],
  o: WavesOptions,
  file: string
): Promise<Measured> {
  for (const service of names)
    await createService(sandbox.url, { cluster: 'bench', service, desiredCount: 4, env: ENV, alarms: 1 })
  const run = await runAction({
    endpoint: sandbox.url,
    rss: true,
    timeoutMs: 600_000,
    inputs: {
      command: 'deploy',
      cluster: 'bench',
      ...(names.length === 1 ? { service: names[0] } : { services: names.join('\n') }),
      'task-definition': file,
      alarms: '{service}-gate-1',
      ...PLAN,
      'step-bake-time': o.bake,
      'bake-time': o.bake
    }
  })
  if (run.outputs.status !== 'succeeded') throw new Error(`the rollout did not succeed\n${transcript(run)}`)
  return { run, ...(await countCalls(sandbox, run.startedAt)) }
}

async function countCalls(
  sandbox: SandboxProcess,
  since: number
): Promise<{ calls: Record<string, number>; asked: Record<string, number> }> {
  const calls: Record<string, number> = {}
  const asked: Record<string, number> = {}
  for (const c of await sandbox.control.calls(since)) {
    calls[c.operation] = (calls[c.operation] ?? 0) + 1
    if (c.asked !== undefined) asked[c.operation] = (asked[c.operation] ?? 0) + c.asked
  }
  return { calls, asked }
}

/** (wall − the plan's bakes) / steps: what the run adds per step to the bakes, task starts included. */
function perStep(m: Measured, o: WavesOptions): number {
  return (m.run.endedAt - m.run.startedAt - (STEPS + 1) * o.bakeMs) / STEPS
}

/** Services (or alarm names) a DescribeServices (or DescribeAlarms) call asked for, on average over the runs. */
function perCall(runs: Measured[], operation: string): number {
  const calls = runs.reduce((n, m) => n + (m.calls[operation] ?? 0), 0)
  return calls ? runs.reduce((n, m) => n + (m.asked[operation] ?? 0), 0) / calls : NaN
}

export async function waves(o: WavesOptions): Promise<BenchResult> {
  const began = Date.now()
  const file = taskDefinitionFile()
  const { value, sandboxCpuMs } = await withSandbox({ tickMs: TICK_MS }, async sandbox => {
    const singles: Measured[] = []
    const manies: Measured[] = []
    let names: string[] = []
    for (let trial = 1; trial <= o.trials; trial++) {
      singles.push(await deploy(sandbox, [`solo-${trial}`], o, file))
      names = Array.from({ length: o.services }, (_, i) => `svc-${trial}-${i + 1}`)
      manies.push(await deploy(sandbox, names, o, file))
    }
    const gateAt = Date.now()
    const gate = await runAction({
      endpoint: sandbox.url,
      inputs: {
        command: 'wave-gate',
        cluster: 'bench',
        services: names.join('\n'),
        alarms: '{service}-gate-1'
      }
    })
    if (gate.outputs.status !== 'succeeded')
      throw new Error(`the wave-gate did not pass\n${transcript(gate)}`)
    return { singles, manies, gate: (await countCalls(sandbox, gateAt)).calls }
  })
  const { singles, manies, gate } = value
  const reference = median(singles.map(m => perStep(m, o)))
  const calls = (runs: Measured[], operation: string) => median(runs.map(m => m.calls[operation] ?? 0))
  const one = { services: calls(singles, 'DescribeServices'), alarms: calls(singles, 'DescribeAlarms') }
  const figures = [
    figure(
      'rss',
      `Peak RSS, ${o.services} services in one step`,
      'MB',
      manies.map(m => (m.run.peakRssKb ?? NaN) / 1024),
      'run',
      { stat: 'max', max: 200, text: '≤ 200 MB' }
    ),
    figure(
      'rss-single',
      'Peak RSS, one service',
      'MB',
      singles.map(m => (m.run.peakRssKb ?? NaN) / 1024),
      'run'
    ),
    figure(
      'step-many',
      `Per-step overhead, ${o.services} services in one step`,
      'ms',
      manies.map(m => perStep(m, o)),
      'run',
      { stat: 'median', max: 1.2 * reference, text: `≤ 1.2 × ${reference.toFixed(0)} ms` }
    ),
    figure(
      'step-single',
      'Per-step overhead, one service',
      'ms',
      singles.map(m => perStep(m, o)),
      'run'
    ),
    figure(
      'register',
      `RegisterTaskDefinition calls, ${o.services} services`,
      'calls',
      manies.map(m => m.calls.RegisterTaskDefinition ?? 0),
      'run',
      { stat: 'max', max: 1, text: 'once per family and region' }
    ),
    figure(
      'deploy-describe-services',
      `DescribeServices calls, ${o.services}-service deploy`,
      'calls',
      manies.map(m => m.calls.DescribeServices ?? 0),
      'run',
      {
        stat: 'median',
        max: Math.ceil(o.services / 10) * one.services,
        text: `≤ ⌈services / 10⌉ × one service's (${one.services})`
      }
    ),
    figure(
      'deploy-services-per-call',
      `  services asked per DescribeServices call (one service: ${perCall(singles, 'DescribeServices').toFixed(1)})`,
      'services',
      [perCall(manies, 'DescribeServices')],
      'all runs'
    ),
    figure(
      'deploy-describe-alarms',
      `DescribeAlarms calls, ${o.services}-service deploy (one alarm each)`,
      'calls',
      manies.map(m => m.calls.DescribeAlarms ?? 0),
      'run',
      {
        stat: 'median',
        max: Math.ceil(o.services / 100) * one.alarms,
        text: `≤ ⌈alarms / 100⌉ × one service's (${one.alarms})`
      }
    ),
    figure(
      'deploy-alarms-per-call',
      `  alarm names asked per DescribeAlarms call (one service: ${perCall(singles, 'DescribeAlarms').toFixed(1)})`,
      'names',
      [perCall(manies, 'DescribeAlarms')],
      'all runs'
    ),
    figure(
      'gate-describe-services',
      `wave-gate over ${o.services} services: DescribeServices calls`,
      'calls',
      [gate.DescribeServices ?? 0],
      'run',
      { stat: 'max', max: Math.ceil(o.services / 10), text: '≤ ⌈services / 10⌉' }
    ),
    figure(
      'gate-describe-alarms',
      `wave-gate over ${o.services} services: DescribeAlarms calls`,
      'calls',
      [gate.DescribeAlarms ?? 0],
      'run',
      { stat: 'max', max: Math.ceil(o.services / 100), text: '≤ ⌈alarms / 100⌉' }
    )
  ]
  return {
    id: 'waves',
    title: '7. Waves: many services in one step',
    method: `
One sandbox process (tick ${TICK_MS} ms; tasks start in ${OVERHEAD_START_SECONDS} s). ${o.trials} trial(s), each one
4-task EXTERNAL service, then ${o.services} of them in one step (\`services\`, one wave, all at once), alternating, so
the one and the many meet the same load on a shared machine. Each is rolled by \`dist/index.js\` from one task
definition file with linear ${100 / STEPS} % (${STEPS} steps), step-bake-time and bake-time ${o.bake}, poll-interval 2s
and one gate alarm per service (\`{service}-gate-1\`). Per-step overhead is (wall time − the plan's ${STEPS + 1} bakes)
/ ${STEPS}, task starts included, from spawning the process to its exit (for the many: until the last of them is
done); the target compares the medians over the trials. Then a \`wave-gate\` over the last ${o.services} services.
Calls are counted from the sandbox's call log, which also notes how many services (alarm names) each
DescribeServices (DescribeAlarms) asked for; call budgets compare medians over the trials. Peak RSS is the action
process's VmHWM, sampled every 50 ms.`,
    figures,
    notes: [
      `Calls of the last ${o.services}-service deploy: ${JSON.stringify(manies.at(-1)!.calls)}. Of the last single one: ${JSON.stringify(singles.at(-1)!.calls)}.`,
      `A run over several services shares its reads (src/aws/shared-reads.ts): the services of one cluster are ` +
        `described together, 10 a call, and every gate alarm of a region read together, 100 names a call. A look ` +
        `takes a read another service's look asked for when it is newer than the last one it took and no older ` +
        `than its poll-interval, so the services' looks fall in step. wave-gate reads all the services at once: ` +
        `⌈services / 10⌉ DescribeServices and one DescribeAlarms.`
    ],
    durationMs: Date.now() - began,
    sandboxCpuMs
  }
}
