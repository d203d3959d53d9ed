import type { Modifier } from './lexicon-types.ts';

/** Negators, degree adverbs, contrast and question markers; Chinese lists by spaces, English by commas. */
export const MODIFIERS: ReadonlyArray<readonly [Modifier, string]> = [
  [
    { kind: 'negator', strength: 1 },
    `不 没 没有 无 非 别 未 勿 不是 并不 并没有 毫不 毫无 绝不 从不 从没 从没有 从来没 从来没有 从来不 一点也不 一点都不
     一点儿也不 一点儿都不 根本不 根本没 根本没有 完全不 完全没 不会 不能 不要 不用 没什么 并非`,
  ],
  [
    { kind: 'negator', strength: 1 },
    `not, no, never, nothing, nobody, none, neither, nor, without, cannot, can't, don't, doesn't, didn't, isn't,
     aren't, wasn't, weren't, won't, wouldn't, shouldn't, couldn't, haven't, hasn't, hadn't, dont, doesnt, didnt,
     isnt, wasnt, cant, wont, lack, lacks, lacking`,
  ],
  // Comparisons with the past or the picture negate praise further along: 没有想象中的好吃, 不如以前好吃.
  [
    { kind: 'negator', strength: 1, reach: 6 },
    `不如 还不如 比不上 没有想象中 没想象中 没有想象的 没有以前 没以前 没有之前 没之前 没有上次 没上次 不像以前 没法 不敢`,
  ],
  [
    { kind: 'negator', strength: 0.6 },
    `不太 不是很 不怎么 不大 不算 不算太 不那么 没那么 没有那么 不很 不是特别 不够`,
  ],
  [
    { kind: 'negator', strength: 0.6 },
    `not very, not that, not so, not too, not really, not exactly, hardly, barely`,
  ],
  [
    { kind: 'degree', factor: 1.8 },
    `极其 极 极度 超级 特别特别 非常非常 巨 贼 死 简直 完全 绝对 太太 实在是 万分 严重`,
  ],
  [
    { kind: 'degree', factor: 1.8 },
    `extremely, incredibly, absolutely, totally, utterly, ridiculously, terribly, horribly, insanely`,
  ],
  [
    { kind: 'degree', factor: 1.5 },
    `很 非常 特别 超 太 十分 相当 真 真的 真心 实在 好 尤其 格外 过于 太过 最 那么 这么 如此 根本 好好`,
  ],
  [{ kind: 'degree', factor: 1.5 }, `very, really, so, too, super, highly, truly, quite, such`],
  [{ kind: 'degree', factor: 1.2 }, `挺 蛮 更 更加 还是很 越来越 比较 较 还挺`],
  [{ kind: 'degree', factor: 1.2 }, `pretty, fairly, more`],
  [
    { kind: 'degree', factor: 0.7 },
    `有点 有点儿 有些 有一点 有一点点 一点 一点点 稍微 稍 略 略微 些许 感觉 似乎 好像 偏`,
  ],
  [{ kind: 'degree', factor: 0.7 }, `slightly, somewhat, a bit, a little, kind of, kinda, rather`],
  [{ kind: 'post_degree', factor: 1.6 }, `死了 极了 透了 得很 得要命 得不行 爆了 至极 炸了 到家了 无比`],
  // "慢了点", "咸了些": the complaint is admitted to be small.
  [{ kind: 'post_degree', factor: 0.6 }, `了点 了点儿 了一点 了一点点 了些 一点儿 点儿`],
  [
    { kind: 'contrast', before: 0.6, after: 1.2 },
    `但是 但 不过 可是 然而 只是 只不过 就是 可惜 美中不足 唯一的缺点 唯一缺点 唯一不足 遗憾的是`,
  ],
  [{ kind: 'contrast', before: 0.6, after: 1.5 }, `but, however, yet, unfortunately, except`],
  [{ kind: 'contrast', before: 1, after: 1.3 }, `而且 并且 另外 还有 最主要 关键是 重点是`],
  [{ kind: 'concession', factor: 0.6 }, `虽然 虽说 虽 尽管`],
  [{ kind: 'concession', factor: 0.6 }, `although, though, even though`],
  [{ kind: 'question', factor: 0.3 }, `请问 想问 想咨询 咨询一下 能否 是否 怎么导出 怎么修改 怎么设置 如何`],
  [
    { kind: 'question', factor: 0.3 },
    `how do, how can, how to, what will, when will, can i, could you, can you, do you, is it possible`,
  ],
];

/**
 * Words that look like sentiment or modifiers but are not, in context (香锅 is a dish, 快递 a courier,
 * 小时 an hour, 快两个小时 "almost two hours"); listed with no value so the longest match swallows them.
 */
export const NEUTRAL_SHADOWS = `香锅 麻辣香锅 香菇 香肠 香菜 香辣 香干 酸辣 酸菜 酸奶 酸汤 酸梅 甜品 甜点 甜辣 甜不辣 甜汤 辣椒 辣子
  麻辣 微辣 中辣 特辣 辣度 冷面 冷饮 凉皮 凉面 凉菜 凉拌 凉茶 快递 快餐 快点 快要 快一 快两 快二 快三 快仨 快俩 快半 快1
  快2 快3 快4 快5 快十 快到 加快 好几 好多 好像 好不容易 好在 好歹 好奇 好友 不少 至少 多少 少放 少许 减少 少辣
  少油 少盐 少点 多放 小时 小哥 小份 小炒 小笼 小菜 小米 大小 干锅 干煸 干嘛 干什么 硬币 软件 温度 温馨 保温 等等 咸菜 咸蛋
  咸鸭蛋 淡季 油条 油泼 油菜 油焖 油炸 酱油 辣条 温州 晚饭 晚餐 晚上 晚点儿 稀饭 薄脆 焦糖 苦瓜 土豆 慢慢 慢走 差不多 差点
  一点半 可乐 可能 可见 可谓 没用过 不是说 都是 就是说 不知道 不清楚 没想到 不管 不论 无论 不得不 不停 没事 没关系 别人
  别家 别的 不一样 贵州 宝贵 非得 非要 未来 毫米 无线 不仅 不但 不只 没得选 不锈钢 是不是 尽快 赶快 快速处理
  还没用 还没有用 还没用过 还没试 还没试过 还没穿`;

/** Emoticons and emoji, with their sentiment. */
export const EMOTICONS: ReadonlyArray<readonly [number, string]> = [
  [1, `:) :-) ^_^ ^^ 😊 😀 😄 😁 😍 👍 👏 ❤ ❤️ 💯 🙏 (^_^) o(∩_∩)o`],
  [-1, `:( :-( →_→ -_- t_t tat qaq 囧 😡 😠 😞 😢 😭 👎 💢 (⊙o⊙)… (╯‵□′)╯`],
];
