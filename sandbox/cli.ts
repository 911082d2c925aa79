import { parseArgs } from 'node:util'
import { startSandbox } from './server.js'

const USAGE =
  'usage: npm run sandbox -- [--port 4599] [--tick-ms 1000] [--allow ecs:DescribeServices,cloudwatch:*] [--seed N]'

function number(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} must be a number ≥ 0\n${USAGE}`)
    process.exit(2)
  }
  return n
}

let args
try {
  args = parseArgs({
    options: {
      port: { type: 'string' },
      'tick-ms': { type: 'string' },
      'health-check-ms': { type: 'string' },
      'request-rate': { type: 'string' },
      allow: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean' }
    }
  }).values
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`)
  process.exit(2)
}
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}

const sandbox = await startSandbox({
  port: number('port', args.port, 4599),
  tickMs: number('tick-ms', args['tick-ms'], 1000),
  healthCheckMs:
    args['health-check-ms'] === undefined
      ? undefined
      : number('health-check-ms', args['health-check-ms'], 1000),
  requestRate: number('request-rate', args['request-rate'], 100),
  allowOperations: args.allow
    ? args.allow
        .split(',')
        .map(s => s.trim())
        .filter(Boolean)
    : undefined,
  seed: args.seed === undefined ? undefined : number('seed', args.seed, 0)
})
console.log(`sandbox listening on ${sandbox.url}`)

const stop = () => {
  void sandbox.close().then(() => process.exit(0))
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
