// @actions/core writes warnings as `::warning::` lines on stdout; this catches them (and keeps the test
// output quiet) so a test can assert exactly which warnings a run gave.

import { afterEach, beforeEach, jest } from '@jest/globals'

/** Registers hooks that capture stdout for each test; call the result for the warnings so far. */
export function captureWarnings(): () => string[] {
  let lines: string[] = []
  beforeEach(() => {
    lines = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      lines.push(String(chunk))
      return true
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
  })
  return () => lines.filter(line => line.startsWith('::warning::'))
}
