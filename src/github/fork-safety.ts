// A pull_request_target run has the base repository's secrets and a write token, and runs for pull requests
// from forks too. Deploying a fork's code from there lets whoever wrote it run anything with those secrets
// (a "pwn request"), so deploy and preview refuse, before changing anything, unless allow-fork says otherwise.

import * as core from '@actions/core'
import type { Config } from '../config/types.js'
import { InputError, show } from '../config/parse.js'
import type { GitHubContext } from './context.js'

/** Throws when this is a pull_request_target run for a fork's pull request and allow-fork is false. */
export function checkForkSafety(config: Pick<Config, 'allowFork'>, context: GitHubContext): void {
  const pr = context.payload.pull_request
  if (context.eventName !== 'pull_request_target' || !pr) return
  const base = pr.base.repo?.full_name
  // A deleted fork leaves head.repo null: where the code came from is unknown, which is no better.
  const head = pr.head.repo?.full_name
  if (head !== undefined && head === base) return
  const from = head === undefined ? 'a deleted fork' : `the fork ${show(head)}`
  if (config.allowFork) {
    core.warning(
      `Deploying pull request #${pr.number} from ${from} in a pull_request_target run, because allow-fork is true: its code runs with this repository's secrets`
    )
    return
  }
  throw new InputError(
    'allow-fork',
    `is false, and this pull_request_target run is for pull request #${pr.number} from ${from}. ` +
      `pull_request_target runs with this repository's secrets and a write token, so deploying the fork's code ` +
      `from here would hand them to whoever wrote it. Build in a pull_request workflow (no secrets), and deploy ` +
      `from a workflow_run workflow that treats the build's artifacts as data (see examples/preview.yml in ` +
      `ecs-rollout). Set allow-fork: true only if a person reviews every such pull request before this runs.`
  )
}
