import { describe, expect, test } from 'vitest';
import { partialRewrites, rewriteOutputSchema, rewriteTool } from '../../lib/ai/rewrite-schema';

const r = (text: string, why = 'Because.') => ({ text, why });

describe('rewrite schema', () => {
  test.each([
    ['three rewrites', { rewrites: [r('a'), r('b'), r('c')] }, true],
    ['none, unsure', { rewrites: [], unsure: true }, true],
    ['four rewrites', { rewrites: [r('a'), r('b'), r('c'), r('d')] }, false],
    ['an empty text', { rewrites: [r('  ')] }, false],
    ['a text too long', { rewrites: [r('x'.repeat(601))] }, false],
    ['a why too long', { rewrites: [r('ok', 'y'.repeat(201))] }, false],
    ['no why', { rewrites: [{ text: 'ok' }] }, false],
    ['no rewrites key', { unsure: true }, false],
    ['a string', 'rewrites', false],
  ])('%s', (_name, value, valid) => {
    expect(rewriteOutputSchema.safeParse(value).success).toBe(valid);
  });

  test('the tool input schema is derived from the zod schema', () => {
    expect(rewriteTool.name).toBe('suggest_rewrites');
    expect(rewriteTool.input_schema).toMatchObject({
      type: 'object',
      required: ['rewrites'],
      properties: { rewrites: { type: 'array', maxItems: 3, items: { required: ['text', 'why'] } }, unsure: { type: 'boolean' } },
    });
  });

  test.each([
    [undefined, []],
    [{}, []],
    [{ rewrites: 'x' }, []],
    [{ rewrites: [{ text: 'I am so' }] }, [{ text: 'I am so', why: '' }]],
    [{ rewrites: [{ text: 'Done.', why: 'Bec' }, { text: '' }, { why: 'x' }] }, [{ text: 'Done.', why: 'Bec' }]],
    [{ rewrites: [r('a'), r('b'), r('c'), r('d')] }, [r('a'), r('b'), r('c')]],
  ])('partialRewrites(%j)', (snapshot, expected) => expect(partialRewrites(snapshot)).toEqual(expected));
});
