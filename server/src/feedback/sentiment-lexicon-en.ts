/**
 * English sentiment words and phrases for customer feedback, weighted about −3..+3, comma-separated.
 * Inflected forms are listed explicitly (the matcher compares whole words, it does not stem).
 */
export const EN_SENTIMENT: ReadonlyArray<readonly [number, string]> = [
  [
    3,
    `excellent, outstanding, amazing, awesome, fantastic, perfect, superb, brilliant, wonderful, love, loved,
     loving, loves, exceptional, flawless, delighted, best, highly recommend`,
  ],
  [
    2,
    `great, good, nice, happy, pleased, satisfied, glad, recommend, recommended, enjoy, enjoyed, enjoying, helpful,
     friendly, polite, fast, quick, quickly, prompt, promptly, reliable, smooth, easy, delicious, tasty, fresh,
     impressed, impressive, thank, thanks, thank you, appreciate, appreciated, resolved, solved, fixed, well done,
     keep it up, works great, efficient, professional, courteous, responsive, affordable, worth it,
     value for money, reasonable, will buy again, would buy again, buy again, well packed, well-packed, well made,
     well-made, sturdy, as described, hassle-free`,
  ],
  [
    1,
    `easier, faster, quicker, better, nicer, renew, renewed, decent, fair, solid, cheap, cheaper, convenient, clean, on time, neat, cool, fun, correct, like,
     liked, likes, worth`,
  ],
  [
    -1,
    `slow, late, delay, delayed, wait, waiting, waited, issue, issues, problem, problems, confusing, confused,
     unclear, bland, salty, stale, cold, expensive, pricey, costly, steep, overcharge,
     hike, increase, increased, cancel, canceling, cancelling, cancelled, canceled, leave, leaving, switching,
     switch, switched, moved to, moving to, for less, better deal, better offer, better rates, better price, too long, complaint, complain, complained, refund, refunds, missing, lost, stuck, doubt,
     still waiting, unreliable, not reliable, way off, completely different, different from, irrelevant, impossible, forever, worse than`,
  ],
  [
    -2,
    `bad, poor, terrible, awful, horrible, worse, rude, unhelpful, dismissive, useless, broken, damaged, defective,
     faulty, cracked, crashes, crash, crashed, crashing, error, errors, fail, fails, failed, failing, failure, bug,
     buggy, glitch, frustrated, frustrating, annoying, annoyed, angry, upset, disappointed, disappointing,
     disappointment, unacceptable, overpriced, ripoff, rip-off, rip off, scam, wrong, incorrect, hate, hated, waste,
     wasted, nightmare, falling apart, faded, fading, leak, leaking, leaks, spilled, dirty, unprofessional, ignored,
     ignoring, can't justify, not worth, too expensive, charged twice, double charged, overcharged, complain again,
     stopped working, not working, doesn't work, does not work, don't work, won't work, hung up, poor quality, pushed me away, drove me away, push me away, outage, outages, downtime, barely lasts, doesn't last, takes forever`,
  ],
  [-3, `worst, disgusting, pathetic, furious, never again, never buy`],
  // Issue 18 item 8: everyday praise and complaint words that were missing (written from general usage).
  [
    2,
    `lovely, comfortable, comfy, bargain, spot on, rock solid, flawlessly, thoughtful, patient, terrific, fabulous,
     gorgeous, beautiful, pleasant, seamless, effortless, painless, top-notch, first class, five stars, 5 stars,
     well worth, good value, love it, exceeded my expectations, above and beyond, durable`,
  ],
  [1, `accurate, careful, early`],
  [
    -2,
    `ridiculous, absurd, outrageous, appalling, shocking, dreadful, disgraceful, shambles, garbage, rubbish, trash,
     fed up, sick of, tired of, never came, waste of money, waste of time, cut off, keeps dropping, misleading,
     mis-sold, hidden fee, hidden fees, hidden charges, robbery, daylight robbery, unusable, unreachable`,
  ],
  [-1, `nobody, chasing, chase, declined`],
];

/** Lukewarm verdicts (okay, average, nothing special): a text with no other sentiment is neutral. */
export const EN_LUKEWARM: ReadonlyArray<readonly [number, string]> = [
  [1, `ok, okay, fine, alright, all right, acceptable, it's ok, it is ok, it's okay, it is okay`],
  [-1, `average, mediocre, meh, so-so, so so, nothing special, nothing great, nothing to write home about`],
];
