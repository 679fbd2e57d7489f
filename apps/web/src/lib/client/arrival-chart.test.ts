import { describe, expect, it } from 'vitest';
import { withAlpha } from './arrival-chart.ts';

describe('withAlpha', () => {
  it('turns a token hex colour into a translucent fill', () => {
    expect(withAlpha('#16a34a', 0.22)).toBe('rgb(22 163 74 / 0.22)');
  });

  it('leaves colours it cannot parse as they are', () => {
    expect(withAlpha('rebeccapurple', 0.5)).toBe('rebeccapurple');
  });
});
