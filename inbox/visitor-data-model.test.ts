import { describe, expect, it, vi } from 'vitest';
import type { ApiResult } from './api-errors';
import { createVisitorDataModel, ERASED_MESSAGE } from './models/visitor-data-model';

const erasure = {
  visitorId: 'v1',
  alreadyErased: false,
  conversations: 1,
  messages: 3,
  callbacks: 0,
  webhookDeliveries: 0,
  auditEntries: 2,
  erasedAt: '2026-01-01T00:00:00.000Z',
};

describe('visitor data model', () => {
  it('erases only after the admin confirms, then reloads the conversation', async () => {
    const eraseVisitorData = vi.fn(async () => ({ ok: true, value: { erasure } }) as ApiResult<{ erasure: typeof erasure }>);
    const onErased = vi.fn();
    const model = createVisitorDataModel({ eraseVisitorData }, onErased);
    model.askToErase();
    expect(model.confirming.value).toBe(true);
    model.cancelErase();
    expect(model.confirming.value).toBe(false);
    expect(eraseVisitorData).not.toHaveBeenCalled();
    model.askToErase();
    await model.erase('site-a', 'v1');
    expect(eraseVisitorData).toHaveBeenCalledWith('site-a', 'v1');
    expect(onErased).toHaveBeenCalledOnce();
    expect(model.message.value).toBe(ERASED_MESSAGE);
    expect(model.failed.value).toBe(false);
    expect(model.confirming.value).toBe(false);
  });

  it('says why a refused erasure failed and reloads nothing', async () => {
    const eraseVisitorData = vi.fn(
      async () => ({ ok: false, error: { status: 403, code: 'forbidden', message: "Only admins can erase a visitor's data." } }) as never,
    );
    const onErased = vi.fn();
    const model = createVisitorDataModel({ eraseVisitorData }, onErased);
    await model.erase('site-a', 'v1');
    expect(model.failed.value).toBe(true);
    expect(model.message.value).toContain('Only admins');
    expect(onErased).not.toHaveBeenCalled();
  });

  it('drops the answer of an erasure that finished after another conversation was opened', async () => {
    let finish: (r: unknown) => void = () => {};
    const eraseVisitorData = vi.fn(() => new Promise((r) => (finish = r)) as never);
    const model = createVisitorDataModel({ eraseVisitorData }, vi.fn());
    const pending = model.erase('site-a', 'v1');
    model.reset();
    finish({ ok: true, value: { erasure } });
    await pending;
    expect(model.message.value).toBeNull();
  });
});
