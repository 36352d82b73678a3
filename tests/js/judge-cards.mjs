// The card judge: every Adaptive Card template in cards/, expanded with each of its data files
// by Microsoft's own templating library, must parse in Microsoft's own renderer at schema 1.5
// with zero parse or validation events, and stay under Teams' 28 KB limit.
//
// Run with `node --test` (judge-cards.test.mjs registers the tests) or `node judge-cards.mjs`.
// Writes the size table to artifacts/card-sizes.txt at the repository root.
//
// Checks, per template and data file (cards/<name>.json with cards/<name>.<variant>.json):
//  - the data has no null anywhere (the templating library throws on a null it interpolates; the
//    C# side writes "" or [] instead) and no "${" (it would read as a leftover expression);
//  - expansion references no field the data lacks, and no field whose case differs from the data
//    (the official library looks names up case-insensitively; our C# engine need not);
//  - no "${" remains in the expanded card;
//  - the renderer reports no parse event and no validation event at Versions.v1_5, except that a
//    Teams chart (Chart.Line, Chart.Donut, ...) is handed to its fallback: judge-charts.mjs accepts it
//    only where the chart has Teams' documented shape and its fallback says the same in text;
//  - no property is silently dropped by the renderer (a typo or a feature it does not know),
//    apart from the defaults listed in DEFAULTS and Teams' own `msteams` extension;
//  - every action is Action.Execute (or the client-side ShowCard / ToggleVisibility), with a verb
//    from the Verbs table of docs/cards.md and data carrying cardKind = the template's name;
//  - a coloured text run always has words (colour is never the only signal);
//  - the minified UTF-8 JSON is under 28 * 1024 bytes.
// Per template: sample and large data exist; the data files together have exactly the shape in
// the template's ```jsonc shape:<name> block of docs/cards.md; every data field is read by the
// template in at least one data file. And every verb in the docs table is used by some card.
//
// Missing fields are found by wrapping adaptive-expressions' property lookup (an internal of
// adaptive-expressions 4.23.3, pinned in package.json): the templating library itself only
// reports them for interpolated text, not inside $when.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chartProblems, isChartFallbackEvent, withFallbacks } from './judge-charts.mjs';

const require = createRequire(import.meta.url);
// The package's main entry does not load in Node; the dist bundle does.
const AC = require('adaptivecards/dist/adaptivecards.js');
const { Template, GlobalSettings } = require('adaptivecards-templating');
const { InternalFunctionUtils } = require('adaptive-expressions/lib/functionUtils.internal.js');

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const cardsDir = join(root, 'cards');
const docsPath = join(root, 'docs', 'cards.md');
const artifactsDir = join(root, 'artifacts');
export const LIMIT_BYTES = 28 * 1024;

// Properties the renderer leaves out of toJSON() because they hold its default value.
const DEFAULTS = {
  isVisible: [true],
  value: [''],
  valueOn: ['true'],
  valueOff: ['false'],
  style: ['compact', 'default'],
  isRequired: [false],
  firstRowAsHeader: [true],
  showGridLines: [true],
  wrap: [false],
  isMultiline: [false],
  separator: [false],
  spacing: ['default'],
  associatedInputs: ['auto'],
};
const CLIENT_ACTIONS = new Set(['Action.ShowCard', 'Action.ToggleVisibility']);

// --- Recording what the templating library could not find -------------------------------------
let lookups = null;
const originalAccess = InternalFunctionUtils.accessProperty;
InternalFunctionUtils.accessProperty = function (instance, property) {
  const result = originalAccess.call(this, instance, property);
  if (lookups && instance && typeof instance === 'object' && !(instance instanceof Map)
      && typeof property === 'string' && !property.startsWith('$')) {
    if (!lookups.read.has(instance)) lookups.read.set(instance, new Set());
    lookups.read.get(instance).add(property);
    if (result.value === undefined) {
      lookups.missing.add(property);
    } else if (!Object.prototype.hasOwnProperty.call(instance, property)) {
      lookups.caseMismatch.add(property);
    }
  }
  return result;
};
GlobalSettings.getUndefinedFieldValueSubstitutionString = (path) => {
  if (lookups) lookups.undefinedPaths.add(path);
  return '${' + path + '}';
};

