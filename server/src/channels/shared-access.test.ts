import { describe, expect, it } from 'vitest';
import { isNarrower, sharedAttributes } from './shared-access.ts';

describe('access shared by channel members', () => {
  it('keeps the common values of every restricted key; an unrestricted member changes nothing', () => {
    expect(sharedAttributes([{}, {}])).toEqual({});
    expect(sharedAttributes([{}, { region: ['华南'] }])).toEqual({ region: ['华南'] });
    expect(sharedAttributes([{ region: ['华南', '华东'] }, { region: ['华东'], tier: ['high'] }])).toEqual({
      region: ['华东'],
      tier: ['high'],
    });
  });

  it('answers null when the members share no visible rows', () => {
    expect(sharedAttributes([{ region: ['华南'] }, { region: ['华东'] }])).toBeNull();
  });

  it('tells when the shared access is narrower than the asker’s', () => {
    expect(isNarrower({ region: ['华南'] }, {})).toBe(true);
    expect(isNarrower({ region: ['华南'] }, { region: ['华南'] })).toBe(false);
    expect(isNarrower({}, { region: ['华南'] })).toBe(false);
    expect(isNarrower({ region: ['华南'] }, { region: ['华南', '华东'] })).toBe(true);
  });
});
