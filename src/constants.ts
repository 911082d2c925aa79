/** Output names, as declared in action.yml. */
export enum Output {
  Status = 'status',
  RolloutId = 'rollout-id',
  TaskDefinitionArn = 'task-definition-arn',
  PreviousTaskDefinitionArn = 'previous-task-definition-arn',
  TrafficPercent = 'traffic-percent',
  Reason = 'reason',
  Url = 'url'
}

/** The run's outcome, as the `status` output reports it. */
export enum Status {
  Succeeded = 'succeeded',
  RolledBack = 'rolled-back',
  Paused = 'paused',
  Failed = 'failed',
  Aborted = 'aborted',
  Planned = 'planned'
}

/** Keys saved for the post step (core.saveState). */
export enum State {
  Cluster = 'cluster',
  Service = 'service',
  RolloutId = 'rollout-id',
  Finished = 'finished',
  OnCancel = 'on-cancel'
}