export function expand(template, data) {
  lookups = { missing: new Set(), caseMismatch: new Set(), undefinedPaths: new Set(), read: new Map() };
  try {
    const card = new Template(template).expand({ $root: data });
    return { card, ...lookups, fields: fieldsOf(data, lookups.read) };
  } finally {
    lookups = null;
  }
}

// Every field path in the data ("indicators[].errors.value"), and whether the expansion read it.
function fieldsOf(data, read, path = '', out = new Map()) {
  if (Array.isArray(data)) {
    for (const item of data) fieldsOf(item, read, `${path}[]`, out);
  } else if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      const where = path ? `${path}.${key}` : key;
      out.set(where, (out.get(where) ?? false) || Boolean(read.get(data)?.has(key)));
      fieldsOf(value, read, where, out);
    }
  }
  return out;
}

export function parseEvents(cardJson) {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(cardJson, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    events.push(`parse: ${context.getEventAt(i).message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    events.push(`validation: ${e.message}`);
  }
  return { card, events };
}

function droppedProperties(input, output, path, found) {
  if (Array.isArray(input)) {
    input.forEach((item, i) => droppedProperties(item, Array.isArray(output) ? output[i] : undefined, `${path}[${i}]`, found));
    return found;
  }
  if (input === null || typeof input !== 'object') return found;
  for (const [key, value] of Object.entries(input)) {
    const where = `${path}.${key}`;
    if (path === '$' && key === 'msteams') continue;
    // Action.Execute data is the bot's own object: the renderer keeps it as given.
    if (key === 'data' && input.type === 'Action.Execute') continue;
    if (output === null || typeof output !== 'object' || !(key in output)) {
      const isEmptyList = Array.isArray(value) && value.length === 0;
      const allowed = isEmptyList || DEFAULTS[key]?.some((d) => d === (typeof value === 'string' ? value.toLowerCase() : value));
      if (!allowed) found.push(`${where} = ${JSON.stringify(value).slice(0, 60)}`);
      continue;
    }
    droppedProperties(value, output[key], where, found);
  }
  return found;
}

function walk(node, visit, path = '$') {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, visit, `${path}[${i}]`));
  } else if (node && typeof node === 'object') {
    visit(node, path);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data' && node.type === 'Action.Execute') continue;
      walk(value, visit, `${path}.${key}`);
    }
  }
}

function findNulls(node, path = '$', found = []) {
  if (node === null) found.push(path);
  else if (Array.isArray(node)) node.forEach((v, i) => findNulls(v, `${path}[${i}]`, found));
  else if (typeof node === 'object') for (const [k, v] of Object.entries(node)) findNulls(v, `${path}.${k}`, found);
  return found;
}

export function documentedVerbs() {
  if (!existsSync(docsPath)) return new Set();
  const text = readFileSync(docsPath, 'utf8');
  // The first cell of each row of the Verbs table: | `returns.submit` | ...
  return new Set([...text.matchAll(/^\| `([a-z][A-Za-z]*\.[a-z][A-Za-z]*)` \|/gm)].map((m) => m[1]));
}

function actionProblems(card, name, verbs) {
  const problems = [];
  walk(card, (node, path) => {
    if (typeof node.type !== 'string' || !node.type.startsWith('Action.')) return;
    if (CLIENT_ACTIONS.has(node.type)) return;
    if (node.type !== 'Action.Execute') {
      problems.push(`${path}: ${node.type} is not allowed; use Action.Execute with a verb`);
      return;
    }
    if (!node.verb) problems.push(`${path}: Action.Execute without a verb`);
    else if (!verbs.has(node.verb)) problems.push(`${path}: verb ${node.verb} is not documented in docs/cards.md`);
    if (!node.data || typeof node.data !== 'object' || Array.isArray(node.data)) {
      problems.push(`${path}: Action.Execute without a data object`);
    } else if (node.data.cardKind !== name) {
      problems.push(`${path}: data.cardKind is ${JSON.stringify(node.data.cardKind)}, expected "${name}"`);
    }
  });
  return problems;
}

function colourProblems(card) {
  const problems = [];
  walk(card, (node, path) => {
    if ((node.type === 'TextBlock' || node.type === 'TextRun') && node.color
        && ['good', 'warning', 'attention'].includes(String(node.color).toLowerCase())
        && !(typeof node.text === 'string' && node.text.trim().length > 0)) {
      problems.push(`${path}: coloured ${node.type} without words`);
    }
  });
  return problems;
}

export function judge(name, template, data) {
  const problems = [];
  for (const p of findNulls(data)) problems.push(`data: null at ${p} (write "" or [] instead)`);
  if (JSON.stringify(data).includes('${')) problems.push('data: contains "${"');

  const { card, missing, caseMismatch, undefinedPaths, fields } = expand(template, data);
  for (const m of missing) problems.push(`template: field "${m}" is not in the data`);
  for (const m of undefinedPaths) if (!missing.has(m)) problems.push(`template: \${${m}} is undefined`);
  for (const m of caseMismatch) problems.push(`template: field "${m}" matches the data only ignoring case`);

  const { bytes, problems: cardProblems } = judgeCard(name, card);
  problems.push(...cardProblems);
  return { card, bytes, problems, fields };
}

// The checks on an expanded card, whoever expanded it: the official templating here, or the bot's
// C# engine (judge-rendered.mjs, for cards the .NET tests render from a database).
export function judgeCard(name, card) {
  const problems = [];
  const minified = JSON.stringify(card);
  const bytes = Buffer.byteLength(minified, 'utf8');
  if (minified.includes('${')) problems.push('expanded card still contains "${"');
  if (card.version !== '1.5') problems.push(`version is ${card.version}, expected 1.5`);
  if (card.$schema !== 'http://adaptivecards.io/schemas/adaptive-card.json') problems.push('$schema missing or wrong');

  // The renderer cannot draw Teams' charts: it renders their fallbacks, as such a client would.
  const { card: parsed, events } = parseEvents(card);
  problems.push(...events.filter((e) => !isChartFallbackEvent(e)));
  problems.push(...chartProblems(card));
  for (const d of droppedProperties(withFallbacks(card), parsed.toJSON(), '$', [])) problems.push(`renderer dropped ${d}`);
  problems.push(...actionProblems(card, name, documentedVerbs()));
  problems.push(...colourProblems(card));
  if (bytes >= LIMIT_BYTES) problems.push(`${bytes} bytes: over the ${LIMIT_BYTES}-byte limit`);
  return { bytes, problems };
}

// Fields no data file of a template lets the template read: the data (and docs/cards.md) should
// not promise what the card never shows.
export function unreadFields(fieldMaps) {
  const all = new Map();
  for (const fields of fieldMaps) {
    for (const [path, wasRead] of fields) all.set(path, (all.get(path) ?? false) || wasRead);
  }
  return [...all].filter(([, wasRead]) => !wasRead).map(([path]) => path);
}

// --- The data shapes documented in docs/cards.md -----------------------------------------------
// Each card's section holds a ```jsonc shape:<name> block: field names with "string", "number",
// "boolean", "Badge" ({label, color}), "Notice" ({text, color}) or [element]; // comments allowed.
// The union of the card's data files must have exactly that shape.
const isPair = (v, a, b) => v && typeof v === 'object' && !Array.isArray(v)
  && Object.keys(v).length === 2 && a in v && b in v && typeof v[a] === 'string' && typeof v[b] === 'string';

function mergeValues(a, b) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const out = { ...a };
    for (const key of Object.keys(b)) out[key] = mergeValues(a[key], b[key]);
    return out;
  }
  return a;
}

export function shapeOf(value) {
  if (isPair(value, 'label', 'color')) return 'Badge';
  if (isPair(value, 'text', 'color')) return 'Notice';
  if (Array.isArray(value)) return value.length === 0 ? ['?'] : [shapeOf(value.reduce(mergeValues))];
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  }
  return typeof value;
}

