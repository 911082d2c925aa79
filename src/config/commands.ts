// What the `command` input may name: the action's commands, in a file of their own so that the input readers
// can name them without importing the whole configuration (which imports them: no cycle).

export const COMMANDS = [
  'deploy',
  'plan',
  'status',
  'promote',
  'pause',
  'resume',
  'abort',
  'rollback',
  'history',
  'diff',
  'preview',
  'preview-destroy',
  'wave-gate'
] as const
export type Command = (typeof COMMANDS)[number]
