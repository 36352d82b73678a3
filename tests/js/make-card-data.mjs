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
// Against the same period last year, for the status card: not always the same way as against the last period.
const YEAR_ON_YEAR = {
  [TRAVEL.Improving.label]: TRAVEL.Improving,
  [TRAVEL.NoChange.label]: TRAVEL.Improving,
  [TRAVEL.Worsening.label]: TRAVEL.NoChange,
  [TRAVEL.NotComparable.label]: TRAVEL.NotComparable,
};
const notice = (text = '', color = 'default') => ({ text, color });

// A line chart of an indicator's value against its target (TrendChart.cs): points only where there is
// a value or a target, x the period's last day, and the same figures in words for the fallback.
const QUARTER_END = { Q1: ['06-30', 0], Q2: ['09-30', 0], Q3: ['12-31', 0], Q4: ['03-31', 1] };
function periodEnd(label) {
  const [q, year] = label.split(' ');
  const [day, next] = QUARTER_END[q];
  return `${Number(year.slice(0, 4)) + next}-${day}`;
}
const chartNumber = (n, unit) => fmt(n, unit);
function trendChart(rows, unit, unitText) {
  const shown = rows.filter((r) => r.value !== null || r.target !== null);
  const point = (key) => shown.filter((r) => r[key] !== null).map((r) => ({ x: periodEnd(r.label), y: r[key] }));
  return {
    title: shown.length === 0 ? '' : `Value against target, ${shown[0].label} to ${shown[shown.length - 1].label}`,
    yAxisTitle: unitText,
    values: point('value'),
    targets: point('target'),
    text: shown.length === 0 ? 'No values or targets yet.'
      : shown.map((r) => `${r.label}: ${r.value === null ? 'no value' : chartNumber(r.value, unit)} (${r.target === null ? 'no target' : `target ${chartNumber(r.target, unit)}`})`).join('; ') + '.',
  };
}
// The RAG mix as a donut (SummaryCards.cs): only the ratings that occur, in the council's colours and words.
const SLICES = [['Green', 'good'], ['Amber', 'warning'], ['Red', 'attention'], ['No data', 'neutral'], ['No target', 'divergingGray'], ['Not yet rated', 'neutral']];
const slices = (counts) => SLICES.filter(([legend]) => counts[legend] > 0).map(([legend, color]) => ({ legend, value: counts[legend], color }));
const pick = (list, i) => list[i % list.length];
const ragCycle = ['Green', 'Green', 'Amber', 'Red', 'Green', 'Amber', 'Red', 'NoData', 'Green', 'Red', 'Amber', 'Green'];
const travelCycle = ['Improving', 'NoChange', 'Worsening', 'Improving', 'Worsening', 'Improving', 'NoChange', 'NotComparable'];
const sparks = ['▃▄▅▆▆▇▇█', '▇▆▆▅▄▄▃▂', '▄▅▄▅▅▄▅▅', '▂▃▃▄▅▅▆▇', '▅▄▃▃▂▂▁▁', '▁▂▄▃▅▆▅▇', '▆▆▅▆▆▅▆▆', '▁▁▂▂▃▄▅▆'];

function fmt(n, unit) {
  const s = Number(n).toLocaleString('en-GB', { maximumFractionDigits: 1 });
  return unit === '%' ? `${s}%` : `${s} ${unit}`;
}

// Indicators for a theme, with a value and RAG for the current period.
function indicators(theme, count, codePrefix, start = 0, perPriority = 26) {
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
      code: perPriority < 26
        ? `${codePrefix}${1 + Math.floor(i / perPriority)}${String.fromCharCode(97 + (i % perPriority))}`
        : `${codePrefix}${String.fromCharCode(97 + (i % 26))}`,
      title, unit, higher, target, tolerance,
      valueText: ragKey === 'NoData' ? 'No data' : fmt(Number(value.toFixed(1)), unit),
      earlierText: (factor) => (ragKey === 'NoData' ? 'No data' : fmt(Number((value * factor).toFixed(1)), unit)),
      targetText: `${fmt(target, unit)} (${tolerance})`,
      polarityText: higher ? 'Higher is better' : 'Lower is better',
      rag: RAG[ragKey],
      ragKey,
      travel: TRAVEL[travelCycle[(start + i) % travelCycle.length]],
      trendRows: [...demo.previousPeriods, period.label].slice(-8).map((label, k) => ({
        label,
        value: ragKey === 'NoData' && k === 7 ? null : Number((value * (0.9 + 0.015 * ((k + i) % 8))).toFixed(1)),
        target: Number(target),
      })),
      trend: pick(sparks, start + i),
      owner: pick(people.names, start + i),
      i: start + i,
    });
  }
  return all;
}

// The "new indicator, no figure yet" paragraph goes only with indicators that have no data.
const NEW_INDICATOR = 3;
const commentaryFor = (ind) => (ind.ragKey === 'NoData' ? demo.commentaries[NEW_INDICATOR] : pick(demo.commentaries.filter((_, k) => k !== NEW_INDICATOR), ind.i));

const errorsNone = () => ({ value: '', notAvailableReason: '', overrideRag: '', overrideReason: '', commentary: '', actionsDelivered: '', actionsPlanned: '' });

