// 5. Cold start and size: time from process start to the first API request, against baselines of node itself,
// and the size of what the action loads.

import { spawn } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { awsEnv, ENTRY, runAction, transcript } from './lib/action.js'
import { figure, type BenchResult } from './lib/report.js'
import { withSandbox, type SandboxProcess } from './lib/sandbox.js'
import { median } from './lib/stats.js'

export interface ColdStartOptions {
  trials: number
}

const KB = 1024

/** The smallest node program that makes an API request: node start-up plus one HTTP request, no SDK. */
const RAW_REQUEST = `
const r = require('node:http').request(process.env.AWS_ENDPOINT_URL, { method: 'POST', headers: {
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters',
  authorization: 'AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0'
} }, res => res.resume())
r.end('{}')`

/** Spawns node with `args`; resolves with the spawn and exit times (epoch ms). */
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

export async function coldStart(o: ColdStartOptions): Promise<BenchResult> {
  const began = Date.now()
  const { value, sandboxCpuMs } = await withSandbox({ tickMs: 1000 }, async sandbox => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...awsEnv(sandbox.url) }
    const deploy = {
      command: 'deploy',
      cluster: 'bench',
      service: 'no-such-service',
      'task-definition': 'web:2',
      alarms: ''
    }
    const t = { nodeExit: [] as number[], rawRequest: [] as number[], firstRequest: [] as number[] }
    const more = { actionExit: [] as number[], missingInput: [] as number[], own: [] as number[] }
    // Warm the file cache once, untimed, and see which chunks a deploy imports.
    const traced = await runAction({ inputs: deploy, endpoint: sandbox.url, env: { NODE_DEBUG: 'esm' } })
    const chunks = [
      ...new Set([...traced.stderr.matchAll(/Storing file:\/\/\S*\/dist\/([\w.]+\.js)/g)].map(m => m[1]))
    ]
    for (let i = 0; i < o.trials; i++) {
      // Interleaved, so that every kind sees the same background load.
      const bare = await timeNode(['-e', '0'], env)
      t.nodeExit.push(bare.endedAt - bare.startedAt)
      const raw = await timeNode(['-e', RAW_REQUEST], env)
      const rawFirst = await firstCallAfter(sandbox, raw.startedAt)
      t.rawRequest.push(rawFirst)
      const run = await runAction({ inputs: deploy, endpoint: sandbox.url })
      if (run.code !== 1 || !run.outputs.reason?.includes('was not found'))
        throw new Error(`the action did not fail on the missing service as expected\n${transcript(run)}`)
      const first = await firstCallAfter(sandbox, run.startedAt)
      t.firstRequest.push(first)
      more.own.push(first - rawFirst)
      more.actionExit.push(run.endedAt - run.startedAt)
      const missing = await runAction({ inputs: { command: 'deploy' }, endpoint: sandbox.url })
      if (missing.code !== 1) throw new Error(`a missing input did not fail\n${transcript(missing)}`)
      more.missingInput.push(missing.endedAt - missing.startedAt)
    }
    return { ...t, ...more, chunks }
  })
  const sizes = distSizes(value.chunks)
  const per = 'trial'
  return {
    id: 'cold-start',
    title: '5. Cold start and size',
    method: `
${o.trials} rounds, one after the other, each running in turn: \`node -e 0\` (process start to exit); a
minimal node program that sends one HTTP request to the sandbox (process start to the request, as the sandbox
records it: node's own start-up plus an HTTP request, no SDK); \`dist/index.js\` with \`command: deploy\` on a
service that does not exist (process start — the moment before \`spawn\` — to its first API request,
\`DescribeServices\`, as the sandbox records it; the run then fails on the missing service); and
\`dist/index.js\` with \`command: deploy\` and no service (process start to exit: the time to fail on a missing
input). All with \`NODE_NO_WARNINGS=1\`. One untimed run first warms the file cache. "Action's own part" is,
per round, the action's time to its first request minus the minimal program's. Sizes are read from \`dist/\`;
"JS a deploy loads" adds up \`dist/index.js\` and every chunk the warm-up run (the same failing deploy) imported,
as \`NODE_DEBUG=esm\` lists them.`,
    figures: [
      figure('first-request', 'Process start to first API request (deploy)', 'ms', value.firstRequest, per, {
        stat: 'median',
        max: 150,
        text: '≤ 150 ms'
      }),
      figure(
        'own-part',
        "Action's own part (first request minus node's minimal request)",
        'ms',
        value.own,
        per
      ),
      figure('node-exit', 'Baseline: `node -e 0`, start to exit', 'ms', value.nodeExit, per),
      figure(
        'raw-request',
        'Baseline: minimal node program, start to its request',
        'ms',
        value.rawRequest,
        per
      ),
      figure(
        'missing-input',
        'Time to fail on a missing input (start to exit)',
        'ms',
        value.missingInput,
        per
      ),
      figure('dist-index', 'Size of dist/index.js', 'MB', [sizes.index / (KB * KB)], 'file', {
        stat: 'max',
        max: 1.5,
        text: '≤ 1.5 MB'
      }),
      figure(
        'dist-loaded',
        'JS a deploy loads (index.js + its chunks)',
        'MB',
        [sizes.loaded / (KB * KB)],
        'file'
      ),
      figure(
        'dist-all',
        'All of dist/ (main entry, chunks, post entry)',
        'MB',
        [sizes.all / (KB * KB)],
        'file'
      )
    ],
    notes: [
      `Median start-up of node itself here: \`node -e 0\` ${median(value.nodeExit).toFixed(0)} ms to exit, ` +
        `${median(value.rawRequest).toFixed(0)} ms to a first request without any library. The action's own part ` +
        `(loading and running its code and the SDK up to the request) is ${median(value.own).toFixed(0)} ms.`
    ],
    durationMs: Date.now() - began,
    sandboxCpuMs
  }
}

function distSizes(loaded: string[]): { index: number; loaded: number; all: number } {
  const dir = join(ENTRY, '..')
  const size = (f: string) => statSync(join(dir, f)).size
  const all = readdirSync(dir)
    .filter(f => f.endsWith('.js'))
    .reduce((s, f) => s + size(f), dirSize(join(dir, 'post')))
  return { index: size('index.js'), loaded: loaded.reduce((s, f) => s + size(f), 0), all }
}

function dirSize(dir: string): number {
  try {
    return readdirSync(dir)
      .filter(f => f.endsWith('.js'))
      .reduce((s, f) => s + statSync(join(dir, f)).size, 0)
  } catch {
    return 0
  }
}
