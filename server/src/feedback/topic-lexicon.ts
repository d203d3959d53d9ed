import type { ReasonCode } from '../canonical/canonical-schema.ts';

/**
 * Comparisons against us ("比这里靠谱", "cheaper than you"): the praise in their clause is a rival's. Chinese
 * and English in one list, split on commas.
 */
export const RIVAL_COMPARISONS = `比这里, 比你们, 比你家, 比这家, 比这边, 比本店, than you, than yours, than here, than this store,
  than this shop, than this app`;

/**
 * Evidence for each reason code (DOMAIN.md §2) with weights: 3 = names the reason outright (送错,
 * overcharged), 2 = a clear complaint word or subject, 1 or less = a weak hint. Chinese lists are split by
 * spaces, English by commas. A term may appear under several codes.
 */
export const TOPIC_TERMS: ReadonlyArray<readonly [ReasonCode, number, string]> = [
  [
    'logistics',
    3,
    `送错 送成 拿错 漏送 少送 没送 没有送 忘送 没送到 送晚 晚到 迟到 超时 延误 配送慢 送餐慢 送货慢 发货慢 物流慢 洒了
     撒了 全洒 漏汤 凉了 冷了 凉透 都凉了 全凉了 没收到 还没到 还没送 才到 才送到 才送来 才送 不送 不进 压扁 驿站
     快递 物流 发货 包裹 派送 次日达 送达时间 预约时间 催单 催餐`,
  ],
  [
    'logistics',
    3,
    `shipping, shipped, shipment, delivery, delivered, courier, parcel, package, tracking, in transit,
     arrived late, wrong item`,
  ],
  [
    'logistics',
    2,
    `时间 久 时间长 时间太长 预期时间 送餐 配送 送货 送达 送到 送来 送过来 送的 送得 到货 外卖员 送餐员 配送员 骑手 骑士 快递员 慢 太慢 速度 等了 准时
     及时 提前 早到 早送 晚了 洒 撒 化了 融了 塌了 凉 冷的 温的 筷子 勺子 吸管 纸巾 餐具 餐巾纸 漏了 破了 袋子
     门卫 楼下 门口 取餐 地址 签收 收货 神速 飞速`,
  ],
  ['logistics', 2, `deliver, delivering, late, damaged, box, ship, arrive, arrived, arrival, transit`],
  [
    'product_quality',
    3,
    `难吃 不好吃 难以下咽 没法吃 变质 馊 发臭 发霉 夹生 没熟 不熟 头发 毛发 虫子 苍蝇 蟑螂 异物 烟头 别针 钢丝 不新鲜
     质量差 品质差 做工差 假货 次品 瑕疵 开线 起球 掉色 褪色 不耐用 噪音 没声音 结块 受潮 召回 批次 就坏`,
  ],
  [
    'product_quality',
    3,
    `quality, defective, stale, cracked, falling apart, faded, fading, stitching, fabric, battery, recall, recalled,
     faulty`,
  ],
  [
    'product_quality',
    2,
    `菜少 肉少 饭少 料少 量很少 量太少 分量少 太小 好小 真小 挺小 很小 味道 口味 口感 好吃 好喝 难喝 咸 淡 甜 辣 油 腻 硬 干 坨 糊 焦 腥 酸 苦 臭 新鲜 分量 份量 菜量 饭量 量少 量小 量大
     量足 太少 很少 好少 不够吃 吃不饱 质量 品质 材质 面料 做工 正宗 不正宗 肥肉 恶心 反胃 拉肚子 卫生 包装 坏了`,
  ],
  [
    'product_quality',
    2,
    `bland, salty, taste, tasted, tasty, flavor, flavour, product, lid, sole, shoes, jacket, jackets, material,
     broken, cheap`,
  ],
  [`product_quality`, 1, `一般 一般般 没味道 没有味道 无味 凑合 抠`],
  [
    'product_quality',
    0.5,
    `米饭 肉 菜 饭 面 饼 汤 粥 餐盒 产品 商品 东西 衣服 鞋 耳机 冰箱 洗发水 奶粉 干净`,
  ],
  [
    'price',
    3,
    `价格 价钱 价位 贵 太贵 涨价 性价比 不值 划算 不划算 实惠 优惠 打折 打个折 折扣 会员价 年费 套餐价 定价 便宜 块钱
     大洋`,
  ],
  [
    'price',
    3,
    `price, prices, pricing, priced, expensive, overpriced, pricey, costly, cost, costs, steep, afford, affordable,
     discount, price hike, hike, rates, cheaper`,
  ],
  [`price`, 1, `元 块 钱 值 不值得 费用`],
  [`price`, 1, `worth, value, money`],
  [
    'service',
    3,
    `态度 服务态度 客服 不耐烦 爱答不理 没人理 没人管 没人接 没人回 不理 不回 不回复 没回复 没有回复 拒接 挂了 挂电话
     狡辩 骗人 素质 工单 敷衍 推诿 推脱 店员 服务员 工作人员`,
  ],
  [
    'service',
    3,
    `customer service, support, agent, staff, rude, unhelpful, dismissive, hung up, response, respond, responded,
     follow up, followed up, ticket, representative, rep, service`,
  ],
  [`service`, 2, `服务 电话 打电话 接电话 回电 处理 解决 投诉 道歉 商家 店家 老板 不接 问了 说话`],
  [`service`, 3, `说话太冲 态度太冲 踢皮球 互相推诿 推来推去`],
  [
    'service',
    3,
    `nobody owns, no one owns, another team's job, other team's job, passed around, runaround, bounced between,
     automated email, automated reply, canned response, canned reply`,
  ],
  [`technical`, 2, `找不到在哪 在哪改 在哪里改 不知道在哪 设置里没有 找不到入口`],
  [
    `technical`,
    2,
    `can't find where, cannot find where, where do i change, where can i change, no option to`,
  ],
  ['service', 2, `help, helpful, transferring, transferred, answered, answer, emails, email, called, call`],
  [
    'competitor',
    3,
    `别家 别的平台 其他平台 另一家 另外一家 竞争对手 对手 同行 拼多多 京东 淘宝 天猫 美团 饿了么 苏宁 亚马逊 换到 转到
     转过去 换成别 换一家 其他家 别的店`,
  ],
  [
    'competitor',
    3,
    `competitor, competitors, rival, another provider, other provider, other company, another company,
     switching to, switch to, switched to, moving to, moved to, moving over, elsewhere, amazon, walmart,
     better deal, better offer, new platform, local platform`,
  ],
  // Telecom, broadband and electronics rivals and leaving with one's number (issue 18 item 8).
  [
    'competitor',
    3,
    `verizon, at&t, t-mobile, t mobile, tmobile, sprint, vodafone, comcast, xfinity, local isp, another isp,
     other isp, another carrier, other carrier, another network, port my number, porting my number,
     ported my number, porting out, new provider, best buy, the new guys`,
  ],
  [`competitor`, 3, `携号转网 转网 别家的卡 别家的号 办了别家 换了别家`],
  // 那边 ("over there") names a rival only in context (去那边买); alone it is often a department (财务那边).
  [`competitor`, 1, `同款 一样的东西 比他们 更便宜 更快 那边`],
  [`competitor`, 1, `other, another`],
  [`competitor`, 1, RIVAL_COMPARISONS],
  [
    'billing',
    3,
    `账单 扣费 扣款 扣钱 多扣 乱扣 重复扣费 自动扣费 乱收费 收费 多收 退款 退钱 发票 付款 支付 充值 余额 代金券 优惠券
     满减 红包 到账 对公转账 付款方式 信用卡 银行卡 支付宝 微信支付`,
  ],
  [
    'billing',
    3,
    `billed, billing, bill, charged, charge, charges, invoice, invoices, refund, refunds, payment, payments,
     credit card, card on file, receipt, overcharged, auto-renew, subscription fee`,
  ],
  [`billing`, 1, `扣 收了 钱 订阅 续费`],
  [`billing`, 1, `card, paid, pay`],
  [
    'technical',
    3,
    `app 闪退 登录 登陆 密码 报错 卡死 卡顿 加载 系统 网页 网站 小程序 软件 bug 崩溃 打不开 用不了 数据 同步 升级 导出
     后台 界面 页面 链接 二维码`,
  ],
  [
    'technical',
    3,
    `crash, crashes, crashed, crashing, log in, login, logging, website, site, sync, password, error, errors, bug,
     bugs, glitch, outage, outages, downtime, integration, update, updated, loading, page, settings, export`,
  ],
  [`technical`, 1, `更新 上传 照片 设置 账号 账户`],
  [`technical`, 1, `account, online, broken, not working, stopped working, doesn't work`],
];
