// HQ's printable state report (SPEC §8): the DGP's page — where the state stands against its
// targets, each district's latest bundle (silence, gaps, forks, policy version flagged) and the
// units each district reported short. Bilingual (Hindi first), A4, printed to PDF by the same
// machinery as the district's report (bundle/report-document.ts, bundle/report-pdf.ts), with the
// HQ name, the time it was made and the page number in the margin of every page.
//
// Names come from district keys' labels and bundles: hostile text, every string through esc().
import { formatDate, formatDateTime } from '../../contract/dates.js';
import {
  bi,
  count,
  cssString,
  esc,
  percentOf,
  REPORT_FONT_STACK,
  REPORT_STATUS,
  REPORT_UNIT_TYPE,
  reportDocument,
} from '../bundle/report-document.js';
import type { DistrictRow, HqReport } from './report.js';
import type { ShortUnit } from './summary-figures.js';

export interface StateReportInput {
  report: HqReport;
  /** Each district's short units from its latest bundle (what the bundle's summary carried). */
  shortUnits: ReadonlyMap<string, readonly ShortUnit[]>;
}

/** Short units listed per district; the rest are counted (the dashboard's drill-down has all). */
export const SHORT_UNITS_SHOWN = 60;

const hiName = (d: { name: string; nameHi: string | null }) =>
  d.nameHi && d.nameHi !== d.name ? `${esc(d.nameHi)}<br>${esc(d.name)}` : esc(d.name);

interface TargetRow {
  hi: string;
  en: string;
  achieved: string;
  target: string;
  /** Achieved as a share of the target (0–1+), or null where there is no target. */
  share: number | null;
  detail: string;
}

function bar(share: number | null): string {
  if (share === null) return '';
  const met = share >= 1;
  const width = Math.max(0, Math.min(1, share)) * 100;
  return (
    `<div class="bar"><div class="fill ${met ? 'met' : 'unmet'}" style="width:${width.toFixed(1)}%"></div></div>` +
    `<span class="share ${met ? 'met' : 'unmet'}">${met ? bi('लक्ष्य पूरा', 'target met') : `${(100 * share).toFixed(1)} % ${bi('लक्ष्य का', 'of target')}`}</span>`
  );
}

function targetsTable(r: HqReport): string {
  const s = r.state;
  const t = r.targets;
  const p = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);
  const shareOf = (achieved: number, target: number) => (target > 0 ? achieved / target : null);
  const rows: TargetRow[] = [
    {
      hi: 'सदस्य (नागरिक)',
      en: 'Members (citizens)',
      achieved: count(s.citizens),
      target: count(t.citizens),
      share: shareOf(s.citizens, t.citizens),
      detail: `${count(s.memberships)} ${bi('सदस्यताएँ', 'memberships')}`,
    },
    {
      hi: 'अनुपालित थाने (रिपोर्ट किए गए थानों में से)',
      en: 'Thanas compliant (of thanas reported)',
      achieved: `${count(s.thanasCompliant)} / ${count(s.thanas)} (${percentOf(s.thanasCompliant, s.thanas)})`,
      target: `${t.compliantPercent} %`,
      share: shareOf(p(s.thanasCompliant, s.thanas), t.compliantPercent),
      detail: '',
    },
    {
      hi: 'अनुपालित इकाइयाँ',
      en: 'Units compliant',
      achieved: `${count(s.compliant)} / ${count(s.units)} (${percentOf(s.compliant, s.units)})`,
      target: `${t.compliantPercent} %`,
      share: shareOf(p(s.compliant, s.units), t.compliantPercent),
      detail: `${bi('कमी', 'short')} ${count(s.short)} · ${bi('समूह नहीं', 'missing')} ${count(s.missing)}`,
    },
    {
      hi: 'किसी समूह में कर्मी',
      en: 'Staff in a group',
      achieved: `${count(s.staffCovered)} / ${count(s.staffTotal)} (${percentOf(s.staffCovered, s.staffTotal)})`,
      target: `${t.staffCoveredPercent} %`,
      share: shareOf(p(s.staffCovered, s.staffTotal), t.staffCoveredPercent),
      detail: '',
    },
    {
      hi: 'महिला समूह वाले ज़िले',
      en: "Districts with a women's group",
      achieved: count(s.womenGroups),
      target: count(t.womenGroups),
      share: shareOf(s.womenGroups, t.womenGroups),
      detail: `${bi('महिला समूह में महिला कर्मी', "women staff in the women's group")}: ${count(s.womenStaffInWomenGroup)} / ${count(s.womenStaffTotal)} (${percentOf(s.womenStaffInWomenGroup, s.womenStaffTotal)})`,
    },
  ];
  const body = rows
    .map(
      (x) =>
        `<tr><td>${bi(x.hi, x.en)}${x.detail ? `<div class="small">${x.detail}</div>` : ''}</td>` +
        `<td class="num big">${esc(x.achieved)}</td><td class="num">${esc(x.target)}</td><td class="progress">${bar(x.share)}</td></tr>`,
    )
    .join('');
  return (
    `<table class="targets"><thead><tr><th>${bi('मापदंड', 'Measure')}</th><th>${bi('उपलब्धि', 'Achieved')}</th>` +
    `<th>${bi('लक्ष्य', 'Target')}</th><th>${bi('प्रगति', 'Progress')}</th></tr></thead><tbody>${body}</tbody></table>`
  );
}

