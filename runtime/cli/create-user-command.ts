/**
 * @module `closedloop create-user <username> --role agent [--role …] [--name …] [--email …] [--team …]
 * [--region …] [--skill …]`: adds a user. The password comes from `CLOSEDLOOP_USER_PASSWORD`, or is
 * generated and printed once — never taken from the command line, where shell history would keep it.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createUser } from '../auth/users';
import { UserError } from '../http/errors';
import type { CommandIo } from './closedloop';
import { withStore } from './open-store';

export async function createUserCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string', multiple: true },
      skill: { type: 'string', multiple: true },
      name: { type: 'string' },
      email: { type: 'string' },
      team: { type: 'string' },
      region: { type: 'string' },
    },
  });
  const [username] = positionals;
  if (!username)
    throw new Error(
      'usage: closedloop create-user <username> --role <role> [--role …] [--name …] [--email …]',
    );
  const generated = io.env.CLOSEDLOOP_USER_PASSWORD ? undefined : randomBytes(12).toString('base64url');
  const password = io.env.CLOSEDLOOP_USER_PASSWORD ?? generated;
  return withStore(io, async (runtime) => {
    try {
      const user = await createUser(runtime, {
        username,
        password,
        roles: values.role ?? [],
        skills: values.skill ?? [],
        displayName: values.name,
        email: values.email,
        team: values.team,
        region: values.region,
      });
      io.out(`Created user "${user.username}" with roles ${user.roles.join(', ') || '(none)'}.`);
      if (generated) io.out(`Password (shown once): ${generated}`);
      return 0;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      io.err(`The user was not created: ${err.message}`);
      for (const issue of err.issues ?? []) io.err(`  ${issue.path}: ${issue.message}`);
      return 1;
    }
  });
}
