import { describe, expect, it, vi } from 'vitest';
import { createSessionModel } from './models/session-model';
import { failure, fakeApi, me } from './test-fakes';

describe('session model', () => {
  it('restores a session and knows who is signed in', async () => {
    const session = createSessionModel(fakeApi());
    expect(session.status.value).toBe('checking');
    await session.restore();
    expect(session.status.value).toBe('signed_in');
    expect(session.meId.value).toBe('op_me');
    expect(session.isAdmin.value).toBe(true);
  });

  it('shows the sign-in form without an error when there is no session', async () => {
    const session = createSessionModel(fakeApi({ session: vi.fn(async () => failure(401, 'unauthenticated', 'Sign in to continue.')) }));
    await session.restore();
    expect(session.status.value).toBe('signed_out');
    expect(session.error.value).toBeNull();
  });

  it('says the same thing for a wrong password and an unknown email', async () => {
    const session = createSessionModel(fakeApi({ login: vi.fn(async () => failure(401, 'invalid_credentials', 'No such user')) }));
    await session.login('nobody@example.com', 'pw');
    expect(session.status.value).not.toBe('signed_in');
    expect(session.error.value).toBe('Email or password is not correct.');
  });

  it('asks for both fields before calling the server', async () => {
    const api = fakeApi();
    const session = createSessionModel(api);
    await session.login('  ', 'pw');
    expect(api.login).not.toHaveBeenCalled();
    expect(session.error.value).toBe('Enter your email and password.');
  });

  it('signs out with an explanation when the server ends the session', async () => {
    const session = createSessionModel(fakeApi());
    await session.login('mia@example.com', 'pw');
    session.expire();
    expect(session.status.value).toBe('signed_out');
    expect(session.error.value).toBe('Your session has ended. Sign in again.');
  });

  it('changes presence at once and reverts when the server refuses', async () => {
    const session = createSessionModel(
      fakeApi({
        setPresence: vi.fn(async () => failure(503, 'db_unavailable', 'The database is not answering; try again in a few seconds.')),
      }),
    );
    await session.restore();
    const pending = session.setPresence('away');
    expect(session.operator.value?.presence).toBe('away');
    await pending;
    expect(session.operator.value?.presence).toBe(me.presence);
    expect(session.presenceError.value).toBe('Could not change your status: The database is not answering; try again in a few seconds.');
  });
});
