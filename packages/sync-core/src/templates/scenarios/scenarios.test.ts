import { describe, expect, it } from 'vitest';
import { ROLLOUT_STEPS } from './define.ts';
import { SCENARIO_TEMPLATES, SCENARIO_TEMPLATE_IDS, getScenarioTemplate } from './index.ts';

describe('scenario templates', () => {
  it('offers the four scenarios of the product brief', () => {
    expect(SCENARIO_TEMPLATE_IDS).toEqual([
      'daily-operations',
      'onsite-event',
      'client-training',
      'cross-region',
    ]);
    expect(getScenarioTemplate('onsite-event').name.en).toBe('On-site event and reception');
  });

  it.each(SCENARIO_TEMPLATES)('$id follows the five rollout steps, in order', (template) => {
    for (const checklist of template.checklists) {
      expect(checklist.sections.map((section) => section.title)).toEqual(Object.values(ROLLOUT_STEPS));
      for (const section of checklist.sections) expect(section.items.length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(SCENARIO_TEMPLATES)('$id has its own Chinese and English text for every line', (template) => {
    const texts = [
      template.name,
      template.description,
      ...template.checklists.flatMap((checklist) => [
        checklist.title,
        ...checklist.sections.flatMap((section) => [
          section.title,
          ...section.items.map((item) => item.title),
        ]),
      ]),
    ];
    for (const line of texts) {
      expect(line['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(line.en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(line.en.length).toBeGreaterThan(0);
    }
  });

  it.each(SCENARIO_TEMPLATES)(
    '$id gives on-site, remote and pair work, each item with a placeholder',
    (template) => {
      const items = template.checklists.flatMap((c) => c.sections.flatMap((s) => s.items));
      expect(new Set(items.map((item) => item.owner))).toEqual(new Set(['onsite', 'remote', 'pair']));
    },
  );
});
