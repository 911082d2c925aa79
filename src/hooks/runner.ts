// Lifecycle hooks: the user's own checks at the rollout's gates. Each is a command line split into argv by
// splitCommand and started without a shell, so no input value can become code: the rollout's context reaches
// the program only through ECS_ROLLOUT_* environment variables. Exit 0 passes; exit 75 (EX_TEMPFAIL) means
// "not done yet" and the hook runs again after hook-retry-interval until step-timeout has passed since its
// first attempt; anything else fails the gate. Between in-progress attempts the rollout's own gates are
// read (context.interrupt): an alarm ends the wait at once instead of at step-timeout. on-rollback runs once
// and can only warn: the rollback it follows is already done.

import { formatDuration, InputError, show } from '../config/parse.js'
import type { Hooks as HookCommands } from '../config/types.js'
import type { EventSink, FailureReason } from '../engine/events.js'
import { type Clock, systemClock } from '../engine/ports.js'
import type { HookContext, HookName, Hooks } from '../engine/hooks.js'
import { reasonText } from '../engine/reasons.js'
import type { LogPort } from '../report/log.js'
import { MAX_OUTPUT_LINES } from '../report/reason.js'
import { oneLine } from '../report/text.js'
import { splitCommand } from '../config/argv.js'
import { type AttemptEnd, runAttempt } from './attempt.js'

/** The exit code that asks for another attempt. */
export const IN_PROGRESS = 75

/** Where each hook's command comes from. */
const SOURCES: Record<HookName, { key: keyof Omit<HookCommands, 'retryIntervalMs'>; input: string }> = {
  'pre-traffic': { key: 'preTraffic', input: 'hook-pre-traffic' },
  'post-step': { key: 'postStep', input: 'hook-post-step' },
  'post-deploy': { key: 'postDeploy', input: 'hook-post-deploy' },
  'on-rollback': { key: 'onRollback', input: 'hook-on-rollback' }
}

/**
 * Not passed on to hooks: the action's raw inputs (INPUT_*, among them the GitHub token) and the action
 * runtime's token, which a `run:` step never sees either; inherited ECS_ROLLOUT_* values, so every one a hook
 * sees is this rollout's.
 */
const WITHHELD = /^(?:INPUT_|ECS_ROLLOUT_|ACTIONS_RUNTIME_TOKEN$)/i

/** The rollout's facts a hook may need, fixed for the run. */
export interface RolloutContext {
  service: string
  cluster: string
  rolloutId: string
  newTaskDefinition: string
  stableTaskDefinition?: string
  /** The test listener's URL, when there is one; a function is asked at each hook run (undefined: none yet). */
  testUrl?: string | (() => Promise<string | undefined>)
}

export type HookLog = Pick<LogPort, 'startGroup' | 'endGroup' | 'info'>

export interface HookRunnerOptions {
  hooks: HookCommands
  stepTimeoutMs: number
  context: RolloutContext
  events: EventSink
  log: HookLog
  clock?: Clock
  /** Aborted when the job is cancelled: a running hook is stopped and counts as cancelled. */
  signal?: AbortSignal
  /** The environment hooks start from; process.env by default. */
  env?: NodeJS.ProcessEnv
}

interface Final {
  end: AttemptEnd
  output: string[]
  /** Still in progress (exit 75) when step-timeout ran out. */
  gaveUp?: boolean
  /** Still in progress when a gate failed: the rollout's failure, not the hook's. */
  interrupted?: FailureReason
}

export class HookRunner implements Hooks {
  private readonly argv = new Map<HookName, string[]>()
  private readonly clock: Clock

  /** Throws an InputError naming the input when a command line cannot be split. */
  constructor(private readonly options: HookRunnerOptions) {
    this.clock = options.clock ?? systemClock
    for (const name of Object.keys(SOURCES) as HookName[]) {
      const { key, input } = SOURCES[name]
      const command = options.hooks[key]
      if (command === undefined) continue
      try {
        this.argv.set(name, splitCommand(command))
      } catch (error) {
        throw new InputError(input, `${show(command)} ${(error as Error).message}`)
      }
    }
  }

  async run(name: HookName, context: HookContext): Promise<FailureReason | undefined> {
    const argv = this.argv.get(name)
    if (!argv) return undefined
    this.options.log.startGroup(`hook ${name} (step ${context.step})`)
    let final: Final
    try {
      final = await this.attempts(name, argv, context)
    } finally {
      this.options.log.endGroup()
    }
    return this.report(name, final)
  }

