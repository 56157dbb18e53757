import { randomBytes } from 'node:crypto';
import { normalizeEmail } from '../../../shared/email';
import type { Role } from '../../../shared/operator-protocol';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import type { Invite } from '../../entities/invite';
import type { Operator } from '../../entities/operator';
import { hashPassword } from '../../security/passwords';
import { verifyCredentials } from '../../security/sign-in';
import { hashToken } from '../../security/token-hash';
import { recordAudit } from '../handoff/audit';
import { type Admin, adminName, requireAdmin } from './admin-actor';

/** How long an invite link works: long enough for a weekend, short enough that a forgotten link dies. */
export const INVITE_TTL_MS = 72 * 3600_000;

export const MIN_PASSWORD = 10;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SentInvite {
  inviteUrl: string;
  email: string;
  role: Role;
  expiresAt: Date;
  /** True when it also went out by email (SMTP_URL set). */
  emailed: boolean;
}

/** The email an invite is for, normalised as sign-in compares it; refused when it is not an address. */
export function inviteEmail(value: string): string {
  const email = normalizeEmail(value);
  if (!EMAIL.test(email) || email.length > 254)
    throw new CodedError('invalid_request', `"${value}" is not an email address, such as ana@acme.example.`);
  return email;
}

/** The link's path: the inbox reads the token from the fragment, which browsers never send to a server or in a Referer. */
export const inviteUrl = (baseUrl: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/inbox/#/invite/${token}`;

/**
 * A one-time link to join `siteId` with `role`. The token exists only in the link; the store keeps
 * its hash. Emailed only when a mailer is configured: otherwise the admin copies the link.
 */
export async function inviteOperator(
  deps: FlowDeps,
  admin: Admin,
  siteId: string,
  input: { email: string; role: Role; baseUrl: string },
): Promise<SentInvite> {
  const actor = requireAdmin(admin, siteId, 'invite operators');
  const email = inviteEmail(input.email);
  const site = await deps.store.sites.get(siteId);
  if (!site) throw new CodedError('not_found', 'No site with that id.');
  const existing = await deps.store.operators.byEmail(email);
  if (existing?.siteIds.includes(siteId)) throw new CodedError('already_exists', `${email} is already an operator of ${site.name}.`);
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const invite: Invite = {
    _id: hashToken(token),
    siteId,
    email,
    role: input.role,
    invitedBy: adminName(admin),
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
    usedAt: null,
  };
  await deps.store.invites.insert(invite);
  const url = inviteUrl(input.baseUrl, token);
  await recordAudit(deps, {
    siteId,
    conversationId: null,
    action: 'operator_changed',
    actor,
    reasons: ['invited'],
    note: `${email} invited as ${input.role}`,
  });
  let emailed = false;
  if (deps.mailer) {
    // The link is made and shown either way: a mail server that refuses costs the email, not the invite.
    emailed = await deps.mailer
      .send({
        to: email,
        subject: `You are invited to answer chats for ${site.name}`,
        text: `${adminName(admin)} invited you to the Baton inbox of ${site.name} as ${input.role === 'admin' ? 'an admin' : 'an operator'}.\n\nSet your password here (the link works once, until ${invite.expiresAt.toUTCString()}):\n${url}\n`,
      })
      .then(
        () => true,
        (err: unknown) => {
          deps.log.warn({ err: (err as Error).message, siteId }, 'invite email not sent; the admin has the link to copy');
          return false;
        },
      );
  }
  return { inviteUrl: url, email, role: input.role, expiresAt: invite.expiresAt, emailed };
}

export interface InviteDetails {
  email: string;
  siteName: string;
  role: Role;
  expiresAt: Date;
  /** The email already has an account: accepting asks for its password instead of setting one. */
  hasAccount: boolean;
}

async function usableInvite(deps: FlowDeps, token: string): Promise<Invite> {
  const invite = await deps.store.invites.findUsable(hashToken(token), deps.clock.now());
  if (!invite) throw new CodedError('invite_invalid');
  return invite;
}

/** What the invite page shows before the person answers it. */
export async function describeInvite(deps: FlowDeps, token: string): Promise<InviteDetails> {
  const invite = await usableInvite(deps, token);
  const site = await deps.store.sites.get(invite.siteId);
  if (!site) throw new CodedError('invite_invalid');
  const hasAccount = (await deps.store.operators.byEmail(invite.email)) !== null;
  return { email: invite.email, siteName: site.name, role: invite.role, expiresAt: invite.expiresAt, hasAccount };
}

/**
 * Uses the invite up (once: a conditional update decides between two tabs). A new person sets their
 * name and password; someone who already has an account proves it with their current password, so an
 * admin of one site cannot take over an account that answers for another.
 */
export async function acceptInvite(deps: FlowDeps, token: string, answer: { name: string; password: string }): Promise<Operator> {
  const invite = await usableInvite(deps, token);
  const existing = await deps.store.operators.byEmail(invite.email);
  if (existing && !(await verifyCredentials(deps.store.operators, invite.email, answer.password))) {
    throw new CodedError(
      'invalid_credentials',
      `${invite.email} already has a Baton account: enter its current password to join this site.`,
    );
  }
  const name = answer.name.trim();
  if (!existing && (!name || name.length > 80))
    throw new CodedError('invalid_request', 'Enter the name visitors will see, 1-80 characters.');
  if (!existing && answer.password.length < MIN_PASSWORD)
    throw new CodedError('invalid_request', `Choose a password of at least ${MIN_PASSWORD} characters.`);
  const passwordHash = existing ? null : await hashPassword(answer.password);
  const taken = await deps.store.invites.consume(invite._id, deps.clock.now());
  if (!taken) throw new CodedError('invite_invalid');
  try {
    const operator = existing
      ? await deps.store.operators.addSite(existing._id, invite.siteId)
      : await createOperator(deps, invite, name, passwordHash!);
    if (!operator) throw new CodedError('invite_invalid');
    deps.hub.updateOperatorSites(operator._id, operator.siteIds);
    await recordAudit(deps, {
      siteId: invite.siteId,
      conversationId: null,
      action: 'operator_changed',
      actor: { kind: 'operator', operatorId: operator._id, name: operator.name },
      reasons: ['joined'],
      note: `${operator.email} joined as ${existing ? operator.role : invite.role} (invited by ${invite.invitedBy})`,
    });
    return operator;
  } catch (error) {
    await deps.store.invites.release(invite._id);
    throw error;
  }
}

async function createOperator(deps: FlowDeps, invite: Invite, name: string, passwordHash: string): Promise<Operator> {
  const now = deps.clock.now();
  const operator: Operator = {
    _id: deps.newId(),
    email: invite.email,
    name,
    role: invite.role,
    siteIds: [invite.siteId],
    capacity: 3,
    languages: ['en'],
    skills: [],
    presence: 'offline',
    presenceByChoice: false,
    presenceChangedAt: now,
  };
  await deps.store.operators.insert({ ...operator, passwordHash });
  return operator;
}
