// A listener's or rule's new actions reach the load balancer's nodes only after a propagation delay: until then
// traffic follows the actions it had before, while the API already answers with the new ones.
import type { World } from '../core/world.js'
import { entryPoints, type EntryPoint } from '../elbv2/usage.js'

const key = (entry: EntryPoint) => `route:${entry.ruleArn}`

/** Note each entry point's current actions, so a change is timed from the write or step that made it. */
export function captureRoutes(world: World, keys: Set<string>): void {
  if (world.realism.settings.propagationMs <= 0) return
  const now = world.now()
  for (const entry of entryPoints(world)) {
    observe(world, entry, now)
    keys.add(key(entry))
  }
}

function observe(world: World, entry: EntryPoint, now: number): void {
  const { versions, rng, settings } = world.realism
  versions.observe(key(entry), entry.actions, now, () => rng.next() * settings.propagationMs)
}

/** The entry points as the traffic sees them: each with the actions that have reached the load balancer. */
export function servedEntryPoints(world: World, now: number): EntryPoint[] {
  const entries = entryPoints(world)
  if (world.realism.settings.propagationMs <= 0) return entries
  return entries.map(entry => {
    observe(world, entry, now)
    const served = world.realism.versions.visible(key(entry), now) as EntryPoint['actions'] | undefined
    return served ? { ...entry, actions: served } : entry
  })
}
