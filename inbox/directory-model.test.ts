import { describe, expect, it, vi } from 'vitest';
import type { QueueConfig } from '../shared/config/queues';
import { createDirectoryModel } from './models/directory-model';
import { failure, fakeApi, ok } from './test-fakes';

describe('directory model', () => {
  it('names queues from the queues route, never from the admin-only config', async () => {
    const api = fakeApi({ queues: vi.fn(async () => ok({ queues: [{ id: 'billing', name: 'Billing desk', members: ['op_me'] }] })) });
    const directory = createDirectoryModel(api);
    await directory.load();
    expect(api.queues).toHaveBeenCalledWith('site_1');
    expect(api.siteConfig).not.toHaveBeenCalled();
    expect(directory.queueName('billing')).toBe('Billing desk');
    expect(directory.queuesBySite.value.site_1).toEqual([{ id: 'billing', name: 'Billing desk', members: ['op_me'] }]);
  });

  it('keeps raw queue ids for a site whose queues could not be loaded', async () => {
    const directory = createDirectoryModel(
      fakeApi({ queues: vi.fn(async () => failure(503, 'db_unavailable', 'The database is not answering.')) }),
    );
    await directory.load();
    expect(directory.queueName('billing')).toBe('billing');
    expect(directory.error.value).toBeNull();
  });

  it('takes the queues an admin just saved, keeping only what every operator may see', () => {
    const directory = createDirectoryModel(fakeApi());
    const saved: QueueConfig = { id: 'returns', name: 'Returns', mode: 'automatic', offerTimeoutSeconds: 30, hours: null, members: [] };
    directory.setQueues('site_1', [saved]);
    expect(directory.queuesBySite.value.site_1).toEqual([{ id: 'returns', name: 'Returns', members: [] }]);
  });
});
