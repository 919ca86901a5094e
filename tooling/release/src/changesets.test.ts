// The release policy in .changeset/config.json, checked with the real changesets CLI:
// peel-data and peel-metrics release together (fixed group), apps are never versioned,
// and a change to a published package without a changeset is reported.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PUBLISHED_PACKAGES, REPO_ROOT } from './pack.ts';

const run = promisify(execFile);
const changesetBin = path.join(REPO_ROOT, 'tooling/release/node_modules/.bin/changeset');
const gitIdentity = {
  GIT_AUTHOR_NAME: 'peel',
  GIT_AUTHOR_EMAIL: 'peel@example.invalid',
  GIT_COMMITTER_NAME: 'peel',
  GIT_COMMITTER_EMAIL: 'peel@example.invalid',
};

interface ReleasePlan {
  changesets: { releases: { name: string; type: string }[]; summary: string }[];
  releases: { name: string; type: string; oldVersion: string; newVersion: string }[];
}

async function changeset(cwd: string, args: string[]): Promise<{ exitCode: number; output: string }> {
  try {
    const { stdout, stderr } = await run(changesetBin, args, {
      cwd,
      env: { ...process.env, ...gitIdentity, FORCE_COLOR: '0' },
    });
    return { exitCode: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return {
      exitCode: typeof failure.code === 'number' ? failure.code : 1,
      output: (failure.stdout ?? '') + (failure.stderr ?? ''),
    };
  }
}

async function releasePlan(cwd: string): Promise<ReleasePlan> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'peel-plan-')), 'plan.json');
  const result = await changeset(cwd, ['status', `--output=${out}`]);
  if (result.exitCode !== 0) throw new Error(`changeset status failed in ${cwd}:\n${result.output}`);
  return JSON.parse(await readFile(out, 'utf8')) as ReleasePlan;
}

describe('the repository release plan', () => {
  test('every pending changeset moves peel-data and peel-metrics to one shared version, and never an app', async () => {
    const plan = await releasePlan(REPO_ROOT);
    // Private dependents (the apps) appear with type "none": listed, never bumped.
    const bumped = plan.releases.filter((release) => release.type !== 'none');
    expect(
      plan.releases.filter((release) => release.type === 'none' && release.newVersion !== release.oldVersion),
    ).toEqual([]);
    if (plan.changesets.length > 0)
      expect(bumped.map((release) => release.name).sort()).toEqual([...PUBLISHED_PACKAGES].sort());
    expect(new Set(bumped.map((release) => release.newVersion)).size).toBeLessThanOrEqual(1);
    for (const release of bumped) {
      // The first release of an unpublished package is 0.1.0.
      if (release.oldVersion === '0.0.0') expect(release.newVersion).toBe('0.1.0');
    }
  });

  test('changeset summaries are one line in the imperative, without a trailing full stop on a fragment', async () => {
    const files = (await readdir(path.join(REPO_ROOT, '.changeset'))).filter(
      (file) => file.endsWith('.md') && file !== 'README.md',
    );
    for (const file of files) {
      const text = await readFile(path.join(REPO_ROOT, '.changeset', file), 'utf8');
      const summary = text.replace(/^---[\s\S]*?---\s*/, '').trim();
      expect(summary.split('\n'), file).toHaveLength(1);
      expect(summary, file).toMatch(/^[A-Z][a-z]+ /);
      expect(summary, file).not.toMatch(/^(Added|Fixed|Adds|Fixes|Updated|Updates) /);
    }
  });
});

describe('this checkout', () => {
  // CI (CI=true) runs on a clean clone: a published package changed since the base branch without a changeset fails
  // here. On a developer's machine other people's uncommitted work would trip it, so there it only reports.
  const base = process.env.PEEL_BASE_REF ?? 'main';
  test.runIf(process.env.CI === 'true')(
    `has a changeset for every published package changed since ${base}`,
    async () => {
      const result = await changeset(REPO_ROOT, ['status', `--since=${base}`]);
      expect(result.exitCode, result.output).toBe(0);
    },
  );
});

