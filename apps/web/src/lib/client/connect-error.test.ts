import { describe, expect, it } from 'vitest';
import { classifyRefusal } from './connect-error.ts';

describe('classifyRefusal', () => {
  it('treats unauthorized as a dead link', () => {
    expect(classifyRefusal('unauthorized')).toEqual({ kind: 'gone' });
  });

  it('asks for the PIN, saying what was wrong with the last one', () => {
    expect(classifyRefusal('pin_required')).toEqual({ kind: 'pin', problem: 'required' });
    expect(classifyRefusal('pin_incorrect')).toEqual({ kind: 'pin', problem: 'incorrect' });
    expect(classifyRefusal('pin_locked')).toEqual({ kind: 'pin', problem: 'locked' });
  });

  it('retries anything else (server restart, transport error)', () => {
    expect(classifyRefusal('internal')).toEqual({ kind: 'retry' });
    expect(classifyRefusal('xhr poll error')).toEqual({ kind: 'retry' });
  });
});
