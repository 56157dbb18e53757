import { describe, expect, it } from 'vitest';
import { parseCommand, UsageError } from './parse';

describe('baton command line parsing', () => {
  it('reads each command', () => {
    expect(
      parseCommand([
        'site',
        'create',
        '--name',
        'Acme',
        '--origin',
        'https://acme.example',
        '--origin',
        'https://www.acme.example',
        '--admin',
        'ana@acme.example',
      ]),
    ).toEqual({
      kind: 'site_create',
      name: 'Acme',
      origins: ['https://acme.example', 'https://www.acme.example'],
      admin: 'ana@acme.example',
    });
    expect(parseCommand(['site', 'list'])).toEqual({ kind: 'site_list' });
    expect(parseCommand(['operator', 'invite', 'acme-1', 'lee@acme.example', '--admin'])).toEqual({
      kind: 'operator_invite',
      site: 'acme-1',
      email: 'lee@acme.example',
      admin: true,
    });
    expect(parseCommand(['operator', 'invite', 'acme-1', 'lee@acme.example'])).toMatchObject({ admin: false });
    expect(parseCommand(['operator', 'remove', 'acme-1', 'lee@acme.example'])).toEqual({
      kind: 'operator_remove',
      site: 'acme-1',
      email: 'lee@acme.example',
    });
    expect(parseCommand(['secret', 'rotate', 'acme-1'])).toEqual({ kind: 'secret_rotate', site: 'acme-1', secret: 'identity' });
    expect(parseCommand(['secret', 'rotate', 'acme-1', '--webhook'])).toEqual({ kind: 'secret_rotate', site: 'acme-1', secret: 'webhook' });
    expect(parseCommand(['visitor', 'export', 'acme-1', 'v-42'])).toEqual({ kind: 'visitor_export', site: 'acme-1', visitor: 'v-42' });
    expect(parseCommand(['visitor', 'erase', 'acme-1', 'v-42'])).toEqual({ kind: 'visitor_erase', site: 'acme-1', visitor: 'v-42' });
    expect(parseCommand([])).toBe('help');
    expect(parseCommand(['--help'])).toBe('help');
  });

  it('names what to fix in one line', () => {
    const problem = (argv: string[]) => {
      try {
        parseCommand(argv);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(problem(['site', 'create', '--name', 'Acme', '--admin', 'a@b.example'])).toMatch(/--origin/);
    expect(problem(['site', 'create', '--origin', 'https://a.example', '--admin', 'a@b.example'])).toMatch(/--name/);
    expect(problem(['site', 'create', '--name', 'Acme', '--origin', 'https://a.example'])).toMatch(/--admin/);
    expect(problem(['operator', 'invite', 'acme-1'])).toMatch(/SITE EMAIL/);
    expect(problem(['secret', 'rotate', 'acme-1', '--identity', '--webhook'])).toMatch(/not both/);
    expect(problem(['site', 'drop'])).toMatch(/unknown command "site drop"/);
    expect(problem(['site', 'list', '--colour'])).toMatch(/--colour/);
    for (const message of [problem(['site', 'list', '--colour']), problem(['site', 'drop'])]) expect(message).not.toContain('\n');
  });
});
