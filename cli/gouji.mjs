#!/usr/bin/env node
// The command-line entry: runs the TypeScript sources directly through tsx, so the CLI
// works right after `npm ci` and always runs the very code the extension ships.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