describe('in a scratch repository using the real config', () => {
  let dir: string;
  const git = (...args: string[]) => run('git', args, { cwd: dir, env: { ...process.env, ...gitIdentity } });
  const write = async (file: string, content: string) => {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  };
  const manifest = (data: object) => `${JSON.stringify(data, null, 2)}\n`;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'peel-changesets-'));
    await cp(path.join(REPO_ROOT, '.changeset/config.json'), path.join(dir, '.changeset/config.json'));
    // The config names its changelog generator by package: let the scratch repo resolve it from ours.
    await mkdir(path.join(dir, 'node_modules/@changesets'), { recursive: true });
    await symlink(path.join(REPO_ROOT, 'node_modules/@changesets/cli'), path.join(dir, 'node_modules/@changesets/cli'));
    await write('.gitignore', 'node_modules\n');
    await write('package.json', manifest({ name: 'scratch', private: true }));
    await write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - apps/*\n');
    await write('packages/peel-data/package.json', manifest({ name: 'peel-data', version: '0.0.0' }));
    await write('packages/peel-data/src/index.ts', 'export const a = 1;\n');
    await write(
      'packages/peel-metrics/package.json',
      manifest({ name: 'peel-metrics', version: '0.0.0', dependencies: { 'peel-data': 'workspace:*' } }),
    );
    await write(
      'apps/api/package.json',
      manifest({ name: '@peel/api', version: '0.0.0', private: true, dependencies: { 'peel-data': 'workspace:*' } }),
    );
    await write('apps/api/src/app.ts', 'export {};\n');
    await git('init', '-q', '-b', 'main');
    await git('add', '.');
    await git('commit', '-q', '-m', 'start');
    await git('checkout', '-q', '-b', 'feature');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('a change to an app alone needs no changeset', async () => {
    await write('apps/api/src/app.ts', 'export const changed = true;\n');
    await git('commit', '-qam', 'change the app');
    expect(await changeset(dir, ['status'])).toMatchObject({ exitCode: 0 });
  });

  test('a change to a published package without a changeset is reported', async () => {
    await write('packages/peel-data/src/index.ts', 'export const a = 2;\n');
    await git('commit', '-qam', 'change the data');
    const result = await changeset(dir, ['status']);
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toMatch(/changed but no changesets were found/i);
  });

  test('with a changeset, both packages version together and get a CHANGELOG; the app does not', async () => {
    await write(
      '.changeset/revise-population.md',
      '---\n"peel-data": patch\n---\n\nRevise the mid-2015 population of Durham\n',
    );
    await git('add', '.');
    await git('commit', '-qm', 'describe the change');
    expect(await changeset(dir, ['status'])).toMatchObject({ exitCode: 0 });
    const plan = await releasePlan(dir);
    expect(plan.releases.map((r) => [r.name, r.newVersion]).sort()).toEqual([
      ['@peel/api', '0.0.0'],
      ['peel-data', '0.0.1'],
      ['peel-metrics', '0.0.1'],
    ]);

    const versioned = await changeset(dir, ['version']);
    expect(versioned.exitCode, versioned.output).toBe(0);
    const read = async (file: string) => readFile(path.join(dir, file), 'utf8');
    expect(JSON.parse(await read('packages/peel-data/package.json'))).toMatchObject({ version: '0.0.1' });
    expect(JSON.parse(await read('packages/peel-metrics/package.json'))).toMatchObject({ version: '0.0.1' });
    expect(JSON.parse(await read('apps/api/package.json'))).toMatchObject({ version: '0.0.0' });
    expect(await read('packages/peel-data/CHANGELOG.md')).toMatch(
      /## 0\.0\.1[\s\S]*Revise the mid-2015 population of Durham/,
    );
    expect(await read('packages/peel-metrics/CHANGELOG.md')).toMatch(/## 0\.0\.1/);
    await expect(read('apps/api/CHANGELOG.md')).rejects.toThrow(/ENOENT/);
  });
});

describe('the first release, rehearsed in a scratch copy', () => {
  test('pending changesets version peel-data and peel-metrics together and write both CHANGELOGs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'peel-first-release-'));
    try {
      const git = (...args: string[]) => run('git', args, { cwd: dir, env: { ...process.env, ...gitIdentity } });
      await cp(path.join(REPO_ROOT, '.changeset'), path.join(dir, '.changeset'), { recursive: true });
      await mkdir(path.join(dir, 'node_modules/@changesets'), { recursive: true });
      await symlink(
        path.join(REPO_ROOT, 'node_modules/@changesets/cli'),
        path.join(dir, 'node_modules/@changesets/cli'),
      );
      await writeFile(path.join(dir, 'package.json'), '{ "name": "scratch", "private": true }\n');
      await writeFile(path.join(dir, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n');
      for (const name of PUBLISHED_PACKAGES) {
        await mkdir(path.join(dir, 'packages', name), { recursive: true });
        for (const file of ['package.json', 'CHANGELOG.md'])
          await cp(path.join(REPO_ROOT, 'packages', name, file), path.join(dir, 'packages', name, file));
      }
      await git('init', '-q', '-b', 'main');
      await git('add', '.');
      await git('commit', '-qm', 'scratch');
      const pending = (await readdir(path.join(dir, '.changeset'))).filter(
        (file) => file.endsWith('.md') && file !== 'README.md',
      );
      const versioned = await changeset(dir, ['version']);
      expect(versioned.exitCode, versioned.output).toBe(0);
      const versions = await Promise.all(
        PUBLISHED_PACKAGES.map(
          async (name) =>
            (
              JSON.parse(await readFile(path.join(dir, 'packages', name, 'package.json'), 'utf8')) as {
                version: string;
              }
            ).version,
        ),
      );
      expect(new Set(versions).size).toBe(1);
      for (const name of PUBLISHED_PACKAGES) {
        const changelog = await readFile(path.join(dir, 'packages', name, 'CHANGELOG.md'), 'utf8');
        expect(changelog.split('\n')[0]).toBe(`# ${name}`);
        expect(changelog).toContain(`## ${versions[0]}`);
      }
      // Every pending changeset was consumed.
      expect((await readdir(path.join(dir, '.changeset'))).filter((file) => pending.includes(file))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
