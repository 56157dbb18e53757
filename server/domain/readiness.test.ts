import { describe, expect, it } from 'vitest';
import { judgeReadiness, needsDatabaseProbe } from './readiness';

describe('readiness', () => {
  it('is ready only while serving with a database that answered', () => {
    expect(judgeReadiness('serving', 'up')).toEqual({ ready: true });
  });

  it('is not ready while starting, even with the database up', () => {
    expect(judgeReadiness('starting', 'up')).toEqual({ ready: false, reason: 'starting' });
    expect(judgeReadiness('starting', null)).toEqual({ ready: false, reason: 'starting' });
  });

  it('is not ready while draining, whatever the database says', () => {
    expect(judgeReadiness('draining', 'up')).toEqual({ ready: false, reason: 'draining' });
    expect(judgeReadiness('draining', 'down')).toEqual({ ready: false, reason: 'draining' });
  });

  it('tells a failed ping from one that did not answer in time', () => {
    expect(judgeReadiness('serving', 'down')).toEqual({ ready: false, reason: 'database_down' });
    expect(judgeReadiness('serving', 'no_answer')).toEqual({ ready: false, reason: 'database_no_answer' });
    expect(judgeReadiness('serving', null)).toEqual({ ready: false, reason: 'database_no_answer' });
  });

  it('asks the database only while serving', () => {
    expect(needsDatabaseProbe('serving')).toBe(true);
    expect(needsDatabaseProbe('starting')).toBe(false);
    expect(needsDatabaseProbe('draining')).toBe(false);
  });
});
