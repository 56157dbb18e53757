import { describe, expect, it } from 'vitest';
import { departmentAskedFor } from './department';
import { normalizeText } from './text';

const team = (text: string) => departmentAskedFor(normalizeText(text));

describe('the team the visitor asks for', () => {
  it.each([
    ['Kann mich bitte jemand aus der Buchhaltung zurückrufen?', 'billing'],
    ['Ich würde das lieber mit jemandem aus der Abrechnung direkt durchgehen.', 'billing'],
    ["mi fate richiamare da qualcuno dell'amministrazione?", 'billing'],
    ['tem como alguém do financeiro de vcs me ligar?', 'billing'],
    ['Könnt ihr mich mit eurem technischen Support verbinden?', 'technical'],
    ['gibt es technischer Support am Wochenende?', 'technical'],
    ['votre équipe technique peut regarder mon compte ?', 'technical'],
    ['kan een developer even meekijken?', 'technical'],
  ])('hears %j as %s', (text, issueType) => {
    expect(team(text)).toBe(issueType);
  });

  it.each([
    'uren exporteren naar exact online boekhouding',
    'el técnico tenía que venir ayer',
    'talk to someone please',
    'wann kommt die Abrechnung?',
  ])('hears no team in %j', (text) => {
    expect(team(text)).toBeNull();
  });
});
