// FleetPort for a service with the EXTERNAL deployment controller: the stable and the new revision are two
// task sets of one service, and a move between steps is a change of their PERCENT scales.
// DescribeServices and DescribeTaskSets are eventually consistent: right after an UpdateTaskSet they may still
// show the task set as it was, even as it was two writes ago (scaled back to where it had been, steady and
// running: a rollback would take that for its stable revision restored). The fleet carries each write's scale
// and the task set's updatedAt from the write's own answer (AWS's clock, so runner skew does not matter), and a
// read with an older updatedAt is neither taken for a step reached (the set shows on its way to the scale
// written, not steady) nor a reason to skip or repeat a write.

import { createHash } from 'node:crypto'
import {
  CreateTaskSetCommand,
  DeleteTaskSetCommand,
  DescribeTaskSetsCommand,
  UpdateServicePrimaryTaskSetCommand,
  UpdateTaskSetCommand,
  type CreateTaskSetRequest,
  type ECSClient,
  type LoadBalancer,
  type Service,
  type TaskSet
} from '@aws-sdk/client-ecs'
import type { FleetObservation, FleetPort, RevisionState } from '../engine/ports.js'
import type { Counts } from '../plan/types.js'
import { TAG_PREFIX, tagValue } from '../record/record.js'
import { FailedTasks } from './failed-tasks.js'
import { computedCount, scalePercent } from './scale.js'
import { describeService, describeServiceRead, type SharedService } from './service.js'
import { RECENT_MS } from './shared-reads.js'
import { tagRecord } from './tags.js'

export interface TaskSetFleetOptions {
  ecs: ECSClient
  cluster: string
  service: string
  /** Task definition ARNs, as task sets report them. */
  newTaskDefinition: string
  stableTaskDefinition?: string
  rolloutId: string
  /** Base of CreateTaskSet's idempotency token: a retry or a re-run with the same base creates no second set. */
  clientToken: string
  /** The new task set's load balancers when it serves its own target group (traffic by weights). */
  newLoadBalancers?: LoadBalancer[]
  /** Several services in one run: a detailed look takes the run's shared read of the service (services-batch.ts). */
  shared?: SharedService
}

type Which = 'new' | 'stable'

const CLIENT_TOKEN = /^[\x21-\x7e]{1,36}$/
// externalId has no documented limit; it becomes a Cloud Map attribute (1024) and is shown in the console.
const EXTERNAL_ID_MAX = 255

export class TaskSetFleet implements FleetPort {
  private readonly externalId: string
  private readonly failed: FailedTasks
  /** From the last detailed observation: quick ones (DescribeTaskSets) do not return it. */
  private desiredCount?: number
  /** The scale this run last wrote to each task set (by ARN), and when ECS applied it (its updatedAt). */
  private readonly written = new Map<string, { value: number; at?: number }>()
  /** The task set this run last made primary. */
  private primaryWritten?: string
  /** The new task set this run created, as CreateTaskSet answered (a lagging read may not show it yet). */
  private createdNew?: string

  constructor(private readonly o: TaskSetFleetOptions) {
    this.externalId = `${TAG_PREFIX}${o.rolloutId}`.slice(0, EXTERNAL_ID_MAX)
    this.failed = new FailedTasks(o.ecs, o.cluster)
  }

  async observe(detail: boolean): Promise<FleetObservation> {
    if (!detail && this.desiredCount !== undefined)
      return this.observation(await this.taskSets(), this.desiredCount)
    const { found: service, at } = await describeServiceRead(
      this.o.ecs,
      this.o.cluster,
      this.o.service,
      this.o.shared
    )
    this.desiredCount = service.desiredCount ?? 0
    const observation = this.observation(service.taskSets ?? [], this.desiredCount)
    const fresh = observation.new
    if (fresh && (fresh.running < fresh.desired || !fresh.steady)) {
      await this.failed.collect(fresh.id)
      observation.failedNewTasks = this.failed.list()
    }
    return { ...observation, tags: tagRecord(service.tags), readAt: at }
  }

  async ensureNew(): Promise<void> {
    // A read of the service as it is now: whether the new task set is there decides a creation.
    const shared = this.o.shared && { ...this.o.shared, maxAgeMs: RECENT_MS }
    const service = await describeService(this.o.ecs, this.o.cluster, this.o.service, shared)
    if (this.find(service.taskSets ?? []).new) return
    await this.create(service)
  }

