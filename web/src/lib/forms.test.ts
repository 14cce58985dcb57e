import { describe, expect, it } from 'vitest';
import { toNamePath } from './forms.ts';

describe('toNamePath', () => {
  it('turns a server field path into antd’s name path, with list indexes as numbers', () => {
    expect(toNamePath('grants.0.unitId')).toEqual(['grants', 0, 'unitId']);
    expect(toNamePath('username')).toEqual(['username']);
  });
});
