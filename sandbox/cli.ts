// `npm run sandbox -- --port 4599`: the sandbox as a process, on 127.0.0.1 only, until SIGTERM or SIGINT.
import { parseArgs } from 'node:util'
import { realismFromText } from './core/realism.js'
import { startSandbox } from './server.js'

const USAGE = `usage: npm run sandbox -- [--port 4599] [--tick-ms 1000] [--health-check-ms N] [--request-rate 100]
    [--allow ecs:DescribeServices,cloudwatch:*] [--seed N] [--realism on|off|JSON] [--metric-retention-minutes 180]
  --realism   AWS's bad days, seeded by --seed: read-after-write lag, traffic following a weight change late,
              shared throttling at the documented rates, 5xx bursts, connection resets and clock skew.
              'on' uses the defaults; a JSON object such as '{"lagMs":1000,"throttling":false}' overrides them
              (settings: lagMs, propagationMs, throttling, burstEveryMs, burstMs, burstFailRate, resetRate,
              skewMs, rates). Default: off, or what SANDBOX_REALISM says. Change it live: POST /_sandbox/realism.
  --metric-retention-minutes   how long datapoints are kept (default 180, as CloudWatch keeps second-resolution
              data); a sandbox serving an hour of busy runs keeps its memory flat with less.`

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
      realism: { type: 'string' },
      'metric-retention-minutes': { type: 'string' },
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

const seed = args.seed === undefined ? Math.floor(Math.random() * 2 ** 32) : number('seed', args.seed, 0)
const realism = realismFromText(
  args.realism ?? process.env.SANDBOX_REALISM,
  seed,
  args.realism === undefined ? 'SANDBOX_REALISM' : '--realism'
)
if (Array.isArray(realism)) fail(realism.join('\n'))

const options = {
  port: number('port', args.port, 4599),
  tickMs: number('tick-ms', args['tick-ms'], 1000, 10),
  healthCheckMs:
    args['health-check-ms'] === undefined
      ? undefined
      : number('health-check-ms', args['health-check-ms'], 0, 10),
  requestRate: number('request-rate', args['request-rate'], 100),
  metricRetentionMs: number('metric-retention-minutes', args['metric-retention-minutes'], 180, 1) * 60_000,
  allowOperations: args.allow
    ?.split(',')
    .map(s => s.trim())
    .filter(Boolean),
  seed,
  realism
}

let sandbox
try {
  sandbox = await startSandbox(options)
} catch (e) {
  console.error(`sandbox: ${(e as Error).message}`)
  process.exit(1)
}
console.log(`sandbox listening on ${sandbox.url}`)
if (realism.throttling || realism.lagMs > 0)
  console.error(`sandbox: realism on, seed ${seed}: ${JSON.stringify(realism)}`)

const stop = () => {
  void sandbox.close().then(() => process.exit(0))
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
