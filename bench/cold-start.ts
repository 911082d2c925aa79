// 5. Cold start and size: time from process start to the first API request, against baselines — node itself,
// the AWS SDK alone, and the libraries the action loads — side by side with the official ECS deploy action
// (issue 17: at most 0.85 × its time), and the size of what the action loads.

import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tempFiles } from '../__tests__/helpers/action.js'
import { awsEnv, ENTRY, OFFICIAL_ENTRY, runAction, transcript } from './lib/action.js'
import { figure, type BenchResult } from './lib/report.js'
import { ROOT, withSandbox, type SandboxProcess } from './lib/sandbox.js'
import { median } from './lib/stats.js'

export interface ColdStartOptions {
  trials: number
}

const MB = 1024 * 1024

/** The smallest node program that makes an API request: node start-up plus one HTTP request, no SDK. */
const RAW_REQUEST = `
const r = require('node:http').request(process.env.AWS_ENDPOINT_URL, { method: 'POST', headers: {
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters',
  authorization: 'AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0'
} }, res => res.resume())
r.end('{}')`

/** Spawns node; resolves with the spawn and exit times (epoch ms). */
function timeNode(args: string[], env: NodeJS.ProcessEnv): Promise<{ startedAt: number; endedAt: number }> {
  const startedAt = Date.now()
  const child = spawn(process.execPath, args, { env, stdio: 'ignore' })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', () => resolve({ startedAt, endedAt: Date.now() }))
  })
}

async function firstCallAfter(sandbox: SandboxProcess, since: number): Promise<number> {
  const calls = await sandbox.control.calls(since)
  if (!calls.length) throw new Error('no API request reached the sandbox')
  return calls[0].at - since
}

/** bench/floor-entry.ts bundled like the action (ncc --minify), once per entry and lock file. */
async function bundleFloor(): Promise<{ file: string; buildMs?: number }> {
  const entry = join(ROOT, 'bench/floor-entry.ts')
  const hash = createHash('sha256')
    .update(readFileSync(entry))
    .update(readFileSync(join(ROOT, 'package-lock.json')))
    .digest('hex')
    .slice(0, 12)
  const dir = join(tmpdir(), `ecs-rollout-bench-floor-${hash}`)
  const file = join(dir, 'index.js')
  if (existsSync(file)) return { file }
  const began = Date.now()
  const ncc = join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js')
  const child = spawn(process.execPath, [ncc, 'build', entry, '-o', dir, '--minify', '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let err = ''
  child.stderr.on('data', d => (err += d))
  const code = await new Promise(resolve => child.on('close', resolve))
  if (code !== 0 || !existsSync(file)) throw new Error(`bundling the baseline failed\n${err}`)
  return { file, buildMs: Date.now() - began }
}

/** The revision the official action registers from its task-definition file (the sandbox's Fargate rules). */
function officialTaskDefinition(): string {
  const file = join(tempFiles().dir, 'task-definition.json')
  const definition = {
    family: 'web',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'app', image: 'nginx', essential: true }]
  }
  writeFileSync(file, JSON.stringify(definition))
  return file
}

