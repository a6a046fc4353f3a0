// data/report.html: the bilingual (Hindi/English) report the SP signs off and HQ reads.
// Self-contained on purpose: inline CSS, inline SVG figures, the Devanagari font as base64,
// and a CSP that forbids every fetch, so the file shows the same offline, in any browser,
// years later, and prints to A4 (and to PDF through Chromium) with Hindi shaped correctly.
//
// Every string from the register is hostile (unit names typed by anyone): all text goes
// through esc().
import type { ComplianceReport, RuleResult, UnitCompliance } from '../compliance/types.js';
import { formatDate, formatDateTime } from '../../contract/dates.js';
import { bi, count, esc, percentOf, REPORT_STATUS, REPORT_UNIT_TYPE, reportDocument } from './report-document.js';

/** An officer in no group, as the report names them (not by service number alone). */
export interface UncoveredOfficer {
  serviceNo: string;
  name: string;
  rankEn: string;
  rankHi: string;
  unitCode: string;
  unitName: string;
  unitNameHi: string | null;
}

export interface ReportMeta {
  /** The bag's name, e.g. samooh-PAT-20260105-3; null for a preview not yet sent. */
  bagName: string | null;
  sequence: number | null;
  keyId: string;
  baggingDate: string;
  withMembers: boolean;
  auditHead: { count: number; hash: string };
  previousTagmanifestSha256: string | null;
  bundleUuid: string | null;
  /**
   * Name, rank and posting of the staff in `summary.uncoveredStaff` (same order). A service
   * number missing here is shown alone.
   */
  uncoveredOfficers?: readonly UncoveredOfficer[];
}

const n = count;
const pct = percentOf;

const STATUS = REPORT_STATUS;
const UNIT_TYPE = REPORT_UNIT_TYPE;

const GENDER: Record<string, { hi: string; en: string }> = {
  F: { hi: 'महिला', en: 'Women' },
  M: { hi: 'पुरुष', en: 'Men' },
  X: { hi: 'अन्य', en: 'Other' },
};

// ---------------------------------------------------------------------------------------------
// Figures (inline SVG; widths in CSS pixels, scaled to the page by viewBox)

const W = 640;

function svg(height: number, body: string, title: string): string {
  return `<svg class="fig" viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${body}</svg>`;
}

/** One stacked bar of unit statuses with a legend. */
function statusBar(units: UnitCompliance[], title: string): string {
  const counts = { compliant: 0, short: 0, missing: 0 };
  for (const u of units) counts[u.status]++;
  const total = units.length;
  if (total === 0) return `<p class="none">${bi('इस प्रकार की कोई इकाई नहीं', 'No units of this type')}</p>`;
  let x = 0;
  let bars = '';
  let legend = '';
  let lx = 0;
  for (const s of ['compliant', 'short', 'missing'] as const) {
    const w = (counts[s] / total) * W;
    if (w > 0)
      bars += `<rect x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="28" fill="${STATUS[s].color}"/>`;
    x += w;
    legend += `<rect x="${lx}" y="40" width="12" height="12" fill="${STATUS[s].color}"/><text x="${lx + 16}" y="51" class="t">${esc(STATUS[s].hi)} / ${s}: ${n(counts[s])}</text>`;
    lx += 210;
  }
  return svg(60, bars + legend, title);
}

