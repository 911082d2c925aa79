// The sandbox in its own process (tsx sandbox/cli.ts), so its CPU does not count against the action's timings.

import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { SandboxControl } from '../../sandbox/client.js'
import { cpuMs } from './proc.js'

export const ROOT = resolve(import.meta.dirname, '../..')

export interface SandboxSettings {
  tickMs: number
  healthCheckMs?: number
  requestRate?: number
  seed?: number
}

export interface SandboxProcess {
  url: string
  control: SandboxControl
  pid: number
  settings: SandboxSettings
  /** CPU the sandbox process has used so far, ms. */
  cpuMs(): number
  stop(): Promise<void>
}

export async function startSandboxProcess(settings: SandboxSettings): Promise<SandboxProcess> {
  const args = ['--import', 'tsx', 'sandbox/cli.ts', '--port', '0', '--tick-ms', String(settings.tickMs)]
  if (settings.healthCheckMs !== undefined) args.push('--health-check-ms', String(settings.healthCheckMs))
  if (settings.requestRate !== undefined) args.push('--request-rate', String(settings.requestRate))
  args.push('--seed', String(settings.seed ?? 1))
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_NO_WARNINGS: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const url = await listening(child)
  const pid = child.pid!
  let lastCpu = 0
  return {
    url,
    control: new SandboxControl(url),
    pid,
    settings,
    cpuMs: () => (lastCpu = cpuMs(pid) ?? lastCpu),
    stop: () =>
      new Promise(done => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
      })
  }
}

function listening(child: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let out = ''
    let err = ''
    let settled = false
    const timer = setTimeout(() => fail(new Error('the sandbox did not start within 30 s')), 30_000)
    function fail(error: Error): void {
      if (settled) return
      settled = true
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`${error.message}\n${err}`))
    }
    child.stderr!.on('data', d => (err += d))
    child.stdout!.on('data', d => {
      out += d
      const match = /sandbox listening on (http:\/\/\S+)/.exec(out)
      if (match && !settled) {
        settled = true
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    })
    child.once('exit', code => fail(new Error(`the sandbox exited with ${code}`)))
  })
}

/** Runs `body` with a fresh sandbox process and stops it afterwards; reports the sandbox's CPU time too. */
export async function withSandbox<T>(
  settings: SandboxSettings,
  body: (sandbox: SandboxProcess) => Promise<T>
): Promise<{ value: T; sandboxCpuMs: number }> {
  const sandbox = await startSandboxProcess(settings)
  const before = sandbox.cpuMs()
  try {
    const value = await body(sandbox)
    return { value, sandboxCpuMs: sandbox.cpuMs() - before }
  } finally {
    await sandbox.stop()
  }
}
