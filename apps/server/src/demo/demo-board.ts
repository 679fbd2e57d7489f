import * as Y from 'yjs';
import {
  acknowledgeIncident,
  addChecklist,
  addGuest,
  addItem,
  addPair,
  addPerson,
  addSection,
  addTimelineEntry,
  checkInGuest,
  initBoard,
  raiseIncident,
  resolveIncident,
  tickItem,
  undoCheckIn,
  verifyItem,
  type OpResult,
} from '@pairboard/sync-core';

/*
 * The demo event: a one-day summit in Shanghai that is under way at `now`. Everything is
 * generated from a fixed seed, so every build has the same people, items, 300 guests (40
 * checked in) and 4 incidents; only the ids and the absolute times differ.
 */

export const DEMO_GUEST_COUNT = 300;
export const DEMO_CHECKED_IN_COUNT = 40;

const MINUTE_MS = 60_000;
const DEMO_SEED = 20260520;

const PEOPLE = [
  { id: 'demo-wangfang', name: '王芳', position: 'onsite' },
  { id: 'demo-liqiang', name: '李强', position: 'remote' },
  { id: 'demo-chenjing', name: '陈静', position: 'onsite' },
  { id: 'demo-liuyang', name: '刘洋', position: 'remote' },
  { id: 'demo-zhanglei', name: '张磊', position: 'onsite' },
  { id: 'demo-zhaomin', name: '赵敏', position: 'remote' },
] as const;
type DemoPerson = (typeof PEOPLE)[number];

const PAIRS = [
  { name: '第一组 · 签到接待', onsite: 0, remote: 1 },
  { name: '第二组 · 会场执行', onsite: 2, remote: 3 },
  { name: '第三组 · 物料与媒体', onsite: 4, remote: 5 },
] as const;

/** Five rollout steps; each item: title, owner pair index, due (minutes from start), state. */
type ItemState = 'todo' | 'done' | 'verified';
const CHECKLIST: Array<{ step: string; dueMin: number; items: Array<[string, number, ItemState]> }> = [
  { step: '需求诊断与目标', dueMin: -14 * 24 * 60, items: [
    ['与客户确认活动目标与到场人数（300人）', 0, 'verified'],
    ['确认嘉宾分级：VIP、演讲嘉宾、媒体、工作人员', 0, 'verified'],
    ['明确签到、引导、拍照、物料发放四项服务范围', 1, 'verified'],
    ['确认响应级别与时效：蓝2小时、黄1小时、红30分钟', 1, 'verified'],
    ['输出需求确认单并由客户签字', 2, 'verified'] ] },
  { step: '团队组建与培训', dueMin: -7 * 24 * 60, items: [
    ['组建三组“现场+远程”搭档', 0, 'verified'],
    ['签到流程与系统操作培训', 0, 'verified'],
    ['VIP接待礼仪与引导路线演练', 1, 'verified'],
    ['突发事件处置与上报流程培训', 2, 'done'],
    ['确认对讲机频道与值班表', 2, 'verified'] ] },
  { step: 'SOP与模板落地', dueMin: -2 * 24 * 60, items: [
    ['导入嘉宾名单并核对手机号', 0, 'verified'],
    ['签到台布置示意图与物料清单定稿', 0, 'verified'],
    ['会场座位图与分区标识定稿', 1, 'done'],
    ['媒体区设置与采访安排表', 2, 'verified'],
    ['复盘报告模板准备', 1, 'done'] ] },
  { step: '现场执行与实时记录', dueMin: 60, items: [
    ['签到台开放，胸牌与资料袋到位', 0, 'verified'],
    ['VIP贵宾室茶歇就位', 0, 'done'],
    ['主会场音视频彩排', 1, 'done'],
    ['B厅分论坛设备检查', 1, 'todo'],
    ['每小时更新到场人数并报客户', 0, 'todo'] ] },
  { step: '复盘与改进', dueMin: 24 * 60, items: [
    ['导出签到数据与到场曲线', 0, 'todo'],
    ['整理事件记录与处理时长', 1, 'todo'],
    ['收集客户与嘉宾反馈', 2, 'todo'],
    ['召开内部复盘会', 1, 'todo'],
    ['提交复盘报告与改进清单', 2, 'todo'] ] },
];

