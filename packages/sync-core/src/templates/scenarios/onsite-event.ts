import type { ScenarioTemplate } from '../template-types.ts';
import { atMinute, item, onDay, rolloutSections, text } from './define.ts';

/** On-site events and receptions: set-up, guest guidance, photography, material handout. */
export const ONSITE_EVENT: ScenarioTemplate = {
  id: 'onsite-event',
  name: text('现场活动与接待', 'On-site event and reception'),
  description: text(
    '发布会、展会、嘉宾接待：搭建布置、嘉宾引导、摄影、物料发放。',
    'Launches, exhibitions, receptions: set-up, guest guidance, photography, material handout.',
  ),
  checklists: [
    {
      title: text('活动执行清单', 'Event run checklist'),
      sections: rolloutSections({
        diagnosis: [
          item(
            '与客户确认活动目标、规模与嘉宾构成',
            'Confirm goals, size and guest mix with the client',
            'pair',
            onDay(-21, '10:00'),
          ),
          item(
            '踏勘场地：动线、电源、网络、应急出口',
            'Site visit: guest flow, power, network, emergency exits',
            'onsite',
            onDay(-14, '15:00'),
          ),
          item(
            '确定关键指标：签到率、准时开场、零安全事故',
            'Set the targets: check-in rate, on-time start, zero safety incidents',
            'pair',
            onDay(-14, '18:00'),
          ),
          item('编制活动流程表（Run of show）', 'Write the run of show', 'remote', onDay(-10, '18:00')),
        ],
        team: [
          item(
            '按区域组建现场 + 远程搭档（签到、会场、媒体、物料）',
            'Form on-site + remote pairs per area (check-in, hall, media, materials)',
            'pair',
            onDay(-7, '18:00'),
          ),
          item(
            '全员培训：流程、话术、响应等级（蓝 / 黄 / 红）',
            'Train everyone: run of show, scripts, response levels (blue / yellow / red)',
            'pair',
            onDay(-3, '14:00'),
          ),
          item(
            '签到志愿者练习扫码与手动签到',
            'Door staff practise scanning and manual check-in',
            'onsite',
            onDay(-2, '16:00'),
          ),
          item(
            '准备嘉宾名单与座位表',
            'Prepare the guest list and seating plan',
            'remote',
            onDay(-2, '18:00'),
          ),
        ],
        sop: [
          item(
            '搭建布置 SOP：背景板、桌椅、音视频、指引牌',
            'Set-up SOP: backdrop, furniture, AV, signage',
            'onsite',
            onDay(-1, '12:00'),
          ),
          item(
            '嘉宾接待与引导话术（VIP、媒体、讲者）',
            'Guest reception and guidance scripts (VIP, media, speakers)',
            'remote',
            onDay(-1, '15:00'),
          ),
          item(
            '摄影拍摄清单：关键镜头与时间点',
            'Photography shot list: key shots and times',
            'remote',
            onDay(-1, '17:00'),
          ),
          item(
            '物料清单与发放规则（资料袋、胸牌、礼品）',
            'Material list and handout rules (bags, badges, gifts)',
            'remote',
            onDay(-1, '18:00'),
          ),
          item(
            '应急预案：天气、断电、人流过大',
            'Contingency plan: weather, power cut, crowding',
            'pair',
            onDay(-1, '18:00'),
          ),
        ],
        execution: [
          item('场地布置完成并彩排', 'Finish the set-up and rehearse', 'onsite', atMinute(-180)),
          item(
            '签到台、指引牌、物料就位',
            'Check-in desk, signage and materials in place',
            'onsite',
            atMinute(-60),
          ),
          item(
            '开始签到，实时更新到场人数',
            'Open check-in and keep the arrival count live',
            'onsite',
            atMinute(-30),
          ),
          item('VIP 到达专人引导入座', 'Escort each VIP to their seat on arrival', 'onsite', atMinute(-10)),
          item(
            '摄影按清单拍摄并回传精选照片',
            'Shoot the shot list and send back the best photos',
            'pair',
            atMinute(60),
          ),
          item(
            '物料发放与补货请求实时登记',
            'Log material handouts and restock requests as they happen',
            'pair',
            atMinute(90),
          ),
          item('散场引导与物料回收', 'Guide guests out and collect materials', 'onsite', onDay(0, '18:00')),
        ],
        review: [
          item(
            '导出签到数据与到场曲线',
            'Export check-in data and the arrival curve',
            'remote',
            onDay(0, '21:00'),
          ),
          item(
            '汇总事件记录与响应时间',
            'Summarise incidents and response times',
            'remote',
            onDay(1, '12:00'),
          ),
          item(
            '整理照片与素材交付客户',
            'Sort photos and footage and deliver them to the client',
            'remote',
            onDay(1, '18:00'),
          ),
          item(
            '召开复盘会，更新 SOP 与模板',
            'Hold the review meeting; update SOPs and templates',
            'pair',
            onDay(3, '16:00'),
          ),
        ],
      }),
    },
  ],
};
