// An error the sandbox answers with, in the shape the calling protocol expects. `code` is the exception name
// (JSON `__type`) or query error code; `queryCode` is the awsQuery code a query-compatible JSON service also sends.
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly queryCode?: string
  ) {
    super(message)
  }

  get sender(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender'
  }
}

export const ecsErrors = {
  invalidParameter: (message: string) => new ApiError('InvalidParameterException', message),
  client: (message: string) => new ApiError('ClientException', message),
  clusterNotFound: () => new ApiError('ClusterNotFoundException', 'Cluster not found.'),
  serviceNotFound: () => new ApiError('ServiceNotFoundException', 'Service not found.'),
  serviceNotActive: () => new ApiError('ServiceNotActiveException', 'Service was not ACTIVE.'),
  taskSetNotFound: () => new ApiError('TaskSetNotFoundException', 'The specified task set does not exist.'),
  resourceNotFound: (message: string) => new ApiError('ResourceNotFoundException', message),
  missing: (name: string) =>
    new ApiError(
      'InvalidParameterException',
      `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`
    )
}

export const cwErrors = {
  invalidValue: (message: string) =>
    new ApiError('InvalidParameterValueException', message, 400, 'InvalidParameterValue'),
  invalidCombination: (message: string) =>
    new ApiError('InvalidParameterCombinationException', message, 400, 'InvalidParameterCombination'),
  missing: (name: string) =>
    new ApiError(
      'MissingRequiredParameterException',
      `The parameter ${name} is required.`,
      400,
      'MissingParameter'
    ),
  notFound: (message: string) => new ApiError('ResourceNotFound', message, 404, 'ResourceNotFound'),
  invalidNextToken: () => new ApiError('InvalidNextToken', 'The next token specified is invalid.', 400)
}

export const elbErrors = {
  validation: (message: string) => new ApiError('ValidationError', message),
  targetGroupNotFound: (what = 'One or more target groups not found') =>
    new ApiError('TargetGroupNotFound', what),
  loadBalancerNotFound: (what = 'One or more load balancers not found') =>
    new ApiError('LoadBalancerNotFound', what),
  listenerNotFound: (what = 'One or more listeners not found') => new ApiError('ListenerNotFound', what),
  ruleNotFound: (what = 'One or more rules not found') => new ApiError('RuleNotFound', what),
  missing: (name: string) => new ApiError('ValidationError', `${name} is required`)
}
