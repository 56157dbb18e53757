import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import type { Operator, OperatorSession } from '../../entities/operator';
import { hashPassword } from '../../security/passwords';
import { verifyCredentials } from '../../security/sign-in';

/**
 * The current password is asked again (a session left open on a shared screen must not be enough),
 * and every other session of the operator is signed out: whoever knew the old password is out too.
 */
export async function changePassword(
  deps: FlowDeps,
  operator: Operator,
  current: OperatorSession,
  answer: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (!(await verifyCredentials(deps.store.operators, operator.email, answer.currentPassword))) {
    throw new CodedError('invalid_credentials', 'Your current password is not correct.');
  }
  await deps.store.operators.setPasswordHash(operator._id, await hashPassword(answer.newPassword));
  for (const id of await deps.store.sessions.revokeAllFor(operator._id, deps.clock.now(), current._id)) deps.hub.endSession(id);
}
