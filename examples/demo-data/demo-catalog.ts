/**
 * @module What the demo's tickets are made of, with the shares the plan promises: intake channels,
 * fault categories, product lines and their models, priorities, customer tiers, regions, and the words
 * customers and engineers write. Every value is one the `after-sales-ticket` template's forms accept.
 */

export type Channel = 'phone' | 'web' | 'wechat' | 'email' | 'onsite';
export type Tier = 'vip' | 'key' | 'standard';
export type Priority = 'urgent' | 'high' | 'normal' | 'low';
export type ProductLine = 'phone' | 'laptop' | 'tablet' | 'tv' | 'smart-home';
export type Category =
  | 'screen'
  | 'battery'
  | 'power'
  | 'noise'
  | 'overheating'
  | 'software'
  | 'connectivity'
  | 'appearance'
  | 'water'
  | 'installation'
  | 'accessory'
  | 'other';

/** Shares of tickets by intake channel (sum 1). */
export const CHANNEL_SHARES: Record<Channel, number> = {
  phone: 0.34,
  wechat: 0.26,
  web: 0.2,
  email: 0.08,
  onsite: 0.12,
};

/** Shares of tickets by fault category outside the defect spike (sum 1). */
export const CATEGORY_SHARES: Record<Category, number> = {
  software: 0.17,
  battery: 0.14,
  power: 0.1,
  connectivity: 0.1,
  screen: 0.09,
  overheating: 0.07,
  appearance: 0.06,
  installation: 0.06,
  noise: 0.05,
  water: 0.04,
  accessory: 0.04,
  other: 0.08,
};

/** Shares of customers by tier (sum 1). */
export const TIER_SHARES: Record<Tier, number> = { vip: 0.05, key: 0.2, standard: 0.75 };

/** Shares of tickets by priority (sum 1); VIP customers' tickets are raised one level more often. */
export const PRIORITY_SHARES: Record<Priority, number> = { urgent: 0.05, high: 0.2, normal: 0.6, low: 0.15 };

/** Product lines, their share of the installed base, and their models with the serial prefix. */
export const PRODUCT_LINES: Record<
  ProductLine,
  { share: number; models: { model: string; prefix: string }[] }
> = {
  phone: {
    share: 0.4,
    models: [
      { model: 'X200', prefix: 'X200A' },
      { model: 'X200 Pro', prefix: 'X200P' },
      { model: 'X300', prefix: 'X300A' },
    ],
  },
  laptop: {
    share: 0.2,
    models: [
      { model: 'L14 Air', prefix: 'L14A' },
      { model: 'L16 Pro', prefix: 'L16P' },
    ],
  },
  tablet: {
    share: 0.12,
    models: [
      { model: 'P11', prefix: 'P11T' },
      { model: 'P12', prefix: 'P12T' },
    ],
  },
  tv: {
    share: 0.16,
    models: [
      { model: 'T55', prefix: 'T55V' },
      { model: 'T65', prefix: 'T65V' },
    ],
  },
  'smart-home': {
    share: 0.12,
    models: [
      { model: 'Hub 2', prefix: 'HUB2' },
      { model: 'Cam 3', prefix: 'CAM3' },
    ],
  },
};

/** Province and city pairs the customers live in (the template's region fields are city-level). */
export const REGIONS: { province: string; city: string; weight: number }[] = [
  { province: '广东省', city: '深圳市', weight: 9 },
  { province: '广东省', city: '广州市', weight: 8 },
  { province: '上海市', city: '上海市', weight: 9 },
  { province: '北京市', city: '北京市', weight: 9 },
  { province: '浙江省', city: '杭州市', weight: 6 },
  { province: '江苏省', city: '南京市', weight: 5 },
  { province: '江苏省', city: '苏州市', weight: 5 },
  { province: '四川省', city: '成都市', weight: 6 },
  { province: '湖北省', city: '武汉市', weight: 5 },
  { province: '陕西省', city: '西安市', weight: 4 },
  { province: '重庆市', city: '重庆市', weight: 4 },
  { province: '天津市', city: '天津市', weight: 3 },
  { province: '山东省', city: '青岛市', weight: 3 },
  { province: '福建省', city: '厦门市', weight: 3 },
  { province: '湖南省', city: '长沙市', weight: 3 },
  { province: '河南省', city: '郑州市', weight: 3 },
];

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
export const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '平',
  '刚',
  '桂英',
  '婷',
  '鹏',
  '琳',
  '浩',
];
export const COMPANY_WORDS = [
  '华',
  '盛',
  '达',
  '通',
  '瑞',
  '鑫',
  '嘉',
  '恒',
  '远',
  '新',
  '博',
  '信',
  '泰',
  '安',
  '德',
  '宏',
];
export const COMPANY_KINDS = [
  '科技有限公司',
  '贸易有限公司',
  '酒店管理有限公司',
  '电子商务有限公司',
  '物业服务有限公司',
  '连锁超市',
];

/** What the customer says, what the engineer finds, and how it is fixed, per category. */
export const FAULT_TEXTS: Record<Category, { description: string; diagnosis: string; solution: string }> = {
  screen: {
    description: '屏幕闪烁、出现竖线 / The screen flickers and shows vertical lines',
    diagnosis: 'Display panel flex cable loose; panel batch suspected',
    solution: 'Replace the display assembly',
  },
  battery: {
    description: '电池续航明显变短 / The battery drains far faster than before',
    diagnosis: 'Battery capacity below 70 % of design',
    solution: 'Replace the battery pack',
  },
  power: {
    description: '无法开机或无法充电 / It does not power on or charge',
    diagnosis: 'Charging IC fault on the main board',
    solution: 'Replace the charging board',
  },
  noise: {
    description: '运行时有异响 / It makes a rattling noise while running',
    diagnosis: 'Fan bearing worn',
    solution: 'Replace the fan module',
  },
  overheating: {
    description: '使用时机身发烫 / The body gets very hot in use',
    diagnosis: 'Thermal paste dried out; background process loop',
    solution: 'Reapply thermal paste and update the firmware',
  },
  software: {
    description: '系统卡顿、频繁重启 / The system lags and restarts often',
    diagnosis: 'Corrupted system partition after an interrupted update',
    solution: 'Reflash the firmware remotely and restore the user data',
  },
  connectivity: {
    description: 'Wi-Fi 或蓝牙经常断开 / Wi-Fi or Bluetooth keeps disconnecting',
    diagnosis: 'Antenna connector oxidised',
    solution: 'Clean and reseat the antenna; update the network driver',
  },
  appearance: {
    description: '外壳有划痕或裂纹 / The casing is scratched or cracked',
    diagnosis: 'Cosmetic damage to the rear cover',
    solution: 'Replace the rear cover',
  },
  water: {
    description: '进水后无法正常使用 / It stopped working properly after getting wet',
    diagnosis: 'Liquid damage indicators triggered; corrosion on the board',
    solution: 'Clean the board and replace the corroded parts (paid repair)',
  },
  installation: {
    description: '需要上门安装调试 / Needs installation and set-up',
    diagnosis: 'Wall mount and network set-up required',
    solution: 'Book an installer visit',
  },
  accessory: {
    description: '包装内缺少配件 / An accessory is missing from the box',
    diagnosis: 'Charger missing from the package',
    solution: 'Ship the missing accessory',
  },
  other: {
    description: '其他使用问题咨询 / A question about using the product',
    diagnosis: 'Usage question, no fault found',
    solution: 'Explain the settings to the customer',
  },
};
