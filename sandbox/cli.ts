// `npm run sandbox -- --port 4599`: the sandbox as a process, on 127.0.0.1 only, until SIGTERM or SIGINT.
import { parseArgs } from 'node:util'
import { startSandbox } from './server.js'

const USAGE =
  'usage: npm run sandbox -- [--port 4599] [--tick-ms 1000] [--health-check-ms N] [--request-rate 100] ' +
  '[--allow ecs:DescribeServices,cloudwatch:*] [--seed N]'

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

function number(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < min) fail(`--${name} must be a number ≥ ${min}`)
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
  fail((e as Error).message)
}
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}

const options = {
  port: number('port', args.port, 4599),
  tickMs: number('tick-ms', args['tick-ms'], 1000, 10),
  healthCheckMs:
    args['health-check-ms'] === undefined
      ? undefined
      : number('health-check-ms', args['health-check-ms'], 0, 10),
  requestRate: number('request-rate', args['request-rate'], 100),
  allowOperations: args.allow
    ?.split(',')
    .map(s => s.trim())
    .filter(Boolean),
  seed: args.seed === undefined ? undefined : number('seed', args.seed, 0)
}

let sandbox
try {
  sandbox = await startSandbox(options)
} catch (e) {
  console.error(`sandbox: ${(e as Error).message}`)
  process.exit(1)
}
console.log(`sandbox listening on ${sandbox.url}`)

const stop = () => {
  void sandbox.close().then(() => process.exit(0))
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
