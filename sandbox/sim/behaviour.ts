import type { ContainerDefinition } from '@aws-sdk/client-ecs'
import { ecsErrors } from '../core/errors.js'

/** How a task of a revision behaves, read from its containers' `SANDBOX_*` environment variables. */
export interface Behaviour {
  startSeconds: number
  crash: { kind: 'none' } | { kind: 'on-start' } | { kind: 'after'; seconds: number }
  unhealthy: boolean
  errorRate: number
  latencyMs: number
}

export const DEFAULT_START_SECONDS = 2

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m)?$/

function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim())
  if (!match) return undefined
  const value = Number(match[1])
  return match[2] === 'ms' ? value / 1000 : match[2] === 'm' ? value * 60 : value
}

function invalid(name: string, value: string, expected: string): never {
  throw ecsErrors.client(`Sandbox: ${name}=${JSON.stringify(value)} is not valid; expected ${expected}.`)
}

/**
 * Read the behaviour at registration, so a typo fails loudly there instead of silently doing nothing.
 * When several containers set a variable, the first container that sets it wins.
 */
export function parseBehaviour(containers: ContainerDefinition[]): Behaviour {
  const env = new Map<string, string>()
  for (const container of containers) {
    for (const { name, value } of container.environment ?? []) {
      if (name && name.startsWith('SANDBOX_') && !env.has(name)) env.set(name, value ?? '')
    }
  }
  const behaviour: Behaviour = {
    startSeconds: DEFAULT_START_SECONDS,
    crash: { kind: 'none' },
    unhealthy: false,
    errorRate: 0,
    latencyMs: 0
  }
  const start = env.get('SANDBOX_START_SECONDS')
  if (start !== undefined) {
    const n = Number(start)
    if (start.trim() === '' || !Number.isFinite(n) || n < 0)
      invalid('SANDBOX_START_SECONDS', start, 'seconds ≥ 0')
    behaviour.startSeconds = n
  }
  const crash = env.get('SANDBOX_CRASH')
  if (crash !== undefined && crash !== '' && crash !== 'none') {
    if (crash === 'on-start') behaviour.crash = { kind: 'on-start' }
    else {
      const seconds = crash.startsWith('after:') ? parseDuration(crash.slice(6)) : undefined
      if (seconds === undefined)
        invalid('SANDBOX_CRASH', crash, "'on-start' or 'after:<duration>' (e.g. after:30s)")
      behaviour.crash = { kind: 'after', seconds }
    }
  }
  const unhealthy = env.get('SANDBOX_UNHEALTHY')
  if (unhealthy !== undefined) {
    if (!['true', 'false', ''].includes(unhealthy)) invalid('SANDBOX_UNHEALTHY', unhealthy, 'true or false')
    behaviour.unhealthy = unhealthy === 'true'
  }
  const errorRate = env.get('SANDBOX_ERROR_RATE')
  if (errorRate !== undefined) {
    const n = Number(errorRate)
    if (errorRate.trim() === '' || !(n >= 0 && n <= 1))
      invalid('SANDBOX_ERROR_RATE', errorRate, 'a fraction 0–1')
    behaviour.errorRate = n
  }
  const latency = env.get('SANDBOX_LATENCY_MS')
  if (latency !== undefined) {
    const n = Number(latency)
    if (latency.trim() === '' || !(n >= 0)) invalid('SANDBOX_LATENCY_MS', latency, 'milliseconds ≥ 0')
    behaviour.latencyMs = n
  }
  return behaviour
}
