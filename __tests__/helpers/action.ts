// Runs the action the way the runner does: INPUT_* variables (upper-cased, hyphens kept), and temp files for
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. `runBundled` starts dist/index.js as a subprocess; `actionEnv` is
// also used in-process by tests that call run() directly.

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

export interface RunResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
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
  timeoutMs?: number
}

export function runBundled(inputs: Record<string, string>, options: RunOptions = {}): Promise<RunResult> {
  const files = options.files ?? tempFiles()
  const child = spawn(process.execPath, [options.entry ?? DIST], {
    env: actionEnv(inputs, files, options.env),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', d => (stdout += d))
  child.stderr.on('data', d => (stderr += d))
  if (child.pid) options.onStart?.(child.pid)
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
  return new Promise(resolvePromise => {
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolvePromise({
        code,
        signal,
        stdout,
        stderr,
        outputs: readOutputs(files.outputFile),
        summary: readFileSync(files.summaryFile, 'utf8'),
        files
      })
    })
  })
}
