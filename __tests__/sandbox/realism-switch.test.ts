// Realism is switched from the control API, the sandbox CLI and SANDBOX_REALISM; bad settings are refused,
// every problem named at once.
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { REALISM_OFF, realismOn } from '../../sandbox/core/realism.js'
import { SandboxControl } from '../../sandbox/client.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
  delete process.env.SANDBOX_REALISM
})

describe('the control API', () => {
  it('switches realism on with the seed’s defaults, overrides single settings and off again', async () => {
    sandbox = await startSandbox({ tickMs: 1000, seed: 12, realism: REALISM_OFF })
    const control = new SandboxControl(sandbox.url)
    expect(await control.realism()).toEqual(REALISM_OFF)
    expect(await control.setRealism({ enabled: true })).toEqual(realismOn(12))
    expect(await control.setRealism({ lagMs: 500 })).toEqual({ ...realismOn(12), lagMs: 500 })
    expect(await control.setRealism({ enabled: false })).toEqual(REALISM_OFF)
    // Kept across a reset.
    await control.setRealism({ throttling: true })
    await control.reset()
    expect((await control.realism()).throttling).toBe(true)
  })

  it('refuses bad settings, naming each', async () => {
    sandbox = await startSandbox({ tickMs: 1000, realism: REALISM_OFF })
    const res = await fetch(`${sandbox.url}/_sandbox/realism`, {
      method: 'POST',
      body: JSON.stringify({ lagMs: -1, resetRate: 2, bogus: 1, rates: { 'ecs:ListClusters': { burst: 0 } } })
    })
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: string }
    expect(error).toContain('lagMs must be a number 0–60000, got -1')
    expect(error).toContain('resetRate must be a number 0–1, got 2')
    expect(error).toContain('unknown setting bogus')
    expect(error).toContain('rates: ecs:ListClusters needs burst ≥ 1 and perSecond ≥ 0')
    expect(await new SandboxControl(sandbox.url).realism()).toEqual(REALISM_OFF)
  })
})

describe('SANDBOX_REALISM', () => {
  it('is honoured at start: 1 for the defaults, JSON for overrides', async () => {
    process.env.SANDBOX_REALISM = '1'
    sandbox = await startSandbox({ tickMs: 1000, seed: 4 })
    expect(await new SandboxControl(sandbox.url).realism()).toEqual(realismOn(4))
    await sandbox.close()
    process.env.SANDBOX_REALISM = '{"lagMs":250,"resetRate":0}'
    sandbox = await startSandbox({ tickMs: 1000, seed: 4 })
    expect(await new SandboxControl(sandbox.url).realism()).toEqual({
      ...realismOn(4),
      lagMs: 250,
      resetRate: 0
    })
  })

  it('refuses a value it cannot read', async () => {
    process.env.SANDBOX_REALISM = 'sometimes'
    await expect(startSandbox({ tickMs: 1000 })).rejects.toThrow(
      /SANDBOX_REALISM must be on, off or a JSON object/
    )
  })
})

describe('the sandbox CLI', () => {
  const run = (args: string[]) =>
    spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'sandbox/cli.ts', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SANDBOX_REALISM: '' }
    })

  it('--help describes --realism', async () => {
    const child = run(['--help'])
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    expect(await new Promise(resolve => child.once('exit', resolve))).toBe(0)
    expect(stdout).toContain('--realism on|off|JSON')
    expect(stdout).toContain('POST /_sandbox/realism')
  })

  it('--realism on starts with realism seeded by --seed; a bad value is a usage error', async () => {
    const child = run(['--port', '0', '--tick-ms', '200', '--seed', '9', '--realism', 'on'])
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const match = /sandbox listening on (\S+)/.exec(out)
        if (match) resolve(match[1])
      })
      child.once('exit', code => reject(new Error(`exited early with ${code}`)))
    })
    try {
      expect(await new SandboxControl(url).realism()).toEqual(realismOn(9))
    } finally {
      const exit = new Promise(resolve => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exit
    }
    const bad = run(['--realism', '{"lagMs":"soon"}'])
    let stderr = ''
    bad.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    expect(await new Promise(resolve => bad.once('exit', resolve))).toBe(2)
    expect(stderr).toContain('--realism: lagMs must be a number 0–60000, got "soon"')
  })
})
