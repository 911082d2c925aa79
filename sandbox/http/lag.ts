// Read-after-write lag of the reads ECS and ELB document as eventually consistent. Each lens knows where the
// resources sit in one read's answer and how to render every resource of its kind with the read's own handler,
// so the versions compared are exactly what a reader would get.
import { ApiError } from '../core/errors.js'
import type { Operation } from '../core/operation.js'
import type { World } from '../core/world.js'
import type { ServiceName } from '../control/services.js'
import { ecsOperations } from '../ecs/operations.js'
import { elbOperations } from '../elbv2/operations.js'

type Item = Record<string, unknown>

interface Placed {
  key: string
  put: (value: Item) => void
}

interface Lens {
  name: string
  service: ServiceName
  operation: string
  /** The resources in one answer of the read, keyed as `all` keys them. */
  placed: (input: Item, output: Item) => Placed[]
  /** Every resource of this kind, rendered by the read itself. */
  all: (world: World) => [string, Item][]
  /** The read returns tags only when asked (`include: ['TAGS']`); versions are rendered with them. */
  tagsOnRequest?: boolean
}

const regionOf = (arn: string) => arn.split(':')[3] ?? 'us-east-1'

/** Call a read handler as a client would; a resource that cannot be read is left out. */
function read(world: World, handler: Operation, arn: string, input: Item): Item | undefined {
  try {
    return handler({ world, region: regionOf(arn), now: world.now() }, input) as Item
  } catch (e) {
    if (e instanceof ApiError) return undefined
    throw e
  }
}

/** A lens over a read whose answer lists resources in `field`, each named by its `keyField`. */
function listed(
  name: string,
  service: ServiceName,
  operation: string,
  field: string,
  keyField: string,
  requests: (world: World) => [arn: string, input: Item][]
): Lens {
  const handler = (service === 'ecs' ? ecsOperations : elbOperations)[operation]
  return {
    name,
    service,
    operation,
    placed: (_input, output) => {
      const items = Array.isArray(output[field]) ? (output[field] as Item[]) : []
      return items.map((item, i) => ({ key: String(item[keyField]), put: v => (items[i] = v) }))
    },
    all: world =>
      requests(world).flatMap(([arn, input]) => {
        const items = (read(world, handler, arn, input)?.[field] ?? []) as Item[]
        return items.map(item => [String(item[keyField]), item] as [string, Item])
      })
  }
}

const liveServices = (world: World) => [...world.ecs.services.values()].filter(s => s.status !== 'INACTIVE')

/**
 * Services a reader may still see change: live ones, and INACTIVE ones until that last change has reached every
 * reader. Rendering every service ever deleted after every write and step would slow a long-lived sandbox down.
 */
const changingServices = (world: World) =>
  [...world.ecs.services.values()].filter(
    s => s.status !== 'INACTIVE' || world.now() - s.inactiveAt! <= world.realism.settings.lagMs
  )

const LENSES: Lens[] = [
  {
    ...listed('service', 'ecs', 'DescribeServices', 'services', 'serviceArn', world =>
      changingServices(world).map(s => [
        s.arn,
        { cluster: s.clusterArn, services: [s.arn], include: ['TAGS'] }
      ])
    ),
    tagsOnRequest: true
  },
  {
    ...listed('taskSet', 'ecs', 'DescribeTaskSets', 'taskSets', 'taskSetArn', world =>
      liveServices(world)
        .filter(s => s.controller === 'EXTERNAL' && s.taskSets.length > 0)
        .map(s => [s.arn, { cluster: s.clusterArn, service: s.arn, include: ['TAGS'] }])
    ),
    tagsOnRequest: true
  },
  listed(
    'serviceDeployment',
    'ecs',
    'DescribeServiceDeployments',
    'serviceDeployments',
    'serviceDeploymentArn',
    world =>
      liveServices(world).flatMap(s =>
        s.deployments
          .filter(d => d.serviceDeployment)
          .map(d => [d.arn, { serviceDeploymentArns: [d.arn] }] as [string, Item])
      )
  ),
  listed('listener', 'elbv2', 'DescribeListeners', 'Listeners', 'ListenerArn', world =>
    [...world.elb.listeners.values()].map(l => [l.arn, { ListenerArns: [l.arn] }])
  ),
  listed('rule', 'elbv2', 'DescribeRules', 'Rules', 'RuleArn', world => [
    ...[...world.elb.rules.values()].map(r => [r.arn, { RuleArns: [r.arn] }] as [string, Item]),
    ...[...world.elb.listeners.values()].map(
      l => [l.defaultRuleArn, { RuleArns: [l.defaultRuleArn] }] as [string, Item]
    )
  ]),
  {
    name: 'tags',
    service: 'ecs',
    operation: 'ListTagsForResource',
    placed: (input, output) => [{ key: String(input.resourceArn), put: v => (output.tags = v.tags) }],
    all: world =>
      [
        ...[...world.ecs.clusters.values()].map(c => c.arn),
        ...liveServices(world).flatMap(s => [s.arn, ...s.taskSets.map(ts => ts.arn)])
      ].flatMap(arn => {
        const out = read(world, ecsOperations.ListTagsForResource, arn, { resourceArn: arn })
        return out ? [[arn, out] as [string, Item]] : []
      })
  }
]

const lensOf = (service: ServiceName, operation: string) =>
  LENSES.find(l => l.service === service && l.operation === operation)

const drawLag = (world: World) => () => world.realism.rng.next() * world.realism.settings.lagMs

function capture(world: World, lens: Lens, now: number, keys?: Set<string>): void {
  const { versions } = world.realism
  for (const [key, value] of lens.all(world)) {
    versions.observe(`${lens.name}:${key}`, value, now, drawLag(world))
    keys?.add(`${lens.name}:${key}`)
  }
}

/** Note every lagging resource's current version: after each write and each simulation step. */
export function captureReads(world: World, keys: Set<string>): void {
  if (world.realism.settings.lagMs <= 0) return
  const now = world.now()
  for (const lens of LENSES) capture(world, lens, now, keys)
}

/**
 * The answer of a lagging read as a reader sees it: each resource whose latest change has not reached it yet
 * comes back as it was before. (Tags come along only when the read asked for them.)
 */
export function lagged(
  world: World,
  service: ServiceName,
  operation: string,
  input: Item,
  output: Item
): Item {
  const lens = lensOf(service, operation)
  if (!lens || world.realism.settings.lagMs <= 0) return output
  const now = world.now()
  capture(world, lens, now)
  for (const { key, put } of lens.placed(input, output)) {
    const seen = world.realism.versions.visible(`${lens.name}:${key}`, now) as Item | undefined
    if (!seen) continue
    if (lens.tagsOnRequest && !(Array.isArray(input.include) && input.include.includes('TAGS')))
      delete seen.tags
    put(seen)
  }
  return output
}

/** The operations whose answers lag. */
export const LAGGING_READS = LENSES.map(l => `${l.service}:${l.operation}`)
