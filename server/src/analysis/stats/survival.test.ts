import { describe, expect, it } from 'vitest';
import { kaplanMeier, logRankTest, survivalAt } from './survival.ts';

// Freireich et al. (1963), Blood 21:699–716: remission times (weeks) in acute leukaemia, as tabulated in
// Kleinbaum & Klein, Survival Analysis: A Self-Learning Text (ch. 2). 6-MP group (0 = censored):
const mpTimes = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35];
const mpEvents = [1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0];
// Placebo group: every remission ended (no censoring).
const placeboTimes = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23];
const placeboEvents = placeboTimes.map(() => 1);

describe('kaplanMeier', () => {
  it('reproduces the Kleinbaum & Klein KM table for the 6-MP group', () => {
    const r = kaplanMeier(mpTimes, mpEvents);
    if (!r.ok) throw new Error(r.issue.message);
    const published: [number, number][] = [
      [6, 0.857],
      [7, 0.807],
      [10, 0.753],
      [13, 0.69],
      [16, 0.627],
      [22, 0.538],
      [23, 0.448],
    ];
    for (const [t, s] of published) expect(survivalAt(r.value, t)).toBeCloseTo(s, 3);
    // Exact products: S(23) = (18/21)(16/17)(14/15)(11/12)(10/11)(6/7)(5/6).
    expect(survivalAt(r.value, 23)).toBeCloseTo(
      (18 / 21) * (16 / 17) * (14 / 15) * (11 / 12) * (10 / 11) * (6 / 7) * (5 / 6),
      15,
    );
    expect(survivalAt(r.value, 5.9)).toBe(1);
    expect(survivalAt(r.value, 100)).toBeCloseTo(0.44817927170868355, 15);
  });

  it('keeps the at-risk table: 21 at risk at week 6 with 3 events and 1 censored', () => {
    const r = kaplanMeier(mpTimes, mpEvents);
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.value.steps[0]).toMatchObject({ time: 6, atRisk: 21, events: 3, censored: 1 });
    expect(r.value.steps.find((s) => s.time === 9)).toMatchObject({ atRisk: 16, events: 0, censored: 1 });
    expect(r.value.subjects).toBe(21);
    expect(r.value.events).toBe(9);
  });

  it('gives Greenwood SE 0.076 at week 6 and a log-log CI (0.620, 0.952), as Stata `sts list` prints', () => {
    // By hand: SE = 0.857143·√(3/(21·18)) = 0.076360; v = ln(−ln 0.857143) = −1.869825,
    // SE(v) = √(3/378)/0.154151 = 0.577913; CI = exp(−exp(v ± 1.959964·0.577913)) = (0.619718, 0.951552).
    const r = kaplanMeier(mpTimes, mpEvents);
    if (!r.ok) throw new Error(r.issue.message);
    const week6 = r.value.steps[0];
    expect(week6.standardError).toBeCloseTo(0.076, 3);
    expect(week6.standardError).toBeCloseTo(0.07636035483212125, 14);
    expect(week6.lower).toBeCloseTo(0.6197179552659838, 12);
    expect(week6.upper).toBeCloseTo(0.9515517476469971, 12);
    const week23 = r.value.steps.find((s) => s.time === 23)!;
    expect(week23.standardError).toBeCloseTo(0.13459145675576048, 12);
    expect(r.value.ciMethod).toBe('log-log');
  });

  it('offers the plain S ± z·SE interval, clipped to [0, 1]', () => {
    const r = kaplanMeier(mpTimes, mpEvents, { ciMethod: 'plain' });
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.value.steps[0].lower).toBeCloseTo(0.7074793118252005, 12);
    expect(r.value.steps[0].upper).toBe(1);
    expect(r.value.ciMethod).toBe('plain');
  });

  it('reports median survival 23 weeks for 6-MP (never-reached upper limit is null) and 8 for placebo', () => {
    const mp = kaplanMeier(mpTimes, mpEvents);
    const placebo = kaplanMeier(placeboTimes, placeboEvents);
    if (!mp.ok || !placebo.ok) throw new Error('fit failed');
    expect(mp.value.median).toBe(23);
    expect(mp.value.medianInterval).toEqual({ lower: 13, upper: null });
    expect(placebo.value.median).toBe(8);
  });

  it('takes the midpoint when S(t) sits exactly at 0.5', () => {
    const r = kaplanMeier([1, 2, 3, 4], [1, 1, 1, 1]);
    expect(r.ok && r.value.median).toBe(2.5);
  });

  it('drops to 0 when the last subject churns, with an undefined SE there', () => {
    const r = kaplanMeier(placeboTimes, placeboEvents);
    if (!r.ok) throw new Error(r.issue.message);
    const last = r.value.steps.at(-1)!;
    expect(last.survival).toBe(0);
    expect(last.standardError).toBeNaN();
  });

  it('rejects malformed input as values', () => {
    expect(kaplanMeier([], [])).toMatchObject({ ok: false, issue: { code: 'empty_input' } });
    expect(kaplanMeier([1, 2], [1, 2])).toMatchObject({
      ok: false,
      issue: { code: 'invalid_argument', where: 'events[1]' },
    });
  });
});

