import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import * as mx from '@mxts/core';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { main } from './cli.js';
import { type RunResult, type SetupHost, type SetupOptions, setupTfjsNode } from './setup.js';
import { TfjsNodeSetupError } from './setup-error.js';
import { readZipIndex } from './zip.js';

/** A zip archive with deflated entries, as a wheel is. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const packed = deflateRawSync(data);
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, packed);
    centrals.push(central, n);
    offset += 30 + n.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const WHEEL_FILES = {
  'tensorflow/libtensorflow_cc.so.2': 'the C library',
  'tensorflow/libtensorflow_framework.so.2': 'the framework',
  'tensorflow/include/tensorflow/c/c_api.h': '/* c_api */',
  'tensorflow/include/tsl/platform/ctstring.h': '/* ctstring */',
  'tensorflow/include/tensorflow/core/kernels/unneeded.h': '/* not extracted */',
  'tensorflow/python/big.so': 'not extracted',
};
const WHEEL = 'tensorflow_cpu-2.21.0-cp311-cp311-manylinux_2_27_x86_64.whl';

let root: string;
let project: string;
let tfjsNode: string;
let nodedir: string;

async function fakeTfjsNode(version: string) {
  await mkdir(join(tfjsNode, 'binding'), { recursive: true });
  await writeFile(
    join(tfjsNode, 'package.json'),
    JSON.stringify({
      name: '@tensorflow/tfjs-node',
      version,
      binary: { module_path: './lib/napi-v{napi_build_version}', napi_versions: [3, 8] },
    }),
  );
  for (const f of ['tfjs_backend.cc', 'tfjs_binding.cc']) {
    await writeFile(join(tfjsNode, 'binding', f), '// binding');
  }
}

interface Fake {
  host: SetupHost;
  calls: string[][];
  logs: string[];
}

/** A machine with the programs in `have`; the compiler writes its -o file. */
function fakeHost(have: { pip?: boolean; cxx?: boolean; compiles?: boolean } = {}): Fake {
  const { pip = true, cxx = true, compiles = true } = have;
  const calls: string[][] = [];
  const logs: string[] = [];
  const ok = (stdout = ''): RunResult => ({ code: 0, stdout, stderr: '', missing: false });
  const missing: RunResult = { code: null, stdout: '', stderr: 'spawn ENOENT', missing: true };
  const host: SetupHost = {
    platform: 'linux',
    arch: 'x64',
    napi: 9,
    execPath: '/fake/bin/node',
    nodeVersion: '20.20.2',
    env: {},
    home: root,
    log: (l) => logs.push(l),
    async run(cmd, args) {
      calls.push([cmd, ...args]);
      if (cmd === '/fake/bin/node') {
        const script = args[1];
        if (script.includes('getBackend')) {
          const loads =
            existsSync(join(tfjsNode, 'lib/napi-v8/tfjs_binding.node')) &&
            existsSync(join(tfjsNode, 'deps/lib/libtensorflow_cc.so.2'));
          return loads
            ? ok('mxts-tfjs-node-setup: ok\n')
            : { code: 1, stdout: '', stderr: 'Error: tfjs_binding.node not found', missing: false };
        }
        return ok();
      }
      if (cmd === 'c++' || cmd === 'g++') {
        if (!cxx) return missing;
        if (args[0] === '--version') return ok('g++ 12');
        if (!compiles)
          return { code: 1, stdout: '', stderr: 'tfjs_backend.cc:1: error: boom', missing: false };
        const out = args[args.indexOf('-o') + 1];
        await writeFile(out, 'addon');
        return ok();
      }
      if (cmd === 'pip3' || cmd === 'pip' || cmd === 'python3') {
        if (!pip) return missing;
        if (args.includes('--version')) return ok('pip 23');
        const dir = args[args.indexOf('-d') + 1];
        await writeFile(join(dir, WHEEL), zip(WHEEL_FILES));
        return ok();
      }
      return missing;
    },
  };
  return { host, calls, logs };
}

async function setup(fake: Fake, options: SetupOptions = {}) {
  return setupTfjsNode({ project, nodedir, host: fake.host, ...options });
}

