// moto, a third-party AWS emulator (`python3 -m moto.server`), for integration tests: started on a free
// port, reset between tests, stopped after. Without moto the suites are skipped with a warning, unless
// CI_REQUIRE_MOTO=1 makes that a failure.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { describe } from '@jest/globals'

export interface Moto {
  url: string
  /** Forgets every resource (POST /moto-api/reset). */
  reset(): Promise<void>
  stop(): Promise<void>
}

const STARTUP_MS = 30_000

function motoInstalled(): boolean {
  return spawnSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore' }).status === 0
}

/** `describe` when moto is installed; otherwise a skipped suite and a warning (or an error under CI_REQUIRE_MOTO=1). */
export function describeWithMoto(name: string, fn: () => void): void {
  if (motoInstalled()) return describe(name, fn)
  if (process.env.CI_REQUIRE_MOTO === '1')
    throw new Error('CI_REQUIRE_MOTO=1 but moto is not installed: pip install "moto[server]"')
  console.warn(`moto is not installed (python3 -m moto.server): skipping "${name}"`)
  describe.skip(name, fn)
}

export async function startMoto(): Promise<Moto> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let log = ''
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)))
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  const deadline = Date.now() + STARTUP_MS
  while (!(await answers(url))) {
    if (ended(child) || Date.now() > deadline) {
      await stop(child, exited)
      throw new Error(`moto did not start on ${url}:\n${log}`)
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return {
    url,
    reset: async () => {
      const res = await fetch(`${url}/moto-api/reset`, { method: 'POST' })
      if (!res.ok) throw new Error(`moto reset failed: ${res.status}`)
    },
    stop: () => stop(child, exited)
  }
}

/** moto's default VPC and its subnets, read with a bare EC2 query (the EC2 SDK client is no dependency). */
export async function defaultSubnets(url: string): Promise<{ vpcId: string; subnets: string[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      // moto routes by the credential scope's service name and does not check the signature
      authorization:
        'AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0'
    },
    body: 'Action=DescribeSubnets&Version=2016-11-15'
  })
  const xml = await res.text()
  const subnets = [...xml.matchAll(/<subnetId>([^<]+)<\/subnetId>/g)].map(m => m[1])
  const vpcId = /<vpcId>([^<]+)<\/vpcId>/.exec(xml)?.[1]
  if (!vpcId || subnets.length < 2)
    throw new Error(`moto has no default VPC with two subnets: ${xml.slice(0, 500)}`)
  return { vpcId, subnets }
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/moto-api/`)).ok
  } catch {
    return false
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (ended(child)) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

function ended(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null
}
