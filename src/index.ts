import * as core from '@actions/core'
import { run } from './main.js'

// run() reports its own failures; this catches only a failure to report (e.g. an unwritable output file).
await run().catch((error: unknown) =>
  core.setFailed(`ecs-rollout could not report its result: ${String(error)}`)
)