async function failure(p: Promise<unknown>): Promise<TfjsNodeSetupError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TfjsNodeSetupError);
  expect(e).toBeInstanceOf(mx.MXNetError);
  return e as TfjsNodeSetupError;
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mxts-setup-test-'));
  project = join(root, 'app');
  tfjsNode = join(project, 'node_modules', '@tensorflow', 'tfjs-node');
  nodedir = join(root, 'node');
  await mkdir(join(nodedir, 'include', 'node'), { recursive: true });
  await writeFile(join(nodedir, 'include', 'node', 'node_api.h'), '');
  await writeFile(join(project, 'package.json'), '{}').catch(async () => {
    await mkdir(project, { recursive: true });
    await writeFile(join(project, 'package.json'), '{}');
  });
  await fakeTfjsNode('4.22.0');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('setupTfjsNode', () => {
  test('downloads the wheel with pip, builds the addon and puts both where tfjs-node looks', async () => {
    const fake = fakeHost();
    const r = await setup(fake);
    expect(r.status).toBe('installed');
    expect(r.addon).toBe(join(await realTfjsNode(), 'lib/napi-v8/tfjs_binding.node'));
    expect(await readFile(r.addon, 'utf8')).toBe('addon');
    const lib = join(tfjsNode, 'deps', 'lib');
    expect(await readFile(join(lib, 'libtensorflow_cc.so.2'), 'utf8')).toBe('the C library');
    expect(await readFile(join(lib, 'libtensorflow.so.2'), 'utf8')).toBe('the C library');
    expect(await readFile(join(lib, 'libtensorflow_framework.so'), 'utf8')).toBe('the framework');
    const pipCall = fake.calls.find((c) => c[0] === 'pip3' && c[1] === 'download');
    expect(pipCall).toEqual(expect.arrayContaining(['tensorflow-cpu==2.21.0', '--no-deps']));
    const compile = fake.calls.find((c) => c[0] === 'c++' && c.includes('-shared'))!;
    expect(compile).toContain(`-I${join(nodedir, 'include', 'node')}`);
    expect(compile).toContain('-DNAPI_VERSION=8');
    expect(compile).toContain('-Wl,-rpath,$ORIGIN/../../deps/lib');
    // Nothing left behind: no staging folder, no headers, no wheel.
    expect((await readdir(tfjsNode)).filter((f) => f.startsWith('.mxts'))).toEqual([]);
  });

  test('a second run does nothing (idempotent), and neither does a tfjs-node whose own install worked', async () => {
    await setup(fakeHost());
    const before = (await stat(join(tfjsNode, 'lib/napi-v8/tfjs_binding.node'))).mtimeMs;
    const fake = fakeHost({ pip: false, cxx: false });
    const r = await setup(fake);
    expect(r.status).toBe('already-set-up');
    expect(fake.logs.join('\n')).toContain('nothing to do');
    expect((await stat(join(tfjsNode, 'lib/napi-v8/tfjs_binding.node'))).mtimeMs).toBe(before);
    expect(fake.calls.every((c) => c[0] === '/fake/bin/node')).toBe(true);
  });

  test('--wheel FILE is used instead of pip; a cache folder keeps the wheel and the build', async () => {
    const wheel = join(root, WHEEL);
    await writeFile(wheel, zip(WHEEL_FILES));
    const cache = join(root, 'cache');
    const first = fakeHost({ pip: false });
    expect((await setup(first, { wheel, cache })).fromCache).toBe(false);
    expect(first.calls.some((c) => c[0] === 'pip3')).toBe(false);
    await rm(join(tfjsNode, 'deps'), { recursive: true });
    await rm(join(tfjsNode, 'lib'), { recursive: true });
    const second = fakeHost({ pip: false });
    const r = await setup(second, { wheel, cache });
    expect(r.status).toBe('installed');
    expect(r.fromCache).toBe(true);
    expect(second.calls.some((c) => c.includes('-shared'))).toBe(false);
    expect(await readFile(r.addon, 'utf8')).toBe('addon');
  });

  test('an interrupted build leaves no addon and no staging folder', async () => {
    const e = await failure(setup(fakeHost({ compiles: false })));
    expect(e.kind).toBe('compile');
    expect(e.message).toContain('error: boom');
    expect(existsSync(join(tfjsNode, 'lib'))).toBe(false);
    expect(existsSync(join(tfjsNode, 'deps'))).toBe(false);
    expect((await readdir(tfjsNode)).filter((f) => f.startsWith('.mxts'))).toEqual([]);
  });

  test('a staging folder an earlier run left behind is removed', async () => {
    await mkdir(join(tfjsNode, '.mxts-setup-abc123', 'deps'), { recursive: true });
    await setup(fakeHost());
    expect((await readdir(tfjsNode)).filter((f) => f.startsWith('.mxts'))).toEqual([]);
  });

  test('no pip: named, with the fix', async () => {
    const e = await failure(setup(fakeHost({ pip: false })));
    expect(e.kind).toBe('pip');
    expect(e.message).toContain('pip is not installed');
    expect(e.fix).toContain('--wheel FILE');
    expect(e.fix).toContain('apt-get install python3-pip');
  });

  test('no compiler: named before anything is downloaded', async () => {
    const fake = fakeHost({ cxx: false });
    const e = await failure(setup(fake));
    expect(e.kind).toBe('compiler');
    expect(e.message).toContain('no C++ compiler');
    expect(e.fix).toContain('apt-get install g++');
    expect(fake.calls.some((c) => c[1] === 'download')).toBe(false);
  });

  test('no Node headers: named, with where to get them', async () => {
    const e = await failure(setup(fakeHost(), { nodedir: join(root, 'nowhere') }));
    expect(e.kind).toBe('node-headers');
    expect(e.fix).toContain('node-v20.20.2-headers.tar.gz');
    expect(e.fix).toContain('--nodedir');
  });

  test('a wheel of another platform is rejected by its tag', async () => {
    const wheel = join(root, 'tensorflow_cpu-2.21.0-cp311-cp311-macosx_12_0_arm64.whl');
    await writeFile(wheel, zip(WHEEL_FILES));
    const e = await failure(setup(fakeHost(), { wheel }));
    expect(e.kind).toBe('wheel-platform');
    expect(e.message).toContain('macosx_12_0_arm64');
    expect(e.message).toContain('linux x86_64');
    expect(e.fix).toContain('--platform manylinux_2_27_x86_64');
  });

  test('a wheel without the C library, or not a zip, is named', async () => {
    const wheel = join(root, WHEEL);
    await writeFile(wheel, zip({ 'tensorflow/__init__.py': '' }));
    let e = await failure(setup(fakeHost(), { wheel }));
    expect(e.kind).toBe('wheel-contents');
    expect(e.message).toContain('tensorflow/libtensorflow_cc.so.2');
    await writeFile(wheel, 'not a zip');
    e = await failure(setup(fakeHost(), { wheel }));
    expect(e.kind).toBe('wheel-contents');
    const missing = await failure(setup(fakeHost(), { wheel: join(root, 'gone.whl') }));
    expect(missing.kind).toBe('wheel-missing');
  });

  test('a tfjs-node version it does not know is named, with the known one', async () => {
    await fakeTfjsNode('4.21.0');
    const e = await failure(setup(fakeHost()));
    expect(e.kind).toBe('tfjs-node-version');
    expect(e.message).toContain('4.21.0');
    expect(e.fix).toContain('@tensorflow/tfjs-node@4.22.0');
  });

  test('no tfjs-node in the project: named, with the install command', async () => {
    await rm(join(project, 'node_modules'), { recursive: true });
    const e = await failure(setup(fakeHost()));
    expect(e.kind).toBe('tfjs-node-missing');
    expect(e.fix).toContain('npm install --ignore-scripts @tensorflow/tfjs-node@4.22.0');
  });

  test("another platform is told to use tfjs-node's own install", async () => {
    const fake = fakeHost();
    const e = await failure(setup({ ...fake, host: { ...fake.host, platform: 'darwin' } }));
    expect(e.kind).toBe('platform');
    expect(e.fix).toContain('npm rebuild @tensorflow/tfjs-node');
  });
});

