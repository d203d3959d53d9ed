import type { ReasonCode } from '../canonical/canonical-schema.ts';

/**
 * Retail and e-commerce problem phrases: each names a problem of one reason code and is a complaint by
 * itself, so it carries both a topic weight and a negative sentiment (划痕 is a product-quality complaint
 * with no sentiment word around it). General vocabulary of the kind customers use in tickets, reviews and
 * surveys for goods bought online or in a store, next to the food-delivery words of the other lists.
 * Rows are [code, topic weight, sentiment, terms]; Chinese lists split on spaces, English on commas.
 */
export const COMPLAINT_TERMS: ReadonlyArray<readonly [ReasonCode, number, number, string]> = [
  [
    'product_quality',
    3,
    -2,
    `质量问题 质量堪忧 质量不行 质量不好 质量太差 做工粗糙 做工差 粗糙 工艺差 划痕 划伤 刮花 刮痕 磨损 掉漆 生锈 裂缝
     裂纹 裂开 裂了 碎了 破洞 脱线 开胶 脱胶 断了 松动 异响 杂音 异味 怪味 刺鼻 味道很大 味道太大 气味大 发烫 过热
     漏电 短路 冒烟 不安全 安全隐患 坏点 色差 缩水 变形 尺码不对 尺码不准 不合身 不合脚 过敏 长痘 红肿 刺痛 烂脸 过期
     临期 快过期 过了保质期 二手 翻新机 残次品 残次 仿品 山寨 高仿 不是正品 非正品 货不对板 与描述不符 和描述不符
     和描述不一样 跟描述不一样 和图片不符 与图片不符 和图片不一样 跟图片不一样 实物不符 缺零件 少零件 缺配件 少配件 装不上
     漏气 漏液 充不进电 充不上电 不充电 续航差 不耐穿 不结实 易碎 起毛 掉毛 发黄 变色 腐烂 烂了 霉变 质量下降 质量差了
     品质下降`,
  ],
  [
    'product_quality',
    3,
    -2,
    `scratched, scratches, scratch, dented, second-hand, secondhand, refurbished, smells, smelly, odour, odor,
     stinks, chemical smell, allergic, allergy, rash, irritation, unglued, peeling, came apart, comes apart,
     coming apart, torn, ripped, frayed, noisy, rattles, rattling, buzzing, squeaks, squeaky, dead pixel,
     dead pixels, expired, expiry, out of date, poorly made, cheaply made, badly made, flimsy, shoddy, sloppy,
     not as described, nothing like, looks different, counterfeit, fake, knock-off, knockoff, overheats,
     overheating, gets hot, unsafe, dangerous, shrank, shrunk, mouldy, moldy, rotten, spoiled, broke, breaks,
     defect, defects, strange noise, weird noise, loud noise, noise, dangerously, missing part, missing parts, parts missing, worse quality, lower quality, too small,
     too tight, too big, doesn't fit, does not fit, fell apart, stopped charging, won't charge,
     hold a charge, holds a charge, won't hold a charge, can't hold a charge, battery drains, battery dies,
     same fault, the same fault, stopped working, died after, died the`,
  ],
  ['product_quality', 2, 0, `零件 配件 图片 实物 描述 详情页 尺码 保质期 成分 材料 颜色`],
  [
    'product_quality',
    2,
    0,
    `part, parts, pictures, picture, photos, photo, listing, description, sizing, size, colour, color`,
  ],
  [
    'logistics',
    3,
    -2,
    `丢件 快递丢了 包裹丢了 丢失 弄丢 丢包 没发货 未发货 不发货 迟迟不发货 一直不发货 发货太慢 没揽收 未揽收 物流不更新
     物流没更新 物流停了 物流不动 卡在中转 未收到 收不到货 延迟 延期 推迟 拖延 拖了 一拖再拖 晚送 压坏 压碎 摔坏 摔碎
     磕坏 外箱破 箱子破 发错 寄错 错发 地址错 错地址 送错地址 解冻 送货慢 运输慢 到货慢 物流差 物流太差 根本没收到 从没收到
     完全没收到`,
  ],
  [
    'logistics',
    3,
    -2,
    `lost package, package lost, parcel lost, lost in transit, lost parcel, never arrived, never received, not received,
     hasn't arrived, has not arrived, not delivered, stuck in transit, crushed, arrived damaged, arrived broken,
     wrong address, delays, days late, weeks late, late delivery, slow delivery, slow shipping, shipping delay,
     delivery delay, unreliable delivery, left outside, left it outside, left at the door, tracking not updated, no tracking updates,
     no update, no updates, marked as delivered, marked delivered, thawed, melted, never showed up`,
  ],
  [
    'logistics',
    2,
    0,
    `仓库 驿站 快递柜 丰巢 菜鸟 顺丰 中通 圆通 申通 韵达 邮政 单号 物流信息 物流单号 上门 送上门 当日达 隔日达 运输 中转 揽收
     签收 运送 冷链`,
  ],
  [
    'logistics',
    2,
    0,
    `warehouse, driver, pickup point, locker, doorstep, dispatch, dispatched, ups, fedex, dhl, usps, postman, mail,
     estimated delivery, delivery date, next-day, next day delivery, cold chain`,
  ],
  [
    'service',
    3,
    -2,
    `踢皮球 推来推去 互相推诿 推卸 推卸责任 扯皮 没人负责 没人处理 无人处理 不给处理 不予处理 拖着不处理 答非所问 转不了人工
     一直占线 占线 不回电 没回电 没有回电 没兑现 不兑现 没有兑现 说话冲 说话很冲 态度冷淡 冷淡 爱搭不理 流程复杂 流程繁琐
     手续麻烦 繁琐 折腾死 来回折腾 说法不一 说法不一致 各说各的 没下文 没有下文 没人跟进 不跟进 没人联系 售后差 售后不管
     不负责任 没人解决 不给解决`,
  ],
  [
    'service',
    3,
    -2,
    `passed around, bounced between, bounced around, passed the buck, blamed me, no reply, no response, no answer,
     unanswered, never replied, never responded, never answered, never called back, didn't call back,
     did not call back, no one fixed, nobody fixed, no one helped, nobody helped, could not reach, couldn't reach,
     cannot reach, can't reach, on hold, put on hold, condescending, impatient, different answers,
     never followed up, no follow-up, no one followed up, nobody followed up, nobody picked up, no one picked up,
     cut me off, too complicated`,
  ],
  ['service', 2, 0, `售后 人工 人工客服 转人工 机器人 客服机器人 回电 回访 补偿 跟进 反映 流程`],
  [
    'service',
    2,
    0,
    `chatbot, bot, human, real person, queue, call back, callback, compensation, process, after-sales, hotline,
     helpdesk, help desk, customer care, live chat, chat`,
  ],
  [
    'price',
    3,
    -2,
    `又涨 一涨再涨 涨了 上涨 涨幅 价格上涨 调价 提价 更贵 变贵 越来越贵 贵了不少 贵了一截 不便宜 不实惠 性价比低
     性价比不高 性价比差 虚高 价格虚高 割韭菜 没有价保 不给价保 不保价 门槛太高 价格太高 价格偏高 价格太贵 贵太多 买不起
     消费不起`,
  ],
  [
    'price',
    3,
    -2,
    `went up, gone up, goes up, go up, price increase, price rise, price rises, prices rising, prices keep rising,
     raised the price, raise the price, raised prices, pricier, more expensive, costs more, cost more, pay more,
     paying more, higher price, higher prices, price dropped, price drop, no price protection, can't afford,
     cannot afford, not worth it, not worth the money, poor value, bad value, too pricey`,
  ],
  ['price', 2, 0, `价保 差价 保价 门槛 标价 结算价 原价 现价 运费 会员费 涨 降价`],
  [
    'price',
    2,
    0,
    `fees, fee, membership fee, shipping fee, shipping fees, delivery fee, delivery fees, price protection,
     threshold, thresholds, listed price, regular price, sale price, roaming, roaming charges, roaming fees,
     convenience fee, surcharge, surcharges, service charge`,
  ],
  [
    'competitor',
    3,
    -1.5,
    `别的平台更 其他平台更 别家更 别处更 在别家买 去别家 转战 改去 换平台 换个平台 换地方买 换个地方买 去隔壁`,
  ],
  [
    'competitor',
    3,
    -1.5,
    `switched to, switching to, moved to, moving to, went elsewhere, shop elsewhere, buy elsewhere,
     buying elsewhere, better deals elsewhere, price match, match their price, match the price`,
  ],
  [
    'competitor',
    3,
    0,
    `隔壁 新开的 新开了 附近新开 其它平台 其他app 别的app 别的网站 别的商家 其他商家 另一个平台 直播间 抖音 快手 唯品会
     盒马 山姆 永辉 沃尔玛 家乐福 叮咚 朴朴 多多买菜 美团买菜 小红书 得物`,
  ],
  [
    'competitor',
    3,
    0,
    `pinduoduo, jd, jd.com, taobao, tmall, costco, target, ebay, aliexpress, temu, shein, other platform,
     other platforms, another platform, another app, other app, other apps, other shops, other shop, other stores,
     other store, another store, another shop, new store, new competitor, livestream, live stream, other retailers,
     another retailer`,
  ],
  [
    'billing',
    3,
    -2,
    `未支付 没支付成功 支付失败 付款失败 付不了款 付款不成功 支付不成功 重复扣款 扣了两次 扣两次 没退回 没有退回 还没退
     没到账 还没到账 未到账 不到账 一直没到账 积分清零 积分没了 提现失败 开错 对不上 金额不对 金额不符 多付 多付了 没抵扣 未抵扣
     不能抵扣 自动续费 乱扣费 莫名扣费 多收钱`,
  ],
  [
    'billing',
    3,
    -2,
    `payment failed, payment fails, payment failing, double charge, charged me twice, charged three times,
     charged without, not applied, wasn't applied, was not applied, didn't apply, did not apply, overpaid,
     does not match, doesn't match, wrong amount, unauthorised charge, unauthorized charge, never refunded`,
  ],
  ['billing', 3, 0, `退差价 积分 提现 余额提现 风控 手续费 分期 抵扣 结账 付款成功 支付成功`],
  [
    'billing',
    3,
    0,
    `unpaid, points, withdrawal, balance, risk check, instalment, installment, instalments, installments,
     statement, promo code, coupon code, money back`,
  ],
  [
    'technical',
    3,
    -2,
    `收不到验证码 验证码错误 登不上 登录不了 登不进 无法登录 登录失败 白屏 黑屏 卡住了 搜不到 保存不了 存不了 无法保存
     提交不了 提交失败 点不动 点了没反应 没反应 关不掉 被冻结 冻结了 封号 不同步 显示错误 显示异常 系统繁忙 系统错误
     网络错误 无法访问 加载不出来 加载失败 掉线 打开就闪退`,
  ],
  [
    'technical',
    3,
    -2,
    `keeps crashing, freezes, froze, keeps spinning, spinning, blank screen, white screen, unresponsive,
     does nothing, lags, laggy, glitchy, can't save, cannot save, can't log in, cannot log in, can't sign in,
     cannot sign in, logs me out, logged me out, out of sync, not syncing, account frozen, account is frozen,
     account locked, locked out, loads slowly, load slowly, slow to load, won't load, can't turn off,
     cannot turn off`,
  ],
  ['technical', 2, 0, `验证码 购物车 搜索 推送 消息推送 扫码 版本 按钮 更新后 更新之后 升级后`],
  // A spinner is always a complaint when customers mention it (一直转圈, 转圈圈).
  ['technical', 3, -1, `转圈 转圈圈`],
  [
    'technical',
    2,
    0,
    `verification code, code, cart, search, notifications, notification, push notifications, qr, scan, sign in,
     version, button, checkout page, mini program`,
  ],
];
