// Reading one's own write back through an eventually consistent read (ECS and ELBv2 Describe*): a read right
// after a write may still show the resource as it was, so it is read again, backing off, until it shows the
// write or READ_LAG_MS has passed.

import { READ_LAG_MS } from '../constants.js'
import type { Clock } from '../engine/ports.js'

/** The first read-back after a write; later ones wait twice as long each, up to MAX_GAP_MS. */
const FIRST_GAP_MS = 200
const MAX_GAP_MS = 2000

/** Reads until `done` holds or READ_LAG_MS has passed; the last read. */
export async function readBack<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  clock: Clock
): Promise<T> {
  const deadline = clock.now() + READ_LAG_MS
  for (let gap = FIRST_GAP_MS; ; gap = Math.min(2 * gap, MAX_GAP_MS)) {
    const value = await read()
    if (done(value) || clock.now() >= deadline) return value
    await clock.sleep(Math.min(gap, Math.max(0, deadline - clock.now())))
  }
}