describe('logRankTest', () => {
  it('gives χ² = 16.79 (p ≈ 0.00004) for 6-MP vs placebo, as in Kleinbaum & Klein', () => {
    const r = logRankTest(
      [...mpTimes, ...placeboTimes],
      [...mpEvents, ...placeboEvents],
      [...mpTimes.map(() => '6-MP'), ...placeboTimes.map(() => 'placebo')],
    );
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.value.chiSquare).toBeCloseTo(16.79, 2);
    expect(r.value.chiSquare).toBeCloseTo(16.792940989216536, 11); // SciPy 1.17 stats.logrank (z²)
    expect(r.value.pValue).toBeCloseTo(4.1688091093345355e-5, 15);
    expect(r.value.df).toBe(1);
    // Kleinbaum & Klein: O = 9, E = 19.25 for 6-MP; O = 21, E = 10.75 for placebo.
    expect(r.value.groups[0]).toMatchObject({ group: '6-MP', subjects: 21, observed: 9 });
    expect(r.value.groups[0].expected).toBeCloseTo(19.25, 2);
    expect(r.value.groups[1].expected).toBeCloseTo(10.75, 2);
  });

  it('extends to three groups with k − 1 df, independent of group order', () => {
    // Third group made up for the test; reference χ² from an independent NumPy implementation.
    const cTimes = [3, 5, 7, 9, 12, 14, 18, 20, 24, 30];
    const cEvents = [1, 0, 1, 1, 0, 1, 1, 0, 1, 0];
    const times = [...mpTimes, ...placeboTimes, ...cTimes];
    const events = [...mpEvents, ...placeboEvents, ...cEvents];
    const groups = [...mpTimes.map(() => 'a'), ...placeboTimes.map(() => 'b'), ...cTimes.map(() => 'c')];
    const r = logRankTest(times, events, groups);
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.value.df).toBe(2);
    expect(r.value.chiSquare).toBeCloseTo(19.666774608738518, 10);
    expect(r.value.pValue).toBeCloseTo(5.363078518113551e-5, 14);
    expect(r.value.groups.map((g) => g.observed)).toEqual([9, 21, 6]);
    const reversed = logRankTest([...times].reverse(), [...events].reverse(), [...groups].reverse());
    expect(reversed.ok && reversed.value.chiSquare).toBeCloseTo(19.666774608738518, 10);
  });

  it('needs at least two groups', () => {
    expect(logRankTest([1, 2], [1, 1], ['a', 'a'])).toMatchObject({
      ok: false,
      issue: { code: 'too_few_groups' },
    });
  });
});