// --- return-card ---------------------------------------------------------------------------------
function returnCard({ count, pageSize, page, doneCount, withErrors, longest = false }) {
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
    ...pageFields({ page, pageCount }),
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
        sentBackComment: longest ? textOf(1000, n) : n % 5 === 4 ? 'Please explain the fall in September and say when the figure will recover. The board will ask.' : '',
        lastValues: [
          { label: 'Q1 2025/26', value: `${ind.earlierText(ind.higher ? 0.98 : 1.02)} · ${pick(['Green', 'Amber', 'Red'], n)}` },
          { label: 'Q2 2024/25', value: `${ind.earlierText(ind.higher ? 0.95 : 1.05)} · ${pick(['Amber', 'Green', 'Red'], n)}` },
          { label: 'Trend', value: `${ind.trend} (last 8 quarters)` },
        ],
        valueText: notAvailable || (withErrors && k === 0) ? '' : String(Number.parseFloat(ind.valueText.replace(/,/g, '')) || ''),
        notAvailable,
        notAvailableReason: longest ? textOf(500, n + 1) : notAvailable ? 'New indicator: the first full figure is due in Q3 once all three providers send data.' : '',
        overrideRag: longest ? 'Red' : withErrors && k === 1 ? 'Red' : '',
        overrideReason: longest ? textOf(500, n + 2) : '',
        commentary: longest ? textOf(2000, n) : withErrors && k === 1 ? 'Figures <b>improved</b> in September.' : commentaryFor(ind),
        actionsDelivered: longest ? textOf(2000, n + 3) : pick(demo.actionsDelivered, n),
        actionsPlanned: longest ? textOf(2000, n + 4) : pick(demo.actionsPlanned, n),
        checked: longest || checked,
        check: checked || longest
          ? { rag: ind.rag, travel: ind.travel, warnings: longest ? demo.warnings : n % 2 === 0 ? [pick(demo.warnings, n), pick(demo.warnings, n + 1)] : [] }
          : { rag: RAG.NoData, travel: TRAVEL.NotComparable, warnings: [] },
        errors: longest ? { value: 'Enter a value, or tick "data not available" and say why.', notAvailableReason: 'The reason the data is not available is 512 characters long; the most is 500.', overrideRag: 'A RAG can only be overridden when there is a value.', overrideReason: 'Say why you are overriding the RAG rating.', commentary: 'Commentary is 2012 characters long; the most is 2000.', actionsDelivered: 'Actions delivered must be plain text: please remove the markup (such as <b> or <script>).', actionsPlanned: 'Actions planned contains characters that cannot be shown; please retype it.' } : errors,
      };
    }),
  };
}


// A long text made from the demo paragraphs, cut at a word near `length` characters.
function textOf(length, start = 0) {
  let out = '';
  for (let i = start; out.length < length; i++) out += (out ? ' ' : '') + pick(demo.commentaries, i);
  const cut = out.slice(0, length);
  return cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '') + '.';
}

// The paging fields every paged card carries (the templates do no arithmetic).
const pageFields = ({ page, pageCount }) => ({ page, pageCount, previousPage: Math.max(1, page - 1), nextPage: Math.min(pageCount, page + 1) });

function paging(total, pageSize, page) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize;
  return { page, pageCount, from, to: Math.min(total, from + pageSize) };
}

// --- submitted-card ------------------------------------------------------------------------------
function submittedCard({ count, pageSize, page, longest = false }) {
  const all = indicators('children', count, 'CPP-C1');
  const p = paging(count, pageSize, page);
  return {
    periodKey: period.key,
    periodLabel: period.label,
    headline: `All ${count} of your ${period.label} returns are submitted. Thank you.`,
    windowText: 'You can correct a return until the due date, Friday 14 November 2025, unless it has been signed off.',
    notice: notice(count > 3 ? '' : 'Submitted at 14:05. Your directorate performance lead has been told.', 'good'),
    ...pageFields(p),
    pageText: `Page ${p.page} of ${p.pageCount}: returns ${p.from + 1} to ${p.to} of ${count}`,
    returns: all.slice(p.from, p.to).map((ind) => {
      const n = ind.i;
      const override = n % 4 === 1;
      const notAvailable = ind.ragKey === 'NoData';
      return {
        returnId: demo.id('0199c200'),
        version: String(2 + (n % 3)),
        code: ind.code,
        title: ind.title,
        valueText: notAvailable ? 'Not available: new indicator, first figure due in Q3' : ind.valueText,
        rag: override ? RAG.Red : ind.rag,
        ragNote: override ? `Overridden from ${ind.rag.label} to Red: the August figures are provisional and the September figure is expected to fall.` : '',
        travel: ind.travel,
        state: n % 5 === 3 ? badge('Signed off', 'good') : badge('Submitted', 'good'),
        savedText: `Submitted by ${n % 2 ? people.collator : people.owner} on ${10 + (n % 4)} Nov 2025 at 1${n % 6}:0${n % 9}${n % 7 === 6 ? ' (late)' : ''}`,
        commentary: longest ? textOf(2000, n) : commentaryFor(ind),
        actionsDelivered: longest ? textOf(2000, n + 1) : pick(demo.actionsDelivered, n),
        actionsPlanned: longest ? textOf(2000, n + 2) : pick(demo.actionsPlanned, n),
        canCorrect: n % 5 !== 3,
      };
    }),
  };
}

// --- sign-off-card -------------------------------------------------------------------------------
function signOffCard({ count, pageSize, page, notSubmittedCount, withErrors }) {
  const all = indicators('children', count, 'CPP-C', 0, 8);
  const submitted = all.slice(0, count - notSubmittedCount);
  const p = paging(submitted.length, pageSize, page);
  const rows = submitted.slice(p.from, p.to).map((ind) => ({
    returnId: demo.id('0199c200'),
    code: ind.code,
    title: ind.title,
    ownerName: ind.owner,
    valueText: ind.valueText,
    rag: ind.rag,
    travel: ind.travel,
    state: ind.i % 7 === 2 ? badge('Signed off', 'good') : badge('Submitted', 'default'),
    savedText: `Submitted by ${ind.owner} on ${10 + (ind.i % 5)} Nov 2025${ind.i % 6 === 5 ? ' (late)' : ''}`,
    commentary: commentaryFor(ind),
    canSendBack: ind.i % 7 !== 2,
  }));
  return {
    directorateId: demo.id('0199d300'),
    directorateName: 'Children and Families',
    periodKey: period.key,
    periodLabel: period.label,
    version: 'f3a91c07',
    dueText: 'Sign-off is due Friday 21 November 2025.',
    countsText: `${submitted.length} submitted · ${notSubmittedCount} not yet submitted (1 late)`,
    notice: withErrors ? notice('Nothing was sent back: see the problems below.', 'attention') : notice(),
    notSubmitted: all.slice(count - notSubmittedCount).map((ind, k) => ({
      code: ind.code, title: ind.title, ownerName: ind.owner,
      state: k === 0 ? badge('Late', 'attention') : badge('Draft', 'warning'),
    })),
    ...pageFields(p),
    pageText: `Page ${p.page} of ${p.pageCount}: returns ${p.from + 1} to ${p.to} of ${submitted.length}`,
    returns: rows,
    canSignOffAll: true,
    signOffAllTitle: `Sign off all ${submitted.filter((ind) => ind.i % 7 !== 2).length} submitted returns`,
    canSendBack: rows.some((r) => r.canSendBack),
    sendBack: { returnId: withErrors ? rows[0].returnId : '', comment: '' },
    errors: { returnId: '', comment: withErrors ? 'Say what the owner should look at again.' : '' },
  };
}