function attentionCards(r: HqReport): string {
  const s = r.state;
  const card = (hi: string, en: string, value: number, warn: boolean) =>
    `<div class="card${warn && value > 0 ? ' warn' : ''}"><div class="v">${count(value)}</div><div class="l">${esc(hi)}<br><span class="en">${esc(en)}</span></div></div>`;
  return (
    `<div class="cards attention">` +
    card(
      `${r.silentDaysLimit} दिन से अधिक चुप ज़िले`,
      `districts silent over ${r.silentDaysLimit} days`,
      s.districtsSilent,
      true,
    ) +
    card('क्रम में अंतराल वाले ज़िले', 'districts with gaps', s.districtsWithGaps, true) +
    card('टकराव चिह्नित ज़िले', 'districts flagged for a fork', s.districtsForked, true) +
    card('पुरानी नीति पर ज़िले', 'districts on an old policy', s.districtsOnOldPolicy, true) +
    `</div>`
  );
}

function districtRow(d: DistrictRow, currentPolicy: number): string {
  const none = `<span class="none">${bi('कोई बंडल नहीं', 'no bundle')}</span>`;
  const has = d.latestSequence !== null;
  const flags = [
    d.forked ? `<span class="badge fork">${bi('टकराव', 'fork')}</span>` : '',
    d.gaps.length ? `<span class="badge gap">${bi('अंतराल', 'gaps')}: ${esc(d.gaps.map(count).join(', '))}</span>` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const classes = [d.silent ? 'silent' : '', d.forked ? 'forked' : ''].filter(Boolean).join(' ');
  return (
    `<tr${classes ? ` class="${classes}"` : ''}>` +
    `<td class="code">${esc(d.code)}</td><td>${hiName(d)}</td>` +
    (has
      ? `<td class="num">${count(d.latestSequence!)}</td>` +
        `<td class="date">${esc(formatDate(d.latestBaggingDate))}</td>` +
        `<td class="num">${d.percentCompliant === null ? '—' : `${d.percentCompliant.toFixed(1)} %`}</td>` +
        `<td class="num">${count(d.summary?.citizens ?? 0)}</td>`
      : `<td colspan="4">${none}</td>`) +
    `<td class="num${d.silent ? ' hl' : ''}">${count(d.silentDays)}</td>` +
    `<td>${flags}</td>` +
    `<td class="num${d.oldPolicy ? ' hl' : ''}">${d.policyVersion === null ? '—' : `v${d.policyVersion}${d.oldPolicy ? ` <span class="small">(${bi('पुरानी', 'old')}; v${currentPolicy})</span>` : ''}`}</td>` +
    `</tr>`
  );
}

function districtsTable(r: HqReport): string {
  const rows = [...r.districts]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((d) => districtRow(d, r.currentPolicyVersion))
    .join('');
  const s = r.state;
  return (
    `<table class="districts"><thead><tr><th>${bi('कोड', 'Code')}</th><th>${bi('ज़िला', 'District')}</th>` +
    `<th>${bi('क्रम', 'Seq.')}</th><th>${bi('अंतिम बंडल', 'Latest bundle')}</th><th>${bi('अनुपालित', 'Compliant')}</th>` +
    `<th>${bi('सदस्य', 'Members')}</th><th>${bi('चुप दिन', 'Days silent')}</th><th>${bi('अंतराल / टकराव', 'Gaps / forks')}</th>` +
    `<th>${bi('नीति', 'Policy')}</th></tr></thead><tbody>${rows}` +
    // The state row once, after the last district (a tfoot would repeat on every page).
    `<tr class="total"><td></td><td>${bi('राज्य', 'State')}</td><td></td><td></td>` +
    `<td class="num">${s.percentCompliant.toFixed(1)} %</td><td class="num">${count(s.citizens)}</td><td></td><td></td><td></td></tr></tbody></table>` +
    `<p class="note"><span class="swatch"></span> ${bi(
      `पीला: ${r.silentDaysLimit} दिन से अधिक से कोई बंडल नहीं, या पुरानी नीति`,
      `yellow: no bundle for more than ${r.silentDaysLimit} days, or an old policy`,
    )} · ${bi('प्रतिशत: ज़िले के अंतिम बंडल में अनुपालित इकाइयाँ', "per cent: units compliant in the district's latest bundle")}</p>`
  );
}

function shortUnitsTable(units: readonly ShortUnit[]): string {
  const rows = units
    .slice(0, SHORT_UNITS_SHOWN)
    .map((u) => {
      const type = REPORT_UNIT_TYPE[u.type];
      const st = REPORT_STATUS[u.status];
      return (
        `<tr><td class="code">${esc(u.code)}</td><td>${hiName(u)}</td>` +
        `<td>${type ? bi(type.hi, type.en) : esc(u.type)}</td>` +
        `<td><span class="badge" style="background:${st.color}">${esc(st.hi)} / ${esc(st.en)}</span></td>` +
        `<td class="num">${count(u.members)}</td><td class="num">${u.required === null ? '—' : count(u.required)}</td>` +
        `<td class="num">${u.shortfall ? count(u.shortfall) : ''}</td></tr>`
      );
    })
    .join('');
  const more =
    units.length > SHORT_UNITS_SHOWN
      ? `<p class="note">${bi(
          `और ${count(units.length - SHORT_UNITS_SHOWN)} इकाइयाँ (डैशबोर्ड पर ज़िला खोलें)`,
          `and ${count(units.length - SHORT_UNITS_SHOWN)} more units (open the district on the dashboard)`,
        )}</p>`
      : '';
  return (
    `<table class="short"><thead><tr><th>${bi('कोड', 'Code')}</th><th>${bi('इकाई', 'Unit')}</th><th>${bi('प्रकार', 'Type')}</th>` +
    `<th>${bi('स्थिति', 'Status')}</th><th>${bi('सदस्य', 'Members')}</th><th>${bi('आवश्यक', 'Required')}</th>` +
    `<th>${bi('कमी', 'Shortfall')}</th></tr></thead><tbody>${rows}</tbody></table>${more}`
  );
}

function shortUnitsSection(input: StateReportInput): string {
  const districts = [...input.report.districts].sort((a, b) => a.code.localeCompare(b.code));
  const reporting = districts.filter((d) => d.latestSequence !== null);
  const silent = districts.filter((d) => d.latestSequence === null);
  const complete = reporting.filter((d) => (input.shortUnits.get(d.code)?.length ?? 0) === 0);
  const parts = reporting
    .filter((d) => (input.shortUnits.get(d.code)?.length ?? 0) > 0)
    .map((d) => {
      const units = input.shortUnits.get(d.code)!;
      const short = units.filter((u) => u.status === 'short').length;
      const missing = units.length - short;
      return (
        `<section class="district-short"><h3>${esc(d.nameHi ?? d.name)}${d.nameHi && d.nameHi !== d.name ? ` <span class="en">/ ${esc(d.name)}</span>` : ''} <span class="code">(${esc(d.code)})</span></h3>` +
        `<p class="note">${bi('कमी', 'short')}: ${count(short)} · ${bi('समूह नहीं', 'missing')}: ${count(missing)} · ${bi('बंडल', 'bundle')} ${count(d.latestSequence!)}, ${esc(formatDate(d.latestBaggingDate))}</p>` +
        shortUnitsTable(units) +
        `</section>`
      );
    })
    .join('');
  const list = (ds: DistrictRow[]) => ds.map((d) => `${esc(d.nameHi ?? d.name)} (${esc(d.code)})`).join(', ');
  return (
    (parts || `<p>${bi('किसी ज़िले में कमी वाली इकाई नहीं', 'No district reported a short unit')}</p>`) +
    (complete.length && parts
      ? `<p class="note">${bi('सभी इकाइयाँ अनुपालित', 'Every unit compliant')}: ${list(complete)}</p>`
      : '') +
    (silent.length ? `<p class="note">${bi('अभी तक कोई बंडल नहीं', 'No bundle yet')}: ${list(silent)}</p>` : '')
  );
}

const STATE_CSS = `
table.targets td { vertical-align: middle; padding: 4px 6px; font-size: 9.5pt; }
table.targets .big { font-size: 11pt; font-weight: bold; white-space: nowrap; }
td.progress { width: 34%; }
.bar { height: 10px; background: #eee; border: 1px solid #ccc; border-radius: 2px; overflow: hidden; }
.bar .fill { height: 100%; } .fill.met { background: #2e7d32; } .fill.unmet { background: #ef8f00; }
.share { font-size: 8pt; } .share.met { color: #2e7d32; font-weight: bold; } .share.unmet { color: #8a5300; }
.cards.attention .card { min-width: 22%; } .card.warn { border-color: #c62828; } .card.warn .v { color: #c62828; }
table.districts { font-size: 8pt; } table.districts td.date { white-space: nowrap; }
table.districts tr.total td { font-weight: bold; background: #f4f6fa; }
td.hl, .swatch { background: #fff3b0; } .swatch { display: inline-block; width: 10px; height: 10px; border: 1px solid #bbb; }
tr.forked td:first-child { border-left: 3px solid #c62828; }
.badge.fork { background: #c62828; } .badge.gap { background: #b45f00; } .badge .en { color: #fff; }
.district-short { break-inside: auto; } .district-short h3 { break-after: avoid; margin-top: 10px; }
table.short { font-size: 8pt; }
footer { margin-top: 14px; font-size: 8.5pt; color: #333; border-top: 1px solid #bbb; }`;

/** The page margins: the HQ name and time at the left, the page number at the right, on every page. */
function pageCss(hqName: string, generated: string): string {
  const box = `font-family: ${REPORT_FONT_STACK}; font-size: 8pt; color: #444;`;
  return `@page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-left { content: ${cssString(`${hqName} · ${generated}`)}; ${box} }
  @bottom-right { content: ${cssString('पृष्ठ / Page ')} counter(page) " / " counter(pages); ${box} }
}`;
}

export function renderStateReportHtml(input: StateReportInput): string {
  const r = input.report;
  const generated = formatDateTime(r.generatedAt);
  const hqName = r.hq.nameHi && r.hq.nameHi !== r.hq.name ? `${r.hq.nameHi} — ${r.hq.name}` : r.hq.name;
  const s = r.state;
  return reportDocument({
    title: `Samooh — ${r.hq.name} — state report ${formatDate(r.generatedAt)}`,
    css: pageCss(hqName, `${generated} IST`) + STATE_CSS,
    body: `<header>
<h1>${bi('राज्य व्हाट्सऐप समूह अनुपालन रिपोर्ट', 'State WhatsApp group compliance report')}</h1>
<div><strong>${esc(hqName)}</strong></div>
<table class="meta">
<tr><td>${bi('तैयार', 'Generated')}</td><td>${esc(generated)} ${bi('(भारतीय समय)', '(India time)')}</td></tr>
<tr><td>${bi('रिपोर्ट करने वाले ज़िले', 'Districts reporting')}</td><td>${count(s.districtsReporting)} / ${count(s.districtsTrusted)} ${bi('विश्वसनीय', 'trusted')}</td></tr>
<tr><td>${bi('चुप', 'Silent')}</td><td>${bi(`${r.silentDaysLimit} दिन से अधिक बिना बंडल`, `no bundle for more than ${r.silentDaysLimit} days`)}</td></tr>
<tr><td>${bi('वर्तमान नीति', 'Current policy')}</td><td>v${r.currentPolicyVersion}</td></tr>
</table>
</header>

<h2>${bi('लक्ष्य के सापेक्ष राज्य', 'State against targets')}</h2>
${targetsTable(r)}
${attentionCards(r)}

<h2>${bi('ज़िलेवार स्थिति', 'Districts')}</h2>
${districtsTable(r)}

<h2>${bi('ज़िलेवार कमी वाली इकाइयाँ', 'Short units by district')}</h2>
${shortUnitsSection(input)}

<footer>
<p>${bi(
      'राज्य के आँकड़े प्रत्येक ज़िले के अंतिम स्वीकृत हस्ताक्षरित बंडल का योग हैं।',
      "State figures are the sums over each district's latest accepted signed bundle.",
    )}</p>
<p>Samooh (समूह)</p>
</footer>`,
  });
}
