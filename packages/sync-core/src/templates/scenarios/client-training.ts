import type { ScenarioTemplate } from '../template-types.ts';
import { atMinute, item, onDay, rolloutSections, text } from './define.ts';

/** Client training and consulting: one presents, the other answers and follows up. */
export const CLIENT_TRAINING: ScenarioTemplate = {
  id: 'client-training',
  name: text('客户培训与咨询', 'Client training and consulting'),
  description: text(
    '一人主讲，一人答疑与跟进：课前诊断、课中记录、课后回复。',
    'One presents, one answers and follows up: diagnose before, record during, reply after.',
  ),
  checklists: [
    {
      title: text('培训执行清单', 'Training checklist'),
      sections: rolloutSections({
        diagnosis: [
          item(
            '访谈客户，确认培训对象与痛点',
            'Interview the client: who is trained and what hurts',
            'pair',
            onDay(-14, '10:00'),
          ),
          item(
            '发放课前问卷，了解学员基础',
            'Send a pre-course survey on the learners’ level',
            'remote',
            onDay(-10, '18:00'),
          ),
          item(
            '确定学习目标与评估方式',
            'Set the learning goals and how they are assessed',
            'pair',
            onDay(-7, '18:00'),
          ),
        ],
        team: [
          item(
            '分工：讲师主讲，搭档答疑与跟进',
            'Split roles: the trainer presents, the partner answers and follows up',
            'pair',
            onDay(-7, '18:00'),
          ),
          item(
            '讲师完整试讲一遍并计时',
            'Trainer runs the whole course once, timed',
            'onsite',
            onDay(-3, '15:00'),
          ),
          item(
            '搭档熟悉常见问题与答案库',
            'Partner learns the FAQ and answer bank',
            'remote',
            onDay(-3, '18:00'),
          ),
        ],
        sop: [
          item(
            '课件定稿并发送客户确认',
            'Finalise the slides and send them for client sign-off',
            'onsite',
            onDay(-2, '18:00'),
          ),
          item(
            '准备签到表、练习材料与反馈问卷',
            'Prepare the sign-in sheet, exercises and feedback form',
            'remote',
            onDay(-1, '12:00'),
          ),
          item(
            '测试会议系统、投屏与录屏',
            'Test the meeting system, screen sharing and recording',
            'pair',
            onDay(-1, '16:00'),
          ),
          item('发送开课提醒与入会链接', 'Send the reminder and joining link', 'remote', onDay(-1, '18:00')),
        ],
        execution: [
          item(
            '开场前 30 分钟设备联调',
            'Run the equipment check 30 minutes before start',
            'pair',
            atMinute(-30),
          ),
          item('按大纲授课并控制时间', 'Teach to the outline and keep time', 'onsite', atMinute(0)),
          item('实时记录提问并在线答疑', 'Log questions live and answer them online', 'remote', atMinute(15)),
          item(
            '课中练习与小测，记录完成情况',
            'Run exercises and a quiz; record completion',
            'pair',
            atMinute(90),
          ),
          item('收集课后反馈问卷', 'Collect the feedback forms', 'remote', atMinute(180)),
        ],
        review: [
          item(
            '发送课件、录屏与学习资料',
            'Send slides, recording and reading material',
            'remote',
            onDay(1, '12:00'),
          ),
          item(
            '整理问答清单，24 小时内回复未决问题',
            'Compile the Q&A; answer open questions within 24 hours',
            'remote',
            onDay(1, '18:00'),
          ),
          item(
            '分析反馈得分与测验结果',
            'Analyse feedback scores and quiz results',
            'pair',
            onDay(3, '18:00'),
          ),
          item('更新课件与答疑库', 'Update the slides and the answer bank', 'pair', onDay(5, '18:00')),
        ],
      }),
    },
  ],
};