  /** A shared read sent before this run's last change to the service is not taken for a look after it. */
  private wrote(): void {
    this.o.shared?.read.wrote()
  }

  /** CreateTaskSet of the new revision at scale 0; its clientToken makes a repeated call return the same set. */
  private async create(service: Service): Promise<void> {
    const sets = service.taskSets ?? []
    // The new task set runs where and how the serving one does; a first task set takes the service's own.
    const from = sets.find(s => s.status === 'PRIMARY') ?? service
    const capacity: Partial<CreateTaskSetRequest> = from.capacityProviderStrategy?.length
      ? { capacityProviderStrategy: from.capacityProviderStrategy }
      : { launchType: from.launchType }
    const created = await this.o.ecs.send(
      new CreateTaskSetCommand({
        cluster: this.o.cluster,
        service: this.o.service,
        taskDefinition: this.o.newTaskDefinition,
        externalId: this.externalId,
        ...capacity,
        platformVersion: from.platformVersion,
        networkConfiguration: from.networkConfiguration,
        loadBalancers: this.o.newLoadBalancers ?? from.loadBalancers,
        serviceRegistries: from.serviceRegistries,
        scale: { value: 0, unit: 'PERCENT' },
        clientToken: clientToken(this.o.clientToken, 'create-new'),
        tags: [
          { key: `${TAG_PREFIX}rollout-id`, value: tagValue(this.o.rolloutId) },
          { key: `${TAG_PREFIX}role`, value: 'new' }
        ]
      })
    )
    this.createdNew = created.taskSet?.taskSetArn
    this.wrote()
  }

  async scale(target: Counts, desiredCount: number): Promise<void> {
    // With no task wanted at all every scale runs zero tasks: keep the shares the task sets have.
    if (desiredCount === 0) return
    const found = this.find(await this.taskSets())
    const changes = (['new', 'stable'] as const).flatMap(which => {
      const set = found[which]
      if (!set) {
        if (target[which] > 0) throw new Error(`the ${which} revision has no task set to scale`)
        return []
      }
      const value = scalePercent(target[which], desiredCount)
      const delta = value - this.scaleOf(set)
      return delta === 0 ? [] : [{ set, value, delta }]
    })
    // Shrinking first, as the planner's moves are built (src/plan/moves.ts): a move that stops some tasks and
    // starts others fits under the ceiling (desired + max-surge) only once the stops are asked for. Growing
    // first would, between the two calls, ask ECS for the tasks of both sides and briefly overshoot it (a
    // fifth task with desired 4 and max-surge 0). Stopping first costs no healthy capacity the move has not
    // already accounted for: the tasks being started are not healthy yet either way.
    for (const { set, value } of changes.sort((a, b) => a.delta - b.delta)) {
      const out = await this.o.ecs.send(
        new UpdateTaskSetCommand({
          cluster: this.o.cluster,
          service: this.o.service,
          taskSet: set.taskSetArn,
          scale: { value, unit: 'PERCENT' }
        })
      )
      if (set.taskSetArn) this.written.set(set.taskSetArn, { value, at: out?.taskSet?.updatedAt?.getTime() })
      this.wrote()
    }
  }

  /** A task set's scale: as this run last wrote it, else as read. */
  private scaleOf(set: TaskSet): number {
    const written = set.taskSetArn ? this.written.get(set.taskSetArn) : undefined
    return written?.value ?? set.scale?.value ?? 0
  }

  async makePrimary(which: Which): Promise<void> {
    const set = this.find(await this.taskSets())[which]
    if (!set) throw new Error(`the ${which} revision has no task set to make primary`)
    // A read that shows it primary may predate this run making the other one primary.
    const primary = this.primaryWritten ?? (set.status === 'PRIMARY' ? set.taskSetArn : undefined)
    if (primary === set.taskSetArn) return
    await this.o.ecs.send(
      new UpdateServicePrimaryTaskSetCommand({
        cluster: this.o.cluster,
        service: this.o.service,
        primaryTaskSet: set.taskSetArn
      })
    )
    this.primaryWritten = set.taskSetArn
    this.wrote()
  }

