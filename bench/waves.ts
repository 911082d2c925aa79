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

/** (wall − the plan's bakes) / steps, wall from spawning the process to its exit: start-up and exit included. */
function perStepWall(m: Measured, o: WavesOptions): number {
  return (m.run.endedAt - m.run.startedAt - (STEPS + 1) * o.bakeMs) / STEPS
}

/** Each service's time in its steps: from the log line that starts its step 1 to the one that says it succeeded. */
function stepSpans(m: Measured): { start: number; end: number }[] {
  const spans = new Map<string, { start?: number; end?: number }>()
  for (const line of m.run.lines) {
    // A service's lines are prefixed [name] when there are several; a single service's are not.
    const [, name = '', text] = /^(?:\[([^\]]+)\] )?(.*)$/.exec(line.text)!
    const span = spans.get(name) ?? {}
    if (span.start === undefined && /^(▸ |::group::)step 1\/\d/.test(text)) span.start = line.at
    if (text.includes('✅ Succeeded after')) span.end = line.at
    spans.set(name, span)
  }
  const done = [...spans.values()].filter((s): s is { start: number; end: number } => !!s.start && !!s.end)
  if (!done.length) throw new Error(`no step 1 or no end in the log\n${transcript(m.run)}`)
  return done
}

/** (a service's time in its steps − the plan's bakes) / steps: what each step adds to its bake, task starts included. */
function perStepOf(span: { start: number; end: number }, o: WavesOptions): number {
  return (span.end - span.start - (STEPS + 1) * o.bakeMs) / STEPS
}

/** The run's per-step overhead: its slowest service's, since the run waits for it. */
function perStep(m: Measured, o: WavesOptions): number {
  return Math.max(...stepSpans(m).map(span => perStepOf(span, o)))
}

/** The median service's per-step overhead. */
function perStepMedian(m: Measured, o: WavesOptions): number {
  return median(stepSpans(m).map(span => perStepOf(span, o)))
}

/** From spawning the process until every service has begun its step 1: reading, checking, registering, creating. */
function startUp(m: Measured): number {
  return Math.max(...stepSpans(m).map(span => span.start)) - m.run.startedAt
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
      'step-median-many',
      `  the median service's, ${o.services} services`,
      'ms',
      manies.map(m => perStepMedian(m, o)),
      'run'
    ),
    figure(
      'step-wall-many',
      `  the same over the whole process (start-up and exit included), ${o.services} services`,
      'ms',
      manies.map(m => perStepWall(m, o)),
      'run'
    ),
    figure(
      'step-wall-single',
      '  the same over the whole process, one service',
      'ms',
      singles.map(m => perStepWall(m, o)),
      'run'
    ),
    figure(
      'startup-many',
      `Start-up (process start until every service is at its step 1), ${o.services} services`,
      'ms',
      manies.map(startUp),
      'run'
    ),
    figure('startup-single', 'Start-up, one service', 'ms', singles.map(startUp), 'run'),
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
and one gate alarm per service (\`{service}-gate-1\`). Per-step overhead is (time in the steps − the plan's ${STEPS + 1}
bakes) / ${STEPS}, task starts included, each service's steps running from the log line that starts its step 1 to
the line that says it succeeded (lines are time-stamped as they reach the benchmark); the run's figure is its
slowest service's (the run waits for it), the median service's is given below it, and the target compares the
medians over the trials. Start-up (process start until every service is at its step 1) is a figure of its own: it is
paid once, not per step. The same per-step figure over the whole process (spawn to exit) is given too. Then a \`wave-gate\` over the last ${o.services} services.
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
