// `samooh hq …` (SPEC §8, §9): HQ mode headless — the HQ database and key, the trust store,
// bulk import of bundles, the state report, targets, and (with policy sign) signed policies.
// HQ commands work on an HQ database and refuse a district register (exit 2), and district
// commands refuse an HQ database. Services are imported when a command runs.
import type { Command } from 'commander';
import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { HqDb } from '../../db/hq/connection.js';
import type { RegisterDb } from '../../db/register-db.js';
import { CliError, cliOperator, print, stderrProgress, type GlobalOpts } from './runtime.js';

const MAX_KEY_FILE = 4096;

function hqPath(opts: GlobalOpts): string {
  if (!opts.db) throw new CliError(2, 'missing --db <file>: the HQ database to use');
  return path.resolve(opts.db);
}

function actor() {
  return { operator: cliOperator(), now: () => new Date() };
}

async function withHq<T>(opts: GlobalOpts, fn: (db: HqDb) => Promise<T> | T): Promise<T> {
  const { openHqStore } = await import('../services/hq/store.js');
  const db = openHqStore(hqPath(opts));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** A small text file (a .pub key, a policy), read defensively. */
export function readSmallFile(file: string, what: string, max = MAX_KEY_FILE): string {
  let st;
  try {
    st = lstatSync(file);
  } catch {
    throw new CliError(2, `no ${what} at ${file}`);
  }
  if (!st.isFile()) throw new CliError(2, `${file} is not a regular file`);
  if (st.size > max) throw new CliError(2, `${file} is ${st.size} bytes; a ${what} is at most ${max}`);
  return readFileSync(file, 'utf8');
}

function int(v: string, name: string, min = 0): number {
  if (!/^\d{1,9}$/.test(v) || Number(v) < min)
    throw new CliError(2, `${name} must be a whole number of ${min} or more`);
  return Number(v);
}

const n = (x: number) => x.toLocaleString('en-IN');

/** A report file to write: its folder must exist, and it must not be a folder itself. */
function outputFile(file: string, option: string, ext: string): string {
  const abs = path.resolve(file);
  let folder;
  try {
    folder = lstatSync(path.dirname(abs));
  } catch {
    throw new CliError(2, `${option}: no folder ${path.dirname(abs)}`);
  }
  if (!folder.isDirectory()) throw new CliError(2, `${option}: ${path.dirname(abs)} is not a folder`);
  let st;
  try {
    st = lstatSync(abs);
  } catch {
    st = null;
  }
  if (st && !st.isFile()) throw new CliError(2, `${option}: ${abs} exists and is not a regular file`);
  if (path.extname(abs).toLowerCase() !== ext) throw new CliError(2, `${option}: the file name must end in ${ext}`);
  return abs;
}

export function registerHqCommands(program: Command): void {
  const hq = program
    .command('hq')
    .description('HQ mode: trust store, bulk import and verification of bundles, the state report')
    .addHelpText(
      'after',
      `
Examples:
  samooh hq init --db hq.sqlite --name "Police HQ Bihar"
  samooh hq trust --db hq.sqlite --district PAT patna.pub --name Patna
  samooh hq import --db hq.sqlite /media/usb/bundles
  samooh hq report --db hq.sqlite --silent-days 14
  samooh hq report --db hq.sqlite --pdf state-report.pdf`,
    );

  hq.command('init')
    .description('create an HQ database and the HQ key pair (asks for the key passphrase)')
    .requiredOption('--db <file>', 'the HQ database to create (must not exist)')
    .requiredOption('--name <name>', 'what this HQ is called, e.g. "Police HQ Bihar"')
    .option('--name-hi <name>', 'the name in Hindi')
    .option('--passphrase-file <file>', 'read the HQ key passphrase from this file')
    .option('--json', 'print one JSON document')
    .action(async (opts: GlobalOpts & { name: string; nameHi?: string; passphraseFile?: string }) => {
      const file = hqPath(opts);
      const [{ readPassphrase }, { createHqStore }, { passphraseProtector }] = await Promise.all([
        import('./passphrase.js'),
        import('../services/hq/store.js'),
        import('../services/bundle/keys.js'),
      ]);
      const passphrase = await readPassphrase({
        passphraseFile: opts.passphraseFile,
        confirm: true,
        minLength: 8,
        purpose: 'the HQ key',
      });
      const r = await createHqStore(
        file,
        { name: opts.name, nameHi: opts.nameHi ?? null, protector: passphraseProtector({ passphrase }) },
        actor(),
      );
      print(opts, {
        exitCode: 0,
        json: r,
        text: `Created HQ database ${r.file} (${r.name})\nHQ key id: ${r.keyId}\n\nGive districts this public key (samooh hq key export):\n${r.publicKeyFile}`,
      });
    });

  const key = hq.command('key').description("HQ's own key (it signs policies)");
  key
    .command('export')
    .description("write HQ's public key as a minisign .pub file (districts trust it once)")
    .requiredOption('--db <file>', 'the HQ database')
    .requiredOption('--out <file>', 'the .pub file to write')
    .option('--json', 'print one JSON document')
    .action(async (opts: GlobalOpts & { out: string }) => {
      const { hqInfo } = await import('../services/hq/store.js');
      const { writeFileSync } = await import('node:fs');
      const info = await withHq(opts, (db) => hqInfo(db));
      const out = path.resolve(opts.out);
      writeFileSync(out, info.publicKeyFile);
      print(opts, { exitCode: 0, json: { file: out, keyId: info.keyId }, text: `${out}\nHQ key id: ${info.keyId}` });
    });

  hq.command('trust')
    .description("add a district's minisign public key to the trust store")
    .requiredOption('--db <file>', 'the HQ database')
    .requiredOption('--district <code>', 'the district code the key signs for (as in its bundles)')
    .argument('<pubkey>', "the district's .pub file (samooh key export)")
    .option('--name <name>', "the district's name")
    .option('--name-hi <name>', "the district's name in Hindi")
    .option('--label <text>', 'a note on this key, e.g. "new PC, Dec 2026"')
    .option('--json', 'print one JSON document')
    .action(
      async (pub: string, opts: GlobalOpts & { district: string; name?: string; nameHi?: string; label?: string }) => {
        const text = readSmallFile(path.resolve(pub), 'public key file');
        const { trustDistrictKey } = await import('../services/hq/trust.js');
        const r = await withHq(opts, (db) =>
          trustDistrictKey(
            db,
            {
              district: opts.district,
              publicKeyText: text,
              ...(opts.name !== undefined ? { name: opts.name } : {}),
              ...(opts.nameHi !== undefined ? { nameHi: opts.nameHi } : {}),
              label: opts.label ?? null,
            },
            actor(),
          ),
        );
        print(opts, {
          exitCode: 0,
          json: r,
          text: `Trusted key ${r.keyId} for ${r.district} (${r.districtName}). Confirm the key id with the district on the phone.`,
        });
      },
    );

  hq.command('keys')
    .description('list the trusted district keys and their ids')
    .requiredOption('--db <file>', 'the HQ database')
    .option('--district <code>', 'only this district')
    .option('--json', 'print one JSON document')
    .action(async (opts: GlobalOpts & { district?: string }) => {
      const { listTrustedKeys } = await import('../services/hq/trust.js');
      const keys = await withHq(opts, (db) => listTrustedKeys(db, opts.district));
      const text = keys.length
        ? [
            'district  key id            status    added       retired from',
            ...keys.map(
              (k) =>
                `${k.district.padEnd(8)}  ${k.keyId}  ${k.status.padEnd(8)}  ${k.addedAt.slice(0, 10)}  ${k.retiredFrom ?? '—'}${k.label ? `  (${k.label})` : ''}`,
            ),
          ].join('\n')
        : 'No district keys are trusted yet. Add one with: samooh hq trust --db HQ --district CODE district.pub';
      print(opts, { exitCode: 0, json: keys, text });
    });

  hq.command('retire')
    .description('retire a district key: bundles it signs dated on or after --from are refused')
    .requiredOption('--db <file>', 'the HQ database')
    .requiredOption('--district <code>', 'the district')
    .requiredOption('--key-id <id>', 'the key id (samooh hq keys)')
    .option('--from <yyyy-mm-dd>', 'the first day the key is no longer valid (default: today)')
    .option('--json', 'print one JSON document')
    .action(async (opts: GlobalOpts & { district: string; keyId: string; from?: string }) => {
      const { retireKey } = await import('../services/hq/trust.js');
      const r = await withHq(opts, (db) =>
        retireKey(
          db,
          { district: opts.district, keyId: opts.keyId, ...(opts.from ? { from: opts.from } : {}) },
          actor(),
        ),
      );
      print(opts, {
        exitCode: 0,
        json: r,
        text: `Key ${r.keyId} of ${r.district} is retired from ${r.retiredFrom}: bundles it signs from that day are refused.`,
      });
    });

  hq.command('import')
    .description('verify bundles (files or folders of .zip) and accept them; exit 1 if any is rejected')
    .requiredOption('--db <file>', 'the HQ database')
    .argument('<paths...>', 'bundle .zip files and/or folders holding them')
    .option('--json', 'print one JSON document: { accepted, duplicates, rejected }')
    .action(async (paths: string[], opts: GlobalOpts) => {
      const { importBundles } = await import('../services/hq/import.js');
      const r = await withHq(opts, (db) => importBundles(db, paths, { ...actor(), progress: stderrProgress() }));
      const lines = [
        `Accepted ${r.accepted.length}, duplicates ${r.duplicates.length}, rejected ${r.rejected.length}.`,
        ...r.accepted.map(
          (a) =>
            `  accepted  ${a.district} #${a.sequence}  ${path.basename(a.file)}${a.warnings.map((w) => `\n            warning ${w.code}: ${w.message}`).join('')}`,
        ),
        ...r.duplicates.map((d) => `  duplicate ${d.district} #${d.sequence}  ${path.basename(d.file)} (already held)`),
        ...r.rejected.map((x) => `  REJECTED  ${x.reason}  ${x.file}\n            ${x.message}`),
      ];
      print(opts, { exitCode: r.rejected.length ? 1 : 0, json: r, text: lines.join('\n') });
    });

  hq.command('report')
    .description("the state-wide consolidation of every district's latest bundle (--pdf: the printable report)")
    .requiredOption('--db <file>', 'the HQ database')
    .option('--silent-days <n>', 'a district is silent after this many days without a bundle', '14')
    .option('--pdf <file>', 'also write the printable bilingual state report as an A4 PDF (needs Chromium)')
    .option('--html <file>', 'also write the same report as one self-contained HTML file')
    .option('--json', 'print one JSON document (with --pdf/--html, "files" lists what was written)')
    .addHelpText(
      'after',
      `
The PDF is printed by Chromium (a system chromium, or the one SAMOOH_CHROMIUM names); the app
prints the same report with its own engine (HQ dashboard → State report (PDF)). Files are
written whole or not at all. Exit 0 on success; 2 on bad usage, a file that cannot be written
(no such folder, not a .pdf/.html name, a folder in the way) or no Chromium to print with.

Examples:
  samooh hq report --db hq.sqlite --silent-days 10
  samooh hq report --db hq.sqlite --pdf state-report.pdf --html state-report.html`,
    )
    .action(async (opts: GlobalOpts & { silentDays: string; pdf?: string; html?: string }) => {
      const silentDays = int(opts.silentDays, '--silent-days');
      const pdf = opts.pdf === undefined ? undefined : outputFile(opts.pdf, '--pdf', '.pdf');
      const html = opts.html === undefined ? undefined : outputFile(opts.html, '--html', '.html');
      const { hqReport } = await import('../services/hq/report.js');
      const files: { kind: 'pdf' | 'html'; file: string; bytes: number }[] = [];
      const r = await withHq(opts, async (db) => {
        const now = new Date();
        const at = { ...actor(), now: () => now };
        const report = hqReport(db, at, { silentDays });
        if (html) {
          const { writeStateReportHtml } = await import('../services/hq/state-report.js');
          const w = writeStateReportHtml(db, html, at, { silentDays });
          files.push({ kind: 'html', file: w.file, bytes: w.bytes });
        }
        if (pdf) {
          const [{ writeStateReportPdf }, { chromiumPrintToPdf }] = await Promise.all([
            import('../services/hq/state-report.js'),
            import('../harness/preview-platform.js'),
          ]);
          const w = await writeStateReportPdf(
            db,
            pdf,
            chromiumPrintToPdf(),
            { ...at, progress: stderrProgress() },
            {
              silentDays,
            },
          );
          files.push({ kind: 'pdf', file: w.file, bytes: w.bytes });
        }
        return report;
      });
      const s = r.state;
      const t = r.targets;
      const text = [
        `${r.hq.name} — state report ${r.generatedAt.slice(0, 10)}`,
        `Districts reporting: ${s.districtsReporting} of ${s.districtsTrusted} trusted`,
        `Members (citizens): ${n(s.citizens)} of target ${n(t.citizens)} (${Math.round((100 * s.citizens) / Math.max(1, t.citizens))}%)`,
        `Units compliant: ${n(s.compliant)} of ${n(s.units)} (${s.percentCompliant}%); short ${n(s.short)}, missing ${n(s.missing)}`,
        `Thanas compliant: ${n(s.thanasCompliant)} of ${n(s.thanas)} reported`,
        `Staff in a group: ${n(s.staffCovered)} of ${n(s.staffTotal)}; women staff in the women's group: ${n(s.womenStaffInWomenGroup)} of ${n(s.womenStaffTotal)}`,
        '',
        'district  seq   received    silent  compliant  members   flags',
        ...r.districts.map((d) => {
          const flags = [
            d.silent ? `silent ${d.silentDays}d` : '',
            d.gaps.length ? `gaps ${d.gaps.join(',')}` : '',
            d.forked ? 'FORK' : '',
            d.oldPolicy ? `policy v${d.policyVersion}` : '',
          ]
            .filter(Boolean)
            .join('; ');
          return `${d.code.padEnd(8)}  ${String(d.latestSequence ?? '—').padEnd(4)}  ${(d.receivedAt ?? '—').slice(0, 10).padEnd(10)}  ${String(d.silentDays).padStart(6)}  ${d.percentCompliant === null ? '        —' : `${d.percentCompliant}%`.padStart(9)}  ${n(d.summary?.citizens ?? 0).padStart(8)}  ${flags}`;
        }),
        ...(files.length ? [''] : []),
        ...files.map((f) => `Wrote the state report (${f.kind.toUpperCase()}, ${n(f.bytes)} bytes): ${f.file}`),
      ].join('\n');
      print(opts, { exitCode: 0, json: files.length ? { ...r, files } : r, text });
    });

  hq.command('targets')
    .description('show or change the state targets the dashboard measures against')
    .requiredOption('--db <file>', 'the HQ database')
    .option('--citizens <n>', 'members (citizens) state-wide, e.g. 200000')
    .option('--compliant-percent <n>', 'share of units compliant, %')
    .option('--staff-covered-percent <n>', 'share of staff in a group, %')
    .option('--women-groups <n>', "districts with a women's staff group")
    .option('--json', 'print one JSON document')
    .action(
      async (
        opts: GlobalOpts & {
          citizens?: string;
          compliantPercent?: string;
          staffCoveredPercent?: string;
          womenGroups?: string;
        },
      ) => {
        const patch: Record<string, number> = {};
        if (opts.citizens !== undefined) patch.citizens = int(opts.citizens, '--citizens');
        if (opts.compliantPercent !== undefined)
          patch.compliantPercent = int(opts.compliantPercent, '--compliant-percent');
        if (opts.staffCoveredPercent !== undefined)
          patch.staffCoveredPercent = int(opts.staffCoveredPercent, '--staff-covered-percent');
        if (opts.womenGroups !== undefined) patch.womenGroups = int(opts.womenGroups, '--women-groups');
        const { hqTargets, setHqTargets } = await import('../services/hq/report.js');
        const t = await withHq(opts, (db) => (Object.keys(patch).length ? setHqTargets(db, patch) : hqTargets(db)));
        print(opts, {
          exitCode: 0,
          json: t,
          text: `Members: ${n(t.citizens)}\nUnits compliant: ${t.compliantPercent}%\nStaff in a group: ${t.staffCoveredPercent}%\nWomen's groups: ${t.womenGroups}`,
        });
      },
    );

  registerHqPolicySign(hq);

  const forks = hq.command('forks').description('districts flagged for a fork');
  forks
    .command('clear')
    .description("clear a district's fork flag after HQ has looked into it")
    .requiredOption('--db <file>', 'the HQ database')
    .requiredOption('--district <code>', 'the district')
    .option('--json', 'print one JSON document')
    .action(async (opts: GlobalOpts & { district: string }) => {
      const { clearDistrictForks } = await import('../services/hq/forks.js');
      const r = await withHq(opts, (db) => clearDistrictForks(db, opts.district, actor()));
      print(opts, { exitCode: 0, json: r, text: `Cleared ${r.cleared} fork flag(s) of ${r.district}.` });
    });
}

/** `samooh hq policy sign`: added to the `hq` command by registerHqCommands. */
function registerHqPolicySign(hq: Command): void {
  const policy = hq.command('policy').description('policy versions signed by HQ');
  policy
    .command('sign')
    .description('check a policy document and write it, signed by the HQ key, into a folder')
    .requiredOption('--db <file>', 'the HQ database')
    .argument('<policy.json>', 'the policy document (format samooh-policy, a version newer than any signed before)')
    .requiredOption('--out <dir>', 'the folder to write samooh-policy-vN.json and its .minisig into')
    .option('--passphrase-file <file>', 'read the HQ key passphrase from this file')
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `
Districts check the signature against the HQ key they trusted once (samooh policy trust-hq) and
import it with: samooh policy import --db register.sqlite samooh-policy-vN.json
Anyone can check it with the stock tool: minisign -V -p hq.pub -m samooh-policy-vN.json`,
    )
    .action(async (file: string, opts: GlobalOpts & { out: string; passphraseFile?: string }) => {
      const text = readSmallFile(path.resolve(file), 'policy file', 256 * 1024);
      const [{ readPassphrase }, { loadHqSigningKey }, { passphraseProtector }, { signPolicy }] = await Promise.all([
        import('./passphrase.js'),
        import('../services/hq/store.js'),
        import('../services/bundle/keys.js'),
        import('../services/hq/policy-sign.js'),
      ]);
      const r = await withHq(opts, async (db) => {
        const key = await loadHqSigningKey(
          db,
          passphraseProtector({
            passphrase: () => readPassphrase({ passphraseFile: opts.passphraseFile, purpose: 'the HQ key' }),
          }),
        );
        return signPolicy(db, { documentText: text, key, outDir: path.resolve(opts.out) }, actor());
      });
      print(opts, {
        exitCode: 0,
        json: r,
        text: `Signed policy version ${r.version} with HQ key ${r.keyId}:\n  ${r.file}\n  ${r.signatureFile}`,
      });
    });
}

