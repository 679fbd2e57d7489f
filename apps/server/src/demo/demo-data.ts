/*
 * Content of the demo event (see demo-board.ts): staff, pairs, the five-step checklist and the
 * word lists guests are generated from. Plain data only.
 */

export const PEOPLE = [
  { id: 'demo-wangfang', name: '王芳', position: 'onsite' },
  { id: 'demo-liqiang', name: '李强', position: 'remote' },
  { id: 'demo-chenjing', name: '陈静', position: 'onsite' },
  { id: 'demo-liuyang', name: '刘洋', position: 'remote' },
  { id: 'demo-zhanglei', name: '张磊', position: 'onsite' },
  { id: 'demo-zhaomin', name: '赵敏', position: 'remote' },
] as const;
export type DemoPerson = (typeof PEOPLE)[number];

export const PAIRS = [
  { name: '第一组 · 签到接待', onsite: 0, remote: 1 },
  { name: '第二组 · 会场执行', onsite: 2, remote: 3 },
  { name: '第三组 · 物料与媒体', onsite: 4, remote: 5 },
] as const;

/** Five rollout steps; each item: title, owner pair index, due (minutes from start), state. */
export type ItemState = 'todo' | 'done' | 'verified';
export const CHECKLIST: Array<{ step: string; dueMin: number; items: Array<[string, number, ItemState]> }> = [
  {
    step: '需求诊断与目标',
    dueMin: -14 * 24 * 60,
    items: [
      ['与客户确认活动目标与到场人数（300人）', 0, 'verified'],
      ['确认嘉宾分级：VIP、演讲嘉宾、媒体、工作人员', 0, 'verified'],
      ['明确签到、引导、拍照、物料发放四项服务范围', 1, 'verified'],
      ['确认响应级别与时效：蓝2小时、黄1小时、红30分钟', 1, 'verified'],
      ['输出需求确认单并由客户签字', 2, 'verified'],
    ],
  },
  {
    step: '团队组建与培训',
    dueMin: -7 * 24 * 60,
    items: [
      ['组建三组“现场+远程”搭档', 0, 'verified'],
      ['签到流程与系统操作培训', 0, 'verified'],
      ['VIP接待礼仪与引导路线演练', 1, 'verified'],
      ['突发事件处置与上报流程培训', 2, 'done'],
      ['确认对讲机频道与值班表', 2, 'verified'],
    ],
  },
  {
    step: 'SOP与模板落地',
    dueMin: -2 * 24 * 60,
    items: [
      ['导入嘉宾名单并核对手机号', 0, 'verified'],
      ['签到台布置示意图与物料清单定稿', 0, 'verified'],
      ['会场座位图与分区标识定稿', 1, 'done'],
      ['媒体区设置与采访安排表', 2, 'verified'],
      ['复盘报告模板准备', 1, 'done'],
    ],
  },
  {
    step: '现场执行与实时记录',
    dueMin: 60,
    items: [
      ['签到台开放，胸牌与资料袋到位', 0, 'verified'],
      ['VIP贵宾室茶歇就位', 0, 'done'],
      ['主会场音视频彩排', 1, 'done'],
      ['B厅分论坛设备检查', 1, 'todo'],
      ['每小时更新到场人数并报客户', 0, 'todo'],
    ],
  },
  {
    step: '复盘与改进',
    dueMin: 24 * 60,
    items: [
      ['导出签到数据与到场曲线', 0, 'todo'],
      ['整理事件记录与处理时长', 1, 'todo'],
      ['收集客户与嘉宾反馈', 2, 'todo'],
      ['召开内部复盘会', 1, 'todo'],
      ['提交复盘报告与改进清单', 2, 'todo'],
    ],
  },
];

export const INSPECTION = ['消防通道畅通', '洗手间与指示牌检查', '茶歇补给检查'];

