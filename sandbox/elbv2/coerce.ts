import { elbErrors } from '../core/errors.js'
import { optionalBoolean, optionalInteger } from '../core/validate.js'

// The query protocol delivers every scalar as a string; these read the numeric and boolean members ELBv2 takes.
export const int = (value: unknown, name: string) => optionalInteger(value, name, elbErrors.validation)
export const bool = (value: unknown) => optionalBoolean(value)

export function intInRange(value: unknown, name: string, min: number, max: number): number | undefined {
  const n = int(value, name)
  if (n !== undefined && (n < min || n > max)) {
    throw elbErrors.validation(`${name} must be between ${min} and ${max}`)
  }
  return n
}
