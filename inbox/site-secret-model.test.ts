import { describe, expect, it, vi } from 'vitest';
import { createSettingsModel } from './models/settings-model';
import { ROTATED_MESSAGE } from './models/site-secret-model';
import { failure, fakeApi, settle } from './test-fakes';

async function setup(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi(overrides);
  const settings = createSettingsModel(api, { setQueues: vi.fn() });
  await settings.open('site_1');
  await settle();
  return { api, settings, secret: settings.secret };
}

describe('the site secret on the settings page', () => {
  it('stays hidden until the admin asks, and hides again on request', async () => {
    const { api, secret } = await setup();
    expect(secret.secret.value).toBeNull();
    expect(api.siteSecret).not.toHaveBeenCalled();
    await secret.reveal();
    expect(api.siteSecret).toHaveBeenCalledWith('site_1', 'identity');
    expect(secret.secret.value).toBe('secret-1');
    secret.hide();
    expect(secret.secret.value).toBeNull();
  });

  it('rotates only after the admin confirms, then shows the new secret and what to do next', async () => {
    const { api, secret } = await setup();
    await secret.rotate();
    expect(api.rotateSiteSecret).not.toHaveBeenCalled();
    secret.askToRotate();
    secret.cancelRotate();
    await secret.rotate();
    expect(api.rotateSiteSecret).not.toHaveBeenCalled();

    secret.askToRotate();
    await secret.rotate();
    expect(api.rotateSiteSecret).toHaveBeenCalledOnce();
    expect(secret.secret.value).toBe('secret-2');
    expect(secret.confirming.value).toBe(false);
    expect(secret.message.value).toBe(ROTATED_MESSAGE);
  });

  it('says why a rotation failed and shows no secret', async () => {
    const { secret } = await setup({
      rotateSiteSecret: vi.fn(async () =>
        failure(409, 'version_conflict', 'Someone else rotated the secret just now. Reveal it to see the current one.'),
      ),
    });
    secret.askToRotate();
    await secret.rotate();
    expect(secret.secret.value).toBeNull();
    expect(secret.failed.value).toBe(true);
    expect(secret.message.value).toBe('Not rotated: Someone else rotated the secret just now. Reveal it to see the current one.');
  });

  it('forgets the shown secret when the admin switches to another site', async () => {
    const { api, settings, secret } = await setup();
    await secret.reveal();
    await settings.open('site_2');
    expect(secret.secret.value).toBeNull();
    expect(api.operatorProfiles).toHaveBeenLastCalledWith('site_2');
    await secret.reveal();
    expect(api.siteSecret).toHaveBeenLastCalledWith('site_2', 'identity');
  });
});