describe('mxts-tfjs-node-setup', () => {
  test('exit code 0 when done, 1 with the message for a missing piece, 2 for bad flags', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string) => errors.push(m);
    try {
      const fake = fakeHost();
      expect(await main(['--project', project, '--nodedir', nodedir], fake.host)).toBe(0);
      expect(fake.logs.at(-1)).toMatch(/^mxts-tfjs-node-setup: set up in \d/);
      expect(await main(['--project', project, '--nodedir', nodedir], fake.host)).toBe(0);
      expect(fake.logs.at(-1)).toMatch(/already set up/);
      await rm(join(tfjsNode, 'lib'), { recursive: true });
      const noCxx = fakeHost({ cxx: false });
      expect(await main(['--project', project, '--nodedir', nodedir], noCxx.host)).toBe(1);
      expect(errors.at(-1)).toContain('fix: install one');
      expect(await main(['--bogus'], noCxx.host)).toBe(2);
    } finally {
      console.error = original;
    }
  });
});

describe('readZipIndex', () => {
  test('lists every entry with its sizes', async () => {
    const f = join(root, 'a.zip');
    await writeFile(f, zip({ 'a/b.txt': 'hello', 'c.txt': '' }));
    const index = await readZipIndex(f);
    expect([...index.keys()]).toEqual(['a/b.txt', 'c.txt']);
    expect(index.get('a/b.txt')?.size).toBe(5);
  });
});

async function realTfjsNode(): Promise<string> {
  const { realpath } = await import('node:fs/promises');
  return realpath(dirname(join(tfjsNode, 'package.json')));
}
