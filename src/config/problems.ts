// Reading the inputs goes on past the first invalid one, so a run reports every invalid input at once: a person
// fixes the with: block in one go instead of one input per run.

import { InputError } from './parse.js'

/** Every invalid input of a run; `message` lists them one per line. */
export class InputErrors extends Error {
  constructor(readonly errors: InputError[]) {
    super(errors.map(e => e.message).join('\n'))
    this.name = 'InputError'
  }
}

/** The messages of an input error, one per invalid input; undefined for any other error. */
export function inputErrorMessages(error: unknown): string[] | undefined {
  if (error instanceof InputErrors) return error.errors.map(e => e.message)
  if (error instanceof InputError) return [error.message]
  return undefined
}

/** Collects input errors instead of stopping at the first; `done()` throws them all together. */
export class InputProblems {
  private readonly errors: InputError[] = []

  /** `read()`, or `fallback` when it throws an InputError, which is kept. Any other error goes on up. */
  attempt<T>(read: () => T, fallback: T): T {
    try {
      return read()
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      this.errors.push(error)
      return fallback
    }
  }

  /** Whether `input` is already known to be invalid (a check that needs its value is then skipped). */
  failed(...inputs: string[]): boolean {
    return this.errors.some(e => inputs.includes(e.input))
  }

  get any(): boolean {
    return this.errors.length > 0
  }

  done(): void {
    if (this.errors.length === 1) throw this.errors[0]
    if (this.errors.length > 1) throw new InputErrors(this.errors)
  }
}
