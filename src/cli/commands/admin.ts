import type { Command } from 'commander';
import { systemClock } from '../../shared/clock.ts';
import { ZPersonInput } from '../../shared/org.ts';
import { type TFunction, type TRole, ZRole } from '../../shared/roles.ts';
import { cliActor, withAdminDb } from '../admin-db.ts';
import { UserError } from '../user-error.ts';

const FUNCTION_OF_ROLE: Partial<Record<TRole, TFunction>> = {
  admin: 'product_ops',
  product_ops: 'product_ops',
  head_of_product: 'pm',
  pm: 'pm',
  eng_lead: 'eng',
  engineer: 'eng',
  designer: 'design',
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function parseRoles(value: string): TRole[] {
  return value.split(',').map((r) => {
    const parsed = ZRole.safeParse(r.trim());
    if (!parsed.success)
      throw new UserError(`prodops: --role: "${r}" is not a role (one of ${ZRole.options.join(', ')})`);
    return parsed.data;
  });
}

export function registerAdminCommands(program: Command): void {
  program
    .command('user')
    .description('manage users (direct database access)')
    .command('add')
    .description('add a person who can sign in')
    .requiredOption('--email <email>', 'their email, used to sign in')
    .requiredOption('--name <name>', 'their full name')
    .requiredOption('--role <roles>', `comma-separated roles: ${ZRole.options.join(', ')}`)
    .option(
      '--function <function>',
      'pm, eng, design, sales, cs, support, marketing, exec, data or product_ops',
    )
    .option(
      '--password-stdin',
      'read the password from standard input (else they sign in with API tokens only)',
    )
    .action(
      async (opts: {
        email: string;
        name: string;
        role: string;
        function?: string;
        passwordStdin?: boolean;
      }) => {
        const roles = parseRoles(opts.role);
        const fn = opts.function ?? roles.map((r) => FUNCTION_OF_ROLE[r]).find(Boolean);
        if (!fn)
          throw new UserError(
            'prodops: --function is required for a stakeholder (sales, cs, support, marketing, exec, data)',
          );
        const password = opts.passwordStdin ? await readStdin() : undefined;
        const parsed = ZPersonInput.safeParse({
          name: opts.name,
          email: opts.email,
          function: fn,
          roles,
          password,
        });
        if (!parsed.success) {
          const flag: Record<string, string> = {
            name: '--name',
            email: '--email',
            function: '--function',
            roles: '--role',
            password: 'password (stdin)',
          };
          const lines = parsed.error.issues.map(
            (i) => `  ${flag[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`,
          );
          throw new UserError(`prodops: cannot add the user:\n${lines.join('\n')}`);
        }
        const { createPerson } = await import('../../services/org/people.ts');
        await withAdminDb(async ({ db }) => {
          const person = await createPerson({ db, actor: cliActor(), input: parsed.data });
          console.log(
            `Added ${person.name} <${person.email}> as ${person.roles.join(', ')}${password ? ' (can sign in)' : ''}.`,
          );
        });
      },
    );

  program
    .command('token')
    .description('API tokens (direct database access)')
    .command('create')
    .description('print a new API token for a person (use it as PRODOPS_TOKEN or Authorization: Bearer …)')
    .requiredOption('--email <email>', 'whose token it is')
    .option('--name <label>', 'a label to recognise the token by')
    .action(async (opts: { email: string; name?: string }) => {
      const { createApiToken } = await import('../../services/auth/tokens.ts');
      await withAdminDb(async ({ db }) => {
        const t = await createApiToken({
          db,
          actor: cliActor(),
          email: opts.email,
          name: opts.name,
          now: systemClock.now(),
        });
        console.log(t.token);
      });
    });

  program
    .command('doctor')
    .description('check the configuration, database, migrations and integrations')
    .action(async () => {
      const { doctor } = await import('./doctor.ts');
      const ok = await doctor();
      if (!ok) process.exitCode = 1;
    });
}
