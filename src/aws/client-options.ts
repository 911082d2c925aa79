// The settings of every SDK client of a run. Adaptive retry adds client-side rate limiting after throttles, which
// suits a long-running poller; attempts stay bounded so a persistent failure surfaces as an error.

export const MAX_ATTEMPTS = 5

export const CLIENT_OPTIONS = {
  retryMode: 'adaptive',
  maxAttempts: MAX_ATTEMPTS,
  customUserAgent: 'ecs-rollout'
} as const
