// The judge must fail cards for the reasons it claims to: these cases prove each check bites.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judge, unreadFields, LIMIT_BYTES } from './judge-cards.mjs';

const card = (body, actions = []) => ({
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  type: 'AdaptiveCard',
  version: '1.5',
  body,
  actions,
});
const text = (t, extra = {}) => ({ type: 'TextBlock', text: t, wrap: true, ...extra });
const problemsOf = (template, data = {}, name = 'self-card') => judge(name, template, data).problems;
const expectProblem = (problems, pattern) =>
  assert.ok(problems.some((p) => pattern.test(p)), `expected a problem matching ${pattern}, got:\n${problems.join('\n')}`);

test('a clean card passes', () => {
  assert.deepEqual(problemsOf(card([text('${title}')]), { title: 'Hello' }), []);
});

test('a field missing from the data fails, in text and in $when', () => {
  expectProblem(problemsOf(card([text('${title}')]), {}), /field "title" is not in the data/);
  expectProblem(problemsOf(card([text('x', { $when: "${flag != ''}" })]), {}), /field "flag" is not in the data/);
});

test('a field that matches only ignoring case fails', () => {
  expectProblem(problemsOf(card([text('${Title}')]), { title: 'x' }), /matches the data only ignoring case/);
});

test('null in the data fails', () => {
  expectProblem(problemsOf(card([text('a')]), { title: null }), /null at \$\.title/);
});

test('an unknown element fails', () => {
  expectProblem(problemsOf(card([{ type: 'Carousel', pages: [] }])), /parse: Unknown element type "Carousel"/);
});

test('a required input without label or error message fails', () => {
  const problems = problemsOf(card([{ type: 'Input.Text', id: 'x', isRequired: true }]));
  expectProblem(problems, /validation: Required inputs should have a label/);
  expectProblem(problems, /validation: Required inputs should have an error message/);
});

test('a misspelt property the renderer drops fails', () => {
  expectProblem(problemsOf(card([{ type: 'Input.Text', id: 'x', label: 'X', isMultiLine: true }])), /renderer dropped \$\.body\[0\]\.isMultiLine/);
});

test('Action.Submit, an undocumented verb, and a wrong cardKind fail', () => {
  expectProblem(problemsOf(card([], [{ type: 'Action.Submit', title: 'Go' }])), /Action.Submit is not allowed/);
  expectProblem(problemsOf(card([], [{ type: 'Action.Execute', title: 'Go', verb: 'nope.never', data: { cardKind: 'self-card' } }])), /verb nope.never is not documented/);
  expectProblem(problemsOf(card([], [{ type: 'Action.Execute', title: 'Go', verb: 'card.refresh', data: { cardKind: 'other' } }])), /data.cardKind is "other"/);
});

test('a coloured text without words fails', () => {
  expectProblem(problemsOf(card([text('${rag.label}', { color: 'attention' })]), { rag: { label: '' } }), /coloured TextBlock without words/);
});

test('a card over 28 KB fails', () => {
  const big = 'x'.repeat(LIMIT_BYTES);
  expectProblem(problemsOf(card([text('${t}')]), { t: big }), /over the 28672-byte limit/);
});

test('a data field no data file lets the template read is reported, once across all files', () => {
  const template = card([text('${a}'), text('${b.c}', { $when: '${show}' })]);
  const shown = judge('self-card', template, { a: '1', b: { c: '2', d: '3' }, show: true, extra: 'x' }).fields;
  const hidden = judge('self-card', template, { a: '1', b: { c: '2', d: '3' }, show: false, extra: 'x' }).fields;
  assert.deepEqual(unreadFields([shown, hidden]).sort(), ['b.d', 'extra']);
  assert.deepEqual(unreadFields([hidden]).sort(), ['b', 'b.c', 'b.d', 'extra']);
});

test('a data shape that differs from the documented one is reported field by field', async () => {
  const { shapeOfAll, shapeDifferences } = await import('./judge-cards.mjs');
  const documented = { a: 'string', n: 'Notice', list: [{ rag: 'Badge', x: 'number' }], gone: 'boolean' };
  const data = [{ a: 'x', n: { text: '', color: 'default' }, list: [{ rag: { label: 'Red', color: 'attention' }, x: '1' }], extra: true }];
  assert.deepEqual(shapeDifferences(documented, shapeOfAll(data)).sort(), [
    '$.extra is in the data but not documented',
    '$.gone is documented but not in the data',
    '$.list[].x is documented as "number" but the data has "string"',
  ]);
});
