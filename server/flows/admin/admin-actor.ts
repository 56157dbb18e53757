import type { Actor } from '../../../shared/audit';
import { CodedError } from '../../coded-error';
import type { Operator } from '../../entities/operator';
import { operatorActor } from '../handoff/audit';

/** Who runs an admin flow: a signed-in admin in the inbox, or whoever runs `baton` with the database's URI. */
export type Admin = Operator | typeof COMMAND_LINE;

/** The command line holds MONGODB_URI, which is every right there is: it acts on any site. */
export const COMMAND_LINE = { kind: 'command_line' } as const;

const isCommandLine = (admin: Admin): admin is typeof COMMAND_LINE => 'kind' in admin && admin.kind === 'command_line';

/** Refuses an operator who is not an admin of `siteId` (another site answers like a missing one); answers the audit actor. */
export function requireAdmin(admin: Admin, siteId: string, doing: string): Actor {
  if (isCommandLine(admin)) return { kind: 'system' };
  if (!admin.siteIds.includes(siteId)) throw new CodedError('not_found');
  if (admin.role !== 'admin') throw new CodedError('forbidden', `Only admins can ${doing}.`);
  return operatorActor(admin);
}

export const adminName = (admin: Admin): string => (isCommandLine(admin) ? 'command line' : admin.name);
