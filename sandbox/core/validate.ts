import { ApiError } from './errors.js'

// Wire input is untrusted: SDK types describe what a well-behaved client sends, these helpers check it.
export type MissingError = (name: string) => ApiError
export type InvalidError = (message: string) => ApiError

export function requireString(value: unknown, name: string, missing: MissingError): string {
  if (value === undefined || value === null || value === '') throw missing(name)
  if (typeof value !== 'string') throw missing(name)
  return value
}

export function optionalNumber(value: unknown, name: string, invalid: InvalidError): number | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(n)) throw invalid(`Invalid value for ${name}: ${String(value)}`)
  return n
}

export function optionalInteger(value: unknown, name: string, invalid: InvalidError): number | undefined {
  const n = optionalNumber(value, name, invalid)
  if (n !== undefined && !Number.isInteger(n)) throw invalid(`${name} must be an integer.`)
  return n
}

export function optionalBoolean(value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined
  return value === true || value === 'true'
}

export function list<T>(value: T[] | undefined | null | ''): T[] {
  return Array.isArray(value) ? value : []
}

/** Epoch seconds (JSON protocols) or ISO 8601 strings (query protocols). */
export function toDate(value: unknown, name: string, invalid: InvalidError): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (value instanceof Date) return value
  if (typeof value === 'number') return new Date(value * 1000)
  if (typeof value === 'string') {
    const asNumber = Number(value)
    const date = Number.isFinite(asNumber) ? new Date(asNumber * 1000) : new Date(value)
    if (!Number.isNaN(date.getTime())) return date
  }
  throw invalid(`Invalid timestamp for ${name}: ${String(value)}`)
}
