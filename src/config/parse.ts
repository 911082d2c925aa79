// Parsers for the textual forms the inputs accept. Each throws an InputError that names the input, shows the
// value (quoted, control characters escaped, long values cut) and says what is allowed.

/** A task count given either as an absolute number or as a share of the desired count. */
export type Quantity = { kind: 'count'; value: number } | { kind: 'percent'; value: number }

export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string
  ) {
    super(`${input}: ${message}`)
    this.name = 'InputError'
  }
}

const SHOWN_MAX = 80

/** Quotes a value for an error message so newlines, ANSI escapes and huge values cannot forge log lines. */
export function show(value: string): string {
  const cut = value.length > SHOWN_MAX ? `${value.slice(0, SHOWN_MAX)}…` : value
  const escaped = JSON.stringify(cut).slice(1, -1)
  const suffix = value.length > SHOWN_MAX ? ` (${value.length} characters)` : ''
  return `"${escaped}"${suffix}`
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }
const DURATION = /^(?:(\d+(?:\.\d+)?)(ms|s|m|h))+$/
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g

/** "500ms", "30s", "5m", "1h", "1h30m" or "0" → milliseconds. */
export function parseDuration(input: string, raw: string, opts: { min?: number; max?: number } = {}): number {
  const value = raw.trim()
  let ms: number
  if (value === '0') ms = 0
  else if (DURATION.test(value)) {
    ms = 0
    for (const [, n, unit] of value.matchAll(DURATION_PART)) ms += Number(n) * DURATION_UNITS[unit]
    ms = Math.round(ms)
  } else {
    throw new InputError(
      input,
      `${show(raw)} is not a duration: use a number with a unit, e.g. 500ms, 30s, 5m, 1h or 1h30m`
    )
  }
  if (opts.min !== undefined && ms < opts.min)
    throw new InputError(input, `${show(raw)} is too short: the minimum is ${formatDuration(opts.min)}`)
  if (opts.max !== undefined && ms > opts.max)
    throw new InputError(input, `${show(raw)} is too long: the maximum is ${formatDuration(opts.max)}`)
  return ms
}

/** Milliseconds → the shortest readable form, the inverse of parseDuration for whole units ("1h30m"). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s'
  if (ms < 1000) return `${Math.round(ms)}ms`
  let rest = Math.round(ms / 1000)
  const h = Math.floor(rest / 3600)
  rest -= h * 3600
  const m = Math.floor(rest / 60)
  const s = rest - m * 60
  return [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].join('') || '0s'
}

const INTEGER = /^\d+$/
const DECIMAL = /^\d+(?:\.\d+)?$/

/** A whole number within [min, max]. */
export function parseCount(input: string, raw: string, min: number, max: number): number {
  const value = raw.trim()
  if (!INTEGER.test(value) || Number(value) < min || Number(value) > max)
    throw new InputError(input, `${show(raw)} is not a whole number between ${min} and ${max}`)
  return Number(value)
}

/** "10" or "10%" → 10, within [min, max]; decimals allowed (ECS accepts a 0.1 % canary). */
export function parsePercent(input: string, raw: string, min: number, max: number): number {
  const value = raw.trim().replace(/%$/, '')
  if (!DECIMAL.test(value) || Number(value) < min || Number(value) > max)
    throw new InputError(input, `${show(raw)} is not a percentage between ${min} and ${max}`)
  return Number(value)
}

/** "2" (tasks) or "20%" (of the desired count). */
export function parseQuantity(input: string, raw: string, opts: { allowZero: boolean }): Quantity {
  const value = raw.trim()
  const min = opts.allowZero ? 0 : 1
  const allowed = `a task count (e.g. 2) or a percentage of the desired count (e.g. 20%)${opts.allowZero ? '' : ' above 0'}`
  if (value.endsWith('%')) {
    const n = value.slice(0, -1)
    if (DECIMAL.test(n) && Number(n) >= min && Number(n) <= 100) return { kind: 'percent', value: Number(n) }
    throw new InputError(input, `${show(raw)} is not ${allowed}; percentages go from ${min}% to 100%`)
  }
  if (INTEGER.test(value) && Number(value) >= min && Number(value) <= 100_000)
    return { kind: 'count', value: Number(value) }
  throw new InputError(input, `${show(raw)} is not ${allowed}`)
}

/** One of a fixed set of words; the error lists them. */
export function parseEnum<T extends string>(input: string, raw: string, allowed: readonly T[]): T {
  const value = raw.trim().toLowerCase()
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new InputError(input, `${show(raw)} is not one of: ${allowed.join(', ')}`)
}

/** "true"/"false" in the spellings YAML users write. */
export function parseBoolean(input: string, raw: string): boolean {
  const value = raw.trim().toLowerCase()
  if (value === 'true') return true
  if (value === 'false') return false
  throw new InputError(input, `${show(raw)} is not true or false`)
}

/** Items separated by commas and/or newlines; blanks dropped. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(s => s.length > 0)
}

/** A quantity resolved against the desired count; percentages round up for surge and down for unavailable. */
export function resolveQuantity(q: Quantity, desired: number, round: 'up' | 'down'): number {
  if (q.kind === 'count') return q.value
  const exact = (desired * q.value) / 100
  // Guard against 0.1 + 0.2 style noise so 30% of 10 is 3, not ceil(3.0000000000000004) = 4.
  const cleaned = Math.round(exact * 1e9) / 1e9
  return round === 'up' ? Math.ceil(cleaned) : Math.floor(cleaned)
}