// --- rating-proposal-card ------------------------------------------------------------------------
function ratingProposalCard({ count, state }) {
  const all = indicators('children', count, 'CPP-C1', 0);
  const proposed = state !== 'awaiting';
  return {
    priorityId: demo.id('0199e400'),
    priorityCode: 'CPP-C1',
    priorityTitle: 'Improve school attendance',
    boardName: "Children and Families Trust Board",
    periodKey: period.key,
    periodLabel: period.label,
    version: proposed ? '2' : '0',
    dueText: 'Please propose by Wednesday 26 November 2025; the board meets on 4 December.',
    state: {
      awaiting: badge('Waiting for your proposal', 'warning'),
      sentBack: badge('Sent back by the chair', 'attention'),
      proposed: badge('Proposed: waiting for the chair'),
      decided: badge('Approved by the chair', 'good'),
    }[state],
    previousText: 'Q1 2025/26: Amber (approved)',
    notice: state === 'proposed' ? notice(`Proposal saved. ${people.chair} has been asked to approve it.`, 'good') : notice(),
    sentBackComment: state === 'sentBack' ? 'The summary does not mention care leavers, which is red for the second quarter. Please say what is being done and whether amber is still right.' : '',
    resultsText: `${count} indicators: ${all.filter((i) => i.ragKey === 'Green').length} green, ${all.filter((i) => i.ragKey === 'Amber').length} amber, ${all.filter((i) => i.ragKey === 'Red').length} red, ${all.filter((i) => i.ragKey === 'NoData').length} no data`,
    indicators: all.map((ind) => ({ code: ind.code, title: ind.title, valueText: ind.valueText, targetText: ind.targetText, rag: ind.rag, travel: ind.travel, trend: ind.trend })),
    actionsText: 'Board actions: 4 open (1 delayed), 2 complete this quarter.',
    risksText: 'Risks: 2 still high after mitigation (foster carers; social worker recruitment).',
    canPropose: state !== 'decided',
    proposeTitle: proposed ? 'Change my proposal' : 'Propose rating',
    rating: proposed ? 'Amber' : '',
    proposed: proposed ? RAG.Amber : badge('None yet'),
    summary: proposed ? pick(demo.summaries, 0) : '',
    errors: { rating: '', summary: '' },
  };
}

// --- approval-card -------------------------------------------------------------------------------
function approvalCard({ count, view }) {
  const all = indicators('children', count, 'CPP-C1', 0);
  const decided = view === 'decided';
  return {
    priorityId: demo.id('0199e400'),
    priorityCode: 'CPP-C1',
    priorityTitle: 'Improve school attendance',
    boardName: "Children and Families Trust Board",
    chairName: people.chair,
    periodKey: period.key,
    periodLabel: period.label,
    version: decided ? '4' : '3',
    refreshUserIds: ['29:1Xq3vTz8pQe0cRkS7nWmYbLh2uJfAoGdKiVt9sEwZr4PxCyNjMl5UHgBDa6F'],
    canDecide: view === 'chair' || view === 'chairWithErrors',
    state: decided ? badge('Amended by the chair', 'good') : badge('Waiting for the chair', 'warning'),
    notice: view === 'chairWithErrors' ? notice('Not amended: see the problems below.', 'attention') : notice(),
    decided,
    outcome: decided
      ? { rating: RAG.Red, text: `amended from Amber by ${people.chair} on 4 Dec 2025`, commentLabel: 'Reason', comment: 'The board agreed red: two indicators are red and care leavers have worsened for two quarters. The recovery plan has not yet started.' }
      : { rating: badge('None yet'), text: '', commentLabel: '', comment: '' },
    proposedBy: `${people.leadOfficer} on 24 Nov 2025`,
    proposedRating: RAG.Amber,
    proposedSummary: pick(demo.summaries, 0),
    resultsText: `${count} indicators: ${all.filter((i) => i.ragKey === 'Green').length} green, ${all.filter((i) => i.ragKey === 'Amber').length} amber, ${all.filter((i) => i.ragKey === 'Red').length} red, ${all.filter((i) => i.ragKey === 'NoData').length} no data`,
    indicators: all.map((ind) => ({ code: ind.code, title: ind.title, valueText: ind.valueText, rag: ind.rag, travel: ind.travel })),
    readOnlyText: `Only the chair, ${people.chair}, can approve, amend or send back this rating.`,
    amend: { rating: view === 'chairWithErrors' ? 'Amber' : '', reason: '' },
    sendBack: { comment: '' },
    errors: view === 'chairWithErrors'
      ? { amendedRating: 'Amber is the proposed rating: approve it instead of amending it.', reason: 'Say why you are changing the proposed rating.', comment: '' }
      : { amendedRating: '', reason: '', comment: '' },
  };
}


const KINDS = {
  below: badge('Red: worse than target beyond tolerance', 'attention'),
  above: badge('Better than target beyond tolerance: is the target too easy?', 'accent'),
  red: badge('Rated red by override', 'attention'),
  worsening: badge('Worse for two periods running', 'warning'),
  missing: badge('Missing return', 'attention'),
};
const kindCycle = ['below', 'worsening', 'above', 'missing', 'below', 'red'];
const statusBadge = {
  NotStarted: badge('Not started', 'warning'),
  OnTrack: badge('On track', 'good'),
  Delayed: badge('Delayed', 'attention'),
  Complete: badge('Complete', 'good'),
};
const riskBadge = (impact, likelihood) => {
  const score = { Low: 1, Medium: 2, High: 3 };
  const s = score[impact] * score[likelihood];
  return s >= 6 ? badge('High risk', 'attention') : s >= 3 ? badge('Medium risk', 'warning') : badge('Low risk', 'good');
};
const countsOf = (list) => {
  const n = (k) => list.filter((i) => i.ragKey === k).length;
  return `${list.length} indicators: ${n('Green')} green, ${n('Amber')} amber, ${n('Red')} red, ${n('NoData')} no data`;
};

