// Writes cards/<name>.sample.json (a typical case) and cards/<name>.large.json (the largest
// realistic case) for every card, from the Demo City Council in demo-council.mjs.
// Run: npm run make:card-data (from tests/js). The shapes are documented in docs/cards.md; the
// C# side builds the same shapes from the domain.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as demo from './demo-council.mjs';

const cardsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'cards');
const { period, people } = demo;

// --- Shared shapes -------------------------------------------------------------------------------
const badge = (label, color = 'default') => ({ label, color });
const RAG = {
  Green: badge('Green', 'good'),
  Amber: badge('Amber', 'warning'),
  Red: badge('Red', 'attention'),
  NoData: badge('No data', 'default'),
  NoTarget: badge('No target', 'default'),
};
const TRAVEL = {
  Improving: badge('↑ Improving', 'good'),
  NoChange: badge('→ No change', 'default'),
  Worsening: badge('↓ Worsening', 'attention'),
  NotComparable: badge('– Not comparable', 'default'),
};
const notice = (text = '', color = 'default') => ({ text, color });
const pick = (list, i) => list[i % list.length];
const ragCycle = ['Green', 'Green', 'Amber', 'Green', 'Red', 'Amber', 'Green', 'NoData', 'Green', 'Red', 'Amber', 'Green'];
const travelCycle = ['Improving', 'NoChange', 'Worsening', 'Improving', 'Worsening', 'Improving', 'NoChange', 'NotComparable'];
const sparks = ['▃▄▅▆▆▇▇█', '▇▆▆▅▄▄▃▂', '▄▅▄▅▅▄▅▅', '▂▃▃▄▅▅▆▇', '▅▄▃▃▂▂▁▁', '▁▂▄▃▅▆▅▇', '▆▆▅▆▆▅▆▆', '▁▁▂▂▃▄▅▆'];

function fmt(n, unit) {
  const s = Number(n).toLocaleString('en-GB', { maximumFractionDigits: 1 });
  return unit === '%' ? `${s}%` : `${s} ${unit}`;
}

// Indicators for a theme, with a value and RAG for the current period.
function indicators(theme, count, codePrefix, start = 0) {
  const all = [];
  const pool = Object.values(demo.indicatorsByTheme).flat();
  const themed = demo.indicatorsByTheme[theme] ?? pool;
  for (let i = 0; i < count; i++) {
    const [title, unit, higher, target, tolerance] = i < themed.length ? themed[i] : pool[(start + i) % pool.length];
    const ragKey = ragCycle[(start + i) % ragCycle.length];
    const drift = ragKey === 'Green' ? 1.03 : ragKey === 'Amber' ? 0.98 : 0.9;
    const value = higher ? target * drift : target * (2 - drift);
    all.push({
      indicatorId: demo.id('0199b100'),
      code: `${codePrefix}${String.fromCharCode(97 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`,
      title, unit, higher, target, tolerance,
      valueText: ragKey === 'NoData' ? 'No data' : fmt(Number(value.toFixed(1)), unit),
      targetText: `${fmt(target, unit)} (${tolerance})`,
      polarityText: higher ? 'Higher is better' : 'Lower is better',
      rag: RAG[ragKey],
      ragKey,
      travel: TRAVEL[travelCycle[(start + i) % travelCycle.length]],
      trend: pick(sparks, start + i),
      owner: pick(people.names, start + i),
      i: start + i,
    });
  }
  return all;
}

const errorsNone = () => ({ value: '', notAvailableReason: '', overrideRag: '', overrideReason: '', commentary: '', actionsDelivered: '', actionsPlanned: '' });

