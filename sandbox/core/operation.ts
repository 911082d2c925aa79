import type { Ctx } from './world.js'

/** An API operation: typed against the SDK's input shape, stored untyped in each service's table. */
export type Operation = (ctx: Ctx, input: Record<string, unknown>) => unknown

export const op =
  <I, O>(handler: (ctx: Ctx, input: I) => O): Operation =>
  (ctx, input) =>
    handler(ctx, input as I)