// --- status-card ---------------------------------------------------------------------------------
function statusCard({ count, pageSize, page, actionCount, riskCount }) {
  const all = indicators('children', count, 'CPP-C1', 0);
  const p = paging(count, pageSize, page);
  return {
    priorityId: demo.id('0199e400'),
    priorityCode: 'CPP-C1',
    priorityTitle: 'Improve school attendance',
    planName: 'City Priority Plan 2025 to 2028',
    boardId: demo.id('0199f500'),
    boardName: "Children and Families Trust Board",
    leadOfficerName: people.leadOfficer,
    periodKey: period.key,
    periodLabel: period.label,
    overall: { rating: RAG.Amber, stateText: `approved by ${people.chair} on 4 Dec 2025`, summary: pick(demo.summaries, 0) },
    resultsText: `${countsOf(all)} · ${all.filter((i) => i.travel === TRAVEL.Improving).length} improving, ${all.filter((i) => i.travel === TRAVEL.Worsening).length} worsening`,
    ...pageFields(p),
    pageText: `Page ${p.page} of ${p.pageCount}: indicators ${p.from + 1} to ${p.to} of ${count}`,
    indicators: all.slice(p.from, p.to).map((ind) => ({
      indicatorId: ind.indicatorId,
      code: ind.code,
      title: ind.title,
      valueText: ind.valueText,
      targetText: ind.targetText,
      rag: ind.rag,
      travel: ind.travel,
      travelYear: YEAR_ON_YEAR[ind.travel.label],
      trend: trendChart(ind.trendRows, ind.unit, ind.unit === '%' ? 'Percentage' : ind.unit[0].toUpperCase() + ind.unit.slice(1)),
      sharedText: ind.i % 5 === 2 ? 'Also counts towards CBP-4 Work with our staff to improve performance (shared: weakens the golden thread).' : '',
      commentary: commentaryFor(ind),
    })),
    actions: demo.boardActions.slice(0, actionCount).map(([title, status], k) => ({
      title,
      ownerName: pick(people.names, k + 3),
      dueText: `${pick(['31 Jan 2026', '31 Dec 2025', '4 Dec 2025', '31 Mar 2026'], k)}`,
      status: statusBadge[status],
      note: k % 2 === 0 ? 'Causes report drafted with the three schools; going to the January board with the data for each year group.' : '',
    })),
    risks: demo.risks.slice(0, riskCount).map(([title, ii, il, ri, rl]) => ({
      title,
      inherentText: `${ii} impact, ${il} likelihood`.toLowerCase(),
      residualText: `${ri} impact, ${rl} likelihood`.toLowerCase(),
      residual: riskBadge(ri, rl),
    })),
  };
}

// --- history-card --------------------------------------------------------------------------------
function historyCard({ periods, auditCount, pageSize, page }) {
  const p = paging(auditCount, pageSize, page);
  const labels = [...demo.previousPeriods.slice(-(periods - 1)), period.label].reverse();
  const values = [81.2, 78.4, 77.9, 76.2, 75.0, 74.1, 73.8, 72.0];
  const ragKeys = ['Green', 'Amber', 'Amber', 'Amber', 'Red', 'Red', 'Red', 'Red'];
  return {
    indicatorId: demo.id('0199b100'),
    priorityId: demo.id('0199e400'),
    priorityCode: 'CPP-C1',
    code: 'CPP-C1a',
    title: 'Percentage of children in good or outstanding schools',
    unitText: 'Percentage',
    polarityText: 'Higher is better',
    frequencyText: 'Quarterly',
    ownerName: people.owner,
    prioritiesText: 'Counts towards CPP-C1 Improve school attendance and CBP-2 Become a more efficient and enterprising council (shared: weakens the golden thread).',
    targetText: '80% for 2025/26 (amber from 76%); 78% for 2024/25',
    trend: trendChart(labels.map((label, k) => ({ label, value: values[k], target: k === 0 || k === 1 ? 80 : 78 })).reverse(), '%', 'Percentage'),
    periodKey: period.key,
    periods: labels.map((label, k) => ({
      periodLabel: label,
      valueText: `${values[k]}%`,
      targetText: k === 0 || k === 1 ? '80%' : '78%',
      rag: RAG[ragKeys[k]],
      travel: k === labels.length - 1 ? TRAVEL.NotComparable : TRAVEL.Improving,
      stateText: k === 0 ? 'submitted, not yet signed off' : 'signed off',
      commentary: pick(demo.commentaries.filter((_, j) => j !== NEW_INDICATOR), k),
    })),
    auditText: `${auditCount} changes, newest first`,
    ...pageFields(p),
    audit: Array.from({ length: p.to - p.from }, (_, k) => {
      const n = p.from + k;
      return {
        atText: `${28 - (n % 27)} ${pick(['Nov 2025', 'Aug 2025', 'May 2025', 'Feb 2025', 'Nov 2024'], Math.floor(n / 8))} ${9 + (n % 8)}:${String((n * 7) % 60).padStart(2, '0')}`,
        who: n % demo.auditWhat.length === 0 ? 'PmfBot (system)' : pick([people.owner, people.collator, people.perfLead, 'Karen Simpson (performance team)'], n),
        what: pick(demo.auditWhat, n),
      };
    }),
  };
}

// --- self-assessment-card ------------------------------------------------------------------------
function selfAssessmentCard({ priorities, concernsLength, canEdit, withErrors }) {
  const titles = Object.values(demo.priorityTitles).flat();
  return {
    directorateId: demo.id('0199d300'),
    directorateName: 'Children and Families',
    periodKey: period.key,
    periodLabel: period.label,
    version: concernsLength ? '3' : '0',
    dueText: 'The scorecard goes to the Corporate Leadership Team on Tuesday 2 December 2025.',
    notice: withErrors ? notice('Not saved: see the problem below.', 'attention') : notice(),
    scorecardText: `Your scorecard so far: ${priorities} directorate priorities and 14 key indicators (8 green, 3 amber, 2 red, 1 no data).`,
    priorities: Array.from({ length: priorities }, (_, k) => ({
      code: `CF-${k + 1}`,
      title: pick(titles, k),
      rating: [RAG.Green, RAG.Amber, RAG.Red, RAG.Amber][k % 4],
    })),
    keyIndicatorsText: 'Red key indicators: CF-2b Care leavers in education, employment or training; CF-5a Children looked after per 10,000 children.',
    guidanceText: 'Not every service is covered by a priority or an indicator. Add any other performance challenges or concerns the leadership team and members should know about: for example enabling projects, inspections, or pressures that affect several priorities.',
    writtenText: concernsLength ? `Last saved by ${people.director} on 25 Nov 2025 at 16:20.` : '',
    canEdit,
    concerns: concernsLength ? textOf(concernsLength, 4) : '',
    errors: { concerns: withErrors ? 'Please keep the self assessment under 3000 characters (it is 3112).' : '' },
  };
}

