// Dispatches `tact <command> ...` to scripts/cli/<command>.ts. Each command module exports
// `run(args: string[]): Promise<number>` (the exit code) and a one-line `summary`.
const COMMANDS: Record<string, () => Promise<{ run(args: string[]): Promise<number>; summary: string }>> = {
  check: () => import('./cli/check.ts'),
  'lint-phrasebook': () => import('./cli/lint-phrasebook.ts'),
  classify: () => import('./cli/classify.ts'),
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    const lines = await Promise.all(
      Object.entries(COMMANDS).map(async ([n, l]) => `  tact ${n.padEnd(16)} ${(await l()).summary}`),
    );
    process.stderr.write(`usage: tact <command> [args]\n${lines.join('\n')}\n`);
    return name ? 2 : 0;
  }
  return (await load()).run(args);
}