/** Histogram of member counts with the threshold marked. */
function membersHistogram(units: UnitCompliance[], required: number | null, title: string): string {
  if (units.length === 0) return '';
  const max = Math.max(required ?? 0, ...units.map((u) => u.members), 1);
  const bins = 20;
  const width = Math.ceil((max * 1.05) / bins) || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const u of units) counts[Math.min(bins - 1, Math.floor(u.members / width))]!++;
  const top = Math.max(...counts, 1);
  const H = 120;
  const bw = W / bins;
  let body = '';
  counts.forEach((c, i) => {
    const h = (c / top) * H;
    const below = required !== null && (i + 1) * width <= required;
    body += `<rect x="${(i * bw + 1).toFixed(2)}" y="${(H - h).toFixed(2)}" width="${(bw - 2).toFixed(2)}" height="${h.toFixed(2)}" fill="${below ? '#ef8f00' : '#2e7d32'}"/>`;
    if (c > 0)
      body += `<text x="${(i * bw + bw / 2).toFixed(2)}" y="${(H - h - 3).toFixed(2)}" class="s" text-anchor="middle">${c}</text>`;
  });
  if (required !== null) {
    const rx = (required / (width * bins)) * W;
    body += `<line x1="${rx.toFixed(2)}" y1="0" x2="${rx.toFixed(2)}" y2="${H}" stroke="#c62828" stroke-width="2" stroke-dasharray="4 3"/>`;
    body += `<text x="${Math.min(rx + 4, W - 120).toFixed(2)}" y="12" class="s">${esc('न्यूनतम / required')} ${n(required)}</text>`;
  }
  body += `<line x1="0" y1="${H}" x2="${W}" y2="${H}" stroke="#555"/>`;
  body += `<text x="0" y="${H + 14}" class="s">0</text><text x="${W}" y="${H + 14}" class="s" text-anchor="end">${n(width * bins)} ${esc('सदस्य / members')}</text>`;
  // Room above the tallest bar for its count.
  return svg(H + 34, `<g transform="translate(0,14)">${body}</g>`, title);
}

/** A progress bar: part of whole, with a target marker. */
function progress(part: number, whole: number, label: string, target = 1): string {
  const share = whole > 0 ? Math.min(1, part / whole) : 0;
  const color = share >= target ? '#2e7d32' : '#ef8f00';
  const body =
    `<rect x="0" y="0" width="${W}" height="22" fill="#eee"/>` +
    `<rect x="0" y="0" width="${(share * W).toFixed(2)}" height="22" fill="${color}"/>` +
    `<line x1="${(target * W).toFixed(2)}" y1="-2" x2="${(target * W).toFixed(2)}" y2="24" stroke="#333" stroke-width="1.5"/>` +
    `<text x="6" y="38" class="t">${esc(label)}: ${n(part)} / ${n(whole)} (${pct(part, whole)})</text>`;
  return svg(44, body, label);
}

/** Horizontal bars per row (rank), covered vs total. */
function coverageBars(rows: { label: string; total: number; covered: number }[], title: string): string {
  if (rows.length === 0) return '';
  const rowH = 18;
  const labelW = 230;
  const max = Math.max(...rows.map((r) => r.total), 1);
  let body = '';
  rows.forEach((r, i) => {
    const y = i * rowH;
    const tw = ((W - labelW - 90) * r.total) / max;
    const cw = ((W - labelW - 90) * r.covered) / max;
    body += `<text x="${labelW - 6}" y="${y + 13}" class="s" text-anchor="end">${esc(r.label)}</text>`;
    body += `<rect x="${labelW}" y="${y + 3}" width="${tw.toFixed(2)}" height="12" fill="#f3c7c7"/>`;
    body += `<rect x="${labelW}" y="${y + 3}" width="${cw.toFixed(2)}" height="12" fill="#2e7d32"/>`;
    body += `<text x="${(labelW + tw + 4).toFixed(2)}" y="${y + 13}" class="s">${n(r.covered)}/${n(r.total)}</text>`;
  });
  return svg(rows.length * rowH + 4, body, title);
}