// --- action-progress-card ------------------------------------------------------------------------
function actionProgressCard({ previous, withErrors, page = 1, pageCount = 1 }) {
  const [title, status] = demo.boardActions[2];
  return {
    actionId: demo.id('0199a600'),
    periodKey: period.key,
    periodLabel: period.label,
    version: String(previous + 1),
    title,
    boardName: "Children and Families Trust Board",
    priorityText: 'CPP-C2 Help children to live in safe and supportive families',
    requestedText: 'asked for at the Q4 2024/25 wash-up',
    dueText: '31 January 2026',
    current: statusBadge[status],
    notice: withErrors ? notice('Not saved: see the problem below.', 'attention') : notice(),
    previous: Array.from({ length: previous }, (_, k) => ({
      periodLabel: ['Q1 2025/26', 'Q4 2024/25', 'Q3 2024/25', 'Q2 2024/25', 'Q1 2024/25', 'Q4 2023/24', 'Q3 2023/24', 'Q2 2023/24'][k],
      status: [statusBadge.Delayed, statusBadge.OnTrack, statusBadge.NotStarted][k % 3],
      byText: `${people.actionOwner}, ${['14 Jul 2025', '10 Apr 2025', '12 Jan 2025', '9 Oct 2024', '11 Jul 2024', '8 Apr 2024', '15 Jan 2024', '10 Oct 2023'][k]}`,
      note: textOf(280 + (k % 3) * 60, k),
    })),
    canEdit: true,
    status: withErrors ? 'Delayed' : '',
    note: '',
    errors: { status: '', note: withErrors ? 'Add a short note on progress.' : '' },
    ...pageFields({ page, pageCount }),
    pageText: pageCount === 1 ? '' : `Open board action ${page} of the ${pageCount} you own, soonest due first.`,
  };
}

// --- exceptions-card -----------------------------------------------------------------------------
function exceptionsCard({ count, pageSize, page, scope }) {
  const all = indicators('council', count, 'CBP-', 0, 8);
  const p = paging(count, pageSize, page);
  const boardNames = demo.boards.map((b) => b.name);
  return {
    boardId: scope === 'all' ? '' : demo.id('0199f500'),
    scopeText: scope === 'all' ? 'all boards' : 'Best Council Board',
    periodKey: period.key,
    periodLabel: period.label,
    countsText: `${count} indicators need attention: ${Math.round(count * 0.4)} red beyond tolerance, ${Math.round(count * 0.2)} worse for two periods running, ${Math.round(count * 0.2)} better than target beyond tolerance, ${count - Math.round(count * 0.8)} missing.`,
    explainText: 'An exception is an indicator beyond tolerance either way, rated red, worse for two periods running, or with no return after the due date.',
    ...pageFields(p),
    pageText: `Page ${p.page} of ${p.pageCount}: ${p.from + 1} to ${p.to} of ${count}`,
    exceptions: all.slice(p.from, p.to).map((ind) => {
      const kind = kindCycle[ind.i % kindCycle.length];
      const kinds = kind === 'below' && ind.i % 4 === 0 ? [KINDS.below, KINDS.worsening] : [KINDS[kind]];
      return {
        indicatorId: ind.indicatorId,
        code: ind.code,
        title: ind.title,
        priorityText: `${scope === 'all' ? pick(boardNames, ind.i) + ': ' : ''}CBP-${1 + (ind.i % 8)} ${pick(demo.priorityTitles.council, ind.i)}`,
        ownerName: ind.owner,
        kinds,
        detail: kind === 'missing' ? `No return: due 14 Nov 2025, ${3 + (ind.i % 5)} working days overdue` : `${ind.valueText} against a target of ${ind.targetText}`,
        rag: kind === 'missing' ? RAG.NoData : kind === 'above' ? RAG.Green : RAG.Red,
        travel: kind === 'worsening' ? TRAVEL.Worsening : ind.travel,
        trend: ind.trend,
        commentary: kind === 'missing' ? '' : commentaryFor(ind),
      };
    }),
  };
}

// --- board-summary-card --------------------------------------------------------------------------
function boardSummaryCard({ priorities, indicatorCount, exceptionsShown, exceptionsTotal, peopleCount = 8, riskCount = 1, form = 'channel' }) {
  const all = indicators('council', indicatorCount, 'CBP-', 0, Math.ceil(indicatorCount / priorities));
  const per = Math.ceil(indicatorCount / priorities);
  const ratings = ['Green', 'Amber', 'Green', 'Red', 'Amber', 'Green', 'Amber', 'Red'];
  return {
    boardId: demo.id('0199f500'),
    boardName: 'Best Council Board',
    chairName: 'Tom Riordan (Chief Executive)',
    meetingText: 'board meets Thursday 4 December 2025',
    periodKey: period.key,
    periodLabel: period.label,
    headline: `${priorities} priorities: ${ratings.slice(0, priorities).filter((r) => r === 'Green').length} green, ${ratings.slice(0, priorities).filter((r) => r === 'Amber').length} amber, ${ratings.slice(0, priorities).filter((r) => r === 'Red').length} red · ${countsOf(all)}.`,
    ragChart: {
      title: `${all.length} indicators by rating, ${period.label}`,
      slices: slices(Object.fromEntries(SLICES.map(([legend]) => [legend, all.filter((i) => i.rag.label === legend).length]))),
      text: countsOf(all),
    },
    priorities: Array.from({ length: priorities }, (_, k) => {
      const mine = all.slice(k * per, (k + 1) * per);
      return {
        priorityId: demo.id('0199e400'),
        code: `CBP-${k + 1}`,
        title: pick(demo.priorityTitles.council, k),
        rating: RAG[ratings[k % ratings.length]],
        stateText: k === priorities - 1 ? 'waiting for the chair' : 'approved',
        countsText: `${mine.length} indicators: ${mine.filter((i) => i.ragKey === 'Green').length} green, ${mine.filter((i) => i.ragKey === 'Amber').length} amber, ${mine.filter((i) => i.ragKey === 'Red').length} red`,
        exceptionsText: `${mine.filter((i) => i.ragKey === 'Red' || i.ragKey === 'NoData').length} exceptions`,
      };
    }),
    exceptionsText: exceptionsTotal === 0 ? 'No exceptions this quarter.' : `${exceptionsTotal} exceptions${exceptionsTotal > exceptionsShown ? `; the ${exceptionsShown} most serious first` : ''}:`,
    exceptions: all.slice(0, exceptionsShown).map((ind) => {
      const kind = kindCycle[ind.i % kindCycle.length];
      return {
        code: ind.code,
        title: ind.title,
        kind: KINDS[kind],
        detail: kind === 'missing' ? 'No return: due 14 Nov 2025' : `${ind.valueText} against a target of ${ind.targetText} · ${ind.travel.label}`,
      };
    }),
    moreExceptionsText: exceptionsTotal > exceptionsShown ? `And ${exceptionsTotal - exceptionsShown} more: use "All exceptions for this board".` : '',
    riskText: riskCount === 0
      ? 'No priority has both red indicators and a risk still high after mitigation.'
      : `Red indicators and a risk still high after mitigation meet in ${riskCount} ${riskCount === 1 ? 'priority' : 'priorities'}:`,
    riskPriorities: Array.from({ length: riskCount }, (_, k) => ({
      code: `CBP-${4 + k}`,
      title: pick(demo.priorityTitles.council, 3 + k),
      detail: `Red: CBP-${4 + k}a, CBP-${4 + k}c · High risk after mitigation: ${pick(['Budget gap not closed by savings plans', 'Recruitment and retention of social workers', 'Cyber attack disrupts council services'], k)} (impact high, likelihood medium)`,
    })),
    actionsText: 'Board actions: 9 open (2 delayed), 4 completed this quarter.',
    notice: form === 'errors' ? notice('Nothing was added: see the problems marked in "Add an action".', 'attention')
      : form === 'added' ? notice('Added "Review the recruitment plan" for Gemma Lloyd, due 30 January 2026. They are told now.', 'good') : notice(),
    canAddAction: form !== 'reader',
    addActionText: 'Only the chair, Tom Riordan (Chief Executive), or the performance team can add an action. Its owner is told at once.',
    people: Array.from({ length: peopleCount }, (_, k) => ({ personId: demo.id('0199c100'), name: pick(people.names, k) })),
    addAction: form === 'errors'
      ? { title: 'Review the <b>recruitment</b> plan', ownerId: '', ownerEmail: 'someone@elsewhere.example', dueDate: '2025-01-30', priorityId: '' }
      : { title: '', ownerId: '', ownerEmail: '', dueDate: '', priorityId: '' },
    errors: form === 'errors'
      ? {
        title: 'The action must be plain text on one line: please remove any markup (such as <b>).',
        owner: 'PmfBot does not know anyone with the email someone@elsewhere.example. Choose someone from the list, or ask the performance team to add them.',
        dueDate: 'That date has passed: choose today or a later date.',
        priorityId: '',
      }
      : { title: '', owner: '', dueDate: '', priorityId: '' },
  };
}

