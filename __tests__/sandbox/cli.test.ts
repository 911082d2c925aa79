// `npm run sandbox` (sandbox/cli.ts): listens on 127.0.0.1, announces itself exactly once, stops on SIGTERM.
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs'

describe('the sandbox CLI', () => {
  it('prints its address once it accepts requests and exits cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'sandbox/cli.ts', '--port', '0', '--tick-ms', '200'],
      {
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let stdout = ''
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const match = /^sandbox listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)
        if (match) resolve(match[1])
      })
      child.once('exit', code => reject(new Error(`exited early with ${code}`)))
      setTimeout(() => reject(new Error('no announcement within 20 s')), 20_000)
    })
    const ecs = new ECSClient({
      endpoint: url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' }
    })
    expect((await ecs.send(new ListClustersCommand({}))).clusterArns).toEqual([])
    ecs.destroy()
    const exit = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
    child.kill('SIGTERM')
    expect(await exit).toBe(0)
    expect(stdout).toBe(`sandbox listening on ${url}\n`)
  })

  it('rejects bad options with a usage message', async () => {
    const child = spawn(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'sandbox/cli.ts', '--port', 'abc'],
      {
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>(resolve => child.once('exit', c => resolve(c)))
    expect(code).toBe(2)
    expect(stderr).toContain('--port must be a number')
    expect(stderr).toContain('usage: npm run sandbox')
  })
})
