#!/usr/bin/env node
// `npx tact <command>`: the CLI is TypeScript beside the rest of the project; tsx runs it as is.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../scripts/cli.ts');
process.exitCode = await main(process.argv.slice(2));
