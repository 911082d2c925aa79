// RecordPort on the service's tags: the rollout record lives where any later run will look for it.

import { TagResourceCommand, UntagResourceCommand, type ECSClient, type Tag } from '@aws-sdk/client-ecs'
import { decodeRecord, encodeRecord, type RecordPort, type RolloutRecord } from '../record/record.js'
import { tagList, tagRecord } from './tags.js'

export interface RecordStoreOptions {
  ecs: ECSClient
  serviceArn: string
}

export class RecordStore implements RecordPort {
  constructor(private readonly o: RecordStoreOptions) {}

  async save(record: RolloutRecord): Promise<void> {
    const encoded = Object.entries(encodeRecord(record))
    const set = encoded.filter(([, value]) => value !== '')
    // A field that became empty is removed, every time: another run (a control run's request) may have
    // written it since this one last looked.
    const cleared = encoded.filter(([, value]) => value === '').map(([key]) => key)
    const resourceArn = this.o.serviceArn
    await this.o.ecs.send(new TagResourceCommand({ resourceArn, tags: tagList(Object.fromEntries(set)) }))
    if (cleared.length) await this.o.ecs.send(new UntagResourceCommand({ resourceArn, tagKeys: cleared }))
  }
}

/** The rollout record kept in a service's tags, as DescribeServices or ListTagsForResource return them. */
export function loadRecord(tags: Tag[] | undefined): RolloutRecord | undefined {
  return decodeRecord(tagRecord(tags))
}
