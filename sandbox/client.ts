// A typed client for the /_sandbox/ control endpoints, for tests, demos, benchmarks and chaos runs.
import type { RealismSettings } from './core/realism.js'
import type { CallRecord, Fault } from './core/world.js'
import type { HookRunView, HooksState } from './ecs/hooksControl.js'
import type { JournalRoute, JournalTick } from './core/journalTick.js'
import type { RevisionFault } from './sim/revisionFaults.js'

export type {
  CallRecord,
  Fault,
  HookRunView,
  HooksState,
  JournalRoute,
  JournalTick,
  RealismSettings,
  RevisionFault
}

export interface FaultSpec {
  operation?: string
  service?: 'ecs' | 'cloudwatch' | 'elbv2'
  error?: string
  rate?: number
  count?: number
  latencyMs?: number
}

export interface JournalResponse {
  ticks: JournalTick[]
  belowFloor?: { at: number; healthy: number; floor: number }[]
}

export class SandboxControl {
  constructor(readonly endpoint: string) {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.endpoint}/_sandbox/${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`sandbox ${method} /_sandbox/${path} → ${res.status}: ${text}`)
    return JSON.parse(text) as T
  }

  reset(seed?: number): Promise<{ ok: true }> {
    return this.request('POST', 'reset', seed === undefined ? {} : { seed })
  }

  calls(since?: number): Promise<CallRecord[]> {
    return this.request('GET', since === undefined ? 'calls' : `calls?since=${since}`)
  }

  clearCalls(): Promise<{ ok: true }> {
    return this.request('DELETE', 'calls')
  }

  addFault(fault: FaultSpec): Promise<Fault> {
    return this.request('POST', 'faults', fault)
  }

  faults(): Promise<Fault[]> {
    return this.request('GET', 'faults')
  }

  clearFaults(): Promise<{ ok: true }> {
    return this.request('DELETE', 'faults')
  }

  journal(
    cluster: string,
    service: string,
    options: { floor?: number; since?: number } = {}
  ): Promise<JournalResponse> {
    const query = new URLSearchParams({ cluster, service })
    if (options.floor !== undefined) query.set('floor', String(options.floor))
    if (options.since !== undefined) query.set('since', String(options.since))
    return this.request('GET', `journal?${query}`)
  }

  allow(): Promise<{ operations: string[] | null }> {
    return this.request('GET', 'allow')
  }

  setAllow(operations: string[] | null): Promise<{ operations: string[] | null }> {
    return this.request('POST', 'allow', { operations })
  }

  setTraffic(cluster: string, service: string, rate: number): Promise<{ service: string; rate: number }> {
    return this.request('POST', 'traffic', { cluster, service, rate })
  }

  /** Requests per second through one listener (a test listener), instead of a share of its services' rates; null undoes it. */
  setListenerTraffic(
    listener: string,
    rate: number | null
  ): Promise<{ listener: string; rate: number | null }> {
    return this.request('POST', 'traffic', { listener, rate })
  }

  /** Make one revision (task definition ARN or family:revision) slower, failing or unreached; replaces its fault. */
  setRevisionFault(fault: RevisionFault): Promise<RevisionFault> {
    return this.request('POST', 'revision-faults', fault)
  }

  revisionFaults(): Promise<RevisionFault[]> {
    return this.request('GET', 'revision-faults')
  }

  clearRevisionFaults(): Promise<RevisionFault[]> {
    return this.request('DELETE', 'revision-faults')
  }

  setTickMs(tickMs: number): Promise<{ tickMs: number }> {
    return this.request('POST', 'clock', { tickMs })
  }

  /** Lifecycle-hook runs (Lambda hooks recorded as invoked), of one service or of all. */
  hooks(cluster?: string, service?: string): Promise<HooksState> {
    const query = new URLSearchParams({ ...(cluster && { cluster }), ...(service && { service }) })
    return this.request('GET', `hooks?${query}`)
  }

  /**
   * `timeoutSeconds`: hooks started from now on time out after that many seconds (null: their timeoutInMinutes),
   * those of `service` (a name) only when it is given;
   * `lambda`: the hookStatus a Lambda function answers (null: SUCCEEDED).
   */
  setHooks(settings: {
    timeoutSeconds?: number | null
    service?: string
    lambda?: { functionArn: string; hookStatus: 'SUCCEEDED' | 'FAILED' | null }
  }): Promise<HooksState> {
    return this.request('POST', 'hooks', settings)
  }

  realism(): Promise<RealismSettings> {
    return this.request('GET', 'realism')
  }

  /** `{ enabled: true }` for the defaults (seeded by the sandbox's seed), or settings to change. */
  setRealism(settings: Partial<RealismSettings> & { enabled?: boolean }): Promise<RealismSettings> {
    return this.request('POST', 'realism', settings)
  }
}
