/** Quotes a command-line argument the way Windows expects, when needed. */
export function quoteArg(arg: string): string {
  return arg.includes(' ') ? `"${arg}"` : arg;
}
