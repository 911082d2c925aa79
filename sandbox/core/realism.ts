// Where AWS is slow, lagging or refusing: the settings of the sandbox's realism and the state they drive.
// Off by default (the demo, most tests); `SANDBOX_REALISM=1`, `--realism` or POST /_sandbox/realism turn it on.
import { Rng } from './rng.js'
import { Versions } from './versions.js'

export interface RealismSettings {
  /** Longest read-after-write lag of one resource in the lagging reads (ms); 0 = every read sees the last write. */
  lagMs: number
  /** Longest time a listener's or rule's new actions take to reach the traffic (ms). */
  propagationMs: number
  /** Token buckets per operation category, per account and Region, shared by every client. */
  throttling: boolean
  /** Mean time between bursts of 5xx answers (ms); 0 = none. */
  burstEveryMs: number
  /** How long a burst of 5xx answers lasts (ms). */
  burstMs: number
  /** Share of the calls inside a burst that fail. */
  burstFailRate: number
  /** Share of calls whose connection is reset after the call took effect (0–1). */
  resetRate: number
  /** AWS's clock minus the runner's (ms): every timestamp the sandbox writes or reports is off by this much. */
  skewMs: number
  /** Bucket sizes and refill rates overriding the documented ones, keyed `ecs:DescribeServices`. */
  rates: Record<string, { burst: number; perSecond: number }>
  /**
   * ECS does not keep hookDetails on PAUSE hooks (unverified either way: ecs/pauseHookDetails.ts): DescribeServices
   * and DescribeServiceDeployments show them without it. Off unless asked for, realism on or not.
   */
  dropPauseHookDetails: boolean
}

export const REALISM_OFF: RealismSettings = {
  lagMs: 0,
  propagationMs: 0,
  throttling: false,
  burstEveryMs: 0,
  burstMs: 0,
  burstFailRate: 0,
  resetRate: 0,
  skewMs: 0,
  rates: {},
  dropPauseHookDetails: false
}

/** What `SANDBOX_REALISM=1` and `--realism` turn on; the skew is drawn from the seed (±2 s) unless given. */
export const REALISM_ON: Omit<RealismSettings, 'skewMs'> = {
  lagMs: 3000,
  propagationMs: 2000,
  throttling: true,
  burstEveryMs: 120_000,
  burstMs: 2000,
  burstFailRate: 0.5,
  resetRate: 0.002,
  rates: {},
  dropPauseHookDetails: false
}
const MAX_SKEW_MS = 2000

export interface RealismState {
  settings: RealismSettings
  /** Its own stream, so turning realism on changes no id, IP or fault decision of the world's. */
  rng: Rng
  buckets: Map<string, { tokens: number; at: number }>
  /** What each lagging resource looked like, and which of its changes readers do not see yet. */
  versions: Versions
  /** The current or next burst of 5xx answers. */
  burst?: { from: number; until: number }
}

/** The seed's own realism stream; a separate constant keeps it apart from the world's stream of the same seed. */
export const realismRng = (seed: number) => new Rng((seed ^ 0x5ea1) >>> 0)

export function createRealism(settings: RealismSettings, seed: number): RealismState {
  return { settings, rng: realismRng(seed), buckets: new Map(), versions: new Versions() }
}

/** Realism switched on with the defaults, the skew drawn from the seed. */
export function realismOn(seed: number, overrides: Partial<RealismSettings> = {}): RealismSettings {
  const skewMs = Math.round((realismRng(seed + 1).next() * 2 - 1) * MAX_SKEW_MS)
  return { ...REALISM_ON, skewMs, ...overrides }
}

const NUMBERS: Record<string, [min: number, max: number]> = {
  lagMs: [0, 60_000],
  propagationMs: [0, 60_000],
  burstEveryMs: [0, 86_400_000],
  burstMs: [0, 600_000],
  burstFailRate: [0, 1],
  resetRate: [0, 1],
  skewMs: [-3_600_000, 3_600_000]
}

/**
 * Settings from a control-API body or the CLI: `{ enabled: true }` for the defaults, any field to override.
 * Returns every problem at once, or the settings.
 */
export function parseRealism(
  body: Record<string, unknown>,
  current: RealismSettings,
  seed: number
): RealismSettings | string[] {
  const problems: string[] = []
  const { enabled, rates, throttling, dropPauseHookDetails, ...rest } = body
  const switches = { enabled, throttling, dropPauseHookDetails }
  for (const [key, value] of Object.entries(switches))
    if (value !== undefined && typeof value !== 'boolean') problems.push(`${key} must be true or false`)
  for (const [key, value] of Object.entries(rest)) {
    const range = NUMBERS[key]
    if (!range)
      problems.push(
        `unknown setting ${key}; known: ${Object.keys(switches).join(', ')}, rates, ${Object.keys(NUMBERS).join(', ')}`
      )
    else if (!(typeof value === 'number' && value >= range[0] && value <= range[1]))
      problems.push(`${key} must be a number ${range[0]}–${range[1]}, got ${JSON.stringify(value)}`)
  }
  if (rates !== undefined) problems.push(...rateProblems(rates))
  if (problems.length) return problems
  const base = enabled === true ? realismOn(seed) : enabled === false ? REALISM_OFF : current
  return {
    ...base,
    ...(rest as Partial<RealismSettings>),
    ...(throttling === undefined ? {} : { throttling: throttling as boolean }),
    ...(dropPauseHookDetails === undefined ? {} : { dropPauseHookDetails: dropPauseHookDetails as boolean }),
    rates: { ...base.rates, ...((rates as RealismSettings['rates'] | undefined) ?? {}) }
  }
}

function rateProblems(rates: unknown): string[] {
  if (!rates || typeof rates !== 'object' || Array.isArray(rates))
    return ['rates must be an object such as {"ecs:DescribeServices": {"burst": 100, "perSecond": 20}}']
  const problems: string[] = []
  for (const [name, rate] of Object.entries(rates)) {
    const { burst, perSecond } = (rate ?? {}) as Record<string, unknown>
    if (!/^(ecs|cloudwatch|elbv2):[A-Za-z]+$/.test(name))
      problems.push(`rates: ${name} must be service:Operation with service ecs, cloudwatch or elbv2`)
    if (!(typeof burst === 'number' && burst >= 1) || !(typeof perSecond === 'number' && perSecond >= 0))
      problems.push(`rates: ${name} needs burst ≥ 1 and perSecond ≥ 0`)
  }
  return problems
}

/**
 * The settings a text asks for (the SANDBOX_REALISM variable, the CLI's --realism): unset, '', '0' or 'off' =
 * off; '1' or 'on' = on; a JSON object = on with those settings overriding the defaults.
 */
export function realismFromText(
  value: string | undefined,
  seed: number,
  source = 'SANDBOX_REALISM'
): RealismSettings | string[] {
  if (value === undefined || ['', '0', 'off', 'false'].includes(value)) return REALISM_OFF
  if (['1', 'on', 'true'].includes(value)) return realismOn(seed)
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    parsed = undefined
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    return [`${source} must be on, off or a JSON object of settings such as {"lagMs":1000}, got ${value}`]
  const settings = parseRealism({ enabled: true, ...parsed }, REALISM_OFF, seed)
  return Array.isArray(settings) ? settings.map(problem => `${source}: ${problem}`) : settings
}
