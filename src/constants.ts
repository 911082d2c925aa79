/** Output names, as declared in action.yml. */
export enum Output {
  Status = 'status',
  RolloutId = 'rollout-id',
  TaskDefinitionArn = 'task-definition-arn',
  PreviousTaskDefinitionArn = 'previous-task-definition-arn',
  TrafficPercent = 'traffic-percent',
  Reason = 'reason',
  Url = 'url',
  /** services: every service's outcome as JSON. */
  ServicesStatus = 'services-status'
}

/** The run's outcome, as the `status` output reports it. */
export enum Status {
  Succeeded = 'succeeded',
  RolledBack = 'rolled-back',
  Paused = 'paused',
  Failed = 'failed',
  Aborted = 'aborted',
  Planned = 'planned',
  /** Only from command: status, for a rollout whose owner is still executing it. */
  InProgress = 'in-progress'
}

/** Keys saved for the post step (core.saveState). */
export enum State {
  /** JSON {cluster, service, id} of the rollout the main step works on. */
  Rollout = 'rollout',
  /** 'true' once the main step has reported its outcome. */
  Finished = 'finished',
  /** The id of the GitHub deployment the main step created: the post step closes it if the main step could not. */
  GitHubDeployment = 'github-deployment'
}

/**
 * How long AWS's eventually consistent reads (DescribeServices, DescribeTaskSets, tags, DescribeListeners,
 * DescribeRules) may go on showing a resource as it was before a write. ECS and ELBv2 document the lag, not a
 * bound; in practice it is seconds. A read that still shows the old state after this long counts as the truth.
 */
export const READ_LAG_MS = 15_000
