// Teams' Adaptive Card charts (Chart.Line, Chart.Donut, ...) for the card judge.
//
// Microsoft's renderer (adaptivecards@3.0.6) does not know the chart elements: like any client that
// cannot draw them, it renders each chart's `fallback` instead. So the judge accepts a chart only
// where the chart itself matches Teams' documented schema (checked here, since no Microsoft library
// does) and its fallback is an element every 1.5 client renders that says the same thing in words:
//  - the type is one Teams documents, with only its documented properties;
//  - `data` (or a gauge's `segments`) has the documented shape, numbers are finite, colours are
//    from the documented list, and there is at least one point;
//  - `fallback` is an element (not "drop", not missing, not another chart), holds text, and states
//    every number the chart draws (so a client without charts loses nothing);
//  - the fallback itself is judged like the rest of the card (judge-cards.mjs parses the card with
//    each chart replaced by its fallback and compares).
// Checked against https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/charts-in-adaptive-cards
// (source: MicrosoftDocs/msteams-docs, msteams-platform/task-modules-and-cards/cards/charts-in-adaptive-cards.md).

export const CHART_COLORS = new Set([
  'good', 'warning', 'attention', 'neutral',
  'categoricalRed', 'categoricalPurple', 'categoricalLavender', 'categoricalBlue', 'categoricalLightBlue',
  'categoricalTeal', 'categoricalGreen', 'categoricalLime', 'categoricalMarigold',
  'sequential1', 'sequential2', 'sequential3', 'sequential4', 'sequential5', 'sequential6', 'sequential7', 'sequential8',
  'divergingBlue', 'divergingLightBlue', 'divergingCyan', 'divergingTeal', 'divergingYellow', 'divergingPeach',
  'divergingLightRed', 'divergingRed', 'divergingMaroon', 'divergingGray',
]);

const COMMON = ['type', 'title', 'colorSet', 'data', 'fallback', 'grid.area', 'height', 'horizontalAlignment', 'id',
  'isVisible', 'lang', 'requires', 'separator', 'spacing', 'targetWidth'];
const AXES = ['color', 'xAxisTitle', 'yAxisTitle'];

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
const isText = (v) => typeof v === 'string';

