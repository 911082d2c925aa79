// A hook's command line split into argv without a shell, so what the user wrote is exactly what runs and
// nothing in it is expanded. The rules, a small subset of POSIX sh quoting:
//   - unquoted spaces, tabs and newlines separate arguments;
//   - '…' keeps everything up to the next ' as it is;
//   - "…" keeps everything as it is, except that \" and \\ stand for " and \;
//   - outside quotes, \ makes the next character literal (`a\ b` is one argument), and \ before a newline
//     joins the lines;
//   - quoted and unquoted text next to each other form one argument: a'b c'd is `ab cd`, "" is an empty one.
// Nothing else is special: $VAR, $(…), `…`, globs, ~, ;, |, &&, <, > and # reach the program as plain text.

const SEPARATOR = /[ \t\r\n]/

/** The arguments of a command line; throws on an unterminated quote, a trailing backslash or no command. */
export function splitCommand(command: string): string[] {
  const args: string[] = []
  let word = ''
  let inWord = false
  let quote: "'" | '"' | undefined
  for (let i = 0; i < command.length; i++) {
    const c = command[i]
    if (quote === "'") {
      if (c === "'") quote = undefined
      else word += c
    } else if (quote === '"') {
      if (c === '"') quote = undefined
      else if (c === '\\' && (command[i + 1] === '"' || command[i + 1] === '\\')) word += command[++i]
      else word += c
    } else if (SEPARATOR.test(c)) {
      if (inWord) args.push(word)
      word = ''
      inWord = false
    } else if (c === '\\') {
      if (i + 1 >= command.length) throw new Error('ends with a backslash that escapes nothing')
      const next = command[++i]
      if (next === '\n') continue
      word += next
      inWord = true
    } else {
      if (c === "'" || c === '"') quote = c
      else word += c
      inWord = true
    }
  }
  if (quote) throw new Error(`has a ${quote === '"' ? 'double' : 'single'} quote that is never closed`)
  if (inWord) args.push(word)
  if (args.length === 0) throw new Error('names no command')
  return args
}
