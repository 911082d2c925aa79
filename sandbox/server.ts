import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { METRIC_RETENTION_MS } from './cloudwatch/metrics.js'
import { validateAllowList } from './control/allow.js'
import { createRealism, REALISM_OFF, realismFromText, type RealismSettings } from './core/realism.js'
import { createWorld, type World } from './core/world.js'
import { handleApiRequest } from './http/api.js'
import { handleControl } from './http/control.js'
import type { WireResponse } from './http/json.js'
import { captureVersions } from './http/realism.js'
import { tick } from './sim/engine.js'

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Interval of the simulation clock; default 1000 ms. */
  tickMs?: number
  /** Interval of target and container health checks (and target draining time); defaults to tickMs. */
  healthCheckMs?: number
  /** Requests per second each load-balanced service receives; default 100. */
  requestRate?: number
  /**
   * How long metric datapoints are kept; default 3 hours, as CloudWatch keeps second-resolution data. A sandbox
   * that lives for an hour of busy runs (a chaos batch) keeps less, so its memory stays flat.
   */
  metricRetentionMs?: number
  /** IAM-style allow-list such as `['ecs:DescribeServices', 'cloudwatch:*']`; omitted = everything allowed. */
  allowOperations?: string[]
  /** Seed for ids, IPs and fault decisions; reset restarts from it. */
  seed?: number
  /**
   * Virtual time for deterministic tests: the simulation reads the clock from here. Pair it with a long tickMs
   * and drive the simulation with `sandbox.tick()`.
   */
  clock?: () => number
  /**
   * Lag, shared throttling, 5xx bursts, connection resets and clock skew (sandbox/core/realism.ts), seeded by
   * `seed`. Omitted: what the SANDBOX_REALISM environment variable says (unset = off).
   */
  realism?: RealismSettings
}

export interface Sandbox {
  url: string
  port: number
  /** The live simulated world (replaced on reset). */
  readonly state: World
  /** Forget everything: resources, metrics, alarms, calls, faults; the allow-list goes back to the start value. */
  reset(seed?: number): void
  /** Run one simulation step now, in addition to the clock. */
  tick(): void
  /** Change the realism settings (kept across resets); the realism stream restarts from the seed. */
  setRealism(settings: RealismSettings): void
  close(): Promise<void>
}

const MAX_BODY = 10 * 1024 * 1024

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        reject(new Error('request body too large'))
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      // The SDK gzips large request bodies (CloudWatch PutMetricData has the requestCompression trait).
      try {
        resolve((req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8'))
      } catch (e) {
        reject(e)
      }
    })
    req.on('error', reject)
  })
}

function send(res: ServerResponse, response: WireResponse, now: number): void {
  if (response.reset) {
    res.socket?.resetAndDestroy()
    return
  }
  // The Date header is AWS's clock, which the SDK compares with its own to correct for skew.
  res.writeHead(response.status, {
    date: new Date(now).toUTCString(),
    ...response.headers,
    'content-length': Buffer.byteLength(response.body)
  })
  res.end(response.body)
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  let tickMs = options.tickMs ?? 1000
  const healthCheckMs = options.healthCheckMs
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32)
  const allow = validateAllowList(options.allowOperations ?? null)
  if (typeof allow === 'string') throw new Error(`allowOperations: ${allow}`)
  const initialAllow = allow ? [...allow] : null
  const settings = () => ({
    tickMs,
    healthCheckMs: healthCheckMs ?? tickMs,
    requestRate: options.requestRate ?? 100,
    metricRetentionMs: options.metricRetentionMs ?? METRIC_RETENTION_MS
  })
  const clock = options.clock ?? Date.now
  const fromEnv = options.realism ?? realismFromText(process.env.SANDBOX_REALISM, seed)
  if (Array.isArray(fromEnv)) throw new Error(fromEnv.join('; '))
  let realism = fromEnv
  // A run with realism from the environment names its seed, so a failure can be replayed (on a virtual clock).
  if (!options.realism && JSON.stringify(realism) !== JSON.stringify(REALISM_OFF))
    console.error(`sandbox: realism on from SANDBOX_REALISM, seed ${seed}`)
  let world = createWorld(settings(), seed, initialAllow, clock, realism)
  let currentSeed = seed

  const step = () => {
    try {
      tick(world)
      captureVersions(world)
    } catch (e) {
      console.error('sandbox: simulation step failed:', e)
    }
  }
  let timer = setInterval(step, tickMs)
  timer.unref()

  const hooks = {
    world: () => world,
    reset: (newSeed?: number) => {
      currentSeed = newSeed ?? currentSeed
      world = createWorld(settings(), currentSeed, initialAllow ? [...initialAllow] : null, clock, realism)
    },
    seed: () => currentSeed,
    // New settings restart the realism stream from the seed, so what follows replays exactly.
    setRealism: (next: RealismSettings) => {
      realism = next
      world.realism = createRealism(next, currentSeed)
      captureVersions(world)
    },
    setTickMs: (ms: number) => {
      tickMs = ms
      world.settings = { ...settings(), requestRate: world.settings.requestRate }
      clearInterval(timer)
      timer = setInterval(step, tickMs)
      timer.unref()
    }
  }

  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req)
      const url = new URL(req.url ?? '/', 'http://sandbox')
      if (url.pathname.startsWith('/_sandbox/')) send(res, handleControl(hooks, req, url, body), world.now())
      else if (req.method === 'POST') send(res, await handleApiRequest(() => world, req, body), world.now())
      else
        send(res, { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' }, world.now())
    } catch (e) {
      send(res, { status: 500, headers: { 'content-type': 'text/plain' }, body: String(e) }, world.now())
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get state() {
      return world
    },
    reset: hooks.reset,
    tick: step,
    setRealism: hooks.setRealism,
    close: () =>
      new Promise<void>(resolve => {
        clearInterval(timer)
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
