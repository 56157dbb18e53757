import { describe, expect, it, vi } from 'vitest';
import { defaultSiteConfig } from '../shared/site-config';
import { createSettingsModel, SECTION_CONFLICT_MESSAGE } from './models/settings-model';
import { editedSections, leaveQuestion, rebase, sectionChanges } from './models/settings-sections';
import { failure, fakeApi, ok, settle } from './test-fakes';

async function setup(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi(overrides);
  const settings = createSettingsModel(api, { setQueues: vi.fn() });
  await settings.open('site_1');
  await settle();
  return { api, settings };
}

describe('sections of the settings', () => {
  it('finds which sections an edit falls in, splitting a shared parent between its sections', () => {
    const base = defaultSiteConfig();
    const draft = structuredClone(base);
    draft.triggers.low_confidence.threshold = 0.3;
    draft.triggers.policy_topic.topics = [];
    draft.widget.messages = { en: { queued: 'Hold on' } } as typeof draft.widget.messages;
    expect(editedSections(base, draft)).toEqual(['triggers', 'topics', 'examples', 'messages']);
    expect(sectionChanges('triggers', base, draft)).toEqual([
      { path: ['triggers', 'low_confidence'], value: draft.triggers.low_confidence, previous: base.triggers.low_confidence },
    ]);
  });

  it('after a save keeps the edits of other sections, and the values they were edited from', () => {
    const base = defaultSiteConfig();
    const draft = structuredClone(base);
    draft.hours.timeZone = 'Asia/Tokyo';
    draft.retention.resolvedDays = 30;
    const latest = structuredClone(base);
    latest.retention.resolvedDays = 30;
    latest.hours.timeZone = 'America/New_York'; // someone else's save
    latest.defaultQueue = 'sales';
    const next = rebase(latest, base, draft, 'retention');
    expect(next.draft).toMatchObject({ hours: { timeZone: 'Asia/Tokyo' }, retention: { resolvedDays: 30 }, defaultQueue: 'sales' });
    expect(next.base.hours.timeZone).toBe(base.hours.timeZone);
    expect(next.base.defaultQueue).toBe('sales');
    expect(editedSections(next.base, next.draft)).toEqual(['hours']);
  });

  it('sends only the saved section, and the other section stays edited', async () => {
    const { api, settings } = await setup({
      patchSiteConfig: vi.fn(async (_id, changes) => {
        const config = defaultSiteConfig();
        config.retention.resolvedDays = changes[0]?.value as number;
        return ok({ config, configVersion: 2 });
      }),
    });
    settings.update((c) => {
      c.retention.resolvedDays = 30;
      c.handoffEnabled = false;
    });
    expect(settings.edited.value).toEqual(['handoff', 'retention']);
    await settings.saveSection('retention');
    expect(api.patchSiteConfig).toHaveBeenCalledWith('site_1', [
      { path: ['retention'], value: { resolvedDays: 30 }, previous: { resolvedDays: 180 } },
    ]);
    expect(settings.edited.value).toEqual(['handoff']);
    expect(settings.draft.value?.handoffEnabled).toBe(false);
    expect(settings.sectionStatus.value.retention).toEqual({ text: 'Data retention saved.', error: false });
    expect(settings.dirty.value).toBe(true);
    expect(leaveQuestion(settings.edited.value, false)).toBe('Unsaved changes in Handoff. Leave Settings without saving them?');
  });

  it("marks a conflict on that section only, and its reload keeps the other sections' edits", async () => {
    const latest = defaultSiteConfig();
    latest.retention.resolvedDays = 90;
    const siteConfig = vi.fn(async () => ok({ config: defaultSiteConfig(), configVersion: 1 }));
    const { api, settings } = await setup({
      siteConfig,
      patchSiteConfig: vi.fn(async () => failure(409, 'version_conflict', 'Someone else saved these settings after you opened them.')),
    });
    settings.update((c) => {
      c.retention.resolvedDays = 30;
      c.handoffEnabled = false;
    });
    await settings.saveSection('retention');
    expect(settings.sectionStatus.value.retention).toEqual({ text: SECTION_CONFLICT_MESSAGE, error: true, conflict: true });
    await settings.saveSection('retention');
    expect(api.patchSiteConfig).toHaveBeenCalledOnce();
    siteConfig.mockImplementation(async () => ok({ config: latest, configVersion: 3 }));
    await settings.reloadSection('retention');
    expect(settings.draft.value?.retention.resolvedDays).toBe(90);
    expect(settings.draft.value?.handoffEnabled).toBe(false);
    expect(settings.edited.value).toEqual(['handoff']);
    expect(settings.sectionStatus.value.retention?.conflict).toBeUndefined();
  });

  it('checks the section over the saved values before sending', async () => {
    const { api, settings } = await setup();
    settings.update((c) => {
      c.widget.accentColor = 'blue';
    });
    await settings.saveSection('widget');
    expect(api.patchSiteConfig).not.toHaveBeenCalled();
    expect(settings.issuesAt('widget.accentColor')).toHaveLength(1);
    expect(settings.sectionStatus.value.widget).toEqual({ text: 'Fix the 1 marked problem, then save.', error: true });
  });
});