/** `samooh policy …` on a district register: the HQ key it trusts, importing a signed policy. */
export function registerPolicyCommands(program: Command): void {
  const policy = program.command('policy').description('the compliance policy: HQ-signed versions');
  policy
    .command('trust-hq')
    .description('trust the HQ public key that signs policies (given once by HQ; confirm its id by phone)')
    .requiredOption('--db <file>', 'the register database')
    .argument('<hq.pub>', "HQ's minisign public key (samooh hq key export)")
    .option('--replace', 'replace the HQ key this register trusts already')
    .option('--json', 'print one JSON document')
    .action(async (pub: string, opts: GlobalOpts & { replace?: boolean }) => {
      const text = readSmallFile(path.resolve(pub), 'public key file');
      const { trustHqKey } = await import('../services/hq/policy-district.js');
      const r = await withRegister(opts, (db) => trustHqKey(db, text, actor(), { replace: !!opts.replace }));
      print(opts, {
        exitCode: 0,
        json: r,
        text: `Policies signed by HQ key ${r.keyId} will be accepted.${r.replaced ? ` (Replaced ${r.replaced}.)` : ''}`,
      });
    });
  policy
    .command('import')
    .description('apply a policy signed by HQ (FILE and FILE.minisig); older or unsigned ones are refused')
    .requiredOption('--db <file>', 'the register database')
    .argument('<file>', 'samooh-policy-vN.json (its signature is read from the .minisig next to it)')
    .option('--json', 'print one JSON document')
    .action(async (file: string, opts: GlobalOpts) => {
      const { importSignedPolicyFile } = await import('../services/hq/policy-district.js');
      const r = await withRegister(opts, (db) => importSignedPolicyFile(db, path.resolve(file), actor()));
      print(opts, {
        exitCode: 0,
        json: r,
        text: `Policy version ${r.version} is now active (was ${r.previousVersion}): ${r.title.en}\nCompliance reports and bundles now name policy v${r.version}.`,
      });
    });
}

async function withRegister<T>(opts: GlobalOpts, fn: (db: RegisterDb) => T): Promise<T> {
  const { requireDbPath } = await import('./runtime.js');
  const { openRegister } = await import('../../db/connection.js');
  const db = openRegister(requireDbPath(opts), { mustExist: true });
  try {
    return fn(db);
  } finally {
    await db.close();
  }
}
