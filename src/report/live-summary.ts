// Keeps the job summary current: the whole summary is re-rendered from the events and written with overwrite
// whenever the rollout changes step, so a person watching the run sees where it is.

import { writeFileSync } from 'node:fs'
import type { EventSink, RolloutEvent } from '../engine/events.js'
import { renderSummary, type SummaryContext } from './summary.js'

const WORTH_WRITING = new Set<RolloutEvent['kind']>([
  'start',
  'step-start',
  'bake-start',
  'paused',
  'promoted',
  'rollback-start',
  'rollback-done',
  'end'
])

export class LiveSummary implements EventSink {
  readonly events: RolloutEvent[] = []

  constructor(
    private readonly context: SummaryContext,
    private readonly file = process.env.GITHUB_STEP_SUMMARY
  ) {}

  emit(event: RolloutEvent): void {
    this.events.push(event)
    if (this.file && WORTH_WRITING.has(event.kind)) {
      try {
        writeFileSync(this.file, this.render())
      } catch {
        // The final summary is written (and a failure reported) by main; a missed live update is harmless.
      }
    }
  }

  render(): string {
    return renderSummary(this.events, this.context)
  }
}

/** One sink that hands every event to several. */
export function fanOut(...sinks: EventSink[]): EventSink {
  return { emit: event => sinks.forEach(s => s.emit(event)) }
}
