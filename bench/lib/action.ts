// The action as the runner runs it: `node dist/index.js` with INPUT_* variables and the runner's file commands
// (shared with the tests: __tests__/helpers/action.ts), the AWS SDK pointed at the sandbox. Each stdout line is
// time-stamped as it arrives (pipes are synchronous on Linux), and peak RSS can be sampled from /proc.

import { spawn } from 'node:child_process'
import { actionEnv, DIST, readOutputs, tempFiles } from '../../__tests__/helpers/action.js'
import { resolve } from 'node:path'
import { RssSampler } from './proc.js'
import { ROOT } from './sandbox.js'

/** The bundle to run: dist/index.js, or ECS_ROLLOUT_DIST (a bundle built elsewhere), as in the e2e tests. */
export const ENTRY = process.env.ECS_ROLLOUT_DIST ?? DIST

export interface LogLine {
  /** Epoch ms at which the line reached this process. */
  at: number
  text: string
}

export interface ActionRun {
  /** Epoch ms right before the process was spawned. */
  startedAt: number
  endedAt: number
  code: number | null
  signal: NodeJS.Signals | null
  lines: LogLine[]
  stderr: string
  outputs: Record<string, string>
  /** Peak resident set (VmHWM) seen while it ran, KB; only when asked for. */
  peakRssKb?: number
}

export interface ActionOptions {
  inputs: Record<string, string>
  endpoint: string
  region?: string
  /** Sample VmHWM while it runs. */
  rss?: boolean
  timeoutMs?: number
  /** More environment for the process. */
  env?: Record<string, string>
  /** Another action's bundle to run instead (the official ECS deploy action, side by side). */
  entry?: string
}

export interface RunningAction {
  pid: number
  startedAt: number
  /** Resolves with the first line (already seen or still to come) matching `pattern`. */
  line(pattern: RegExp, timeoutMs?: number): Promise<LogLine>
  done: Promise<ActionRun>
  kill(signal?: NodeJS.Signals): void
}

/** The official aws-actions/amazon-ecs-deploy-task-definition v2.6.3, as released, for side-by-side figures. */
export const OFFICIAL_ENTRY = resolve(ROOT, '../shared/third-party/official-ecs-deploy-2.6.3/dist/index.js')

export function awsEnv(endpoint: string, region = 'us-east-1'): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    // The SDK's Node 20 end-of-support notice would otherwise go to stderr at start.
    NODE_NO_WARNINGS: '1'
  }
}

export function startAction(o: ActionOptions): RunningAction {
  const files = tempFiles()
  const env = actionEnv(o.inputs, files, { ...awsEnv(o.endpoint, o.region), ...o.env })
  const startedAt = Date.now()
  const child = spawn(process.execPath, [o.entry ?? ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  const pid = child.pid!
  const sampler = o.rss ? new RssSampler(pid) : undefined
  const lines: LogLine[] = []
  const waiters: { pattern: RegExp; resolve: (l: LogLine) => void }[] = []
  let partial = ''
  let stderr = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    const at = Date.now()
    const parts = (partial + chunk).split('\n')
    partial = parts.pop() ?? ''
    for (const text of parts) {
      const line = { at, text }
      lines.push(line)
      for (const w of waiters.filter(w => w.pattern.test(text))) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(line)
      }
    }
  })
  child.stderr.on('data', d => (stderr += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 300_000)
  const done = new Promise<ActionRun>(resolveRun => {
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const endedAt = Date.now()
      if (partial) lines.push({ at: endedAt, text: partial })
      resolveRun({
        startedAt,
        endedAt,
        code,
        signal,
        lines,
        stderr,
        outputs: readOutputs(files.outputFile),
        peakRssKb: sampler?.stop()
      })
    })
  })
  return {
    pid,
    startedAt,
    done,
    kill: signal => child.kill(signal ?? 'SIGTERM'),
    line: (pattern, timeoutMs = 120_000) => {
      const seen = lines.find(l => pattern.test(l.text))
      if (seen) return Promise.resolve(seen)
      return new Promise((resolveLine, reject) => {
        const timeout = setTimeout(
          () => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms\n${tail(lines)}`)),
          timeoutMs
        )
        waiters.push({
          pattern,
          resolve: l => {
            clearTimeout(timeout)
            resolveLine(l)
          }
        })
        void done.then(run => {
          clearTimeout(timeout)
          reject(
            new Error(`the action exited (${run.code}) before a line matched ${pattern}\n${tail(lines)}`)
          )
        })
      })
    }
  }
}

export function runAction(o: ActionOptions): Promise<ActionRun> {
  return startAction(o).done
}

function tail(lines: LogLine[]): string {
  return lines
    .slice(-30)
    .map(l => l.text)
    .join('\n')
}

/** A run's log as text, for errors. */
export function transcript(run: ActionRun): string {
  return `exit ${run.code}\n${tail(run.lines)}\n${run.stderr}`
}
