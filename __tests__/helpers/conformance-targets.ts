// The two targets the conformance suites drive — the sandbox and, where installed, moto — and what both need.
import { motoSubnets, startMoto } from './moto.js'
import { startSandbox } from '../../sandbox/server.js'

export type Kind = 'sandbox' | 'moto'

export interface Target {
  kind: Kind
  url: string
  reset(): Promise<void>
  /** A VPC and two subnets the target's ELBv2 accepts. */
  network(): Promise<{ vpcId: string; subnets: string[] }>
  stop(): Promise<void>
}

export const startSandboxTarget = async (): Promise<Target> => {
  const sandbox = await startSandbox({ tickMs: 100 })
  return {
    kind: 'sandbox',
    url: sandbox.url,
    reset: async () => sandbox.reset(),
    // The sandbox does not model EC2: any ids do.
    network: async () => ({ vpcId: 'vpc-0sandbox', subnets: ['subnet-0a', 'subnet-0b'] }),
    stop: () => sandbox.close()
  }
}

export const startMotoTarget = async (): Promise<Target> => {
  const moto = await startMoto()
  return {
    kind: 'moto',
    url: moto.url,
    reset: moto.reset,
    network: () => motoSubnets(moto.url),
    stop: moto.stop
  }
}

export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

// moto needs task-definition cpu/memory on the container, and awsvpc needs real EC2 subnets there, so these
// scenarios use the bridge network mode with the EC2 launch type. moto ignores the sandbox's start delay.
export const CONTAINERS = [
  {
    name: 'app',
    image: 'public.ecr.aws/nginx/nginx:latest',
    cpu: 256,
    memory: 512,
    essential: true,
    environment: [{ name: 'SANDBOX_START_SECONDS', value: '0.1' }]
  }
]
