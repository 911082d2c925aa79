// Lifecycle hooks run as real child processes (node with inline scripts) on a fake clock: what passes, what
// fails and why, the in-progress loop, cancellation, the environment a hook sees, and proof that neither a
// context value nor the command line itself ever reaches a shell.

import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../src/config/parse.js'
import type { Hooks as HookCommands } from '../../src/config/types.js'
import type { RolloutEvent } from '../../src/engine/events.js'
import { splitCommand } from '../../src/config/argv.js'
import { KILL_GRACE_MS } from '../../src/hooks/attempt.js'
import { HookRunner, type HookRunnerOptions } from '../../src/hooks/runner.js'
import { FakeClock } from '../helpers/fake-world.js'

const RETRY_MS = 300

/** A command line running `script` with node; the script must not contain double quotes or backslashes. */
function node(script: string, ...args: string[]): string {
  return `'${process.execPath}' -e "${script}" ${args.join(' ')}`
}

/** A runner on a fake clock; `watch` sees every log line as it is written. */
function setup(
  hooks: Partial<HookCommands>,
  options: Partial<HookRunnerOptions> = {},
  watch?: (line: string) => void
) {
  const clock = new FakeClock()
  const started = clock.now()
  const events: RolloutEvent[] = []
  const log: string[] = []
  const runner = new HookRunner({
    hooks: { retryIntervalMs: RETRY_MS, ...hooks },
    stepTimeoutMs: 60_000,
    context: {
      service: 'web',
      cluster: 'prod',
      rolloutId: 'r-123',
      newTaskDefinition: 'arn:aws:ecs:eu-west-1:1:task-definition/web:43',
      stableTaskDefinition: 'arn:aws:ecs:eu-west-1:1:task-definition/web:42'
    },
    events: { emit: event => events.push(event) },
    log: {
      startGroup: name => log.push(`group: ${name}`),
      endGroup: () => log.push('end'),
      info: line => {
        log.push(line)
        watch?.(line)
      }
    },
    clock,
    ...options
  })
  const attempts = (): number => log.filter(l => /^(attempt \d+: )?running /.test(l)).length
  return { runner, clock, started, events, log, attempts }
}

const context = { step: 3, trafficPercent: 25 }

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ecs-rollout-hooks-'))
}

