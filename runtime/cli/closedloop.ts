/**
 * @module The `closedloop` command line: `serve`, `migrate`, and the commands that work on the store
 * without HTTP. Configuration comes from the environment (`PORT`, `DATABASE_URL`,
 * `CLOSEDLOOP_ADMIN_PASSWORD`), so the same command runs on a laptop and in a container.
 */
import { exportAppCommand, importAppCommand } from './app-commands';
import { backupCommand, restoreCommand } from './backup-commands';
import { createUserCommand } from './create-user-command';
import { migrateCommand } from './migrate-command';
import { serveCommand } from './serve-command';

export interface CommandIo {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  /** Redraws the current output line in place (progress); only when the output is a terminal. */
  status?(text: string): void;
}

type Command = (args: string[], io: CommandIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  serve: { run: serveCommand, usage: 'serve                      start the server (PORT, DATABASE_URL)' },
  migrate: { run: migrateCommand, usage: 'migrate                    bring the database schema up to date' },
  'import-app': {
    run: importAppCommand,
    usage: 'import-app <bundle.json>   import (or update) an app bundle',
  },
  'export-app': { run: exportAppCommand, usage: 'export-app <app> [file]    write an app bundle as JSON' },
  backup: {
    run: backupCommand,
    usage: 'backup <file>              write a consistent copy of the store (the server may run)',
  },
  restore: {
    run: restoreCommand,
    usage: 'restore <file> [--force]   replace the store with a backup (stop the server first)',
  },
  'create-user': {
    run: createUserCommand,
    usage: 'create-user <name> --role r add a user (password: CLOSEDLOOP_USER_PASSWORD or printed once)',
  },
};

function usage(io: CommandIo): void {
  io.out('Usage: closedloop <command>\n');
  for (const { usage: line } of Object.values(COMMANDS)) io.out(`  ${line}`);
}

export async function main(argv: string[], io: CommandIo = defaultIo()): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === 'help') {
    usage(io);
    return name ? 0 : 1;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`closedloop: unknown command "${name}"`);
    usage(io);
    return 1;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    io.err(`closedloop ${name}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

function defaultIo(): CommandIo {
  return {
    env: process.env,
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    ...(process.stdout.isTTY ? { status: (text: string) => process.stdout.write(`\r${text}\x1b[K`) } : {}),
  };
}
