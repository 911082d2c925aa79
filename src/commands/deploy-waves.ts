// command: deploy with services: one change rolled out to several services, in waves (src/plan/waves.ts), at most
// max-parallel at a time, a bake between waves. Each service runs the one deploy pipeline on its own (its own
// record, its own rollback); this only orders them. A failed service stops every later wave; the rest of its
// wave finishes (on-wave-failure: finish) or is rolled back (rollback). The revision is registered once per
// family and region (registrations.ts), and the whole run waits for, or is refused by, the deploy window first.

import * as core from '@actions/core'
import { formatDuration } from '../config/parse.js'
import type { ServiceRef } from '../config/wave-inputs.js'
import type { Config } from '../config/types.js'
import { Output, Status } from '../constants.js'
import type { ResolvedTaskDefinition } from '../aws/task-definition.js'
import { planWaves } from '../plan/waves.js'
import { servicesSummary, writeLiveSummary } from '../report/services-summary.js'
import { deployCommand } from './deploy.js'
import { awaitDeployWindow } from './deploy-window-check.js'
import type { Outcome } from './outcome.js'
import {
  firingGates,
  runFor,
  serviceConfig,
  servicesOutcome,
  sessionFor,
  type ServiceResult,
  type ServicesDeps
} from './service-runs.js'

/** What every service of the run shares. */
interface WaveRun {
  config: Config
  deps: ServicesDeps
  registrations: Map<string, Promise<ResolvedTaskDefinition>>
  results: Map<number, ServiceResult>
  /** Services started and not finished yet, for the live table. */
  running: Set<number>
  waves: number[][]
  /** The environment's region, for services named without one. */
  region: string
}

export async function deployWaves(config: Config, deps: ServicesDeps): Promise<Outcome> {
  await awaitDeployWindow(config, deps)
  const { services } = config.waves
  const waves = planWaves(services.length, config.waves.waves)
  const region = await deps.clientsFor(undefined).ecs.config.region()
  const run: WaveRun = {
    config,
    deps,
    registrations: new Map(),
    results: new Map(),
    running: new Set(),
    waves,
    region
  }
  core.info(
    `Rolling out to ${services.length} services in ${waves.length} wave${waves.length === 1 ? '' : 's'}: ${waves.map((w, i) => `${i + 1}: ${w.map(s => services[s].text).join(', ')}`).join(' | ')}`
  )
  let stopped: string | undefined
  for (const [index, wave] of waves.entries()) {
    if (deps.cancel?.aborted) stopped = 'the run was cancelled'
    else if (index > 0) stopped = await bake(run, index)
    if (stopped) break
    core.info(`Wave ${index + 1} of ${waves.length}: ${wave.map(s => services[s].text).join(', ')}`)
    const failed = await runWave(run, wave, index + 1)
    // A service paused at a manual step has not finished either: the next wave waits for it too.
    const paused = wave.find(s => run.results.get(s)?.status === Status.Paused)
    if (failed) stopped = `${failed} failed in wave ${index + 1}`
    else if (paused !== undefined) stopped = `${services[paused].text} is paused in wave ${index + 1}`
    if (stopped) break
  }
  const rows = rowsOf(run, s => skipped(run, services[s], stopped))
  const note =
    stopped && rows.some(r => r.status === 'skipped') ? `Later waves did not start: ${stopped}` : undefined
  const outcome = servicesOutcome(`${config.command} to ${services.length} services`, rows, note)
  const arns = new Set(rows.map(r => r.taskDefinitionArn).filter(Boolean))
  if (arns.size === 1) outcome.outputs[Output.TaskDefinitionArn] = [...arns][0]
  return outcome
}

/**
 * Rolls a wave out, max-parallel at a time. The first failure starts nothing new; with on-wave-failure: rollback
 * it also cancels the services still rolling (their own engine rolls them back, as on a cancelled run) and rolls
 * back those that had finished. Returns the failed service's name.
 */
async function runWave(run: WaveRun, wave: number[], waveNumber: number): Promise<string | undefined> {
  const { config, results } = run
  const rollback = config.waves.onFailure === 'rollback'
  const queue = [...wave]
  const running = new Map<number, AbortController>()
  let failed: number | undefined
  const worker = async (): Promise<void> => {
    while (queue.length && failed === undefined && !run.deps.cancel?.aborted) {
      const s = queue.shift()!
      const controller = new AbortController()
      running.set(s, controller)
      run.running.add(s)
      writeLive(run)
      const result = await deployOne(run, s, waveNumber, controller.signal)
      running.delete(s)
      run.running.delete(s)
      results.set(s, result)
      writeLive(run)
      if (result.failed && failed === undefined) {
        failed = s
        if (rollback)
          for (const other of running.values())
            other.abort(`${config.waves.services[s].text} failed in its wave`)
      }
    }
  }
  const parallel = Math.min(config.waves.maxParallel ?? wave.length, wave.length)
  // The wave's services are read together from their first look on (aws/shared-reads.ts).
  for (const s of wave) {
    const ref = config.waves.services[s]
    run.deps.clientsFor(ref.region).shared?.services(ref.cluster).want([ref.service])
  }
  await Promise.all(Array.from({ length: parallel }, worker))
  if (failed === undefined) return undefined
  const name = config.waves.services[failed].text
  if (rollback)
    for (const s of wave) {
      const result = results.get(s)
      if (s === failed || !result) continue
      results.set(s, await rollBackWithWave(run, s, waveNumber, result, name))
    }
  return name
}

