import { ecsErrors } from '../core/errors.js'

/** ECS-style pagination: the token is an opaque offset into a stable, sorted list. */
export function page<T>(
  all: T[],
  maxResults: number | undefined,
  token: string | undefined,
  limit: number,
  defaultSize = limit
): { items: T[]; nextToken?: string } {
  const size = maxResults ?? defaultSize
  if (!Number.isInteger(size) || size < 1 || size > limit) {
    throw ecsErrors.invalidParameter(`maxResults must be between 1 and ${limit}.`)
  }
  let start = 0
  if (token) {
    start = Number(Buffer.from(token, 'base64url').toString())
    if (!Number.isInteger(start) || start < 0) throw ecsErrors.invalidParameter('Invalid nextToken.')
  }
  const items = all.slice(start, start + size)
  const next = start + size < all.length ? Buffer.from(String(start + size)).toString('base64url') : undefined
  return { items, nextToken: next }
}