const INSPECTION = ['消防通道畅通', '洗手间与指示牌检查', '茶歇补给检查'];

const SURNAMES: Array<[string, string]> = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['林', 'lin'], ['高', 'gao'], ['罗', 'luo'], ['郑', 'zheng'],
  ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'],
];
const GIVEN_NAMES: Array<[string, string]> = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'],
  ['明', 'ming'], ['超', 'chao'], ['秀英', 'xiuying'], ['晓东', 'xiaodong'], ['海燕', 'haiyan'], ['建华', 'jianhua'],
  ['志强', 'zhiqiang'], ['雪梅', 'xuemei'], ['子涵', 'zihan'], ['浩然', 'haoran'], ['思远', 'siyuan'],
  ['一鸣', 'yiming'], ['佳怡', 'jiayi'], ['欣然', 'xinran'], ['俊杰', 'junjie'], ['婷婷', 'tingting'],
];
const COMPANIES: Array<[string, string]> = [
  ['上海城市数字化转型研究院', 'sdtri.cn'], ['华东智慧交通集团', 'ecsmart.com'], ['申城云计算有限公司', 'shencloud.cn'],
  ['浦江数据科技股份有限公司', 'pujiangdata.com'], ['长三角物联网产业联盟', 'yrdiot.org'], ['智联城市规划设计院', 'zlplan.cn'],
  ['东方能源科技集团', 'eastenergy.com'], ['临港新片区管委会', 'lingang.gov.cn'], ['星河智能安防有限公司', 'xinghesec.com'],
  ['沪通信息技术有限公司', 'hutong-it.cn'], ['新城建设投资集团', 'xcjt.com'], ['未来社区科技有限公司', 'futurecomm.cn'],
  ['第一财经', 'yicai.com'], ['澎湃新闻', 'thepaper.cn'], ['界面新闻', 'jiemian.com'], ['复旦大学城市发展研究院', 'fudan.edu.cn'],
];
const TITLES = ['董事长', '总经理', '副总裁', '首席技术官', '技术总监', '产品经理', '解决方案架构师', '市场总监', '项目经理', '研究员', '处长', '高级工程师'];
const MEDIA_TITLES = ['记者', '主编', '摄影记者'];
const NOTES = ['素食', '需要停车位', '需轮椅通道', '下午14:00前离场', '需要发票'];

/** mulberry32: small, fast and the same on every platform. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function must<T>(result: OpResult<T>): T {
  if (!result.ok) throw new Error(`demo board: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function person(index: number): DemoPerson {
  const found = PEOPLE[index];
  if (!found) throw new Error(`demo board: no person ${index}`);
  return found;
}

/**
 * Fills an empty doc with the demo event "2026 智慧城市峰会 · 上海", under way at `now`, in one
 * transaction (one update to store).
 */
export function buildDemoBoard(doc: Y.Doc, now: Date): void {
  const startsAt = new Date(Math.floor(now.getTime() / (60 * MINUTE_MS)) * 60 * MINUTE_MS - 60 * MINUTE_MS);
  const minutesFromStart = (minutes: number): Date => new Date(startsAt.getTime() + minutes * MINUTE_MS);
  const minutesAgo = (minutes: number): Date => new Date(now.getTime() - minutes * MINUTE_MS);
  const random = seededRandom(DEMO_SEED);
  doc.transact(() => {
    initBoard(doc, {
      name: '2026 智慧城市峰会 · 上海',
      venue: '上海国际会议中心（浦东滨江大道2727号）',
      timezone: 'Asia/Shanghai',
      startsAt: startsAt.toISOString(),
      endsAt: minutesFromStart(9 * 60).toISOString(),
      language: 'zh-CN',
    });
    const pairIds = addPeopleAndPairs(doc);
    addChecklists(doc, pairIds, minutesFromStart, minutesAgo);
    addGuests(doc, random, minutesFromStart, now);
    addIncidents(doc, pairIds, minutesAgo);
  }, 'demo');
}