async function deployOne(run: WaveRun, s: number, wave: number, stop: AbortSignal): Promise<ServiceResult> {
  const { config, deps } = run
  const ref = config.waves.services[s]
  const cancel = deps.cancel ? AbortSignal.any([deps.cancel, stop]) : stop
  // A service stopped for its wave's sake rolls back whatever on-cancel says: that is what rollback asked for.
  const own = {
    ...serviceConfig(config, ref),
    ...(config.waves.onFailure === 'rollback' ? { onCancel: 'rollback' as const } : {})
  }
  const session = sessionFor(deps, ref, { cancel, registrations: run.registrations })
  return runFor(session, ref, wave, () => deployCommand(own, session))
}

/** A service of a failed wave: rolled back by its own cancelled engine, or now, to the revision it replaced. */
async function rollBackWithWave(
  run: WaveRun,
  s: number,
  wave: number,
  result: ServiceResult,
  failed: string
): Promise<ServiceResult> {
  const why = `rolled back with its wave: ${failed} failed`
  // Cancelled for its wave's sake, its own engine rolled it back: the run's cancel ends a rollout as aborted.
  if (result.status === Status.Aborted) return { ...result, status: Status.RolledBack, reason: why }
  if (result.status !== Status.Succeeded) return result
  const previous = result.outcome?.outputs[Output.PreviousTaskDefinitionArn]
  if (!previous || previous === result.taskDefinitionArn)
    return {
      ...result,
      reason: `kept: ${failed} failed in its wave, but it has no earlier revision to go back to`
    }
  const ref = run.config.waves.services[s]
  core.info(`Rolling ${ref.text} back to ${previous}: ${failed} failed in its wave`)
  const session = sessionFor(run.deps, ref)
  const back = await runFor(session, ref, wave, () =>
    deployCommand({ ...serviceConfig(run.config, ref), command: 'rollback' }, session, previous)
  )
  return back.status === Status.Succeeded
    ? { ...back, status: Status.RolledBack, reason: why, taskDefinitionArn: previous, failed: true }
    : { ...back, reason: `${why}, but its rollback ended ${back.status}: ${back.reason ?? ''}` }
}

/**
 * wave-bake-time after a wave: every finished service's gate alarms watched, region by region, before the next
 * wave starts. An alarm in ALARM stops the run there (the services that finished stay as they are).
 */
async function bake(run: WaveRun, finishedWaves: number): Promise<string | undefined> {
  const { config, deps } = run
  if (config.waves.bakeMs <= 0 || config.alarms.length === 0) {
    if (config.waves.bakeMs > 0) await deps.clock.sleep(config.waves.bakeMs, deps.cancel)
    return deps.cancel?.aborted ? 'the run was cancelled' : undefined
  }
  const finished = [...run.results.entries()]
    .filter(([, r]) => r.status === Status.Succeeded)
    .map(([s]) => config.waves.services[s])
  core.info(
    `Baking ${formatDuration(config.waves.bakeMs)} after wave ${finishedWaves}, watching the gate alarms`
  )
  const end = deps.clock.now() + config.waves.bakeMs
  for (;;) {
    for (const [ref, firing] of await firingGates(config, deps, finished))
      if (firing.length)
        return `alarm ${firing[0].name} of ${ref.text} went into ALARM during the bake after wave ${finishedWaves}: ${firing[0].reason}`
    if (deps.cancel?.aborted) return 'the run was cancelled'
    if (deps.clock.now() >= end) return undefined
    await deps.clock.sleep(Math.min(config.pollIntervalMs, end - deps.clock.now()), deps.cancel)
  }
}

function skipped(run: WaveRun, ref: ServiceRef, stopped = 'the run stopped'): ServiceResult {
  return { ...pending(run, ref), status: 'skipped', reason: `not started: ${stopped}` }
}

function pending(run: WaveRun, ref: ServiceRef): ServiceResult {
  const wave = run.waves.findIndex(w => w.some(s => run.config.waves.services[s] === ref)) + 1
  return {
    wave,
    service: ref.service,
    cluster: ref.cluster,
    region: ref.region ?? run.region,
    status: 'pending',
    failed: false
  }
}

/** Every service's row in wave order: its result, or what `other` says of one without a result yet. */
function rowsOf(run: WaveRun, other: (s: number) => ServiceResult): ServiceResult[] {
  return run.waves.flat().map(s => run.results.get(s) ?? other(s))
}

/** The live table: finished services with their result, running ones in progress, the rest pending. */
function writeLive(run: WaveRun): void {
  const { services } = run.config.waves
  const rows = rowsOf(run, s =>
    run.running.has(s) ? { ...pending(run, services[s]), status: 'in-progress' } : pending(run, services[s])
  )
  writeLiveSummary(servicesSummary(`${run.config.command} to ${services.length} services`, rows))
}
