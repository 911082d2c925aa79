/** What the journal records of one service at one tick: the world keeps these, the simulation writes them. */
export interface JournalTick {
  at: number
  desiredCount: number
  healthyByTaskDefinition: Record<string, number>
  trafficShareByTaskDefinition: Record<string, number>
  weightsByTargetGroup: Record<string, number>
  healthyByTargetGroup: Record<string, number>
  /** Each listener default action or rule forwarding to the service's target groups, as it stood this tick. */
  routes: JournalRoute[]
  taskSets: {
    id: string
    status: string
    scale: number
    computedDesiredCount: number
    runningCount: number
    pendingCount: number
    stabilityStatus: string
    taskDefinition: string
  }[]
  deployments: {
    id: string
    status: string
    taskDefinition: string
    desiredCount: number
    runningCount: number
    rolloutState: string
    failedTasks: number
  }[]
}

export interface JournalRoute {
  /** The listener's default rule ARN, or the rule's ARN. */
  arn: string
  listener: string
  port?: number
  /** Weights of the forward action by target group. */
  weights: Record<string, number>
  /** Requests that came in this way during the tick. */
  requests: number
  /** Of those, the ones the load balancer answered itself with a 5xx (no target, all weights 0). */
  elb5xx: number
  /** Shares of the requests that reached tasks, by task definition. */
  trafficShareByTaskDefinition: Record<string, number>
}