// --- scrutiny-summary-card -----------------------------------------------------------------------
function scrutinySummaryCard({ boardCount, prioritiesPerBoard, topPerBoard }) {
  const ratings = ['Green', 'Amber', 'Green', 'Red', 'Amber', 'Green', 'Amber', 'Red'];
  const boards = demo.boards.slice(0, boardCount).map((b, bi) => {
    const titles = demo.priorityTitles[b.theme];
    const pri = Array.from({ length: prioritiesPerBoard }, (_, k) => ({
      priorityId: demo.id('0199e400'),
      code: `${b.code}${k + 1}`,
      title: pick(titles, k),
      rating: RAG[pick(ratings, k + bi)],
    }));
    const inds = indicators(b.theme, topPerBoard, b.code, bi * 3, 4);
    const exceptionCount = 2 + ((bi * 5) % 9);
    return {
      boardId: demo.id('0199f500'),
      name: b.name,
      chairName: b.chair,
      ratingsText: `${pri.filter((x) => x.rating === RAG.Green).length} green, ${pri.filter((x) => x.rating === RAG.Amber).length} amber, ${pri.filter((x) => x.rating === RAG.Red).length} red`,
      exceptionCount,
      exceptionsText: `${exceptionCount} exceptions`,
      topExceptionsText: `Most serious ${Math.min(topPerBoard, exceptionCount)}:`,
      priorities: pri,
      topExceptions: inds.slice(0, Math.min(topPerBoard, exceptionCount)).map((ind) => {
        const kind = kindCycle[ind.i % kindCycle.length];
        return {
          code: ind.code,
          title: ind.title,
          kind: KINDS[kind],
          detail: kind === 'missing' ? 'no return' : `${ind.valueText} (target ${ind.targetText.replace(/ \(.*\)$/, '')})`,
        };
      }),
    };
  });
  const totalPriorities = boardCount * prioritiesPerBoard;
  return {
    audienceName: 'Scrutiny Board (Strategy and Resources)',
    periodKey: period.key,
    periodLabel: period.label,
    headline: `${boardCount} boards, ${totalPriorities} priorities: ${boards.flatMap((b) => b.priorities).filter((x) => x.rating === RAG.Green).length} green, ${boards.flatMap((b) => b.priorities).filter((x) => x.rating === RAG.Amber).length} amber, ${boards.flatMap((b) => b.priorities).filter((x) => x.rating === RAG.Red).length} red · ${boards.reduce((a, b) => a + b.exceptionCount, 0)} exceptions.`,
    ratingsChart: {
      title: `Priorities by rating, board by board, ${period.label}`,
      boards: boards.map((b) => ({
        title: b.name,
        slices: slices(Object.fromEntries(SLICES.map(([legend]) => [legend, b.priorities.filter((x) => x.rating.label === legend).length]))),
        text: b.ratingsText,
      })),
    },
    boards: boards.map(({ priorities, ...rest }) => ({ ...rest, priorities: priorities.map(({ priorityId, ...r }) => r) })),
  };
}