function addPeopleAndPairs(doc: Y.Doc): string[] {
  for (const entry of PEOPLE) must(addPerson(doc, { id: entry.id, name: entry.name, position: entry.position }));
  return PAIRS.map((pair) =>
    must(addPair(doc, { name: pair.name, onsiteId: person(pair.onsite).id, remoteId: person(pair.remote).id })),
  );
}

function addChecklists(
  doc: Y.Doc,
  pairIds: string[],
  minutesFromStart: (minutes: number) => Date,
  minutesAgo: (minutes: number) => Date,
): void {
  const checklistId = must(addChecklist(doc, { title: '活动与接待执行清单' }));
  let doneCount = 0;
  for (const step of CHECKLIST) {
    const sectionId = must(addSection(doc, { checklistId, title: step.step }));
    for (const [title, pairIndex, state] of step.items) {
      const pair = PAIRS[pairIndex];
      if (!pair) throw new Error(`demo board: no pair ${pairIndex}`);
      const owner = { kind: 'pair' as const, id: pairIds[pairIndex] ?? '' };
      const dueAt = minutesFromStart(step.dueMin).toISOString();
      const itemId = must(addItem(doc, { sectionId, title, owner, dueAt }));
      if (state === 'todo') continue;
      // Older steps were done days ago, the live ones this morning.
      const doneAt = step.dueMin < 0 ? minutesFromStart(step.dueMin - 60) : minutesAgo(90 - doneCount * 5);
      doneCount += 1;
      must(tickItem(doc, itemId, person(pair.onsite), doneAt));
      if (state === 'verified') {
        must(verifyItem(doc, itemId, person(pair.remote), new Date(doneAt.getTime() + 20 * MINUTE_MS)));
      }
    }
  }
  const inspectionId = must(addChecklist(doc, { title: '现场巡检清单' }));
  const roundId = must(addSection(doc, { checklistId: inspectionId, title: '每小时巡检' }));
  for (const title of INSPECTION) {
    must(addItem(doc, { sectionId: roundId, title, owner: { kind: 'person', id: person(4).id }, dueAt: null }));
  }
}

function pickFrom<T>(list: readonly T[], random: () => number): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new Error('demo board: empty list');
  return value;
}

function addGuests(doc: Y.Doc, random: () => number, minutesFromStart: (minutes: number) => Date, now: Date): void {
  const guestIds: string[] = [];
  const walkInFrom = DEMO_GUEST_COUNT - 5;
  for (let n = 0; n < DEMO_GUEST_COUNT; n += 1) {
    const [surname, surnamePinyin] = pickFrom(SURNAMES, random);
    const [given, givenPinyin] = pickFrom(GIVEN_NAMES, random);
    const tag = n < 20 ? 'vip' : n < 28 ? 'speaker' : n < 38 ? 'media' : n < 50 ? 'staff' : null;
    const [company, domain] = tag === 'media' ? pickFrom(COMPANIES.slice(12, 15), random) : pickFrom(COMPANIES, random);
    const phone = `1${pickFrom(['38', '39', '35', '36', '50', '58', '86', '88', '89'], random)}${String(
      Math.floor(random() * 1e8),
    ).padStart(8, '0')}`;
    guestIds.push(
      must(
        addGuest(doc, {
          name: surname + given,
          company: tag === 'staff' ? '智城会务服务有限公司' : company,
          title: tag === 'media' ? pickFrom(MEDIA_TITLES, random) : tag === 'staff' ? '会务志愿者' : pickFrom(TITLES, random),
          phone,
          email: `${givenPinyin}.${surnamePinyin}${n}@${tag === 'staff' ? 'zhicheng-events.cn' : domain}`,
          tags: tag ? [tag] : [],
          host: tag === 'vip' ? pickFrom(PEOPLE, random).name : '',
          seat: seatFor(tag, n),
          plusOnes: tag === 'vip' && n % 4 === 0 ? 1 : 0,
          notes: n % 23 === 5 ? pickFrom(NOTES, random) : '',
          walkIn: n >= walkInFrom,
        }),
      ),
    );
  }
  checkInSome(doc, guestIds, walkInFrom, random, minutesFromStart, now);
}