// --- return-card ---------------------------------------------------------------------------------
function returnCard({ count, pageSize, page, doneCount, withErrors }) {
  const all = indicators('children', count, 'CPP-C1');
  const done = all.slice(0, doneCount);
  const open = all.slice(doneCount);
  const pageCount = Math.max(1, Math.ceil(open.length / pageSize));
  const shown = open.slice((page - 1) * pageSize, page * pageSize);
  return {
    periodKey: period.key,
    periodLabel: period.label,
    ownerName: people.owner,
    dueText: 'Due Friday 14 November 2025: 5 working days left',
    dueColor: 'default',
    progressText: `${count} indicators due: ${doneCount} submitted, ${Math.min(2, open.length)} drafts, ${open.length - Math.min(2, open.length)} not started`,
    notice: withErrors
      ? notice('Nothing was saved: 2 returns need attention. The problems are shown in red next to the fields.', 'attention')
      : notice('Draft saved at 10:42. The RAG and warnings below are from your last check.', 'good'),
    done: done.map((d) => ({
      code: d.code, title: d.title, valueText: d.valueText, rag: d.rag,
      stateText: `submitted by ${people.collator}, 11 Nov 2025`,
    })),
    page,
    pageCount,
    pageText: `Page ${page} of ${pageCount}: indicators ${(page - 1) * pageSize + 1} to ${(page - 1) * pageSize + shown.length} of ${open.length} still to submit`,
    submitTitle: shown.length === 1 ? 'Submit this return' : `Submit these ${shown.length} returns`,
    indicators: shown.map((ind, k) => {
      const n = ind.i;
      const notAvailable = ind.ragKey === 'NoData';
      const errors = errorsNone();
      if (withErrors && k === 0) {
        errors.value = 'Enter a value, or tick "data not available" and say why.';
      }
      if (withErrors && k === 1) {
        errors.overrideReason = 'Say why you are overriding the RAG rating.';
        errors.commentary = 'Commentary must be plain text: please remove the markup (such as <b> or <script>).';
      }
      const checked = !withErrors && k % 2 === 0;
      return {
        returnId: demo.id('0199c200'),
        version: String(1 + (n % 4)),
        code: ind.code,
        title: ind.title,
        unit: ind.unit,
        targetText: ind.targetText,
        polarityText: ind.polarityText,
        state: n % 3 === 0 ? badge('Draft saved 10:42', 'warning') : n % 5 === 4 ? badge('Sent back', 'attention') : badge('Not started'),
        sentBackComment: n % 5 === 4 ? 'Please explain the fall in September and say when the figure will recover. The board will ask.' : '',
        lastValues: [
          { label: 'Q1 2025/26', value: `${ind.valueText} · ${pick(['Green', 'Amber', 'Red'], n)}` },
          { label: 'Q2 2024/25', value: `${ind.valueText} · ${pick(['Amber', 'Green', 'Red'], n)}` },
          { label: 'Trend', value: `${ind.trend} (last 8 quarters)` },
        ],
        valueText: notAvailable || (withErrors && k === 0) ? '' : String(Number.parseFloat(ind.valueText.replace(/,/g, '')) || ''),
        notAvailable,
        notAvailableReason: notAvailable ? 'New indicator: the first full figure is due in Q3 once all three providers send data.' : '',
        overrideRag: withErrors && k === 1 ? 'Red' : '',
        overrideReason: '',
        commentary: withErrors && k === 1 ? 'Figures <b>improved</b> in September.' : pick(demo.commentaries, n),
        actionsDelivered: pick(demo.actionsDelivered, n),
        actionsPlanned: pick(demo.actionsPlanned, n),
        checked,
        check: checked
          ? { rag: ind.rag, travel: ind.travel, warnings: n % 2 === 0 ? [pick(demo.warnings, n), pick(demo.warnings, n + 1)] : [] }
          : { rag: RAG.NoData, travel: TRAVEL.NotComparable, warnings: [] },
        errors,
      };
    }),
  };
}

const builders = {
  'return-card': {
    sample: () => returnCard({ count: 3, pageSize: 4, page: 1, doneCount: 0, withErrors: false }),
    errors: () => returnCard({ count: 3, pageSize: 4, page: 1, doneCount: 0, withErrors: true }),
    large: () => returnCard({ count: 12, pageSize: 4, page: 2, doneCount: 2, withErrors: false }),
  },
};

for (const [name, variants] of Object.entries(builders)) {
  for (const [variant, build] of Object.entries(variants)) {
    demo.resetIds();
    const file = join(cardsDir, `${name}.${variant}.json`);
    writeFileSync(file, JSON.stringify(build(), null, 2) + '\n');
    console.log(`wrote cards/${name}.${variant}.json`);
  }
}
