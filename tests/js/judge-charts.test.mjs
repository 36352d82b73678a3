// The judge accepts a Teams chart only with a valid fallback: these cases prove both ways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judge } from './judge-cards.mjs';

const card = (body) => ({ $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.5', body });
const says = (t) => ({ type: 'TextBlock', text: t, wrap: true });
const line = (extra = {}) => ({
  type: 'Chart.Line',
  title: 'NI 154: value against target',
  xAxisTitle: 'Period ending',
  yAxisTitle: 'Percentage',
  data: [
    { legend: 'Value', color: 'categoricalBlue', values: [{ x: '2025-06-30', y: 71.5 }, { x: '2025-09-30', y: 78.4 }] },
    { legend: 'Target', color: 'neutral', values: [{ x: '2025-06-30', y: 80 }, { x: '2025-09-30', y: 80 }] },
  ],
  fallback: says('Q1 2025/26 71.5%, Q2 2025/26 78.4%; target 80%.'),
  ...extra,
});
const donut = (extra = {}) => ({
  type: 'Chart.Donut',
  title: 'Indicators by rating',
  data: [{ legend: 'Green', value: 3, color: 'good' }, { legend: 'Amber', value: 2, color: 'warning' }, { legend: 'Red', value: 1, color: 'attention' }],
  fallback: says('6 indicators: 3 green, 2 amber, 1 red'),
  ...extra,
});
const problemsOf = (body) => judge('self-card', card(body), {}).problems;
const expectProblem = (problems, pattern) =>
  assert.ok(problems.some((p) => pattern.test(p)), `expected a problem matching ${pattern}, got:\n${problems.join('\n')}`);

test('a line chart and a donut with fallbacks that say the same in text pass', () => {
  assert.deepEqual(problemsOf([line(), donut()]), []);
});

test('a stacked bar inside a container, with a fallback container of lines, passes', () => {
  const stacked = {
    type: 'Chart.HorizontalBar.Stacked',
    data: [{ title: 'Adults and Health', data: [{ legend: 'Green', value: 4, color: 'good' }, { legend: 'Red', value: 2, color: 'attention' }] }],
    fallback: { type: 'Container', items: [says('Adults and Health: 4 green, 0 amber, 2 red')] },
  };
  assert.deepEqual(problemsOf([{ type: 'Container', items: [stacked] }]), []);
});

test('a chart without a fallback fails', () => {
  const { fallback, ...bare } = line();
  expectProblem(problemsOf([bare]), /Chart.Line has no fallback/);
});

test('a chart whose fallback is "drop" or another chart fails', () => {
  expectProblem(problemsOf([line({ fallback: 'drop' })]), /fallback must be an element that says the same in text/);
  expectProblem(problemsOf([line({ fallback: donut() })]), /fallback is another chart \(Chart.Donut\)/);
});

test('a fallback the renderer rejects fails, as any element would', () => {
  expectProblem(problemsOf([line({ fallback: { type: 'TextBlock', text: 'Q1 71.5, Q2 78.4, target 80', wrapp: true } })]), /renderer dropped .*wrapp/);
  expectProblem(problemsOf([line({ fallback: { type: 'Carousel', pages: [] } })]), /Unknown element type "Carousel"/);
});

test('a fallback without words, or that leaves out a number the chart draws, fails', () => {
  expectProblem(problemsOf([donut({ fallback: { type: 'Container', items: [] } })]), /fallback has no text/);
  expectProblem(problemsOf([line({ fallback: says('Values 71.5 and 78.4.') })]), /fallback does not state 80, which the chart draws/);
});

test('a chart with an undocumented type, property, colour or point shape fails', () => {
  expectProblem(problemsOf([line({ type: 'Chart.Sparkline' })]), /Chart.Sparkline is not a chart Teams documents/);
  expectProblem(problemsOf([line({ legendPosition: 'top' })]), /legendPosition is not a documented property of Chart.Line/);
  expectProblem(problemsOf([donut({ data: [{ legend: 'Green', value: 3, color: 'green' }] })]), /is not a Teams chart colour: "green"/);
  expectProblem(problemsOf([line({ data: [{ legend: 'Value', values: [{ x: '2025-09-30', y: '78.4' }] }] })]), /y must be a number/);
  expectProblem(problemsOf([line({ data: [] })]), /data is empty/);
});
