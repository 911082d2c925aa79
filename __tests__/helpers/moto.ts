// Start and stop a moto server (the third-party AWS emulator) for suites that check the sandbox against it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { describe, it } from '@jest/globals'

export interface Moto {
  url: string
  /** Forget all state (POST /moto-api/reset). */
  reset(): Promise<void>
  stop(): Promise<void>
}

/** Whether `python3 -m moto.server` can run here. */
export function motoInstalled(): boolean {
  // Importing moto takes seconds, and a minute on a machine busy with other suites: a slow import is not a missing one.
  const probe = spawnSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore', timeout: 90_000 })
  return probe.status === 0
}

/**
 * Decide whether a suite runs its moto half: on CI (`CI_REQUIRE_MOTO=1`) a missing moto is an error, elsewhere
 * the suite skips it with a visible notice.
 */
export function motoMode(suite: string): 'run' | 'skip' | 'missing-required' {
  if (motoInstalled()) return 'run'
  if (process.env.CI_REQUIRE_MOTO === '1') return 'missing-required'
  console.warn(
    `moto not found: skipping the moto half of ${suite} (install it with: pip install 'moto[server]')`
  )
  return 'skip'
}

/**
 * `describe(name, body)` where moto runs; skipped with a notice where it is missing, and a failing test in its
 * place with CI_REQUIRE_MOTO=1.
 */
export function describeWithMoto(name: string, body: () => void): void {
  const mode = motoMode(name)
  if (mode === 'run') describe(name, body)
  else if (mode === 'skip') describe.skip(`${name} (moto not found)`, body)
  else
    describe(name, () =>
      it('runs because CI_REQUIRE_MOTO=1', () => {
        throw new Error(
          'CI_REQUIRE_MOTO=1 but `python3 -m moto.server` is not available; install moto[server]'
        )
      })
    )
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
      )
    })
  })
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto exited with code ${child.exitCode}`)
    try {
      const res = await fetch(`${url}/moto-api/`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error(`moto did not start within ${timeoutMs} ms`)
}

/**
 * `env` reaches the moto server: MOTO_ECS_SERVICE_RUNNING=N has it create ECS-controller services with N running
 * tasks and their deployment COMPLETED (moto simulates no tasks otherwise).
 */
export async function startMoto(timeoutMs = 30_000, env?: Record<string, string>): Promise<Moto> {
  const port = await freePort()
  const child = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
    env: env ? { ...process.env, ...env } : process.env
  })
  const url = `http://127.0.0.1:${port}`
  try {
    await waitUntilUp(url, child, timeoutMs)
  } catch (e) {
    child.kill('SIGKILL')
    throw e
  }
  return {
    url,
    reset: async () => {
      const res = await fetch(`${url}/moto-api/reset`, { method: 'POST' })
      if (!res.ok) throw new Error(`moto reset failed: ${res.status}`)
    },
    stop: () =>
      new Promise<void>(resolve => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}

/** moto's ELBv2 checks subnets against its EC2: create a VPC and two subnets through the EC2 query API. */
export async function motoSubnets(url: string): Promise<{ vpcId: string; subnets: string[] }> {
  const ec2 = async (params: Record<string, string>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization:
          'AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0'
      },
      body: new URLSearchParams({ Version: '2016-11-15', ...params }).toString()
    })
    return res.text()
  }
  const vpcId = /<vpcId>([^<]+)<\/vpcId>/.exec(
    await ec2({ Action: 'CreateVpc', CidrBlock: '10.0.0.0/16' })
  )![1]
  const subnets: string[] = []
  for (const [i, zone] of ['us-east-1a', 'us-east-1b'].entries()) {
    const xml = await ec2({
      Action: 'CreateSubnet',
      VpcId: vpcId,
      CidrBlock: `10.0.${i}.0/24`,
      AvailabilityZone: zone
    })
    subnets.push(/<subnetId>([^<]+)<\/subnetId>/.exec(xml)![1])
  }
  return { vpcId, subnets }
}