/** Distribution of groups' share of the WhatsApp cap, with the 90 % warning and the cap. */
function capHistogram(shares: number[], title: string): string {
  if (shares.length === 0) return `<p class="none">${bi('कोई सक्रिय समूह नहीं', 'No active groups')}</p>`;
  const bins = 12; // 0–110 % and over
  const counts = new Array<number>(bins).fill(0);
  for (const s of shares) counts[Math.min(bins - 1, Math.floor(s * 10))]!++;
  const top = Math.max(...counts, 1);
  const H = 110;
  const bw = W / bins;
  let body = '';
  counts.forEach((c, i) => {
    const h = (c / top) * H;
    const color = i >= 10 ? '#c62828' : i === 9 ? '#ef8f00' : '#1565c0';
    body += `<rect x="${(i * bw + 1).toFixed(2)}" y="${(H - h).toFixed(2)}" width="${(bw - 2).toFixed(2)}" height="${h.toFixed(2)}" fill="${color}"/>`;
    if (c > 0)
      body += `<text x="${(i * bw + bw / 2).toFixed(2)}" y="${(H - h - 3).toFixed(2)}" class="s" text-anchor="middle">${c}</text>`;
    // Ticks on the bin edges, where the 90 % and 100 % lines are drawn.
    if (i > 0)
      body += `<text x="${(i * bw).toFixed(2)}" y="${H + 13}" class="s" text-anchor="middle">${i * 10}%</text>`;
  });
  body += `<line x1="${9 * bw}" y1="0" x2="${9 * bw}" y2="${H}" stroke="#ef8f00" stroke-dasharray="4 3"/>`;
  body += `<line x1="${10 * bw}" y1="0" x2="${10 * bw}" y2="${H}" stroke="#c62828" stroke-width="2"/>`;
  body += `<text x="0" y="${H + 13}" class="s">0%</text>`;
  body += `<text x="${(10 * bw + 4).toFixed(2)}" y="10" class="s">${esc('सीमा / cap')}</text>`;
  return svg(H + 32, `<g transform="translate(0,14)">${body}</g>`, title);
}

// ---------------------------------------------------------------------------------------------

interface RuleText {
  hi: string;
  en: string;
}

function ruleTexts(report: ComplianceReport): Record<RuleResult['id'], RuleText> {
  const req = (type: string) => report.units.find((u) => u.type === type && u.required !== null)?.required ?? null;
  const t = (v: number | null) => (v === null ? 'N' : n(v));
  return {
    R1: {
      hi: `प्रत्येक थाने में कम से कम ${t(req('thana'))} सक्रिय सदस्यों वाला पुलिस–पब्लिक समूह`,
      en: `Each thana has a police–public group with at least ${t(req('thana'))} active members`,
    },
    R2: {
      hi: `प्रत्येक सहायक थाना / ओपी में कम से कम ${t(req('op'))} सदस्यों वाला समूह`,
      en: `Each OP has a police–public group with at least ${t(req('op'))} active members`,
    },
    R3: {
      hi: `जिला पुलिस केंद्र में कम से कम ${t(req('district_centre'))} पुलिसकर्मियों का पदवार समूह`,
      en: `The district centre has a rank-wise staff group of at least ${t(req('district_centre'))}`,
    },
    R4: { hi: 'महिला पदाधिकारियों एवं कर्मियों का अलग समूह', en: 'A separate group of women officers and personnel' },
    R5: { hi: 'प्रत्येक प्रभाग / संगठन का अपना समूह', en: 'Each division has its own staff group' },
    R6: { hi: 'प्रत्येक पुलिस पदाधिकारी एवं कर्मी किसी न किसी समूह में', en: 'Every officer and employee is in some group' },
    R7: {
      hi: 'कोई समूह व्हाट्सऐप सीमा से बड़ा नहीं (90 % पर चेतावनी)',
      en: 'No group exceeds the WhatsApp cap (warning at 90 %)',
    },
  };
}