export const SURNAMES: Array<[string, string]> = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['林', 'lin'],
  ['高', 'gao'],
  ['罗', 'luo'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['许', 'xu'],
  ['韩', 'han'],
  ['冯', 'feng'],
];
export const GIVEN_NAMES: Array<[string, string]> = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀英', 'xiuying'],
  ['晓东', 'xiaodong'],
  ['海燕', 'haiyan'],
  ['建华', 'jianhua'],
  ['志强', 'zhiqiang'],
  ['雪梅', 'xuemei'],
  ['子涵', 'zihan'],
  ['浩然', 'haoran'],
  ['思远', 'siyuan'],
  ['一鸣', 'yiming'],
  ['佳怡', 'jiayi'],
  ['欣然', 'xinran'],
  ['俊杰', 'junjie'],
  ['婷婷', 'tingting'],
];
export const COMPANIES: Array<[string, string]> = [
  ['上海城市数字化转型研究院', 'sdtri.cn'],
  ['华东智慧交通集团', 'ecsmart.com'],
  ['申城云计算有限公司', 'shencloud.cn'],
  ['浦江数据科技股份有限公司', 'pujiangdata.com'],
  ['长三角物联网产业联盟', 'yrdiot.org'],
  ['智联城市规划设计院', 'zlplan.cn'],
  ['东方能源科技集团', 'eastenergy.com'],
  ['临港新片区管委会', 'lingang.gov.cn'],
  ['星河智能安防有限公司', 'xinghesec.com'],
  ['沪通信息技术有限公司', 'hutong-it.cn'],
  ['新城建设投资集团', 'xcjt.com'],
  ['未来社区科技有限公司', 'futurecomm.cn'],
  ['第一财经', 'yicai.com'],
  ['澎湃新闻', 'thepaper.cn'],
  ['界面新闻', 'jiemian.com'],
  ['复旦大学城市发展研究院', 'fudan.edu.cn'],
];
export const TITLES = [
  '董事长',
  '总经理',
  '副总裁',
  '首席技术官',
  '技术总监',
  '产品经理',
  '解决方案架构师',
  '市场总监',
  '项目经理',
  '研究员',
  '处长',
  '高级工程师',
];
export const MEDIA_TITLES = ['记者', '主编', '摄影记者'];
export const NOTES = ['素食', '需要停车位', '需轮椅通道', '下午14:00前离场', '需要发票'];

/** One step on an incident after it was raised: who (PEOPLE index) did what, how many minutes before `now`. */
export interface DemoIncidentStep {
  kind: 'acknowledge' | 'note' | 'resolve';
  by: number;
  minutesAgo: number;
  text?: string;
  internal?: boolean;
}

/** Incidents in the order raised; `pair` and `reporter` are PAIRS and PEOPLE indices. */
export const INCIDENTS: Array<{
  title: string;
  level: 'blue' | 'yellow' | 'red';
  category: string;
  zone: string;
  pair: number;
  note: string;
  reporter: number;
  minutesAgo: number;
  steps: DemoIncidentStep[];
}> = [
  {
    title: '暴雨预警：户外签到区转移至室内',
    level: 'red',
    category: '天气与安全',
    zone: '主入口',
    pair: 0,
    note: '气象台发布暴雨黄色预警，户外签到帐篷有进水风险',
    reporter: 4,
    minutesAgo: 110,
    steps: [
      { kind: 'acknowledge', by: 1, minutesAgo: 107 },
      { kind: 'note', by: 1, minutesAgo: 100, text: '已通知客户，签到台移至一楼大堂东侧' },
      { kind: 'resolve', by: 0, minutesAgo: 88, text: '室内签到区启用，引导牌已更换' },
    ],
  },
  {
    title: '签到处打印机卡纸',
    level: 'blue',
    category: '设备',
    zone: '签到处',
    pair: 0,
    note: '2号打印机卡纸，胸牌打印暂停',
    reporter: 0,
    minutesAgo: 52,
    steps: [
      { kind: 'acknowledge', by: 1, minutesAgo: 50 },
      { kind: 'note', by: 1, minutesAgo: 48, text: '远程已将打印任务切换到1号打印机' },
      { kind: 'resolve', by: 0, minutesAgo: 35, text: '已清理卡纸，两台打印机恢复' },
    ],
  },
  {
    title: 'B厅投影故障',
    level: 'yellow',
    category: '设备',
    zone: 'B厅',
    pair: 1,
    note: '分论坛开场前投影无信号',
    reporter: 2,
    minutesAgo: 20,
    steps: [
      { kind: 'acknowledge', by: 3, minutesAgo: 17 },
      { kind: 'note', by: 3, minutesAgo: 12, text: '场馆工程部：备用投影仪15分钟内送到', internal: true },
    ],
  },
  {
    title: '50份宣传册送至B厅',
    level: 'blue',
    category: '物料与协助',
    zone: 'B厅',
    pair: 2,
    note: 'B厅分论坛宣传册不足，需从物料间补50份',
    reporter: 4,
    minutesAgo: 6,
    steps: [],
  },
];
