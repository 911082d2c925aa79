// Runs the action the way the runner does: INPUT_* variables (upper-cased, hyphens kept), and temp files for
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. `runBundled` starts dist/index.js as a subprocess, timing each line of
// its log as it arrives (so a test can line the log up with the sandbox's call log and journal); `actionEnv` is
// also used in-process by tests that call run() directly. No jest here: the chaos harness and the benchmarks
// run it too.

import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const DIST = resolve(import.meta.dirname, '../../dist/index.js')

export interface ActionFiles {
  dir: string
  outputFile: string
  summaryFile: string
  stateFile: string
}

export function tempFiles(): ActionFiles {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-rollout-'))
  const files = {
    dir,
    outputFile: join(dir, 'output'),
    summaryFile: join(dir, 'summary.html'),
    stateFile: join(dir, 'state')
  }
  for (const f of [files.outputFile, files.summaryFile, files.stateFile]) writeFileSync(f, '')
  return files
}

/** Environment for one run: inputs plus the runner's file commands. */
export function actionEnv(
  inputs: Record<string, string>,
  files: ActionFiles,
  extra: Record<string, string> = {}
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: files.outputFile,
    GITHUB_STEP_SUMMARY: files.summaryFile,
    GITHUB_STATE: files.stateFile,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret-example',
    ...extra
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  return env
}

/** Parses the runner's `name<<DELIMITER` output file format. */
export function readOutputs(file: string): Record<string, string> {
  const text = readFileSync(file, 'utf8')
  const outputs: Record<string, string> = {}
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) outputs[m[1]] = m[3]
  return outputs
}

/** The AWS SDK of a child process pointed at a local endpoint (the sandbox, or moto). */
export function awsEnv(url: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'y',
    NODE_NO_WARNINGS: '1'
  }
}

/** A line of the log and when it arrived (epoch ms). */
export interface Line {
  at: number
  text: string
}

export interface RunResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** stdout line by line, each with when it arrived. */
  lines: Line[]
  outputs: Record<string, string>
  summary: string
  files: ActionFiles
}

export interface RunOptions {
  env?: Record<string, string>
  files?: ActionFiles
  entry?: string
  /** Called once the process is running, e.g. to send it a signal later. */
  onStart?: (pid: number) => void
  /** Called with each line of stdout as it arrives. */
  onLine?: (line: Line) => void
  /** Called once the process has exited (before the result is read). */
  onExit?: () => void
  timeoutMs?: number
}

export function runBundled(inputs: Record<string, string>, options: RunOptions = {}): Promise<RunResult> {
  const files = options.files ?? tempFiles()
  const child = spawn(process.execPath, [options.entry ?? DIST], {
    env: actionEnv(inputs, files, options.env),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const lines: Line[] = []
  let partial = ''
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const at = Date.now()
    stdout += chunk
    const parts = (partial + chunk).split('\n')
    partial = parts.pop() ?? ''
    for (const text of parts) {
      lines.push({ at, text })
      options.onLine?.({ at, text })
    }
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  if (child.pid) options.onStart?.(child.pid)
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
  return new Promise(resolvePromise => {
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      options.onExit?.()
      if (partial) lines.push({ at: Date.now(), text: partial })
      resolvePromise({
        code,
        signal,
        stdout,
        stderr,
        lines,
        outputs: readOutputs(files.outputFile),
        summary: readFileSync(files.summaryFile, 'utf8'),
        files
      })
    })
  })
}

/** What a failing test should show: the action's log and summary. */
export function transcript(run: RunResult): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}\n--- summary\n${run.summary}`
}

/**
 * Runs the checks; a failure carries the log and summary of the run (or, numbered, of each of the runs), so a
 * red test says what happened.
 */
export async function explained(
  runs: RunResult | (RunResult | undefined)[],
  check: () => Promise<void> | void
): Promise<void> {
  try {
    await check()
  } catch (error) {
    if (error instanceof Error)
      error.message += Array.isArray(runs)
        ? runs
            .filter((r): r is RunResult => r !== undefined)
            .map((r, i) => `\n\n===== run ${i + 1}\n${transcript(r)}`)
            .join('')
        : `\n\n${transcript(runs)}`
    throw error
  }
}

/** Sends `signal`, unless the process has exited and been reaped meanwhile (ESRCH): then there is no one to stop. */
export function killUnlessGone(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(pid, signal)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
  }
}
