import type { World } from '../core/world.js'
import type { TaskRecord } from '../ecs/model.js'
import { isHealthy } from './taskState.js'

/** Which tasks to stop first when scaling in: not-yet-healthy ones, then the newest. */
export function scaleInOrder(world: World, tasks: TaskRecord[]): TaskRecord[] {
  return [...tasks].sort((a, b) => {
    const ha = isHealthy(world, a) ? 1 : 0
    const hb = isHealthy(world, b) ? 1 : 0
    return ha - hb || +b.createdAt - +a.createdAt
  })
}

export const scalingReason = (ownerId: string) => `Scaling activity initiated by (deployment ${ownerId})`