  async remove(which: Which): Promise<void> {
    // A read that lags may not show the task set this run created yet: it is removed by the ARN ECS answered.
    const arn =
      this.find(await this.taskSets())[which]?.taskSetArn ?? (which === 'new' ? this.createdNew : undefined)
    if (!arn) return
    try {
      // force: the engine removes a task set once the other carries the load, whether or not ECS has
      // finished scaling this one in.
      await this.o.ecs.send(
        new DeleteTaskSetCommand({
          cluster: this.o.cluster,
          service: this.o.service,
          taskSet: arn,
          force: true
        })
      )
    } catch (error) {
      if ((error as Error).name !== 'TaskSetNotFoundException') throw error
    }
    this.wrote()
  }

  private async taskSets(): Promise<TaskSet[]> {
    const out = await this.o.ecs.send(
      new DescribeTaskSetsCommand({ cluster: this.o.cluster, service: this.o.service })
    )
    return out.taskSets ?? []
  }

  /** The two revisions' task sets; DRAINING ones are on their way out and no longer count. */
  private find(sets: TaskSet[]): Partial<Record<Which, TaskSet>> {
    const live = sets.filter(s => s.status !== 'DRAINING')
    const { newTaskDefinition, stableTaskDefinition } = this.o
    // Ours by externalId; by task definition too (a set of the same revision that no rollout made), unless the
    // stable revision has that task definition as well. Never another rollout's: a lagging read may still show
    // one that a rollback of that rollout has just deleted.
    const othersRollout = (s: TaskSet) =>
      s.externalId?.startsWith(TAG_PREFIX) && s.externalId !== this.externalId
    const fresh =
      live.find(s => s.externalId === this.externalId) ??
      (newTaskDefinition === stableTaskDefinition
        ? undefined
        : live.find(s => s.taskDefinition === newTaskDefinition && !othersRollout(s)))
    const others = live.filter(s => s !== fresh)
    const stable =
      others.find(s => s.taskDefinition === stableTaskDefinition) ??
      others.find(s => s.status === 'PRIMARY') ??
      others[0]
    return { new: fresh, stable }
  }

  private observation(sets: TaskSet[], desiredCount: number): FleetObservation {
    const found = this.find(sets)
    return {
      desiredCount,
      new: found.new && this.revision(found.new, desiredCount),
      stable: found.stable && this.revision(found.stable, desiredCount),
      failedNewTasks: this.failed.list()
    }
  }

  /** A read from before this run's last write to the set shows it on its way to the scale written, not there. */
  private revision(set: TaskSet, desiredCount: number): RevisionState {
    const state = revision(set, desiredCount)
    const written = set.taskSetArn ? this.written.get(set.taskSetArn) : undefined
    if (!written) return state
    // Without updatedAt (an emulator), a different scale is the only sign of an older read.
    const read = set.updatedAt?.getTime()
    const older =
      written.at !== undefined && read !== undefined ? read < written.at : set.scale?.value !== written.value
    if (!older) return state
    // Shrunk by that write, the set is stopping the tasks above it: counted as capacity, they would let the next
    // move (a rollback's, say) take the service below its floor.
    const desired = computedCount(desiredCount, written.value)
    return { ...state, desired, running: Math.min(state.running, desired), steady: false }
  }
}

function revision(set: TaskSet, desiredCount: number): RevisionState {
  const desired = set.computedDesiredCount ?? computedCount(desiredCount, set.scale?.value ?? 0)
  const steadyState = set.stabilityStatus === 'STEADY_STATE'
  // Emulators such as moto report no counts, only STEADY_STATE: by ECS's definition that means all running.
  const running = set.runningCount ?? (steadyState ? desired : 0)
  const pending = set.pendingCount ?? 0
  return {
    taskDefinition: set.taskDefinition ?? '',
    id: set.id ?? '',
    desired,
    running,
    pending,
    steady: steadyState && running === desired && pending === 0,
    primary: set.status === 'PRIMARY'
  }
}

/** A token ECS accepts (1–36 printable ASCII characters), the same for the same base and purpose. */
function clientToken(base: string, purpose: string): string {
  const token = `${base}-${purpose}`
  return CLIENT_TOKEN.test(token) ? token : createHash('sha256').update(token).digest('hex').slice(0, 36)
}
