import { describe, expect, it, vi } from 'vitest';
import { defaultSiteConfig } from '../shared/site-config';
import { CONFLICT_MESSAGE, createSettingsModel, RELOADED_MESSAGE } from './models/settings-model';
import { issuesAt, parseShifts, unclaimedIssues } from './models/settings-rules';
import { failure, fakeApi, ok, settle } from './test-fakes';

async function setup(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi(overrides);
  const directory = { setQueues: vi.fn() };
  const settings = createSettingsModel(api, directory);
  await settings.open('site_1');
  await settle();
  return { api, directory, settings };
}

describe('settings model', () => {
  it('shows each server issue next to the field its path names', async () => {
    const issues = [
      { path: 'triggers.low_confidence.threshold', message: 'Must be at most 1.' },
      { path: 'queues.1.name', message: 'Too short.' },
    ];
    const { settings } = await setup({
      saveSiteConfig: vi.fn(async () => failure(400, 'invalid_request', 'The request was not valid.', issues)),
    });
    await settings.save();
    expect(settings.issuesAt('queues')).toEqual([issues[1]]);
    expect(settings.issuesAt('triggers.low_confidence')).toEqual([issues[0]]);
    expect(settings.message.value).toBe('Not saved: fix the 2 marked problems.');
  });

  it('validates with the shared schema before sending', async () => {
    const { api, settings } = await setup();
    settings.update((c) => {
      c.widget.accentColor = 'blue';
    });
    await settings.save();
    expect(api.saveSiteConfig).not.toHaveBeenCalled();
    expect(settings.issuesAt('widget.accentColor')).toHaveLength(1);
  });

  it('saves and shares the new queues with the rest of the page', async () => {
    const { api, directory, settings } = await setup();
    settings.update((c) => {
      c.queues.push({ id: 'returns', name: 'Returns', mode: 'manual', offerTimeoutSeconds: 30, hours: null, members: [] });
    });
    await settings.save();
    expect(api.saveSiteConfig).toHaveBeenCalledOnce();
    expect(directory.setQueues).toHaveBeenCalledWith('site_1', expect.arrayContaining([expect.objectContaining({ id: 'returns' })]));
    expect(settings.message.value).toBe('Settings saved.');
    expect(settings.dirty.value).toBe(false);
  });

  it('saves over the version it loaded, then over the version the save returned', async () => {
    const { api, settings } = await setup({ siteConfig: vi.fn(async () => ok({ config: defaultSiteConfig(), configVersion: 7 })) });
    settings.update((c) => {
      c.handoffEnabled = false;
    });
    await settings.save();
    expect(api.saveSiteConfig).toHaveBeenLastCalledWith('site_1', expect.objectContaining({ handoffEnabled: false }), 7);
    settings.update((c) => {
      c.handoffEnabled = true;
    });
    await settings.save();
    expect(api.saveSiteConfig).toHaveBeenLastCalledWith('site_1', expect.objectContaining({ handoffEnabled: true }), 8);
  });

  it('keeps the edits on a version conflict, says so, and reloads the latest only when asked', async () => {
    const latest = { ...defaultSiteConfig(), defaultQueue: 'sales' };
    const siteConfig = vi.fn(async () => ok({ config: defaultSiteConfig(), configVersion: 1 }));
    const { api, settings } = await setup({
      siteConfig,
      saveSiteConfig: vi.fn(async () => failure(409, 'version_conflict', 'Someone else saved these settings after you opened them.')),
    });
    settings.update((c) => {
      c.defaultQueue = 'billing';
    });
    await settings.save();
    expect(settings.conflict.value).toBe(true);
    expect(settings.message.value).toBe(CONFLICT_MESSAGE);
    expect(settings.draft.value?.defaultQueue).toBe('billing');
    expect(settings.dirty.value).toBe(true);

    await settings.save();
    expect(api.saveSiteConfig).toHaveBeenCalledOnce();

    siteConfig.mockImplementation(async () => ok({ config: latest, configVersion: 2 }));
    await settings.reloadLatest();
    expect(settings.draft.value?.defaultQueue).toBe('sales');
    expect(settings.configVersion.value).toBe(2);
    expect(settings.conflict.value).toBe(false);
    expect(settings.dirty.value).toBe(false);
    expect(settings.message.value).toBe(RELOADED_MESSAGE);
  });

  it('shows what loaded settings break before any save, next to the fields', async () => {
    const stale = { ...defaultSiteConfig(), defaultQueue: 'retired' };
    const { settings } = await setup({ siteConfig: vi.fn(async () => ok({ config: stale, configVersion: 3 })) });
    expect(settings.draft.value?.defaultQueue).toBe('retired');
    expect(settings.issuesAt('defaultQueue')).toHaveLength(1);
    expect(settings.message.value).toBe('The saved settings have 1 marked problem: fix before saving.');
  });

  it('refuses to save a queue reference to a removed queue', async () => {
    const { api, settings } = await setup();
    settings.update((c) => {
      c.queues = c.queues.filter((q) => q.id !== 'sales');
    });
    await settings.save();
    expect(api.saveSiteConfig).not.toHaveBeenCalled();
    expect(settings.issuesAt('handoverRules').map((i) => i.path)).toEqual(['handoverRules.2.queue', 'handoverRules.3.queue']);
  });

  it('applies JSON edits only when they parse and match the schema', async () => {
    const { settings } = await setup();
    settings.editJson('{ not json');
    settings.applyJson();
    expect(settings.issues.value[0]?.message).toMatch(/^Not valid JSON/);
    settings.editJson(JSON.stringify({ defaultQueue: 'general', widget: { position: 'top' } }));
    settings.applyJson();
    expect(settings.issuesAt('widget.position')).toHaveLength(1);
    await settings.save();
    expect(settings.message.value).toBe('Apply or discard your JSON edits first.');
    settings.editJson(JSON.stringify({ defaultQueue: 'sales' }));
    settings.applyJson();
    expect(settings.draft.value?.defaultQueue).toBe('sales');
    expect(settings.jsonDirty.value).toBe(false);
  });

  it('blocks saving while a form field holds text it could not read', async () => {
    const { api, settings } = await setup();
    settings.setFieldProblem('hours.weekly.mon', 'Write it like 09:00-17:00.');
    await settings.save();
    expect(api.saveSiteConfig).not.toHaveBeenCalled();
    settings.setFieldProblem('hours.weekly.mon', null);
    await settings.save();
    expect(api.saveSiteConfig).toHaveBeenCalledOnce();
  });
});

describe('settings rules', () => {
  it('matches issues by path prefix and leaves the rest to the JSON editor', () => {
    const issues = [
      { path: 'queues', message: 'a' },
      { path: 'queues.0.id', message: 'b' },
      { path: 'queuesExtra', message: 'c' },
      { path: 'bot.entries.2.answer', message: 'd' },
    ];
    expect(issuesAt(issues, 'queues').map((i) => i.message)).toEqual(['a', 'b']);
    expect(unclaimedIssues(issues, ['queues', 'widget']).map((i) => i.message)).toEqual(['c', 'd']);
  });

  it('reads opening hours written as ranges', () => {
    expect(parseShifts('09:00-12:00, 13:00 – 17:30')).toEqual({
      ok: true,
      shifts: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:30' },
      ],
    });
    expect(parseShifts('')).toEqual({ ok: true, shifts: [] });
    expect(parseShifts('9-5')).toEqual({ ok: false, message: '"9-5" is not a time range; write it like 09:00-17:00.' });
  });
});