function ruleFigure(report: ComplianceReport, id: RuleResult['id'], title: string): string {
  const byType = (t: string) => report.units.filter((u) => u.type === t);
  const s = report.summary;
  switch (id) {
    case 'R1':
    case 'R2': {
      const units = byType(id === 'R1' ? 'thana' : 'op');
      const required = units.find((u) => u.required !== null)?.required ?? null;
      return statusBar(units, title) + membersHistogram(units, required, `${title} — members`);
    }
    case 'R3': {
      const units = byType('district_centre');
      if (units.length === 0) return statusBar(units, title);
      return units.map((u) => progress(u.members, u.required ?? u.members, `${u.code} — ${u.name}`)).join('');
    }
    case 'R4': {
      const rule = report.rules.find((r) => r.id === 'R4');
      const hasGroup = report.groups.some((g) => g.kind === 'women_staff' && g.status === 'active');
      return (
        progress(
          s.womenStaffInWomenGroup,
          s.womenStaffTotal,
          'महिला समूह में महिला कर्मी / women staff in the women group',
        ) +
        `<p class="note">${bi(hasGroup ? 'सक्रिय महिला समूह है' : 'कोई सक्रिय महिला समूह नहीं', hasGroup ? 'an active women group exists' : 'no active women group')}${
          rule?.items?.length
            ? ` · ${bi('महिला समूह में गैर-महिला सदस्य', 'non-women members in it')}: ${n(rule.items.length)}`
            : ''
        }</p>`
      );
    }
    case 'R5':
      return statusBar(byType('division'), title);
    case 'R6': {
      const ranks = new Map<string, { label: string; total: number; covered: number }>();
      for (const r of report.staffByRankGender) {
        const row = ranks.get(r.rank) ?? { label: `${r.rankHi} / ${r.rankEn}`, total: 0, covered: 0 };
        row.total += r.total;
        row.covered += r.covered;
        ranks.set(r.rank, row);
      }
      return (
        progress(s.staffCovered, s.staffTotal, 'समूह में कर्मी / staff in a group') +
        coverageBars([...ranks.values()], title)
      );
    }
    case 'R7':
      return capHistogram(
        report.groups.filter((g) => g.status === 'active').map((g) => g.capShare),
        title,
      );
  }
}

