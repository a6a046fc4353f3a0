// The layers are checked, not hoped for (STYLE habit 11): each kind of forbidden import, written
// into a file of the layer that must not have it, fails `eslint` with the rule that guards it.
// (`npm run lint` also runs on the whole tree in `npm test`, where it must pass.)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../fixtures/cli.js';

const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${filePath}` });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const cases: { why: string; file: string; code: string; rule: string }[] = [
  {
    why: 'db/ importing a service',
    file: 'db/probe.ts',
    code: "import { getUnit } from '../electron/services/register/units.js';\nexport const x = getUnit;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    why: 'db/ importing the contract',
    file: 'db/probe.ts',
    code: "import { UNIT_TYPES } from '../electron/contract/domain.js';\nexport const x = UNIT_TYPES;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    why: 'the contract importing a service',
    file: 'electron/contract/probe.ts',
    code: "import { getUnit } from '../services/register/units.js';\nexport const x = getUnit;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    why: 'the contract importing a Node built-in',
    file: 'electron/contract/probe.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    rule: '@typescript-eslint/no-restricted-imports',
  },
  {
    why: 'a service importing the handler map (the old cycle)',
    file: 'electron/services/register/probe.ts',
    code: "import { handlers } from '../../backend/handlers.js';\nexport const x = handlers;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    why: 'a service importing a transport',
    file: 'electron/services/register/probe.ts',
    code: "import { call } from '../../cli/runtime.js';\nexport const x = call;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    why: 'a service importing Electron',
    file: 'electron/services/register/probe.ts',
    code: "import { app } from 'electron';\nexport const x = app;\n",
    rule: '@typescript-eslint/no-restricted-imports',
  },
  {
    why: 'a service importing React',
    file: 'electron/services/register/probe.ts',
    code: "import { useState } from 'react';\nexport const x = useState;\n",
    rule: '@typescript-eslint/no-restricted-imports',
  },
  {
    why: 'the backend importing a transport',
    file: 'electron/backend/probe.ts',
    code: "import { startHarness } from '../harness/server.js';\nexport const x = startHarness;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    why: 'better-sqlite3 outside db/',
    file: 'electron/services/register/probe.ts',
    code: "import Database from 'better-sqlite3';\nexport const x = Database;\n",
    rule: '@typescript-eslint/no-restricted-imports',
  },
  {
    why: "the driver's raw handle outside db/",
    file: 'electron/services/register/probe.ts',
    code: "import { rawOf } from '../../../db/raw.js';\nexport const x = rawOf;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    why: 'SQL written in a service',
    file: 'electron/services/register/probe.ts',
    code: "import type { RegisterDb } from '../../../db/register-db.js';\nexport const x = (d: { prepare(s: string): unknown }) => d.prepare('select 1');\nexport type Y = RegisterDb;\n",
    rule: 'no-restricted-syntax',
  },
  {
    why: 'the renderer importing a Node built-in',
    file: 'renderer/probe.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    rule: '@typescript-eslint/no-restricted-imports',
  },
  {
    why: 'the renderer using a Node global',
    file: 'renderer/probe.ts',
    code: 'export const x = process.env.HOME;\n',
    rule: 'no-restricted-globals',
  },
  {
    why: 'the renderer importing a backend value',
    file: 'renderer/probe.ts',
    code: "import { handlers } from '../electron/backend/handlers.js';\nexport const x = handlers;\n",
    rule: '@typescript-eslint/no-restricted-imports',
  },
  {
    why: 'the renderer importing db/',
    file: 'renderer/probe.ts',
    code: "import { listUnits } from '../db/units.js';\nexport const x = listUnits;\n",
    rule: '@typescript-eslint/no-restricted-imports',
  },
  {
    why: 'an import cycle',
    // policy.ts imports domain.ts; making domain.ts import policy.ts closes a loop.
    file: 'electron/contract/domain.ts',
    code: "import { unitNeeds } from './policy.js';\nexport const x = unitNeeds;\n",
    rule: 'import-x/no-cycle',
  },
  {
    why: 'a service building an AppError without a reason code (issue #11)',
    file: 'electron/services/register/probe.ts',
    code: "import { AppError } from '../../contract/errors.js';\nexport const x = new AppError('CONFLICT', 'taken');\n",
    rule: 'no-restricted-syntax',
  },
  {
    why: 'a transport building an AppError without a reason code (issue #11)',
    file: 'electron/backend/probe.ts',
    code: "import { AppError } from '../contract/errors.js';\nexport const x = new AppError('BAD_INPUT', 'bad');\n",
    rule: 'no-restricted-syntax',
  },
];

describe('lint holds the layers', () => {
  for (const c of cases) {
    it(`refuses ${c.why}`, async () => {
      expect(await ruleIds(c.file, c.code)).toContain(c.rule);
    });
  }

  it('allows what the layers allow', async () => {
    expect(
      await ruleIds(
        'renderer/probe.ts',
        "import type { Handlers } from '../electron/backend/handlers.js';\nimport { GROUP_KINDS } from '../electron/contract/domain.js';\nexport const x: readonly string[] = GROUP_KINDS;\nexport type Y = Handlers;\n",
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        'electron/services/register/probe.ts',
        "import { listUnits } from '../../../db/units.js';\nimport { AppError } from '../../contract/errors.js';\nimport { todayOf } from '../actor.js';\nexport const x = [listUnits, AppError, todayOf];\n",
      ),
    ).toEqual([]);
  });
});

describe("the renderer's own type check", () => {
  it('sees no Node types, though it imports the handler map’s types', () => {
    // renderer/tsconfig.json has no Node types and reads the backend through its declarations
    // (tsconfig.backend.json); nothing the renderer imports may drag Node's types back in.
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const build = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.backend.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const list = spawnSync(process.execPath, [tsc, '-p', 'renderer/tsconfig.json', '--listFilesOnly'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(list.status, list.stderr).toBe(0);
    const files = list.stdout.split('\n');
    expect(files.some((f) => f.includes('/renderer/App.tsx'))).toBe(true);
    expect(files.filter((f) => f.includes('/@types/node/') || f.includes('/@types/better-sqlite3/'))).toEqual([]);
  }, 300_000);
});