// --- compliance-card -----------------------------------------------------------------------------
function complianceCard({ directorateCount, ownerCount, pageSize, page }) {
  const p = paging(ownerCount, pageSize, page);
  const dirs = demo.directorates.slice(0, directorateCount).map((name, k) => {
    const due = 30 + k * 7;
    const late = 2 + (k % 3) * 2;
    const missing = k % 2 ? 1 + k : 0;
    const onTime = due - late - missing;
    const share = Math.round((100 * onTime) / due);
    return {
      directorateId: demo.id('0199d300'),
      name, due: String(due), onTime: String(onTime), late: String(late), missing: String(missing),
      share: share >= 90 ? badge(`${share}%`, 'good') : share >= 80 ? badge(`${share}%`, 'warning') : badge(`${share}%`, 'attention'),
      dueN: due, onTimeN: onTime, lateN: late, missingN: missing,
    };
  });
  const total = (k) => dirs.reduce((a, d) => a + d[k], 0);
  return {
    directorateId: '',
    scopeText: 'all directorates',
    periodKey: period.key,
    periodLabel: period.label,
    dueText: 'Returns were due Friday 14 November 2025. Figures at 9:00 on 24 November 2025.',
    headline: `${total('dueN')} returns due: ${total('onTimeN')} on time (${Math.round((100 * total('onTimeN')) / total('dueN'))}%), ${total('lateN')} late, ${total('missingN')} missing.`,
    directorates: dirs.map(({ dueN, onTimeN, lateN, missingN, directorateId, ...d }) => d),
    ownersHeading: 'Owners with late or missing returns',
    ...pageFields(p),
    pageText: `Page ${p.page} of ${p.pageCount}: owners ${p.from + 1} to ${p.to} of ${ownerCount}`,
    // While publication is on: the quarter's release for public display, and the performance team's button.
    releaseText: `${period.label} has not been released for public display yet.`,
    releaseColor: 'default',
    canRelease: true,
    owners: Array.from({ length: p.to - p.from }, (_, k) => {
      const n = p.from + k;
      const returns = Array.from({ length: 1 + (n % 4) }, (_, r) => ({
        code: `${pick(['CPP-C', 'CPP-H', 'CBP-', 'CPP-R'], n + r)}${1 + ((n + r) % 8)}${String.fromCharCode(97 + r)}`,
        state: (n + r) % 3 === 0 ? badge('missing', 'attention') : badge('late', 'warning'),
      }));
      const late = returns.filter((r) => r.state.label === 'late').length;
      return {
        name: pick(people.names, n),
        directorateName: pick(demo.directorates, n),
        countsText: `${returns.length + 2} due, 2 on time, ${late} late, ${returns.length - late} missing`,
        returns,
      };
    }),
  };
}

// --- scorecard-card ------------------------------------------------------------------------------
function scorecardCard({ priorities, indicatorCount, pageSize, page, concernsLength }) {
  const all = indicators('children', indicatorCount, 'CF-', 0, 4);
  const p = paging(indicatorCount, pageSize, page);
  const titles = Object.values(demo.priorityTitles).flat();
  return {
    directorateId: demo.id('0199d300'),
    directorateName: 'Children and Families',
    directorName: people.director,
    periodKey: period.key,
    periodLabel: period.label,
    headline: `${priorities} priorities · ${countsOf(all)}`,
    priorities: Array.from({ length: priorities }, (_, k) => ({
      priorityId: demo.id('0199e400'),
      code: `CF-${k + 1}`,
      title: pick(titles, k),
      rating: [RAG.Green, RAG.Amber, RAG.Red, RAG.Amber][k % 4],
      summary: textOf(260 + (k % 3) * 40, k),
    })),
    ...pageFields(p),
    pageText: `Page ${p.page} of ${p.pageCount}: indicators ${p.from + 1} to ${p.to} of ${indicatorCount}`,
    indicators: all.slice(p.from, p.to).map((ind) => ({ code: ind.code, title: ind.title, valueText: ind.valueText, targetText: ind.targetText, rag: ind.rag, travel: ind.travel })),
    selfAssessment: concernsLength ? textOf(concernsLength, 2) : '',
    selfAssessmentByText: concernsLength ? `Written by ${people.director} on 25 Nov 2025.` : '',
  };
}

// --- help-card -----------------------------------------------------------------------------------
const commands = [
  { usage: 'help', description: 'Shows this list.', example: 'help' },
  { usage: 'my returns', description: 'Opens the card with your indicators due this period, so you can enter values and commentary.', example: 'my returns' },
  { usage: 'my actions', description: 'Report progress on the open board actions you own.', example: 'my actions' },
  { usage: 'status <priority>', description: 'The overall rating, indicators, actions and risks of a priority. Use its code or words from its title.', example: 'status CPP-C1 or status school attendance' },
  { usage: 'exceptions [board]', description: 'Indicators beyond tolerance either way, rated red, worse for two periods, or missing. Leave out the board for all boards.', example: 'exceptions children' },
  { usage: 'scorecard <directorate>', description: 'The directorate scorecard: priorities, key indicators and the self assessment.', example: 'scorecard children and families' },
  { usage: 'compliance', description: 'Returns on time, late and missing, by directorate and owner.', example: 'compliance' },
  { usage: 'trend <indicator>', description: 'Values, ratings and every change for one indicator.', example: 'trend CPP-C1a' },
];
function helpCard({ channel, roles }) {
  return {
    periodKey: period.key,
    intro: `Hello ${channel ? '' : 'Olivia. '}I run ${demo.council}'s quarterly performance returns and reports. Ask me in plain words; I understand codes and titles, and forgive typos.`.replace('Hello I', 'Hello. I'),
    rolesText: roles ? 'You own 3 indicators due for Q2 2025/26, lead priority CPP-C1, and sit on the Scrutiny Board (Strategy and Resources).' : '',
    notice: channel ? notice('I did not understand "stauts CPP-C1". Did you mean "status CPP-C1"?', 'warning') : notice(),
    commands,
    mentionText: channel ? 'In a channel, mention me first, for example: @PmfBot status CPP-C1.' : '',
    showMyReturns: roles,
    showCompliance: roles,
  };
}

// --- message-card --------------------------------------------------------------------------------
function messageCard(kind) {
  if (kind === 'refusal') {
    return {
      title: 'You cannot approve this rating',
      color: 'attention',
      text: `Only the chair of the Children and Families Trust Board, ${people.chair}, can decide the overall rating for CPP-C1.`,
      lines: [],
      footer: 'If you think this is wrong, contact the corporate performance team.',
    };
  }
  if (kind === 'large') {
    return {
      title: 'I could not find that priority',
      color: 'warning',
      text: 'No priority matches "attendence and skills in schools". Did you mean one of these? Reply with the code, for example "status CPP-C1".',
      lines: Object.values(demo.priorityTitles).flat().slice(0, 12).map((t, k) => `CPP-${['C', 'H', 'S', 'E'][k % 4]}${1 + (k % 4)} ${t}`),
      footer: 'Type "help" to see everything you can ask.',
    };
  }
  return {
    title: 'Saved',
    color: 'good',
    text: 'Your progress note for "Bring a costed plan to increase in-house foster carers" has been saved for Q2 2025/26.',
    lines: [],
    footer: '',
  };
}