export function shapeOfAll(dataList) {
  return shapeOf(dataList.reduce(mergeValues));
}

function stripComments(text) {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else {
      out += c;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

export function documentedShapes() {
  if (!existsSync(docsPath)) return new Map();
  const text = readFileSync(docsPath, 'utf8');
  const shapes = new Map();
  for (const m of text.matchAll(/```jsonc shape:([a-z-]+)\n([\s\S]*?)```/g)) {
    shapes.set(m[1], JSON.parse(stripComments(m[2])));
  }
  return shapes;
}

export function shapeDifferences(documented, actual, path = '$', out = []) {
  if (Array.isArray(documented) && Array.isArray(actual)) {
    if (actual[0] !== '?') shapeDifferences(documented[0], actual[0], `${path}[]`, out);
    return out;
  }
  const isObject = (v) => v && typeof v === 'object' && !Array.isArray(v);
  if (isObject(documented) && isObject(actual)) {
    for (const key of Object.keys(actual)) {
      if (!(key in documented)) out.push(`${path}.${key} is in the data but not documented`);
      else shapeDifferences(documented[key], actual[key], `${path}.${key}`, out);
    }
    for (const key of Object.keys(documented)) {
      if (!(key in actual)) out.push(`${path}.${key} is documented but not in the data`);
    }
    return out;
  }
  if (JSON.stringify(documented) !== JSON.stringify(actual)) {
    out.push(`${path} is documented as ${JSON.stringify(documented)} but the data has ${JSON.stringify(actual)}`);
  }
  return out;
}

export function cardFiles() {
  const files = readdirSync(cardsDir).filter((f) => f.endsWith('.json')).sort();
  const templates = files.filter((f) => f.split('.').length === 2).map((f) => f.replace(/\.json$/, ''));
  return templates.map((name) => ({
    name,
    variants: files
      .filter((f) => f.startsWith(`${name}.`) && f.split('.').length === 3)
      .map((f) => f.slice(name.length + 1, -'.json'.length))
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
  }));
}

function rank(variant) {
  return variant === 'sample' ? 0 : variant === 'large' ? 2 : 1;
}

export function registerCardTests() {
  const rows = [];

  describe('Adaptive Card templates (adaptivecards@3.0.6 at 1.5, adaptivecards-templating@2.3.1)', () => {
    const cards = cardFiles();

    test('cards/ holds templates', () => {
      assert.ok(cards.length > 0, 'no templates in cards/');
    });

    test('every verb in the docs/cards.md table is used by a card', () => {
      const used = new Set(cards.flatMap(({ name }) =>
        [...readFileSync(join(cardsDir, `${name}.json`), 'utf8').matchAll(/"verb":\s*"([^"]+)"/g)].map((m) => m[1])));
      const unused = [...documentedVerbs()].filter((verb) => !used.has(verb));
      assert.ok(documentedVerbs().size > 0, 'docs/cards.md has no verbs table');
      assert.deepEqual(unused, [], `documented verbs no card uses: ${unused.join(', ')}`);
    });

    for (const { name, variants } of cards) {
      describe(name, () => {
        test('has sample and large data', () => {
          assert.ok(variants.includes('sample'), `cards/${name}.sample.json is missing`);
          assert.ok(variants.includes('large'), `cards/${name}.large.json is missing`);
        });

        const fieldMaps = [];
        for (const variant of variants) {
          test(`expands with ${variant} data, parses at 1.5 with no events, under 28 KB`, () => {
            const template = JSON.parse(readFileSync(join(cardsDir, `${name}.json`), 'utf8'));
            const data = JSON.parse(readFileSync(join(cardsDir, `${name}.${variant}.json`), 'utf8'));
            const row = { name, variant, bytes: 0, ok: false };
            rows.push(row);
            const { bytes, problems, fields } = judge(name, template, data);
            fieldMaps.push(fields);
            row.bytes = bytes;
            row.ok = problems.length === 0;
            assert.deepEqual(problems, [], `${name} with ${variant} data:\n  ${problems.join('\n  ')}`);
          });
        }

        test('docs/cards.md documents its data shape exactly', () => {
          const documented = documentedShapes().get(name);
          assert.ok(documented, `docs/cards.md has no \`\`\`jsonc shape:${name} block`);
          const dataList = variants.map((v) => JSON.parse(readFileSync(join(cardsDir, `${name}.${v}.json`), 'utf8')));
          const differences = shapeDifferences(documented, shapeOfAll(dataList));
          assert.deepEqual(differences, [], `${name}:\n  ${differences.join('\n  ')}`);
        });

        test('reads every field its data files carry', () => {
          const unread = unreadFields(fieldMaps);
          assert.deepEqual(unread, [], `${name}: data fields the template never reads:\n  ${unread.join('\n  ')}`);
        });
      });
    }
  });

  after(() => {
    const table = formatTable(rows);
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(join(artifactsDir, 'card-sizes.txt'), table);
    console.log(table);
  });
}

export function formatTable(list) {
  const header = ['card', 'data', 'bytes', 'of 28 KB', 'result'];
  const body = list.map((r) => [r.name, r.variant, String(r.bytes), `${((100 * r.bytes) / LIMIT_BYTES).toFixed(0)}%`, r.ok ? 'ok' : 'FAIL']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i >= 2 && i <= 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  registerCardTests();
}
