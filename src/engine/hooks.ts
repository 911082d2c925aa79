// The lifecycle hooks as the engine sees them: a port the hook runner (src/hooks) implements.

import type { FailureReason } from './events.js'

export type HookName = 'pre-traffic' | 'post-step' | 'post-deploy' | 'on-rollback'

/** The lifecycle hooks, as the engine runs them. */
export interface Hooks {
  /** Runs a lifecycle hook; resolves with a failure reason, or undefined when it passed. */
  run(name: HookName, context: HookContext): Promise<FailureReason | undefined>
  /** Once per rollback, before the new revision's tasks start to go: test traffic follows production back. */
  leavingNew?(): Promise<void>
}

export interface HookContext {
  step: number
  trafficPercent: number
  /** Read between attempts of a hook in progress (exit 75): a failed gate ends the wait. */
  interrupt?: () => Promise<FailureReason | undefined>
}
