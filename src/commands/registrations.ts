// One registration per family and region: when a run rolls several services out (services), the first of a
// region to get there registers (or resolves) the revision and every other service there rolls out the same ARN.

import { clientRegion } from '../aws/clients.js'
import type { ResolvedTaskDefinition } from '../aws/task-definition.js'
import type { SessionDeps } from './session-deps.js'

/** `resolve()`, shared by every service of the run in the same region asking for the same `what`. */
export async function once(
  deps: SessionDeps,
  what: string,
  resolve: () => Promise<ResolvedTaskDefinition>
): Promise<ResolvedTaskDefinition> {
  if (!deps.registrations) return resolve()
  const key = `${await clientRegion(deps.clients)} ${what}`
  let shared = deps.registrations.get(key)
  if (!shared) {
    shared = resolve()
    deps.registrations.set(key, shared)
  }
  return shared
}
