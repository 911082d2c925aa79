// The owner's fence (src/engine/fence.ts) when the record is read through reads several services share: a read
// another service's look sent counts from when it was sent, so every act still follows a read showing the record
// as this run's by less than FENCE_MS.

import { describe, expect, it } from '@jest/globals'
import { FENCE_MS, FENCE_SHARED_MS, OwnerFence, TakenOver } from '../../src/engine/fence.js'
import type { RecordPort, RolloutRecord } from '../../src/record/record.js'
import { FakeClock } from '../helpers/fake-world.js'

const OWN = { id: 'r-1', heartbeat: 100, startedAt: 50 }
const record = (over: Partial<RolloutRecord> = {}) =>
  ({ id: 'r-1', heartbeat: 100, ...over }) as RolloutRecord

function fence(answer: (maxAgeMs?: number) => { record?: RolloutRecord; at?: number }) {
  const clock = new FakeClock(10_000)
  const asked: (number | undefined)[] = []
  const records: RecordPort = {
    save: async () => undefined,
    load: async maxAgeMs => {
      asked.push(maxAgeMs)
      return answer(maxAgeMs)
    }
  }
  return { clock, asked, fence: new OwnerFence(records, clock, () => OWN) }
}

describe('the owner’s fence over shared reads', () => {
  it('asks for a read at most half FENCE_MS old, and counts a shared one from when it was sent', async () => {
    const { clock, asked, fence: f } = fence(() => ({ record: record(), at: clock.t - 400 }))
    await f.check()
    expect(asked).toEqual([FENCE_SHARED_MS])
    // Read 400 ms before the first check: it covers acts until 600 ms after it, not FENCE_MS.
    clock.t += FENCE_MS - 400 - 1
    await f.check()
    expect(asked).toHaveLength(1)
    clock.t += 1
    await f.check()
    expect(asked).toHaveLength(2)
  })

  it('counts a read of its own (no `at`) from the check, as before', async () => {
    const { clock, asked, fence: f } = fence(() => ({ record: record() }))
    await f.check()
    clock.t += FENCE_MS - 1
    await f.check()
    expect(asked).toHaveLength(1)
  })

  it("stops at another run's record, however it was read", async () => {
    const { clock, fence: f } = fence(() => ({
      record: record({ id: 'r-2', heartbeat: 200, owner: 'https://github.com/acme/shop/actions/runs/2' }),
      at: clock.t - 100
    }))
    await expect(f.check()).rejects.toBeInstanceOf(TakenOver)
  })
})
