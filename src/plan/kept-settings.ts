// The service's own deploymentConfiguration values that a native rollout overwrites (strategy, bakes, linear and
// canary configuration: hold-hook.ts OWNED_FIELDS), written as one ECS tag value so the rollout record keeps them
// on the service (record.ts `settings`), where any later run finds them to put them back. The action's pause hook
// carries them too (hookDetails.before), but the ECS API reference says hookDetails "is not used for PAUSE hooks",
// so whether ECS keeps it there is not something to rely on; tags it keeps. Pure.
//
// Words "key=value" separated by spaces: tag values allow only letters, digits, spaces and + - = . _ : / @, and
// at most 256 characters. Nested fields are dotted; the usual ones have short names.

import { OWNED_FIELDS, type OwnedValues } from './hold-hook.js'

const TAG_VALUE_MAX = 256

const SHORT: Record<string, string> = {
  strategy: 's',
  bakeTimeInMinutes: 'b',
  'linearConfiguration.stepPercent': 'lp',
  'linearConfiguration.stepBakeTimeInMinutes': 'lb',
  'canaryConfiguration.canaryPercent': 'cp',
  'canaryConfiguration.canaryBakeTimeInMinutes': 'cb'
}
const LONG = Object.fromEntries(Object.entries(SHORT).map(([long, short]) => [short, long]))

/** A value a tag can hold and give back with its type: a number, true/false, or a word that is neither. */
const WORD = /^[A-Za-z0-9+\-._:/@]+$/
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/

/**
 * The values as one tag value, or undefined when they cannot be (a value with characters a tag cannot hold, a
 * list, more than 256 characters): the caller refuses before anything changes.
 * {strategy: ROLLING}                                             → "s=ROLLING"
 * {strategy: CANARY, bakeTimeInMinutes: 5,
 *  canaryConfiguration: {canaryPercent: 2.5, canaryBakeTimeInMinutes: 3}} → "s=CANARY b=5 cp=2.5 cb=3"
 * {}                                                              → "-" (it had set none: a tag needs a value)
 * {strategy: "A B"}                                               → undefined
 */
export function encodeSettings(values: OwnedValues): string | undefined {
  const words: string[] = []
  for (const field of OWNED_FIELDS) {
    const value = values[field]
    if (value === undefined) continue
    const flat =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value).map(([k, v]) => [`${field}.${k}`, v] as const)
        : [[field, value] as const]
    for (const [key, v] of flat) {
      const text = scalar(v)
      if (text === undefined) return undefined
      if (v !== undefined) words.push(`${SHORT[key] ?? key}=${text}`)
    }
  }
  const encoded = words.join(' ') || '-'
  return encoded.length <= TAG_VALUE_MAX ? encoded : undefined
}

/**
 * The values back from encodeSettings' text; undefined for none (a record of an older version, or of a rollout
 * that changed no settings of ECS's).
 * "s=CANARY b=5 cp=2.5 cb=3" → {strategy: CANARY, bakeTimeInMinutes: 5, canaryConfiguration: {2.5, 3}}
 * "-"                        → {}
 * undefined                  → undefined
 */
export function decodeSettings(text: string | undefined): OwnedValues | undefined {
  if (text === undefined) return undefined
  const values: Record<string, unknown> = {}
  for (const word of text.split(' ').filter(w => w.includes('='))) {
    const at = word.indexOf('=')
    const key = LONG[word.slice(0, at)] ?? word.slice(0, at)
    const raw = word.slice(at + 1)
    const value = NUMBER.test(raw) ? Number(raw) : raw === 'true' ? true : raw === 'false' ? false : raw
    const [field, sub] = key.split('.')
    if (sub === undefined) values[field] = value
    else values[field] = { ...(values[field] as object | undefined), [sub]: value }
  }
  return values as OwnedValues
}

function scalar(value: unknown): string | undefined {
  if (value === undefined) return ''
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return String(value)
  if (typeof value === 'string' && WORD.test(value) && !NUMBER.test(value) && !/^(true|false)$/.test(value))
    return value
  return undefined
}