function unitsTable(units: UnitCompliance[]): string {
  const order = { missing: 0, short: 1, compliant: 2 };
  const rows = [...units]
    .sort((a, b) => order[a.status] - order[b.status] || b.shortfall - a.shortfall || a.code.localeCompare(b.code))
    .map(
      (u) =>
        `<tr><td class="code">${esc(u.code)}</td><td>${esc(u.nameHi ?? '')}${u.nameHi ? '<br>' : ''}${esc(u.name)}</td>` +
        `<td>${esc(UNIT_TYPE[u.type]?.hi ?? u.type)}</td>` +
        `<td><span class="badge" style="background:${STATUS[u.status].color}">${esc(STATUS[u.status].hi)} / ${u.status}</span></td>` +
        `<td class="num">${n(u.members)}</td><td class="num">${u.required === null ? '—' : n(u.required)}</td>` +
        `<td class="num">${u.shortfall ? n(u.shortfall) : ''}</td><td class="code">${esc(u.groups.join(', '))}</td></tr>`,
    )
    .join('');
  return (
    `<table><thead><tr><th>${bi('कोड', 'Code')}</th><th>${bi('इकाई', 'Unit')}</th><th>${bi('प्रकार', 'Type')}</th>` +
    `<th>${bi('स्थिति', 'Status')}</th><th>${bi('सदस्य', 'Members')}</th><th>${bi('आवश्यक', 'Required')}</th>` +
    `<th>${bi('कमी', 'Shortfall')}</th><th>${bi('समूह', 'Groups')}</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

function staffTable(report: ComplianceReport): string {
  const rows = report.staffByRankGender
    .map(
      (r) =>
        `<tr><td>${esc(r.rankHi)} / ${esc(r.rankEn)}</td><td>${esc(GENDER[r.gender]?.hi ?? r.gender)} / ${esc(GENDER[r.gender]?.en ?? r.gender)}</td>` +
        `<td class="num">${n(r.total)}</td><td class="num">${n(r.covered)}</td><td class="num">${n(r.total - r.covered)}</td><td class="num">${pct(r.covered, r.total)}</td></tr>`,
    )
    .join('');
  return (
    `<table><thead><tr><th>${bi('पद', 'Rank')}</th><th>${bi('लिंग', 'Gender')}</th><th>${bi('कुल', 'Total')}</th>` +
    `<th>${bi('समूह में', 'In a group')}</th><th>${bi('बाहर', 'Not in any')}</th><th>%</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

const UNCOVERED_SHOWN = 300;

function uncoveredTable(serviceNos: readonly string[], officers: readonly UncoveredOfficer[]): string {
  if (serviceNos.length === 0) return `<p>${bi('सभी कर्मी किसी समूह में हैं', 'Every staff member is in a group')}</p>`;
  const bySn = new Map(officers.map((o) => [o.serviceNo, o]));
  const rows = serviceNos
    .slice(0, UNCOVERED_SHOWN)
    .map((sn, i) => {
      const o = bySn.get(sn);
      const name = o ? esc(o.name) : '';
      const rank = o ? `${esc(o.rankHi)} / ${esc(o.rankEn)}` : '';
      const posting = o
        ? `${o.unitNameHi ? `${esc(o.unitNameHi)}<br>` : ''}${esc(o.unitName)} <span class="code">(${esc(o.unitCode)})</span>`
        : '';
      return `<tr><td class="num">${n(i + 1)}</td><td class="code">${esc(sn)}</td><td>${name}</td><td>${rank}</td><td>${posting}</td></tr>`;
    })
    .join('');
  const more =
    serviceNos.length > UNCOVERED_SHOWN
      ? `<p class="note">${bi(
          `और ${n(serviceNos.length - UNCOVERED_SHOWN)} (summary.json में)`,
          `and ${n(serviceNos.length - UNCOVERED_SHOWN)} more (in summary.json)`,
        )}</p>`
      : '';
  return (
    `<p>${bi('कुल', 'Total')}: ${n(serviceNos.length)}</p>` +
    `<table class="uncovered"><thead><tr><th>#</th><th>${bi('सेवा संख्या', 'Service no.')}</th><th>${bi('नाम', 'Name')}</th>` +
    `<th>${bi('पद', 'Rank')}</th><th>${bi('पदस्थापन', 'Posting')}</th></tr></thead><tbody>${rows}</tbody></table>${more}`
  );
}

export function renderReportHtml(report: ComplianceReport, meta: ReportMeta): string {
  const s = report.summary;
  const texts = ruleTexts(report);
  const district = report.district;
  const title = `${district.nameHi ?? district.name} — ${district.name} (${district.code})`;
  const rules = report.rules
    .map((r) => {
      const t = texts[r.id];
      const fig = ruleFigure(report, r.id, `${r.id}: ${t.en}`);
      return (
        `<section class="rule"><h3><span class="rid">${r.id}</span> ${esc(t.hi)}<br><span class="en">${esc(t.en)}</span></h3>` +
        `<p class="verdict ${r.passed ? 'pass' : 'fail'}">${r.passed ? bi('पूरा', 'passed') : bi('पूरा नहीं', 'not met')}` +
        `${r.failures ? ` · ${bi('विफल', 'failures')}: ${n(r.failures)}` : ''}${r.warnings ? ` · ${bi('चेतावनी', 'warnings')}: ${n(r.warnings)}` : ''}</p>` +
        `<figure>${fig}</figure></section>`
      );
    })
    .join('');
  const uncoveredList = uncoveredTable(s.uncoveredStaff, meta.uncoveredOfficers ?? []);

  const card = (hi: string, en: string, value: string) =>
    `<div class="card"><div class="v">${esc(value)}</div><div class="l">${esc(hi)}<br><span class="en">${esc(en)}</span></div></div>`;

  return reportDocument({
    title: `Samooh — ${district.name} (${district.code}) — ${formatDate(meta.baggingDate)}`,
    css: `@page { size: A4; margin: 14mm 12mm; }
.keyid { font-family: Consolas, 'DejaVu Sans Mono', monospace; font-size: 13pt; font-weight: bold; letter-spacing: 1px; }
.rule { break-inside: avoid; page-break-inside: avoid; border-top: 1px solid #ddd; padding-top: 4px; }
.rid { display: inline-block; background: #1565c0; color: #fff; padding: 0 6px; border-radius: 3px; }
.verdict { margin: 2px 0; font-weight: bold; } .pass { color: #2e7d32; } .fail { color: #c62828; }
figure { margin: 4px 0 8px; } svg.fig { display: block; max-width: 100%; height: auto; }
svg .t { font-size: 13px; font-family: inherit; } svg .s { font-size: 10px; font-family: inherit; }
.warn { border: 2px solid #c62828; padding: 4px 8px; }
footer { margin-top: 16px; font-size: 8.5pt; color: #333; border-top: 1px solid #bbb; }`,
    body: `<header>
<h1>${bi('व्हाट्सऐप समूह अनुपालन रिपोर्ट', 'WhatsApp group compliance report')}</h1>
<div><strong>${esc(title)}</strong></div>
<table class="meta">
<tr><td>${bi('तिथि', 'Date')}</td><td>${esc(formatDate(meta.baggingDate))} · ${bi('तैयार', 'generated')} ${esc(formatDateTime(report.generatedAt))} ${bi('(भारतीय समय)', '(India time)')}</td></tr>
<tr><td>${bi('बंडल', 'Bundle')}</td><td>${meta.bagName ? `${esc(meta.bagName)} · ${bi('क्रम', 'sequence')} ${meta.sequence}` : bi('पूर्वावलोकन (अभी भेजा नहीं गया)', 'preview (not sent yet)')}</td></tr>
<tr><td>${bi('जिला कुंजी आईडी', 'District key ID')}</td><td><span class="keyid">${esc(meta.keyId)}</span><br><span class="small">${bi('मुख्यालय फ़ोन पर इसकी पुष्टि करे', 'HQ confirms this by phone')}</span></td></tr>
<tr><td>${bi('नीति संस्करण', 'Policy version')}</td><td>${report.policyVersion}</td></tr>
<tr><td>${bi('ऑडिट लॉग', 'Audit log')}</td><td>${n(meta.auditHead.count)} ${bi('प्रविष्टियाँ', 'entries')} · <span class="code">${esc(meta.auditHead.hash)}</span></td></tr>
${meta.bundleUuid ? `<tr><td>${bi('बंडल पहचान', 'Bundle ID')}</td><td class="code">${esc(meta.bundleUuid)}</td></tr>` : ''}
${meta.previousTagmanifestSha256 ? `<tr><td>${bi('पिछला बंडल', 'Previous bundle')}</td><td class="code">${esc(meta.previousTagmanifestSha256)}</td></tr>` : ''}
<tr><td>${bi('सदस्य सूची', 'Member list')}</td><td>${meta.withMembers ? `<strong>${bi('शामिल (व्यक्तिगत डेटा)', 'included (personal data)')}</strong>` : bi('शामिल नहीं — केवल गिनती', 'not included — counts only')}</td></tr>
</table>
</header>

<h2>${bi('सारांश', 'Summary')}</h2>
<div class="cards">
${card('अनुपालित इकाइयाँ', 'units compliant', `${n(s.compliant)} / ${n(s.units)}`)}
${card('प्रतिशत अनुपालन', 'per cent compliant', `${s.percentCompliant.toFixed(1)} %`)}
${card('कमी / समूह नहीं', 'short / missing', `${n(s.short)} / ${n(s.missing)}`)}
${card('नागरिक', 'citizens', n(s.citizens))}
${card('सदस्यताएँ', 'memberships', n(s.memberships))}
${card('समूह में कर्मी', 'staff in a group', `${n(s.staffCovered)} / ${n(s.staffTotal)}`)}
${card('महिला समूह में महिला कर्मी', 'women staff in women group', `${n(s.womenStaffInWomenGroup)} / ${n(s.womenStaffTotal)}`)}
${card('सक्रिय समूह', 'active groups', n(report.groups.filter((g) => g.status === 'active').length))}
</div>

<h2>${bi('नियम', 'Rules')} (${bi('नीति', 'policy')} v${report.policyVersion})</h2>
${rules}

<h2>${bi('इकाइयाँ', 'Units')}</h2>
${unitsTable(report.units)}

<h2>${bi('पद एवं लिंग अनुसार कर्मी', 'Staff by rank and gender')}</h2>
${staffTable(report)}

<h2>${bi('किसी समूह में नहीं: पुलिसकर्मी', 'Staff in no group')}</h2>
${uncoveredList}

<footer>
<p>${bi(
      'यह रिपोर्ट हस्ताक्षरित बंडल का भाग है। जाँच:',
      'This report is part of a signed bundle. To check it:',
    )}<br><span class="code">minisign -V -H -p district.pub -m tagmanifest-sha256.txt</span> ${bi('फिर BagIt मैनिफेस्ट', 'then the BagIt manifests')} (<span class="code">sha256sum -c manifest-sha256.txt</span>).</p>
<p>Samooh (समूह)</p>
</footer>`,
  });
}
