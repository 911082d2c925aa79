// The post step: a safety net for a main step that was killed before it could hand the rollout off.
// Filled in with cancellation handling; until then it has nothing to clean up.

export async function runPost(): Promise<void> {}
