import { describe, expect, it, vi } from 'vitest';
import { toOperatorUpdate } from './models/operator-profile-rules';
import { createOperatorProfilesModel } from './models/operator-profiles-model';
import { failure, fakeApi, ok, operatorProfile, settle } from './test-fakes';

const sam = operatorProfile({ operatorId: 'op_sam', name: 'Sam', capacity: 3, languages: ['en'], skills: ['returns'] });
const draft = (overrides: Partial<{ capacity: string; languages: string; skills: string }> = {}) => ({
  capacity: '3',
  languages: 'en',
  skills: 'returns',
  ...overrides,
});

describe('the change sent for an operator', () => {
  it('sends only the fields that changed', () => {
    expect(toOperatorUpdate(sam, draft({ capacity: '5' }))).toEqual({ ok: true, body: { capacity: 5 } });
    expect(toOperatorUpdate(sam, draft({ languages: 'en, pt-BR', skills: '' }))).toEqual({
      ok: true,
      body: { languages: ['en', 'pt-BR'], skills: [] },
    });
    expect(toOperatorUpdate(sam, draft())).toEqual({ ok: true, body: {} });
  });

  it.each([
    { capacity: '', message: 'Capacity is a whole number of conversations, from 1 to 50.' },
    { capacity: '2.5', message: 'Capacity is a whole number of conversations, from 1 to 50.' },
    { capacity: '0', message: 'Capacity is at least 1 conversation at a time.' },
    { capacity: '51', message: 'Capacity is at most 50 conversations at a time.' },
  ])('refuses capacity "$capacity" at its field', ({ capacity, message }) => {
    expect(toOperatorUpdate(sam, draft({ capacity }))).toEqual({ ok: false, issues: [{ path: 'capacity', message }] });
  });

  it('refuses a tag that is not BCP 47, and a skill with capitals, at the entry', () => {
    const result = toOperatorUpdate(sam, draft({ languages: 'en, english_US', skills: 'returns, Big' }));
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['languages.1', 'skills.1']);
  });
});

describe('operator profiles model', () => {
  async function setup(overrides: Parameters<typeof fakeApi>[0] = {}) {
    const api = fakeApi({ operatorProfiles: vi.fn(async () => ok({ operators: [sam] })), ...overrides });
    const model = createOperatorProfilesModel(api);
    await model.load('site_1');
    return { api, model };
  }

  it('saves the change and shows what the server stored', async () => {
    const updateOperator = vi.fn(async () => ok({ operator: { ...sam, capacity: 5, languages: ['en', 'pt-BR'] } }));
    const { api, model } = await setup({ updateOperator });
    const before = model.revision.value;
    await model.save('op_sam', draft({ capacity: '5', languages: 'en pt-br' }));
    expect(api.updateOperator).toHaveBeenCalledWith('site_1', 'op_sam', { capacity: 5, languages: ['en', 'pt-br'] });
    expect(model.operators.value[0]).toMatchObject({ capacity: 5, languages: ['en', 'pt-BR'] });
    expect(model.outcomes.value.op_sam).toEqual({ issues: [], message: 'Saved Sam.' });
    expect(model.revision.value).toBe(before + 1);
  });

  it('marks fields the page can check itself without asking the server', async () => {
    const { api, model } = await setup();
    await model.save('op_sam', draft({ capacity: '99' }));
    expect(api.updateOperator).not.toHaveBeenCalled();
    expect(model.outcomes.value.op_sam?.issues).toEqual([{ path: 'capacity', message: 'Capacity is at most 50 conversations at a time.' }]);
  });

  it('shows the server’s issues at their fields, and its refusal in words', async () => {
    const issues = [{ path: 'languages.0', message: 'Not a BCP 47 language tag; write it like en, pt-BR or zh-Hant.' }];
    const { model } = await setup({ updateOperator: vi.fn(async () => failure(400, 'invalid_request', 'Invalid body', issues)) });
    await model.save('op_sam', draft({ capacity: '4' }));
    expect(model.outcomes.value.op_sam).toEqual({ issues, message: 'Not saved: fix the marked fields.' });

    const denied = await setup({ updateOperator: vi.fn(async () => failure(404, 'not_found', 'No operator with that id on this site.')) });
    await denied.model.save('op_sam', draft({ capacity: '4' }));
    expect(denied.model.outcomes.value.op_sam?.message).toBe('Not saved: No operator with that id on this site.');
  });

  it('says when nothing changed and sends nothing', async () => {
    const { api, model } = await setup();
    await model.save('op_sam', draft());
    expect(api.updateOperator).not.toHaveBeenCalled();
    expect(model.outcomes.value.op_sam?.message).toBe('Nothing changed.');
  });

  it('saves again after switching site while a save was in flight', async () => {
    let answer: (value: unknown) => void = () => {};
    const updateOperator = vi.fn(() => new Promise((resolve) => (answer = resolve))) as never;
    const { api, model } = await setup({ updateOperator });
    const inFlight = model.save('op_sam', draft({ capacity: '4' }));
    expect(model.savingId.value).toBe('op_sam');
    await model.load('site_2');
    expect(model.savingId.value).toBeNull();
    answer(ok({ operator: { ...sam, capacity: 4 } }));
    await inFlight;

    api.updateOperator.mockImplementation(async () => ok({ operator: { ...sam, capacity: 5 } }));
    await model.save('op_sam', draft({ capacity: '5' }));
    expect(api.updateOperator).toHaveBeenLastCalledWith('site_2', 'op_sam', { capacity: 5 });
    expect(model.outcomes.value.op_sam).toEqual({ issues: [], message: 'Saved Sam.' });
  });

  it('drops a late answer for a site the admin already left', async () => {
    let answer: (value: unknown) => void = () => {};
    const api = fakeApi({ operatorProfiles: vi.fn(() => new Promise((resolve) => (answer = resolve))) as never });
    const model = createOperatorProfilesModel(api);
    void model.load('site_1');
    api.operatorProfiles.mockImplementation(async () => ok({ operators: [] }));
    await model.load('site_2');
    answer(ok({ operators: [sam] }));
    await settle();
    expect(model.operators.value).toEqual([]);
  });
});