export async function coldStart(o: ColdStartOptions): Promise<BenchResult> {
  const began = Date.now()
  const floor = await bundleFloor()
  const official = {
    'task-definition': officialTaskDefinition(),
    cluster: 'bench',
    service: 'no-such-service'
  }
  const { value, sandboxCpuMs } = await withSandbox({ tickMs: 1000 }, async sandbox => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...awsEnv(sandbox.url) }
    const deploy = {
      command: 'deploy',
      cluster: 'bench',
      service: 'no-such-service',
      'task-definition': 'web:2'
    }
    // Warm the file cache, untimed, and see which chunks a deploy imports.
    const traced = await runAction({ inputs: deploy, endpoint: sandbox.url, env: { NODE_DEBUG: 'esm' } })
    const chunks = [
      ...new Set([...traced.stderr.matchAll(/Storing file:\/\/\S*\/([\w.]+\.js)/g)].map(m => m[1]))
    ]
    await timeNode([floor.file], env)
    await runAction({ inputs: official, endpoint: sandbox.url, entry: OFFICIAL_ENTRY })
    const t: Record<string, number[]> = {
      official: [],
      ratio: [],
      node: [],
      raw: [],
      sdk: [],
      core: [],
      libraries: [],
      first: [],
      own: [],
      exit: [],
      missing: []
    }
    for (let i = 0; i < o.trials; i++) {
      // Interleaved, so that every kind sees the same background load.
      const bare = await timeNode(['-e', '0'], env)
      t.node.push(bare.endedAt - bare.startedAt)
      t.raw.push(await firstCallAfter(sandbox, (await timeNode(['-e', RAW_REQUEST], env)).startedAt))
      for (const kind of ['sdk', 'core'])
        t[kind].push(
          await firstCallAfter(sandbox, (await timeNode([floor.file], { ...env, FLOOR: kind })).startedAt)
        )
      const libraries = await firstCallAfter(
        sandbox,
        (await timeNode([floor.file], { ...env, FLOOR: 'libraries' })).startedAt
      )
      t.libraries.push(libraries)
      const run = await runAction({ inputs: deploy, endpoint: sandbox.url })
      if (run.code !== 1 || !run.outputs.reason?.includes('was not found'))
        throw new Error(`the action did not fail on the missing service as expected\n${transcript(run)}`)
      const first = await firstCallAfter(sandbox, run.startedAt)
      t.first.push(first)
      t.own.push(first - t.sdk[t.sdk.length - 1])
      // The official action's first request is RegisterTaskDefinition (then it fails on the missing service).
      const theirs = await runAction({ inputs: official, endpoint: sandbox.url, entry: OFFICIAL_ENTRY })
      const theirFirst = await firstCallAfter(sandbox, theirs.startedAt)
      t.official.push(theirFirst)
      t.ratio.push(first / theirFirst)
      t.exit.push(run.endedAt - run.startedAt)
      const missing = await runAction({ inputs: { command: 'deploy' }, endpoint: sandbox.url })
      if (missing.code !== 1) throw new Error(`a missing input did not fail\n${transcript(missing)}`)
      t.missing.push(missing.endedAt - missing.startedAt)
    }
    return { t, chunks }
  })
  const { t, chunks } = value
  const sizes = distSizes(chunks)
  const per = 'trial'
  const m = (k: string) => median(t[k]).toFixed(0)
  return {
    id: 'cold-start',
    title: '5. Cold start and size',
    method: `
${o.trials} rounds, one after the other, each running in turn (so all see the same background load), all with
\`NODE_NO_WARNINGS=1\` and the environment pointed at the sandbox: \`node -e 0\` (process start to exit); a node program
that sends one HTTP request and loads nothing (process start — the moment before \`spawn\` — to the request, as the
sandbox's call log records it); \`bench/floor-entry.ts\` bundled like the action (\`ncc build --minify\`) making the
action's first request, DescribeServices, with the AWS SDK's ECS client alone ("SDK floor"), with @actions/core
loaded too, and after loading
the libraries the action uses besides Octokit — @actions/core and the CloudWatch and ELBv2 clients — without any of
the action's code ("libraries floor"); \`dist/index.js\` with \`command: deploy\` on a service that does not exist
(process start to its first API request; the run then fails on the missing service); the official
aws-actions/amazon-ecs-deploy-task-definition v2.6.3 (\`${OFFICIAL_ENTRY.split('/').slice(-4).join('/')}\`, as released)
with a task-definition file and the same missing service (process start to its first request, RegisterTaskDefinition);
and \`dist/index.js\` with \`command: deploy\` and no service (process start to exit: the time to fail on a missing
input). One untimed run of each first warms the file cache. The ratio is, per round, the action's time to its first
request divided by the official action's; "Action's own part" is the action's time minus the SDK floor's. Sizes are read from \`dist/\`; "JS a deploy loads" adds up \`dist/index.js\` and the chunks
the warm-up deploy imported, as \`NODE_DEBUG=esm\` lists them.${floor.buildMs === undefined ? '' : ` (Bundling the baseline took ${(floor.buildMs / 1000).toFixed(0)} s, not counted.)`}`,
    figures: [
      figure('first-request', 'Process start to first API request (deploy)', 'ms', t.first, per, {
        stat: 'median',
        max: 150,
        text: '≤ 150 ms'
      }),
      figure(
        'official-first-request',
        'Official action v2.6.3: process start to first API request',
        'ms',
        t.official,
        per
      ),
      figure(
        'first-request-ratio',
        'First API request, ecs-rollout ÷ the official action',
        '×',
        t.ratio,
        per,
        {
          stat: 'median',
          max: 0.85,
          text: '≤ 0.85 × the official action'
        }
      ),
      figure('node-exit', 'Baseline: `node -e 0`, start to exit', 'ms', t.node, per),
      figure('raw-request', 'Baseline: node, start to a bare HTTP request', 'ms', t.raw, per),
      figure('sdk-floor', 'Baseline: AWS SDK ECS client alone, start to DescribeServices', 'ms', t.sdk, per),
      figure(
        'core-floor',
        'Baseline: ECS client and @actions/core, start to DescribeServices',
        'ms',
        t.core,
        per
      ),
      figure(
        'libraries-floor',
        "Baseline: the action's libraries, start to DescribeServices",
        'ms',
        t.libraries,
        per
      ),
      figure('own-part', "Action's own part (first request − SDK floor)", 'ms', t.own, per),
      figure('missing-input', 'Time to fail on a missing input (start to exit)', 'ms', t.missing, per),
      figure('dist-index', 'Size of dist/index.js', 'MB', [sizes.index / MB], 'file', {
        stat: 'max',
        max: 1.5,
        text: '≤ 1.5 MB'
      }),
      figure('dist-loaded', 'JS a deploy loads (index.js + its chunks)', 'MB', [sizes.loaded / MB], 'bundle'),
      figure('dist-all', 'All of dist/ (main and post entries, all chunks)', 'MB', [sizes.all / MB], 'bundle')
    ],
    notes: [
      `Medians: ecs-rollout ${m('first')} ms to its first request, the official action ${m('official')} ms ` +
        `(ratio ${median(t.ratio).toFixed(2)}, target ≤ 0.85); node alone ${m('node')} ms to exit and ${m('raw')} ms to ` +
        `a bare request; the AWS SDK's ECS client alone ${m('sdk')} ms to its first request, ${m('core')} ms with ` +
        `@actions/core (which loads undici), ${m('libraries')} ms with the CloudWatch and ELBv2 clients too.`,
      `What the action loads before its first request is the ECS client and nothing else: the entry (src/index.ts) ` +
        `reads the service (DescribeServices with tags, the first request of every command that acts on a rollout) ` +
        `before it loads @actions/core and the rest, and the command takes that answer (src/aws/read-ahead.ts); the ` +
        `CloudWatch and ELBv2 packages are loaded at their first call (src/aws/clients.ts); Octokit only when the run ` +
        `talks to GitHub. So the action sits on the SDK floor (its own part: ${m('own')} ms), and the load it defers ` +
        `(@actions/core ${(median(t.core) - median(t.sdk)).toFixed(0)} ms, the CloudWatch and ELBv2 clients ` +
        `${(median(t.libraries) - median(t.core)).toFixed(0)} ms) runs while ECS answers. The official action loads ` +
        `everything at once (one 2.6 MB file: the ECS and CodeDeploy clients, @actions/core with undici).`,
      `Why the 150 ms target of issue 9 is missed: a program that does nothing but send this DescribeServices with ` +
        `@aws-sdk/client-ecs, bundled the same way, already needs ${m('sdk')} ms here (node itself: ${m('raw')} ms to ` +
        `a bare request). Most of that is the SDK's shared runtime (smithy middleware, credential chain, signer, ` +
        `retry), not the ECS client, and ncc resolves the SDK's CommonJS build, so importing fewer commands does not ` +
        `shrink it.`,
      `Time to fail on a missing input: ${m('missing')} ms (the official ECS deploy action: 0.22 s).`
    ],
    durationMs: Date.now() - began,
    sandboxCpuMs
  }
}

function distSizes(loaded: string[]): { index: number; loaded: number; all: number } {
  const dir = join(ENTRY, '..')
  const jsIn = (d: string) => (existsSync(d) ? readdirSync(d).filter(f => f.endsWith('.js')) : [])
  const size = (d: string, f: string) => statSync(join(d, f)).size
  const all = [dir, join(dir, 'post')].reduce((s, d) => s + jsIn(d).reduce((n, f) => n + size(d, f), 0), 0)
  const main = new Set(jsIn(dir))
  return {
    index: size(dir, 'index.js'),
    loaded: loaded.filter(f => main.has(f)).reduce((s, f) => s + size(dir, f), 0),
    all
  }
}
