// An input that the run's command, strategy or traffic mode does not use is ignored with a warning that names it
// and says what it is for, never a failure: a with: block copied from a sibling job (a deploy's, into the
// preview-destroy that cleans up after it) must not break the run. An ignored input counts as not given, so
// nothing downstream acts on it (a resume given step inputs replaces the rollout's strategy). Inputs that
// contradict each other stay errors (inputs.ts).

import type { InputName } from './input-defaults.js'
import { COMMANDS, type Command, type PlanConfig, type TrafficMode } from './types.js'

type Strategy = PlanConfig['strategy']['name']

/** One thing an input is for, and where: a strategy, a traffic mode, or some commands. */
interface Use {
  what: string
  /** One strategy, or any of several. */
  strategy?: Strategy | Strategy[]
  traffic?: TrafficMode
  commands?: Command[]
}

/** Commands whose rollouts move traffic by listener weights when traffic is weights (and plan, which shows it). */
export const WEIGHTED_COMMANDS: Command[] = COMMANDS.filter(
  c => !['history', 'diff', 'preview', 'preview-destroy', 'wave-gate'].includes(c)
)

/** Every input that only some runs use, with each of its uses: one input may serve several. */
const USES: Partial<Record<InputName, Use[]>> = {
  'batch-size': [{ what: 'the tasks per batch', strategy: 'rolling' }],
  'batch-interval': [{ what: 'the wait between batches', strategy: 'rolling' }],
  partition: [
    { what: 'the tasks a manual batch puts on the new revision', strategy: 'rolling' },
    { what: 'the share of traffic an ECS-controller rollout pauses at', strategy: ['linear', 'canary'] }
  ],
  'step-percent': [{ what: 'the share each step adds', strategy: 'linear' }],
  'step-bake-time': [{ what: 'the bake after each step', strategy: 'linear' }],
  'canary-percent': [{ what: "the canary's share", strategy: 'canary' }],
  'canary-bake-time': [{ what: "the canary's bake", strategy: 'canary' }],
  steps: [{ what: 'the steps', strategy: 'custom' }],
  'task-definition': [{ what: 'the revision to roll out', commands: ['deploy', 'preview', 'plan'] }],
  'container-image': [
    { what: "image overrides for task-definition's file", commands: ['deploy', 'preview', 'plan'] }
  ],
  'promote-full': [{ what: 'a promote straight to 100%', commands: ['promote'] }],
  to: [
    { what: 'the version to roll back to', commands: ['rollback'] },
    { what: 'the step to promote to', commands: ['promote'] },
    { what: 'the second version to compare', commands: ['diff'] }
  ],
  from: [{ what: 'the first version to compare', commands: ['diff'] }],
  'pull-request': [
    { what: 'the pull request whose preview to make or remove', commands: ['preview', 'preview-destroy'] }
  ],
  'preview-host': [{ what: "the host name of a preview's listener rule", commands: ['preview'] }],
  'preview-desired-count': [{ what: 'the tasks of a preview service', commands: ['preview'] }],
  'listener-arn': [
    { what: 'the production listener of a rollout', traffic: 'weights', commands: WEIGHTED_COMMANDS },
    { what: "the listener that gets a preview's host rule", commands: ['preview'] }
  ],
  'listener-rule-arn': [
    { what: 'the production listener rule of a rollout', traffic: 'weights', commands: WEIGHTED_COMMANDS }
  ],
  'target-groups': [
    {
      what: "the two target groups a rollout's traffic moves between",
      traffic: 'weights',
      commands: WEIGHTED_COMMANDS
    }
  ],
  'deploy-window': [{ what: 'when a change may start', commands: ['deploy', 'promote'] }],
  freeze: [{ what: 'when no change may start', commands: ['deploy', 'promote'] }],
  'on-outside-window': [{ what: 'what happens outside deploy-window', commands: ['deploy', 'promote'] }],
  'max-parallel': [{ what: 'the services rolled out at once', commands: ['deploy'] }],
  waves: [{ what: 'the waves of services', commands: ['deploy'] }],
  'wave-bake-time': [{ what: 'the bake between waves', commands: ['deploy'] }],
  'on-wave-failure': [{ what: 'what a failed service does to its wave', commands: ['deploy'] }],
  'min-bake-time': [
    { what: "the bake wave-gate asks of an earlier wave's services", commands: ['wave-gate'] }
  ],
  'test-listener-arn': [
    {
      what: "the test listener routed to a rollout's new revision",
      traffic: 'weights',
      commands: WEIGHTED_COMMANDS
    }
  ]
}

export interface RunShape {
  command: Command
  strategy: Strategy
  traffic: TrafficMode
}

/** Whether `use` applies to this run; a use that names no command applies to every command. */
function applies(use: Use, run: RunShape): boolean {
  return (
    (use.strategy === undefined || [use.strategy].flat().includes(run.strategy)) &&
    (use.traffic === undefined || use.traffic === run.traffic) &&
    (use.commands === undefined || use.commands.includes(run.command))
  )
}

/** "the production listener with traffic: weights (commands deploy, plan, …)" */
function describeUse(use: Use): string {
  const where = [
    use.strategy && `strategy: ${[use.strategy].flat().join(' or ')}`,
    use.traffic && `traffic: ${use.traffic}`,
    use.commands &&
      !use.traffic &&
      (use.commands.length === 1 ? `command: ${use.commands[0]}` : `commands ${list(use.commands)}`)
  ].filter(Boolean)
  return `${use.what} with ${where.join(', ')}`
}

function list(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/**
 * The given inputs this run does not use, each with its warning, e.g. `batch-interval: not used with strategy:
 * canary, so it is ignored: it is the wait between batches with strategy: rolling`.
 */
export function unusedInputs(given: ReadonlySet<string>, run: RunShape): Map<InputName, string> {
  const unused = new Map<InputName, string>()
  for (const [input, uses] of Object.entries(USES) as [InputName, Use[]][]) {
    if (!given.has(input) || uses.some(use => applies(use, run))) continue
    const context = [
      uses.some(u => u.commands) && `command: ${run.command}`,
      uses.some(u => u.strategy) && `strategy: ${run.strategy}`,
      uses.some(u => u.traffic) && `traffic: ${run.traffic}`
    ].filter(Boolean)
    unused.set(
      input,
      `${input}: not used with ${context.join(', ')}, so it is ignored: it is ${list(uses.map(describeUse))}`
    )
  }
  return unused
}
