// A stand-in for an AWS SDK v3 client: `send` dispatches on the command's name ("DescribeTaskSets") to a
// handler, and records every call so a test can assert which calls were made, and how many.

import { jest } from '@jest/globals'

type Handler = (input: any) => unknown // eslint-disable-line @typescript-eslint/no-explicit-any

export interface FakeCall {
  name: string
  input: any // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function fakeClient<Client>(handlers: Record<string, Handler>): { client: Client; calls: FakeCall[] } {
  const calls: FakeCall[] = []
  const send = jest.fn(async (command: { input: unknown }) => {
    const name = command.constructor.name.replace(/Command$/, '')
    calls.push({ name, input: command.input })
    const handler = handlers[name]
    if (!handler) throw new Error(`unexpected call ${name}`)
    return handler(command.input)
  })
  return { client: { send } as unknown as Client, calls }
}

/** An error as the SDK throws it for a service error: what matters is its name. */
export function awsError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name })
}
