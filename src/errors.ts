// Error messages for a person: AWS errors keep their service error name, which is what people search for.

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const name = error.name && !['Error', 'InputError'].includes(error.name) ? `${error.name}: ` : ''
    return `${name}${error.message}`
  }
  return String(error)
}
