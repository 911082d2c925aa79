// Runs one scenario: the first run of the action (deploy), the faults and the alarm at their moments, the
// runner's interruption, and the later runs that a person or the runner would start until the rollout is
// settled: the post step, then resume, abort or a deploy that takes the rollout over.

import { dirname, resolve } from 'node:path'
import { SandboxControl } from '../sandbox/client.js'
import { readOutputs, runBundled, tempFiles, type RunResult } from '../__tests__/helpers/action.js'
import type { RolloutRecord } from '../src/record/record.js'
import { readRecord, setAlarmState, setUpService, sleep, type ChaosService } from './harness.js'
import { badRevision, type FollowUp, type Scenario } from './scenario.js'

/** ECS_ROLLOUT_DIST runs a bundle built elsewhere (as the e2e tests allow); its post step lies beside it. */
const MAIN = process.env.ECS_ROLLOUT_DIST ?? resolve(import.meta.dirname, '../dist/index.js')
const POST = resolve(dirname(MAIN), 'post/index.js')
/** The runner's cancel sequence: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that. */
const SIGTERM_AFTER_MS = 7500
const SIGKILL_AFTER_MS = 10_000
const FOLLOW_UPS_MAX = 4
/** The run index (and run id's last digit) of a control run side by side with the owner. */
const CONTROL_INDEX = 9

/** A run of a chain: the deploy, a follow-up after an interrupt (waiting out a hook is no run), or a control run. */
export type RunKind = 'deploy' | Exclude<FollowUp, 'hook-timeout'> | 'pause' | 'promote'

export interface ChainRun {
  kind: RunKind
  result: RunResult
  startedAt: number
  endedAt: number
  /** The signal the driver sent it, if any. */
  interrupted?: NodeJS.Signals
  /** The record as the run left it (on the first service). */
  record?: RolloutRecord
  /** Each service's record as the run left it, by service name (a wave has several). */
  records: Record<string, RolloutRecord | undefined>
  /** A control run started while another run still owned the rollout: the owner moves the record on. */
  concurrent?: boolean
}

export interface Played {
  scenario: Scenario
  /** The scenario's (first) service. */
  svc: ChaosService
  /** Every service the runs roll out: the first, then a wave's others. */
  services: ChaosService[]
  runs: ChainRun[]
  startedAt: number
  /** When the manual alarm was in ALARM for sure: after the ALARM call returned, before the OK call. */
  alarmWindow?: { from: number; to: number }
}

export async function playScenario(url: string, s: Scenario): Promise<Played> {
  const control = new SandboxControl(url)
  const { lagMs } = await control.realism()
  const svc = await setUpService(url, s, s.waveServices.length ? 0 : lagMs)
  const services = [svc]
  for (const name of s.waveServices) services.push(await setUpService(url, s, 0, name, svc.next))
  // Set up without waiting each; the lag is waited once, and every read after a run waits it out.
  if (s.waveServices.length && lagMs) await sleep(lagMs + 200)
  for (const one of services) one.lagMs = lagMs
  const startedAt = Date.now()
  const timers: NodeJS.Timeout[] = []
  // Once the scenario is over (and perhaps its sandbox gone), what is still under way goes quietly.
  let finished = false
  const later = (ms: number, what: () => Promise<unknown> | void) =>
    new Promise<void>(done =>
      timers.push(
        setTimeout(async () => {
          try {
            await what()
          } catch (error) {
            if (!finished) console.error(`seed ${s.seed}: ${String(error)}`)
          }
          done()
        }, ms)
      )
    )
  const background: Promise<void>[] = []
  for (const fault of s.apiFaults) background.push(later(fault.atMs, () => control.addFault(fault.spec)))
  const played: Played = { scenario: s, svc, services, runs: [], startedAt }
  if (s.alarm) {
    const { atMs, forMs } = s.alarm
    background.push(
      later(atMs, async () => {
        await setAlarmState(svc, 'ALARM')
        const window = { from: Date.now(), to: Infinity }
        played.alarmWindow = window
        await sleep(forMs)
        window.to = Date.now()
        if (!finished) await setAlarmState(svc, 'OK')
      })
    )
  }

  // A control run at a random moment, side by side with the owner (as a person would run one).
  let controlRun: Promise<void> | undefined
  let controlBegun = false
  const controlTimer = timers.length
  if (s.control) {
    const { atMs, command } = s.control
    controlRun = later(atMs, async () => {
      controlBegun = true
      const chainRun = await run(url, services, s, command, CONTROL_INDEX)
      played.runs.push({ ...chainRun, concurrent: true })
    })
  }

  let interrupted: NodeJS.Signals | undefined
  // Cleared as soon as the run has ended, so no signal can reach a process that later got the same pid.
  const kills: NodeJS.Timeout[] = []
  const first = await run(url, services, s, 'deploy', 0, pid => {
    if (!s.interrupt) return
    const { signal, atMs } = s.interrupt
    const kill = (sig: NodeJS.Signals) => () => {
      try {
        process.kill(pid, sig)
        interrupted ??= sig
      } catch {
        // already gone
      }
    }
    kills.push(setTimeout(kill(signal), atMs))
    if (signal === 'SIGINT') {
      kills.push(setTimeout(kill('SIGTERM'), atMs + SIGTERM_AFTER_MS))
      kills.push(setTimeout(kill('SIGKILL'), atMs + SIGKILL_AFTER_MS))
    }
  })
  for (const t of kills) clearTimeout(t)
  first.interrupted = interrupted
  played.runs.push(first)
  // The runner runs the post step after a cancelled main step, as after any other.
  if (interrupted && (s.interrupt?.signal === 'SIGINT' || s.interrupt?.then === 'post'))
    played.runs.push(await run(url, services, s, 'post', 1, undefined, first.result))
  // Nobody comes while ECS holds the deployment at the action's pause hook, until the hook has timed out.
  if (interrupted && s.interrupt?.then === 'hook-timeout') await sleep(s.hookTimeoutSeconds! * 1000 + 3000)
  // A control run that has begun goes to its end before the follow-ups; one not yet begun is not started.
  // (Racing it with the follow-ups, a control run could outlive the scenario and act on a service being judged.)
  if (controlBegun) await controlRun
  else clearTimeout(timers[controlTimer])
  for (let i = 0; i < FOLLOW_UPS_MAX; i++) {
    // As a person would see it: after the lag (a lagging read would start a follow-up on a finished rollout).
    const records = await Promise.all(services.map(one => readRecord(one, true)))
    const record = records.find(r => r?.phase === 'Active')
    if (!record) break
    const kind = nextFollowUp(s, record, i)
    await sleep(1200) // past takeover-after: 1s since the last heartbeat
    played.runs.push(await run(url, services, s, kind, i + 2))
  }
  for (const t of timers) clearTimeout(t)
  // Faults and the alarm still to come are cancelled with their timers; one under way finishes.
  await Promise.race([Promise.all(background), sleep(100)])
  finished = true
  return played
}

