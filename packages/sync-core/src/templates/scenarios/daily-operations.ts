import type { ScenarioTemplate } from '../template-types.ts';
import { atMinute, item, onDay, rolloutSections, text } from './define.ts';

/** Daily operations support: reception, meetings, inspections, travel. */
export const DAILY_OPERATIONS: ScenarioTemplate = {
  id: 'daily-operations',
  name: text('日常运营支持', 'Daily operations support'),
  description: text(
    '前台接待、会议保障、巡检与差旅：现场执行，远程排期与记录。',
    'Reception, meetings, inspections and travel: on-site does, remote schedules and records.',
  ),
  checklists: [
    {
      title: text('日常运营支持清单', 'Daily operations checklist'),
      sections: rolloutSections({
        diagnosis: [
          item(
            '与客户确认服务范围：接待、会议、巡检、差旅',
            'Confirm the service scope with the client: reception, meetings, inspections, travel',
            'pair',
            onDay(-14, '10:00'),
          ),
          item(
            '梳理本周会议与来访日程',
            'List this week’s meetings and visits',
            'remote',
            onDay(-7, '17:00'),
          ),
          item(
            '约定响应时限与质量目标（信息 30 分钟内传达，记录准确率 ≥95%）',
            'Agree response times and quality targets (information passed on within 30 min, ≥95 % record accuracy)',
            'pair',
            onDay(-7, '18:00'),
          ),
          item(
            '确认客户对接人与紧急联系人',
            'Confirm the client contact and the emergency contacts',
            'remote',
            onDay(-5, '12:00'),
          ),
        ],
        team: [
          item(
            '确定现场与远程搭档，明确分工',
            'Form the on-site and remote pair and split the duties',
            'pair',
            onDay(-5, '18:00'),
          ),
          item(
            '熟悉楼层、会议室与访客动线',
            'Walk the floors, meeting rooms and visitor routes',
            'onsite',
            onDay(-3, '17:00'),
          ),
          item(
            '开通共享日程、订票与报销权限',
            'Get access to the shared calendar, booking and expense tools',
            'remote',
            onDay(-3, '17:00'),
          ),
          item(
            '演练一次访客接待与会议保障流程',
            'Rehearse one visitor reception and one meeting set-up',
            'pair',
            onDay(-2, '16:00'),
          ),
        ],
        sop: [
          item(
            '前台接待 SOP：登记、引导、茶水、送别',
            'Reception SOP: sign-in, escort, refreshments, farewell',
            'remote',
            onDay(-2, '18:00'),
          ),
          item(
            '会议保障清单：设备调试、资料打印、纪要模板',
            'Meeting checklist: equipment test, handouts, minutes template',
            'remote',
            onDay(-1, '12:00'),
          ),
          item(
            '巡检路线与检查表（门禁、设备、卫生、消防通道）',
            'Inspection route and form (access control, equipment, cleaning, fire exits)',
            'onsite',
            onDay(-1, '17:00'),
          ),
          item(
            '差旅预订模板：行程单、酒店、接送',
            'Travel booking template: itinerary, hotel, transfers',
            'remote',
            onDay(-1, '18:00'),
          ),
        ],
        execution: [
          item(
            '开门前巡检并拍照记录',
            'Inspect before opening and record it with photos',
            'onsite',
            atMinute(-30),
          ),
          item('访客到达登记并通知被访人', 'Sign visitors in and tell their host', 'onsite', atMinute(0)),
          item(
            '会议前调试投屏与音频',
            'Test screen sharing and audio before each meeting',
            'onsite',
            atMinute(45),
          ),
          item(
            '实时更新日程变化并同步现场',
            'Keep the schedule current and tell on-site about changes',
            'remote',
            atMinute(120),
          ),
          item(
            '异常情况 30 分钟内上报并记录',
            'Report and log anything unusual within 30 minutes',
            'pair',
            null,
          ),
          item('会议纪要当天发出', 'Send the meeting minutes the same day', 'remote', onDay(0, '18:00')),
        ],
        review: [
          item(
            '汇总当日接待、会议与巡检记录',
            'Collect the day’s reception, meeting and inspection records',
            'remote',
            onDay(0, '19:00'),
          ),
          item('交叉复核记录准确率', 'Cross-check the records for accuracy', 'pair', onDay(1, '12:00')),
          item('整理问题清单并更新 SOP', 'List the issues and update the SOPs', 'pair', onDay(1, '17:00')),
          item('向客户发送周报', 'Send the weekly report to the client', 'remote', onDay(2, '12:00')),
        ],
      }),
    },
  ],
};
