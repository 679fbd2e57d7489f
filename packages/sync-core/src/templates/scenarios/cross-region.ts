import type { ScenarioTemplate } from '../template-types.ts';
import { atMinute, item, onDay, rolloutSections, text } from './define.ts';

/** Cross-region coordination: the same standard in several cities. */
export const CROSS_REGION: ScenarioTemplate = {
  id: 'cross-region',
  name: text('跨区域协同', 'Cross-region coordination'),
  description: text(
    '多城市同步执行：同一流程、同一标准，总控实时汇总。',
    'Several cities at once: one process, one standard, a control desk that sees them all.',
  ),
  checklists: [
    {
      title: text('多城协同清单', 'Multi-city checklist'),
      sections: rolloutSections({
        diagnosis: [
          item(
            '确认各城市场次、日期与负责人',
            'Confirm each city’s sessions, dates and leads',
            'remote',
            onDay(-21, '18:00'),
          ),
          item(
            '统一目标与考核口径（签到率、响应时限、记录准确率）',
            'Agree one set of targets (check-in rate, response times, record accuracy)',
            'pair',
            onDay(-14, '18:00'),
          ),
          item(
            '盘点各地场地与供应商差异',
            'List venue and supplier differences between cities',
            'remote',
            onDay(-14, '18:00'),
          ),
        ],
        team: [
          item(
            '每个城市组建现场 + 远程搭档',
            'Form an on-site + remote pair in every city',
            'pair',
            onDay(-10, '18:00'),
          ),
          item(
            '线上统一培训：同一流程、同一话术、同一标准',
            'Train all cities online: same process, same scripts, same standard',
            'pair',
            onDay(-7, '15:00'),
          ),
          item(
            '建立跨城值班表与升级联系人',
            'Set up the cross-city duty roster and escalation contacts',
            'remote',
            onDay(-5, '18:00'),
          ),
        ],
        sop: [
          item(
            '下发统一 SOP 与检查清单',
            'Send out the common SOP and checklists',
            'remote',
            onDay(-5, '18:00'),
          ),
          item(
            '统一物料设计与印刷标准，分城配送',
            'One material design and print standard, shipped per city',
            'remote',
            onDay(-4, '18:00'),
          ),
          item(
            '按清单完成场地确认并回传照片',
            'Confirm the venue against the checklist and send photos',
            'onsite',
            onDay(-2, '18:00'),
          ),
          item(
            '统一签到、事件记录与日报模板',
            'One template for check-in, incident log and daily report',
            'remote',
            onDay(-2, '18:00'),
          ),
        ],
        execution: [
          item('开场前检查并回传就绪状态', 'Check before opening and report ready', 'onsite', atMinute(-60)),
          item(
            '总控实时汇总各城签到与进度',
            'Control desk tracks every city’s check-ins and progress live',
            'remote',
            atMinute(0),
          ),
          item(
            '事件按等级上报（蓝 2 小时、黄 1 小时、红 30 分钟）',
            'Report incidents by level (blue 2 h, yellow 1 h, red 30 min)',
            'pair',
            null,
          ),
          item(
            '每 2 小时同步一次各城简报',
            'Share a short all-city update every 2 hours',
            'remote',
            atMinute(120),
          ),
        ],
        review: [
          item('提交当日日报与照片', 'Send the daily report and photos', 'onsite', onDay(0, '21:00')),
          item(
            '对比各城指标，找出差异与原因',
            'Compare the cities’ figures; find gaps and causes',
            'remote',
            onDay(2, '18:00'),
          ),
          item(
            '统一复盘会，更新标准 SOP',
            'Hold one review meeting; update the standard SOP',
            'pair',
            onDay(3, '16:00'),
          ),
          item(
            '向客户提交多城汇总报告',
            'Deliver the all-city report to the client',
            'remote',
            onDay(5, '18:00'),
          ),
        ],
      }),
    },
  ],
};
