// One run of a hook's program: spawned without a shell, its output handed on line by line as it arrives, and
// stopped on cancel or at its deadline. The program gets its own process group (POSIX) and the whole group is
// signalled: a script's children (curl under bash, node under npm) would otherwise outlive it and keep its
// output pipes, and with them this attempt, open.

import { type ChildProcess, spawn } from 'node:child_process'
import { describeError } from '../errors.js'

/** Between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 2000
/** After the program exits, how long its output may still drain: a background process it left can hold the pipes. */
export const DRAIN_MS = 1000
/** Longer lines are cut into pieces, so a program that never prints a newline cannot grow a buffer forever. */
export const MAX_LINE = 4096

const GROUPS = process.platform !== 'win32'

export type AttemptEnd =
  | { kind: 'exit'; code: number }
  | { kind: 'signal'; signal: string }
  | { kind: 'spawn-error'; message: string }
  | { kind: 'cancelled' }
  | { kind: 'timed-out' }

export interface AttemptOptions {
  env: NodeJS.ProcessEnv
  /** Real milliseconds: the program runs in real time whatever clock the rollout uses. */
  timeoutMs: number
  signal?: AbortSignal
  onLine(line: string): void
}

export function runAttempt(argv: string[], options: AttemptOptions): Promise<AttemptEnd> {
  return new Promise(resolve => {
    if (options.signal?.aborted) return resolve({ kind: 'cancelled' })
    let child: ChildProcess
    try {
      child = spawn(argv[0], argv.slice(1), {
        shell: false,
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: GROUPS,
        windowsHide: true
      })
    } catch (error) {
      // Invalid arguments (a NUL byte, say) throw here; a missing program is reported through 'error'.
      return resolve(spawnError(argv[0], error))
    }

    let stopped: 'cancelled' | 'timed-out' | undefined
    let killTimer: NodeJS.Timeout | undefined
    let drainTimer: NodeJS.Timeout | undefined
    const stop = (why: 'cancelled' | 'timed-out'): void => {
      if (stopped) return
      stopped = why
      signalGroup(child, 'SIGTERM')
      killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), KILL_GRACE_MS)
    }
    const deadline = setTimeout(() => stop('timed-out'), Math.max(0, options.timeoutMs))
    const onAbort = (): void => stop('cancelled')
    options.signal?.addEventListener('abort', onAbort, { once: true })

    const streams = [child.stdout, child.stderr].flatMap(s => (s ? [s] : []))
    const splitters = streams.map(stream => {
      const splitter = lineSplitter(options.onLine)
      stream.setEncoding('utf8').on('data', splitter.push)
      return splitter
    })

    let settled = false
    const finish = (end: AttemptEnd): void => {
      if (settled) return
      settled = true
      for (const timer of [deadline, killTimer, drainTimer]) clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      // Whatever of a stopped program is still around after its grace (a child ignoring SIGTERM) goes now.
      if (stopped) signalGroup(child, 'SIGKILL')
      for (const splitter of splitters) splitter.flush()
      for (const stream of streams) stream.destroy()
      resolve(stopped ? { kind: stopped } : end)
    }
    const ended = (code: number | null, signal: NodeJS.Signals | null): AttemptEnd =>
      code === null ? { kind: 'signal', signal: signal ?? 'unknown signal' } : { kind: 'exit', code }

    // Once the program has started, 'error' can only mean a failed kill, which the deadline still covers.
    child.on('error', error => {
      if (child.pid === undefined) finish(spawnError(argv[0], error))
    })
    child.on('exit', (code, signal) => {
      drainTimer = setTimeout(() => finish(ended(code, signal)), DRAIN_MS)
    })
    child.on('close', (code, signal) => finish(ended(code, signal)))
  })
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    if (GROUPS) process.kill(-child.pid, signal)
    else child.kill(signal)
  } catch {
    // The group is already gone.
  }
}

function spawnError(command: string, error: unknown): AttemptEnd {
  const code = (error as NodeJS.ErrnoException).code
  const why =
    code === 'ENOENT'
      ? 'no such command or file'
      : code === 'EACCES'
        ? 'permission denied (is the file executable?)'
        : describeError(error)
  return { kind: 'spawn-error', message: `could not start ${JSON.stringify(command)}: ${why}` }
}

/** Complete lines of a stream, in order; whatever is left without a newline comes out at flush. */
function lineSplitter(onLine: (line: string) => void): { push(chunk: string): void; flush(): void } {
  let partial = ''
  return {
    push(chunk) {
      const parts = (partial + chunk).split(/\r?\n/)
      partial = parts.pop() ?? ''
      for (const part of parts) onLine(part)
      for (; partial.length > MAX_LINE; partial = partial.slice(MAX_LINE)) onLine(partial.slice(0, MAX_LINE))
    },
    flush() {
      if (partial !== '') onLine(partial)
      partial = ''
    }
  }
}