  private async attempts(name: HookName, argv: string[], context: HookContext): Promise<Final> {
    const { clock } = this
    const { log, signal, stepTimeoutMs, hooks } = this.options
    const env = await this.environment(name, context)
    const deadline = clock.now() + stepTimeoutMs
    for (let attempt = 1; ; attempt++) {
      log.info(`${attempt > 1 ? `attempt ${attempt}: ` : ''}running ${oneLine(JSON.stringify(argv))}`)
      const output: string[] = []
      const onLine = (line: string): void => {
        output.push(line)
        if (output.length > MAX_OUTPUT_LINES) output.shift()
        // The prefix keeps a line of output from starting a `::workflow-command::`.
        log.info(`│ ${oneLine(line)}`)
      }
      const end = await runAttempt(argv, { env, signal, onLine, timeoutMs: deadline - clock.now() })
      // on-rollback never loops: the rollout is over and the job should end.
      if (end.kind !== 'exit' || end.code !== IN_PROGRESS || name === 'on-rollback') return { end, output }
      // Traffic may be on the new revision while the hook waits: its gates still count.
      const interrupted = await context.interrupt?.().catch(() => undefined)
      if (interrupted) return { end, output, interrupted }
      const left = deadline - clock.now()
      if (left > 0) {
        const wait = Math.min(hooks.retryIntervalMs, left)
        log.info(`exit code ${IN_PROGRESS}: still in progress, next attempt in ${formatDuration(wait)}`)
        await clock.sleep(wait, signal)
        if (signal?.aborted) return { end: { kind: 'cancelled' }, output }
        if (wait < left) continue
      }
      return { end, output, gaveUp: true }
    }
  }

  private async environment(name: HookName, context: HookContext): Promise<NodeJS.ProcessEnv> {
    const c = this.options.context
    const testUrl = typeof c.testUrl === 'function' ? await c.testUrl() : c.testUrl
    const inherited = Object.entries(this.options.env ?? process.env).filter(([key]) => !WITHHELD.test(key))
    const own: Record<string, string | undefined> = {
      ECS_ROLLOUT_HOOK: name,
      ECS_ROLLOUT_SERVICE: c.service,
      ECS_ROLLOUT_CLUSTER: c.cluster,
      ECS_ROLLOUT_ID: c.rolloutId,
      ECS_ROLLOUT_STEP: String(context.step),
      ECS_ROLLOUT_TRAFFIC_PERCENT: String(Math.round(context.trafficPercent * 100) / 100),
      ECS_ROLLOUT_NEW_TASK_DEFINITION: c.newTaskDefinition,
      ECS_ROLLOUT_STABLE_TASK_DEFINITION: c.stableTaskDefinition,
      ECS_ROLLOUT_TEST_URL: testUrl
    }
    return Object.fromEntries([...inherited, ...Object.entries(own).filter(([, v]) => v !== undefined)])
  }

  /** The final attempt as an event, and as the gate's verdict. */
  private report(name: HookName, { end, output, gaveUp, interrupted }: Final): FailureReason | undefined {
    const { events, signal } = this.options
    const at = this.clock.now()
    const note = interrupted
      ? `still in progress (exit code ${IN_PROGRESS}) when ${reasonText(interrupted)}: not run again`
      : this.note(name, end, gaveUp)
    const lines = note === undefined ? output : [...output, `ecs-rollout: ${note}`]
    const exitCode = end.kind === 'exit' ? end.code : null
    events.emit({ kind: 'hook', at, hook: name, exitCode, output: lines })
    if (interrupted) return interrupted
    if (exitCode === 0) return undefined
    if (name === 'on-rollback') {
      const what = exitCode === null ? `did not finish (${note})` : `exited with code ${exitCode}`
      events.emit({ kind: 'warning', at, message: `hook on-rollback ${what}; the rollback itself is done` })
      return undefined
    }
    // The same signal name the engine reports for a cancel it sees itself.
    if (end.kind === 'cancelled') return { kind: 'cancelled', signal: String(signal?.reason ?? 'SIGINT') }
    return { kind: 'hook', hook: name, exitCode, output: lines }
  }

  /** Our own line under the output, for what the exit code alone does not say. */
  private note(name: HookName, end: AttemptEnd, gaveUp?: boolean): string | undefined {
    const limit = `step-timeout (${formatDuration(this.options.stepTimeoutMs)})`
    switch (end.kind) {
      case 'exit':
        if (gaveUp) return `still in progress (exit code ${IN_PROGRESS}) when ${limit} ran out`
        if (end.code === IN_PROGRESS && name === 'on-rollback')
          return `exit code ${IN_PROGRESS} (in progress) is not retried for on-rollback`
        return undefined
      case 'signal':
        return `the hook was killed by ${end.signal}`
      case 'spawn-error':
        return end.message
      case 'cancelled':
        return 'the run was cancelled before the hook finished'
      case 'timed-out':
        return `still running when ${limit} ran out, so it was stopped`
    }
  }
}
