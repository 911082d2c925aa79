// RecordPort on the service's tags: the rollout record lives where any later run will look for it.

import {
  DescribeServicesCommand,
  type DescribeServicesCommandOutput,
  TagResourceCommand,
  UntagResourceCommand,
  type ECSClient,
  type Tag
} from '@aws-sdk/client-ecs'
import {
  decodeRecord,
  encodeRecord,
  TAG_PREFIX,
  type RecordPort,
  type RolloutRecord
} from '../record/record.js'
import type { SharedRead } from './shared-reads.js'
import { tagList, tagRecord } from './tags.js'

export interface RecordStoreOptions {
  ecs: ECSClient
  serviceArn: string
  /** The service's cluster, for reading the record back (the default cluster when absent). */
  cluster?: string
  /** Several services in one run: the record is read back through their shared reader. */
  shared?: SharedRead<DescribeServicesCommandOutput>
}

/** The fields another run writes while this one owns the rollout: a control run's request. */
const SHARED = new Set([`${TAG_PREFIX}request`, `${TAG_PREFIX}request-by`])

export class RecordStore implements RecordPort {
  /** Fields this store removed and has not written since: nobody else writes them, so they are still gone. */
  private removed = new Set<string>()

  constructor(private readonly o: RecordStoreOptions) {}

  async save(record: RolloutRecord): Promise<void> {
    const encoded = Object.entries(encodeRecord(record))
    const set = encoded.filter(([, value]) => value !== '')
    // A field that became empty is removed. A control run's request is removed every time it is cleared: that
    // run may have written it since this one last looked. Any other field only once: a heartbeat that changes
    // nothing else costs one call, not two.
    const cleared = encoded
      .filter(([key, value]) => value === '' && (SHARED.has(key) || !this.removed.has(key)))
      .map(([key]) => key)
    const resourceArn = this.o.serviceArn
    for (const [key] of set) this.removed.delete(key)
    await this.o.ecs.send(new TagResourceCommand({ resourceArn, tags: tagList(Object.fromEntries(set)) }))
    if (cleared.length) {
      await this.o.ecs.send(new UntagResourceCommand({ resourceArn, tagKeys: cleared }))
      for (const key of cleared) this.removed.add(key)
    }
  }

  // DescribeServices with its tags, as a look reads them: the permission every run has already (not
  // ecs:ListTagsForResource, which would be one more in the documented policy).
  async load(maxAgeMs = 0): Promise<{ record?: RolloutRecord; at?: number }> {
    const { cluster, serviceArn, shared } = this.o
    if (shared) {
      const { values, at } = await shared.take(maxAgeMs)
      return { record: loadRecord(values.get(shared.keys[0])?.services?.[0]?.tags), at }
    }
    const out = await this.o.ecs.send(
      new DescribeServicesCommand({ cluster, services: [serviceArn], include: ['TAGS'] })
    )
    return { record: loadRecord(out.services?.[0]?.tags) }
  }
}

/** The rollout record kept in a service's tags, as DescribeServices or ListTagsForResource return them. */
export function loadRecord(tags: Tag[] | undefined): RolloutRecord | undefined {
  return decodeRecord(tagRecord(tags))
}

/**
 * Writes some of the record's fields by their short names ("request", "stage"), leaving the others as the
 * owner wrote them: how a control run leaves a request, or pauses a rollout whose owner is gone.
 */
export async function writeRecordFields(
  ecs: ECSClient,
  serviceArn: string,
  fields: Record<string, string>
): Promise<void> {
  const tags = Object.fromEntries(Object.entries(fields).map(([k, v]) => [TAG_PREFIX + k, v]))
  await ecs.send(new TagResourceCommand({ resourceArn: serviceArn, tags: tagList(tags) }))
}
