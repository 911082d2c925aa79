import type { Output, Status } from '../constants.js'

/** What a command hands back to main: the status, the summary to write and any further outputs. */
export interface Outcome {
  status: Status
  /** The whole job summary (HTML); written with overwrite. */
  summary: string
  outputs: Partial<Record<Output, string>>
  /** Set when the run must fail the step: the reason, written for a person. */
  failure?: string
}
