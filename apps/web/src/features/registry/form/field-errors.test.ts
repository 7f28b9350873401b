import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, parseIssuePath, stepOfField } from './field-errors';

describe('parseIssuePath', () => {
  it('drops the body wrapper and turns indexes into numbers', () => {
    expect(parseIssuePath('description.dataItems.0.name')).toEqual(['dataItems', 0, 'name']);
    expect(parseIssuePath('description.rightsChain[1].resourceId')).toEqual(['rightsChain', 1, 'resourceId']);
    expect(parseIssuePath('grade')).toEqual(['grade']);
  });
});

describe('fieldErrorsOf', () => {
  const identity = (path: (string | number)[]) => path;

  it('maps zod issues onto form fields, merging messages of one field', () => {
    const details = {
      issues: [
        { path: 'description.name', message: 'too long' },
        { path: 'description.name', message: 'bad separator' },
        { path: 'description.dataItems.2.type', message: 'unknown type' },
      ],
    };
    expect(fieldErrorsOf(details, 'invalid', identity)).toEqual([
      { name: ['name'], errors: ['too long', 'bad separator'] },
      { name: ['dataItems', 2, 'type'], errors: ['unknown type'] },
    ]);
  });

  it('uses the error message for a single details.field and applies the mapping', () => {
    const map = (path: (string | number)[]) => (path[0] === 'name' ? ['nameParts', 'subject'] : null);
    expect(fieldErrorsOf({ field: 'name' }, '名称不符合命名规则', map)).toEqual([
      { name: ['nameParts', 'subject'], errors: ['名称不符合命名规则'] },
    ]);
    expect(fieldErrorsOf({ field: 'grade' }, 'x', map)).toEqual([]);
  });

  it('gives nothing for an error without field details', () => {
    expect(fieldErrorsOf({}, 'conflict', identity)).toEqual([]);
    expect(fieldErrorsOf({ issues: 'nope' }, 'x', identity)).toEqual([]);
  });
});

describe('stepOfField', () => {
  it('finds the step holding the top-level field', () => {
    const steps = [['name', 'summary'], ['dataItems'], []];
    expect(stepOfField(['dataItems', 0, 'name'], steps)).toBe(1);
    expect(stepOfField(['unknown'], steps)).toBe(-1);
  });
});