function seatFor(tag: string | null, n: number): string {
  if (tag === 'vip') return `A区 主桌${Math.floor(n / 10) + 1}-${(n % 10) + 1}`;
  if (tag === 'speaker') return `A区 1排${n - 19}座`;
  if (tag === 'media') return `媒体区 M${n - 27}`;
  if (tag === 'staff') return '工作区';
  const zone = n < 180 ? 'B区' : 'C区';
  return `${zone} ${Math.floor(n / 20) + 1}排${(n % 20) + 1}座`;
}

/** Checks in the 5 walk-ins and 35 others, with one mistaken check-in undone and redone. */
function checkInSome(
  doc: Y.Doc,
  guestIds: string[],
  walkInFrom: number,
  random: () => number,
  minutesFromStart: (minutes: number) => Date,
  now: Date,
): void {
  const order = guestIds.slice(0, walkInFrom);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? '', order[i] ?? ''];
  }
  const chosen = [...order.slice(0, DEMO_CHECKED_IN_COUNT - 5), ...guestIds.slice(walkInFrom)];
  const opensAt = minutesFromStart(-45).getTime();
  const span = Math.max(now.getTime() - MINUTE_MS - opensAt, MINUTE_MS);
  const times = chosen.map(() => new Date(opensAt + Math.floor(random() * span))).sort((a, b) => a.getTime() - b.getTime());
  chosen.forEach((guestId, index) => {
    const doorStaff = person(index % 3 === 0 ? 2 : 0);
    must(checkInGuest(doc, guestId, doorStaff, times[index] ?? now));
  });
  const mistaken = chosen[0];
  if (mistaken) {
    const firstAt = times[0] ?? now;
    must(undoCheckIn(doc, mistaken, person(1), new Date(firstAt.getTime() + 2 * MINUTE_MS)));
    must(checkInGuest(doc, mistaken, person(0), new Date(firstAt.getTime() + 6 * MINUTE_MS)));
  }
}

function addIncidents(doc: Y.Doc, pairIds: string[], minutesAgo: (minutes: number) => Date): void {
  const [wangfang, liqiang, chenjing, liuyang, zhanglei] = [person(0), person(1), person(2), person(3), person(4)];
  const pair = (index: number) => ({ kind: 'pair' as const, id: pairIds[index] ?? '' });

  const rain = must(raiseIncident(doc, { title: '暴雨预警：户外签到区转移至室内', level: 'red', category: '天气与安全', zone: '主入口', owner: pair(0), note: '气象台发布暴雨黄色预警，户外签到帐篷有进水风险' }, zhanglei, minutesAgo(110)));
  must(acknowledgeIncident(doc, rain, liqiang, minutesAgo(107)));
  must(addTimelineEntry(doc, rain, { text: '已通知客户，签到台移至一楼大堂东侧' }, liqiang, minutesAgo(100)));
  must(resolveIncident(doc, rain, wangfang, minutesAgo(88), '室内签到区启用，引导牌已更换'));

  const printer = must(raiseIncident(doc, { title: '签到处打印机卡纸', level: 'blue', category: '设备', zone: '签到处', owner: pair(0), note: '2号打印机卡纸，胸牌打印暂停' }, wangfang, minutesAgo(52)));
  must(acknowledgeIncident(doc, printer, liqiang, minutesAgo(50)));
  must(addTimelineEntry(doc, printer, { text: '远程已将打印任务切换到1号打印机' }, liqiang, minutesAgo(48)));
  must(resolveIncident(doc, printer, wangfang, minutesAgo(35), '已清理卡纸，两台打印机恢复'));

  const projector = must(raiseIncident(doc, { title: 'B厅投影故障', level: 'yellow', category: '设备', zone: 'B厅', owner: pair(1), note: '分论坛开场前投影无信号' }, chenjing, minutesAgo(20)));
  must(acknowledgeIncident(doc, projector, liuyang, minutesAgo(17)));
  must(addTimelineEntry(doc, projector, { text: '场馆工程部：备用投影仪15分钟内送到', internal: true }, liuyang, minutesAgo(12)));

  must(raiseIncident(doc, { title: '50份宣传册送至B厅', level: 'blue', category: '物料与协助', zone: 'B厅', owner: pair(2), note: 'B厅分论坛宣传册不足，需从物料间补50份' }, zhanglei, minutesAgo(6)));
}
