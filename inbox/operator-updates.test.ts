import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { createAppModel } from './models/app-model';
import { FakeSocket, fakeApi, me, ok, settle, T0 } from './test-fakes';

describe('an admin’s change to an operator, heard live', () => {
  it('updates my own capacity and the load shown for transfer targets', async () => {
    const operators = [
      { operatorId: me.operatorId, name: me.name, presence: 'online' as const, capacity: 4, active: 1 },
      { operatorId: 'op_sam', name: 'Sam', presence: 'online' as const, capacity: 3, active: 2 },
    ];
    const socket = new FakeSocket();
    const notifier = {
      permission: vi.fn(() => 'granted' as const),
      requestPermission: vi.fn(async () => 'granted' as const),
      show: vi.fn(),
    };
    const app = createAppModel({
      api: fakeApi({ operators: async () => ok({ operators }) }),
      socket,
      notifier,
      now: signal(T0),
      newId: () => 'id',
    });
    await app.session.restore();
    await app.directory.loadOperators('site_1');
    await settle();

    socket.emit({ type: 'operator_updated', operatorId: 'op_sam', capacity: 6, languages: ['en'], skills: [] });
    expect(app.directory.operatorsBySite.value.site_1?.find((o) => o.operatorId === 'op_sam')?.capacity).toBe(6);
    expect(app.session.operator.value?.capacity).toBe(4);

    socket.emit({ type: 'operator_updated', operatorId: me.operatorId, capacity: 8, languages: ['en'], skills: [] });
    expect(app.session.operator.value?.capacity).toBe(8);
    expect(app.directory.operatorsBySite.value.site_1?.find((o) => o.operatorId === me.operatorId)?.capacity).toBe(8);
  });
});
