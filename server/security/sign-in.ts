import type { Operator } from '../entities/operator';
import type { OperatorsStore } from '../store/operators-store';
import { DUMMY_HASH, verifyPassword } from './passwords';

/** The operator whose email and password these are, or null for a wrong email or password alike (same work for both). */
export async function verifyCredentials(
  operators: Pick<OperatorsStore, 'credentialsFor'>,
  email: string,
  password: string,
): Promise<Operator | null> {
  const found = await operators.credentialsFor(email);
  const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
  return found && ok ? found.operator : null;
}