// Checks one object against { key: check }, where check returns a problem or undefined; `?` marks optional keys.
function shape(value, fields, path, problems) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${path} is not an object`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!(key in fields) && !(`${key}?` in fields)) problems.push(`${path}.${key} is not a documented property`);
  }
  for (const [spec, check] of Object.entries(fields)) {
    const optional = spec.endsWith('?');
    const key = optional ? spec.slice(0, -1) : spec;
    if (!(key in value)) {
      if (!optional) problems.push(`${path}.${key} is missing`);
      continue;
    }
    const problem = check(value[key], `${path}.${key}`, problems);
    if (problem) problems.push(`${path}.${key} ${problem}`);
  }
}

const number = (v) => (isNumber(v) ? undefined : `must be a number, is ${JSON.stringify(v)}`);
const text = (v) => (isText(v) ? undefined : `must be a string, is ${JSON.stringify(v)}`);
const xValue = (v) => (isText(v) || isNumber(v) ? undefined : `must be a string or a number, is ${JSON.stringify(v)}`);
const color = (v) => (CHART_COLORS.has(v) ? undefined : `is not a Teams chart colour: ${JSON.stringify(v)}`);
const list = (item) => (v, path, problems) => {
  if (!Array.isArray(v)) return 'must be an array';
  if (v.length === 0) return 'is empty: a chart needs at least one point';
  v.forEach((entry, i) => shape(entry, item, `${path}[${i}]`, problems));
  return undefined;
};

const point = { x: xValue, y: number, 'color?': color };
const slice = { 'legend?': text, value: number, 'color?': color };

export const TEAMS_CHARTS = {
  'Chart.Line': { props: [...COMMON, ...AXES], data: list({ 'legend?': text, 'color?': color, values: list({ x: xValue, y: number }) }) },
  'Chart.Donut': { props: COMMON, data: list(slice) },
  'Chart.Pie': { props: COMMON, data: list(slice) },
  'Chart.VerticalBar': { props: [...COMMON, ...AXES, 'showBarValues'], data: list(point) },
  'Chart.HorizontalBar': { props: [...COMMON, ...AXES, 'displayMode'], data: list(point) },
  'Chart.HorizontalBar.Stacked': { props: [...COMMON, ...AXES], data: list({ title: text, data: list({ legend: text, value: number, 'color?': color }) }) },
  'Chart.VerticalBar.Grouped': { props: [...COMMON, ...AXES, 'stacked', 'showBarValues'], data: list({ legend: text, 'color?': color, values: list({ x: xValue, y: number }) }) },
  'Chart.Gauge': {
    props: [...COMMON.filter((p) => p !== 'data'), 'max', 'min', 'segments', 'showLegend', 'showMinMax', 'subLabel', 'value', 'valueFormat'],
    segments: list({ legend: text, size: number, 'color?': color }),
  },
};

export const isChart = (node) => node && typeof node === 'object' && typeof node.type === 'string' && node.type.startsWith('Chart.');

// The card as a client without charts renders it: every chart replaced by its fallback (dropped without one).
export function withFallbacks(node) {
  if (Array.isArray(node)) {
    return node.flatMap((item) => {
      if (!isChart(item)) return [withFallbacks(item)];
      return item.fallback && typeof item.fallback === 'object' ? [withFallbacks(item.fallback)] : [];
    });
  }
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withFallbacks(v)]));
  }
  return node;
}

// Every number a chart draws, rounded as the bot's text rounds them (two decimal places).
function drawnNumbers(chart) {
  const out = [];
  const visit = (v, key) => {
    if (Array.isArray(v)) v.forEach((item) => visit(item, key));
    else if (v && typeof v === 'object') for (const [k, inner] of Object.entries(v)) visit(inner, k);
    else if (isNumber(v) && ['y', 'value', 'size'].includes(key)) out.push(v);
  };
  visit(chart.type === 'Chart.Gauge' ? { segments: chart.segments, value: chart.value } : chart.data, 'data');
  return out;
}

function wordsOf(node, out = []) {
  if (Array.isArray(node)) node.forEach((n) => wordsOf(n, out));
  else if (node && typeof node === 'object') {
    if ((node.type === 'TextBlock' || node.type === 'TextRun') && isText(node.text)) out.push(node.text);
    if (node.type === 'FactSet' && Array.isArray(node.facts)) for (const f of node.facts) out.push(`${f.title} ${f.value}`);
    for (const [k, v] of Object.entries(node)) if (k !== 'fallback') wordsOf(v, out);
  }
  return out;
}

// Numbers as the text writes them: "1,234.5", "78.4%", "−3" (U+2212) or "-3".
function numbersIn(textValue) {
  return [...textValue.replace(/\u2212/g, '-').matchAll(/-?\d[\d,]*(?:\.\d+)?/g)]
    .map((m) => Number(m[0].replace(/,/g, '')))
    .filter(Number.isFinite);
}

const round2 = (n) => Math.round(n * 100) / 100;

export function chartProblems(card) {
  const problems = [];
  const visit = (node, path) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    if (!node || typeof node !== 'object') return;
    if (isChart(node)) problems.push(...problemsOfChart(node, path));
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data' && (node.type === 'Action.Execute' || isChart(node))) continue;
      if (key === 'fallback' && isChart(node)) continue;
      visit(value, `${path}.${key}`);
    }
  };
  visit(card, '$');
  return problems;
}

function problemsOfChart(chart, path) {
  const problems = [];
  const spec = TEAMS_CHARTS[chart.type];
  if (!spec) return [`${path}: ${chart.type} is not a chart Teams documents`];
  for (const key of Object.keys(chart)) {
    if (!spec.props.includes(key)) problems.push(`${path}.${key} is not a documented property of ${chart.type}`);
  }
  const field = chart.type === 'Chart.Gauge' ? 'segments' : 'data';
  if (!(field in chart)) problems.push(`${path}.${field} is missing: ${chart.type} needs its points`);
  else {
    const problem = spec[field](chart[field], `${path}.${field}`, problems);
    if (problem) problems.push(`${path}.${field} ${problem}`);
  }
  if ('color' in chart && !CHART_COLORS.has(chart.color)) problems.push(`${path}.color is not a Teams chart colour: ${JSON.stringify(chart.color)}`);

  const fallback = chart.fallback;
  if (fallback === undefined) {
    problems.push(`${path}: ${chart.type} has no fallback: a client that cannot draw charts would show nothing`);
  } else if (typeof fallback !== 'object' || fallback === null || Array.isArray(fallback)) {
    problems.push(`${path}.fallback must be an element that says the same in text, not ${JSON.stringify(fallback)}`);
  } else if (isChart(fallback)) {
    problems.push(`${path}.fallback is another chart (${fallback.type}): it must be text every 1.5 client renders`);
  } else {
    const words = wordsOf(fallback).join(' ');
    if (words.trim() === '') problems.push(`${path}.fallback has no text`);
    const stated = new Set(numbersIn(words).map(round2));
    const unsaid = [...new Set(drawnNumbers(chart).map(round2))].filter((n) => !stated.has(n));
    if (unsaid.length > 0) problems.push(`${path}.fallback does not state ${unsaid.join(', ')}, which the chart draws`);
  }
  return problems;
}

// The renderer's event for a chart it hands over to the fallback; judged by chartProblems instead.
export function isChartFallbackEvent(message) {
  const m = /^parse: Unknown element type "([^"]+)"\. Fallback will be used if present\.$/.exec(message);
  return Boolean(m && TEAMS_CHARTS[m[1]]);
}