/** The interruption's follow-up first; then abort what failed a gate, resume what paused, take over the rest. */
function nextFollowUp(s: Scenario, record: RolloutRecord, i: number): RunKind {
  const planned: FollowUp | undefined = i === 0 ? s.interrupt?.then : undefined
  if (planned && planned !== 'post' && planned !== 'hook-timeout') return planned
  if (i === FOLLOW_UPS_MAX - 1 || record.reason || badRevision(s)) return 'abort'
  return record.stage === 'paused' || record.stage === 'batch-completed' ? 'resume' : 'takeover-resume'
}

function inputsFor(
  services: ChaosService[],
  s: Scenario,
  kind: RunKind,
  concurrent: boolean
): Record<string, string> {
  const [svc] = services
  // A wave names its services, and each service's alarms by the {service} placeholder.
  const which: Record<string, string> =
    services.length > 1
      ? { services: services.map(one => one.name).join('\n'), alarms: '{service}-5xx,{service}-manual' }
      : { service: svc.name, alarms: `${svc.alarm},${svc.manualAlarm}` }
  const common = {
    cluster: 'chaos',
    'poll-interval': '1s',
    'on-failure': s.onFailure,
    ...which,
    ...svc.trafficInputs
  }
  switch (kind) {
    case 'deploy':
    case 'post':
    case 'rerun':
      return { ...common, ...s.plan, command: 'deploy', 'task-definition': svc.next }
    case 'takeover-resume':
    case 'takeover-rollback':
      return {
        ...common,
        ...s.plan,
        command: 'deploy',
        'task-definition': svc.next,
        takeover: 'true',
        'takeover-after': '1s',
        'on-orphan': kind === 'takeover-resume' ? 'resume' : 'rollback'
      }
    default:
      // A follow-up comes after its owner is gone (1 s without a heartbeat); a control run side by side with a
      // live owner asks it, with the default takeover-after, as a person's would.
      return {
        ...common,
        command: kind,
        ...(concurrent ? {} : { 'takeover-after': '1s' }),
        'step-timeout': s.plan['step-timeout']
      }
  }
}

async function run(
  url: string,
  services: ChaosService[],
  s: Scenario,
  kind: RunKind,
  index: number,
  onStart?: (pid: number) => void,
  main?: RunResult
): Promise<ChainRun> {
  const startedAt = Date.now()
  const files = tempFiles()
  const env: Record<string, string> = {
    AWS_ENDPOINT_URL: url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'chaos',
    AWS_SECRET_ACCESS_KEY: 'chaos',
    NODE_NO_WARNINGS: '1',
    // A re-run attempt is the first run's job again: its run id, the next attempt, the same job (the runner
    // always sets GITHUB_JOB; without it no run records its attempt, and a re-run could never take over).
    GITHUB_RUN_ID: String(s.seed * 10 + (kind === 'rerun' ? 0 : index)),
    GITHUB_RUN_ATTEMPT: kind === 'rerun' ? '2' : '1',
    GITHUB_JOB: 'deploy',
    GITHUB_ACTOR: `chaos-${kind}`
  }
  // The post step gets the main step's inputs and the state it saved, as STATE_* variables.
  if (main) for (const [k, v] of Object.entries(readOutputs(main.files.stateFile))) env[`STATE_${k}`] = v
  const chainRun: ChainRun = {
    kind,
    startedAt,
    endedAt: 0,
    records: {},
    result: undefined as unknown as RunResult
  }
  chainRun.result = await runBundled(inputsFor(services, s, kind, index === CONTROL_INDEX), {
    env,
    files,
    entry: kind === 'post' ? POST : MAIN,
    onStart,
    timeoutMs: 150_000
  })
  chainRun.endedAt = Date.now()
  const records = await Promise.all(services.map(one => readRecord(one, true)))
  chainRun.records = Object.fromEntries(services.map((one, i) => [one.name, records[i]]))
  chainRun.record = records[0]
  return chainRun
}