describe('splitCommand', () => {
  it('splits on whitespace and groups with quotes and backslashes', () => {
    expect(splitCommand('  ./scripts/smoke-test.sh   --fast\t-n 3 ')).toEqual([
      './scripts/smoke-test.sh',
      '--fast',
      '-n',
      '3'
    ])
    expect(splitCommand(`echo 'a b' "c \\"d\\" \\\\ \\n" e\\ f a'b'"c" ''`)).toEqual([
      'echo',
      'a b',
      'c "d" \\ \\n',
      'e f',
      'abc',
      ''
    ])
    expect(splitCommand('npm run \\\n smoke')).toEqual(['npm', 'run', 'smoke'])
  })

  it('passes shell syntax through as plain text', () => {
    expect(splitCommand('a $HOME $(id) `id` ; b | c && d > e < f * ~ #g')).toEqual(
      'a $HOME $(id) `id` ; b | c && d > e < f * ~ #g'.split(' ')
    )
  })

  it('rejects what it cannot split', () => {
    expect(() => splitCommand('echo "a')).toThrow('double quote that is never closed')
    expect(() => splitCommand("echo 'a")).toThrow('single quote that is never closed')
    expect(() => splitCommand('echo \\')).toThrow('backslash')
    expect(() => splitCommand('  ')).toThrow('names no command')
  })

  it('makes the runner refuse a bad command up front, naming the input', () => {
    expect(() => setup({ postDeploy: 'smoke "--fast' })).toThrow(InputError)
    expect(() => setup({ postDeploy: 'smoke "--fast' })).toThrow(/^hook-post-deploy: "smoke \\"--fast" has/)
  })
})

describe('HookRunner', () => {
  it('passes on exit 0, streaming the output into a group of its own', async () => {
    const { runner, events, log } = setup({ postStep: node("console.log('smoke ok')") })
    await expect(runner.run('post-step', context)).resolves.toBeUndefined()
    expect(log[0]).toBe('group: hook post-step (step 3)')
    expect(log).toContain('│ smoke ok')
    expect(log[log.length - 1]).toBe('end')
    expect(events).toEqual([
      { kind: 'hook', at: expect.any(Number), hook: 'post-step', exitCode: 0, output: ['smoke ok'] }
    ])
  })

  it('does nothing for a hook that is not configured', async () => {
    const { runner, events, log } = setup({ postStep: node('') })
    await expect(runner.run('post-deploy', context)).resolves.toBeUndefined()
    expect([...events, ...log]).toEqual([])
  })

  it('fails the gate on any other exit code, with the last 30 lines of output', async () => {
    const script =
      "for (let i = 1; i <= 40; i++) console.log('line ' + i); console.error('boom: 500 from /health'); process.exit(3)"
    const { runner, events, log } = setup({ postStep: node(script) })
    const reason = await runner.run('post-step', context)
    const output = [...Array.from({ length: 29 }, (_, i) => `line ${i + 12}`), 'boom: 500 from /health']
    expect(reason).toEqual({ kind: 'hook', hook: 'post-step', exitCode: 3, output })
    expect(events).toEqual([{ kind: 'hook', at: expect.any(Number), hook: 'post-step', exitCode: 3, output }])
    expect(log).toContain('│ line 1')
    expect(log).toContain('│ boom: 500 from /health')
  })

  it('runs an in-progress hook (exit 75) again every retry interval until it passes', async () => {
    const dir = tempDir()
    try {
      const script =
        "const fs = require('fs'), f = process.argv[1]; const n = fs.existsSync(f) ? +fs.readFileSync(f, 'utf8') : 0; fs.writeFileSync(f, String(n + 1)); console.log('attempt ' + (n + 1)); process.exit(n < 2 ? 75 : 0)"
      const { runner, clock, started, events, log, attempts } = setup({
        postStep: node(script, join(dir, 'count'))
      })
      await expect(runner.run('post-step', context)).resolves.toBeUndefined()
      expect(attempts()).toBe(3)
      expect(clock.now() - started).toBe(2 * RETRY_MS)
      expect(log.filter(l => l.includes('still in progress, next attempt in 300ms'))).toHaveLength(2)
      // Only the final attempt is an event; the ones in progress are in the log.
      expect(events).toEqual([
        { kind: 'hook', at: expect.any(Number), hook: 'post-step', exitCode: 0, output: ['attempt 3'] }
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('gives up on a hook still in progress when step-timeout has passed since its first attempt', async () => {
    const { runner, clock, started, events, attempts } = setup(
      { postStep: node("console.log('warming up'); process.exit(75)"), retryIntervalMs: 3000 },
      { stepTimeoutMs: 10_000 }
    )
    const reason = await runner.run('post-step', context)
    // Attempts at 0, 3, 6 and 9 s, then the last second of the budget runs out. (The last attempt may run for
    // that second of real time: a child process runs in real time whatever the clock.)
    expect(attempts()).toBe(4)
    expect(clock.now() - started).toBe(10_000)
    const output = [
      'warming up',
      'ecs-rollout: still in progress (exit code 75) when step-timeout (10s) ran out'
    ]
    expect(reason).toEqual({ kind: 'hook', hook: 'post-step', exitCode: 75, output })
    expect(events).toHaveLength(1)
  })

  it('stops waiting for a hook in progress as soon as a gate fails between attempts: the gate is the reason', async () => {
    const { runner, clock, started, events, attempts } = setup(
      { postStep: node("console.log('suite 40% done'); process.exit(75)"), retryIntervalMs: 3000 },
      { stepTimeoutMs: 60_000 }
    )
    const alarm = { name: 'web-5xx', state: 'ALARM' as const, reason: 'Threshold Crossed', since: 1 }
    let reads = 0
    const reason = await runner.run('post-step', {
      ...context,
      // The alarm fires while the second attempt runs.
      interrupt: async () => (++reads >= 2 ? { kind: 'alarm', alarm } : undefined)
    })
    expect(reason).toEqual({ kind: 'alarm', alarm })
    expect(attempts()).toBe(2)
    expect(clock.now() - started).toBe(3000)
    expect(events).toEqual([
      {
        kind: 'hook',
        at: expect.any(Number),
        hook: 'post-step',
        exitCode: 75,
        output: [
          'suite 40% done',
          'ecs-rollout: still in progress (exit code 75) when alarm web-5xx went into ALARM at 1970-01-01T00:00:00.001Z: Threshold Crossed: not run again'
        ]
      }
    ])
  })

  it('asks for the test URL when the hook runs, so the test listener can be pointed at the new revision late', async () => {
    let asked = 0
    const { runner, events } = setup(
      { preTraffic: node('console.log(process.env.ECS_ROLLOUT_TEST_URL)') },
      {
        context: {
          service: 'web',
          cluster: 'prod',
          rolloutId: 'r-1',
          newTaskDefinition: 'web:2',
          testUrl: async () => (++asked, 'http://web-lb.example:8080')
        }
      }
    )
    expect(asked).toBe(0)
    await runner.run('pre-traffic', { step: 1, trafficPercent: 0 })
    expect(asked).toBe(1)
    expect(events[0]).toMatchObject({ exitCode: 0, output: ['http://web-lb.example:8080'] })
  })

  it('stops a hook that is still running when step-timeout runs out', async () => {
    const { runner } = setup(
      { postDeploy: node("console.log('waiting'); setInterval(() => {}, 1000)") },
      { stepTimeoutMs: 1000 }
    )
    const reason = await runner.run('post-deploy', context)
    expect(reason).toMatchObject({ kind: 'hook', hook: 'post-deploy', exitCode: null })
    // The budget is real time here, so a slow machine may not have printed 'waiting' yet.
    const output = reason?.kind === 'hook' ? reason.output : []
    expect(output[output.length - 1]).toBe(
      'ecs-rollout: still running when step-timeout (1s) ran out, so it was stopped'
    )
  })

  it('reports a command that does not exist', async () => {
    const { runner, events } = setup({ postStep: './scripts/no-such-smoke-test.sh --fast' })
    const reason = await runner.run('post-step', context)
    expect(reason).toEqual({
      kind: 'hook',
      hook: 'post-step',
      exitCode: null,
      output: ['ecs-rollout: could not start "./scripts/no-such-smoke-test.sh": no such command or file']
    })
    expect(events).toHaveLength(1)
  })

  it("gives the hook the rollout's context in ECS_ROLLOUT_* variables, on top of the runner's environment", async () => {
    const script =
      'console.log(JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(ECS_ROLLOUT_|INPUT_|ACTIONS_RUNTIME_TOKEN|MY_VAR)/.test(k)))))'
    const env = {
      PATH: process.env.PATH,
      MY_VAR: 'kept',
      'INPUT_GITHUB-TOKEN': 'ghs_secret',
      ACTIONS_RUNTIME_TOKEN: 'runtime-secret',
      ECS_ROLLOUT_TEST_URL: 'http://stale.example'
    }
    const { runner, events } = setup({ preTraffic: node(script) }, { env })
    await runner.run('pre-traffic', { step: 2, trafficPercent: 100 / 3 })
    const seen = events[0].kind === 'hook' ? JSON.parse(events[0].output[0]) : undefined
    expect(seen).toEqual({
      MY_VAR: 'kept',
      ECS_ROLLOUT_HOOK: 'pre-traffic',
      ECS_ROLLOUT_SERVICE: 'web',
      ECS_ROLLOUT_CLUSTER: 'prod',
      ECS_ROLLOUT_ID: 'r-123',
      ECS_ROLLOUT_STEP: '2',
      ECS_ROLLOUT_TRAFFIC_PERCENT: '33.33',
      ECS_ROLLOUT_NEW_TASK_DEFINITION: 'arn:aws:ecs:eu-west-1:1:task-definition/web:43',
      ECS_ROLLOUT_STABLE_TASK_DEFINITION: 'arn:aws:ecs:eu-west-1:1:task-definition/web:42'
    })

    const withTest = setup(
      { preTraffic: node('console.log(process.env.ECS_ROLLOUT_TEST_URL)') },
      {
        context: {
          service: 'web',
          cluster: 'prod',
          rolloutId: 'r-1',
          newTaskDefinition: 'web:2',
          testUrl: 'http://test.internal:8443'
        }
      }
    )
    await withTest.runner.run('pre-traffic', { step: 1, trafficPercent: 0 })
    expect(withTest.events[0]).toMatchObject({ exitCode: 0, output: ['http://test.internal:8443'] })
  })

  it('hands a hostile context value to the hook as data, never to a shell', async () => {
    const dir = tempDir()
    try {
      // Harmless payloads only: were this broken, they would run.
      const t = (name: string): string => `touch ${join(dir, name)}`
      const hostile = `$(${t('a')}); ${t('b')} ; \`${t('c')}\` && ${t('d')} | ${t('e')} > ${join(dir, 'f')} '"\n${t('g')}`
      const { runner, events } = setup(
        {
          postStep: node(
            'process.stdout.write(JSON.stringify([process.env.ECS_ROLLOUT_SERVICE, process.env.ECS_ROLLOUT_ID]))'
          )
        },
        { context: { service: hostile, cluster: 'prod', rolloutId: hostile, newTaskDefinition: 'web:2' } }
      )
      await expect(runner.run('post-step', context)).resolves.toBeUndefined()
      const seen = events[0].kind === 'hook' ? JSON.parse(events[0].output[0]) : undefined
      expect(seen).toEqual([hostile, hostile])
      expect(readdirSync(dir)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('passes ;, &&, | and $(…) in the command line to the program as arguments, running nothing else', async () => {
    const dir = tempDir()
    try {
      const print = node('process.stdout.write(JSON.stringify(process.argv.slice(1)))')
      const rest = `; touch ${join(dir, 'second')} && touch ${join(dir, 'third')} | $(touch ${join(dir, 'fourth')})`
      const { runner, events } = setup({ postStep: `${print} ${rest}` })
      await expect(runner.run('post-step', context)).resolves.toBeUndefined()
      const seen = events[0].kind === 'hook' ? JSON.parse(events[0].output[0]) : undefined
      expect(seen).toEqual(rest.split(' '))
      expect(readdirSync(dir)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('only warns when on-rollback fails, and never runs it again', async () => {
    const { runner, events, attempts } = setup({
      onRollback: node("console.log('slack down'); process.exit(75)")
    })
    await expect(runner.run('on-rollback', { step: 2, trafficPercent: 0 })).resolves.toBeUndefined()
    expect(attempts()).toBe(1)
    expect(events).toEqual([
      {
        kind: 'hook',
        at: expect.any(Number),
        hook: 'on-rollback',
        exitCode: 75,
        output: ['slack down', 'ecs-rollout: exit code 75 (in progress) is not retried for on-rollback']
      },
      {
        kind: 'warning',
        at: expect.any(Number),
        message: 'hook on-rollback exited with code 75; the rollback itself is done'
      }
    ])
  })

  describe('on cancel', () => {
    /** A runner whose signal aborts as soon as the hook prints "ready". */
    function cancellable(script: string) {
      const controller = new AbortController()
      return setup({ postStep: node(script) }, { signal: controller.signal }, line => {
        if (line.startsWith('│ ready')) controller.abort('SIGINT')
      })
    }

    it('stops the hook and its children at once, and reports a cancel', async () => {
      // The child keeps a grandchild on the same output pipe: only a kill of the whole group ends the attempt.
      const { runner, events } = cancellable(
        "const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'inherit' }); console.log('ready ' + c.pid); setInterval(() => {}, 1000)"
      )
      const t0 = Date.now()
      const reason = await runner.run('post-step', context)
      expect(Date.now() - t0).toBeLessThan(KILL_GRACE_MS)
      expect(reason).toEqual({ kind: 'cancelled', signal: 'SIGINT' })
      const output = events[0].kind === 'hook' ? events[0].output : []
      expect(events[0]).toMatchObject({ kind: 'hook', hook: 'post-step', exitCode: null })
      expect(output[output.length - 1]).toBe('ecs-rollout: the run was cancelled before the hook finished')
      expect(await gone(Number(output[0].split(' ')[1]))).toBe(true)
    })

    it('kills a hook that ignores SIGTERM after the grace period', async () => {
      const { runner } = cancellable(
        "process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('ready'); setInterval(() => {}, 1000)"
      )
      const t0 = Date.now()
      await expect(runner.run('post-step', context)).resolves.toEqual({ kind: 'cancelled', signal: 'SIGINT' })
      expect(Date.now() - t0).toBeGreaterThanOrEqual(KILL_GRACE_MS - 50)
    })

    it('does not start a hook once the run is cancelled', async () => {
      const dir = tempDir()
      try {
        const { runner, events } = setup(
          { onRollback: node(`require('fs').writeFileSync('${join(dir, 'ran')}', '')`) },
          { signal: AbortSignal.abort('SIGTERM') }
        )
        await expect(runner.run('on-rollback', context)).resolves.toBeUndefined()
        expect(existsSync(join(dir, 'ran'))).toBe(false)
        expect(events.map(e => e.kind)).toEqual(['hook', 'warning'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
  })
})

/** Whether a process has exited (a zombie waiting for its new parent to reap it counts), within a second. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    try {
      process.kill(pid, 0)
      if (/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) return true
    } catch {
      return true
    }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  return false
}