const builders = {
  'return-card': {
    sample: () => returnCard({ count: 3, pageSize: 4, page: 1, doneCount: 0, withErrors: false }),
    errors: () => returnCard({ count: 3, pageSize: 4, page: 1, doneCount: 0, withErrors: true }),
    large: () => returnCard({ count: 12, pageSize: 4, page: 2, doneCount: 2, withErrors: false }),
    // Every text at its longest (the domain's limits) and every error shown: one a page.
    longest: () => returnCard({ count: 12, pageSize: 1, page: 1, doneCount: 2, withErrors: false, longest: true }),
  },
  'submitted-card': {
    sample: () => submittedCard({ count: 3, pageSize: 6, page: 1 }),
    large: () => submittedCard({ count: 12, pageSize: 6, page: 1 }),
    // Every text at its longest (the domain's limits): three a page.
    longest: () => submittedCard({ count: 12, pageSize: 3, page: 1, longest: true }),
    page2: () => submittedCard({ count: 12, pageSize: 6, page: 2 }),
  },
  'sign-off-card': {
    sample: () => signOffCard({ count: 6, pageSize: 10, page: 1, notSubmittedCount: 1, withErrors: false }),
    errors: () => signOffCard({ count: 6, pageSize: 10, page: 1, notSubmittedCount: 1, withErrors: true }),
    large: () => signOffCard({ count: 60, pageSize: 10, page: 1, notSubmittedCount: 6, withErrors: false }),
    page2: () => signOffCard({ count: 60, pageSize: 10, page: 2, notSubmittedCount: 6, withErrors: false }),
  },
  'rating-proposal-card': {
    sample: () => ratingProposalCard({ count: 8, state: 'awaiting' }),
    sentback: () => ratingProposalCard({ count: 8, state: 'sentBack' }),
    decided: () => ratingProposalCard({ count: 8, state: 'decided' }),
    large: () => ratingProposalCard({ count: 15, state: 'proposed' }),
  },
  'approval-card': {
    sample: () => approvalCard({ count: 8, view: 'everyone' }),
    chair: () => approvalCard({ count: 8, view: 'chair' }),
    errors: () => approvalCard({ count: 8, view: 'chairWithErrors' }),
    decided: () => approvalCard({ count: 8, view: 'decided' }),
    large: () => approvalCard({ count: 15, view: 'chair' }),
  },
  'status-card': {
    sample: () => statusCard({ count: 4, pageSize: 6, page: 1, actionCount: 2, riskCount: 2 }),
    large: () => statusCard({ count: 15, pageSize: 6, page: 1, actionCount: 6, riskCount: 6 }),
    page2: () => statusCard({ count: 15, pageSize: 6, page: 2, actionCount: 6, riskCount: 6 }),
  },
  'history-card': {
    sample: () => historyCard({ periods: 4, auditCount: 9, pageSize: 15, page: 1 }),
    large: () => historyCard({ periods: 8, auditCount: 40, pageSize: 15, page: 1 }),
    page2: () => historyCard({ periods: 8, auditCount: 40, pageSize: 15, page: 2 }),
  },
  'self-assessment-card': {
    sample: () => selfAssessmentCard({ priorities: 4, concernsLength: 0, canEdit: true, withErrors: false }),
    errors: () => selfAssessmentCard({ priorities: 4, concernsLength: 2900, canEdit: true, withErrors: true }),
    large: () => selfAssessmentCard({ priorities: 8, concernsLength: 3000, canEdit: true, withErrors: false }),
  },
  'action-progress-card': {
    sample: () => actionProgressCard({ previous: 2, withErrors: false }),
    errors: () => actionProgressCard({ previous: 2, withErrors: true }),
    large: () => actionProgressCard({ previous: 8, withErrors: false, page: 2, pageCount: 5 }),
    // "my actions": the first of three, with Next.
    mine: () => actionProgressCard({ previous: 2, withErrors: false, page: 1, pageCount: 3 }),
  },
  'exceptions-card': {
    sample: () => exceptionsCard({ count: 3, pageSize: 8, page: 1, scope: 'board' }),
    large: () => exceptionsCard({ count: 24, pageSize: 8, page: 1, scope: 'all' }),
    page2: () => exceptionsCard({ count: 24, pageSize: 8, page: 2, scope: 'all' }),
  },
  'board-summary-card': {
    sample: () => boardSummaryCard({ priorities: 3, indicatorCount: 14, exceptionsShown: 3, exceptionsTotal: 3 }),
    errors: () => boardSummaryCard({ priorities: 3, indicatorCount: 14, exceptionsShown: 3, exceptionsTotal: 3, form: 'errors' }),
    added: () => boardSummaryCard({ priorities: 3, indicatorCount: 14, exceptionsShown: 3, exceptionsTotal: 3, form: 'added', riskCount: 0 }),
    reader: () => boardSummaryCard({ priorities: 3, indicatorCount: 14, exceptionsShown: 3, exceptionsTotal: 3, form: 'reader' }),
    // Every priority red with a high risk, and the most people the owner list offers.
    large: () => boardSummaryCard({ priorities: 8, indicatorCount: 60, exceptionsShown: 10, exceptionsTotal: 22, peopleCount: 60, riskCount: 8 }),
  },
  'scrutiny-summary-card': {
    sample: () => scrutinySummaryCard({ boardCount: 3, prioritiesPerBoard: 3, topPerBoard: 2 }),
    large: () => scrutinySummaryCard({ boardCount: 6, prioritiesPerBoard: 8, topPerBoard: 3 }),
  },
  'compliance-card': {
    sample: () => complianceCard({ directorateCount: 3, ownerCount: 4, pageSize: 20, page: 1 }),
    large: () => complianceCard({ directorateCount: 6, ownerCount: 45, pageSize: 20, page: 1 }),
    page2: () => complianceCard({ directorateCount: 6, ownerCount: 45, pageSize: 20, page: 2 }),
  },
  'scorecard-card': {
    sample: () => scorecardCard({ priorities: 3, indicatorCount: 6, pageSize: 15, page: 1, concernsLength: 400 }),
    large: () => scorecardCard({ priorities: 8, indicatorCount: 20, pageSize: 15, page: 1, concernsLength: 3000 }),
    page2: () => scorecardCard({ priorities: 8, indicatorCount: 20, pageSize: 15, page: 2, concernsLength: 3000 }),
  },
  'help-card': {
    sample: () => helpCard({ channel: false, roles: true }),
    large: () => helpCard({ channel: true, roles: true }),
  },
  'message-card': {
    sample: () => messageCard('confirmation'),
    refusal: () => messageCard('refusal'),
    large: () => messageCard('large'),
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
