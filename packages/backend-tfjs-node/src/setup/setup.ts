import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  copyFile,
  link,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { TfjsNodeSetupError } from './setup-error.js';
import { extractZipEntry, readZipIndex } from './zip.js';

/** What a command printed and how it ended; `missing` when the program is not installed. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  missing: boolean;
}

/**
 * Everything the setup asks of the machine: running programs and a few facts about Node.
 * `processHost` is the real one; tests pass fakes.
 *
 * @example
 * const host: SetupHost = { ...processHost, log: () => {} };
 */
export interface SetupHost {
  run(cmd: string, args: readonly string[], cwd?: string): Promise<RunResult>;
  log(line: string): void;
  platform: string;
  arch: string;
  /** N-API version of this Node (`process.versions.napi`). */
  napi: number;
  execPath: string;
  nodeVersion: string;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
}

/**
 * The host this process runs on.
 *
 * @example
 * await setupTfjsNode({ host: processHost });
 */
export const processHost: SetupHost = {
  run: (cmd, args, cwd) =>
    new Promise((done) => {
      const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('error', (e: NodeJS.ErrnoException) =>
        done({ code: null, stdout, stderr: stderr + e.message, missing: e.code === 'ENOENT' }),
      );
      child.on('close', (code) => done({ code, stdout, stderr, missing: false }));
    }),
  log: (line) => console.log(line),
  platform: process.platform,
  arch: process.arch,
  napi: Number(process.versions.napi),
  execPath: process.execPath,
  nodeVersion: process.versions.node,
  env: process.env,
  home: homedir(),
};

/**
 * Options of `setupTfjsNode` (the flags of `mxts-tfjs-node-setup`).
 *
 * @example
 * await setupTfjsNode({ project: '.', wheel: 'tensorflow_cpu-2.21.0-cp311-cp311-manylinux_2_27_x86_64.whl' });
 */
export interface SetupOptions {
  /** Where `@tensorflow/tfjs-node` is resolved from (default: the current directory). */
  project?: string;
  /** A TensorFlow CPU wheel to take the C library from, instead of `pip download`. */
  wheel?: string;
  /** A folder that keeps the wheel and the built addon between runs (`--cache`). */
  cache?: string;
  /** The pip command (default: the first of `pip3`, `pip`, `python3 -m pip` that runs). */
  pip?: readonly string[];
  /** The C++ compiler (default: `$CXX`, else `c++`, else `g++`). */
  cxx?: string;
  /** Node's install prefix, holding `include/node/node_api.h` (default: this Node's). */
  nodedir?: string;
  /** Rebuild even when tfjs-node already loads. */
  force?: boolean;
  host?: SetupHost;
}

/**
 * What `setupTfjsNode` did.
 *
 * @example
 * const r: SetupResult = await setupTfjsNode({});
 * console.log(r.status); // 'already-set-up' on a second run
 */
export interface SetupResult {
  status: 'already-set-up' | 'installed';
  /** The tfjs-node package folder it checked or set up. */
  tfjsNode: string;
  /** Where its addon is (`lib/napi-v{N}/tfjs_binding.node`). */
  addon: string;
  /** Whether the addon and library came from the cache folder. */
  fromCache: boolean;
}

/**
 * The tfjs-node versions whose binding sources this setup has built, and the TensorFlow CPU
 * wheel it takes the C library from for each.
 *
 * @example
 * KNOWN_TFJS_NODE['4.22.0'].tensorflow; // '2.21.0'
 */
export const KNOWN_TFJS_NODE: Readonly<Record<string, { tensorflow: string }>> = {
  '4.22.0': { tensorflow: '2.21.0' },
};

const LIBS = ['libtensorflow_cc.so.2', 'libtensorflow_framework.so.2'] as const;
// The addon's NEEDED entries are these SONAMEs; -ltensorflow at link time needs the .so names.
const LINKS: readonly [string, string][] = [
  ['libtensorflow.so.2', 'libtensorflow_cc.so.2'],
  ['libtensorflow.so', 'libtensorflow_cc.so.2'],
  ['libtensorflow_framework.so', 'libtensorflow_framework.so.2'],
];
// The headers tfjs-node's binding includes (TensorFlow's C API and what it includes).
const HEADER_DIRS = ['tensorflow/c/', 'tensorflow/core/platform/', 'tsl/', 'xla/tsl/'];
const STAGE_PREFIX = '.mxts-setup-';
const INSTALL_FIX =
  'install it without its download script, next to MXTS: `npm install --ignore-scripts @tensorflow/tfjs-node@4.22.0`';

interface TfjsNodePackage {
  dir: string;
  version: string;
  napi: number;
  addon: string;
}

/**
 * `@tensorflow/tfjs-node` as the project's own code would resolve it: the nearest
 * `node_modules` on the way up. NODE_PATH and Node's global folders are left out on purpose
 * (pnpm's bin shims point NODE_PATH at the workspace store, which is not the user's project).
 */
function resolveFromProject(project: string): string | null {
  let dir = resolve(project);
  for (;;) {
    const candidate = join(dir, 'node_modules', '@tensorflow', 'tfjs-node', 'package.json');
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function findTfjsNode(project: string, host: SetupHost): Promise<TfjsNodePackage> {
  const pkgJson = resolveFromProject(project);
  if (pkgJson === null) {
    throw new TfjsNodeSetupError(
      'tfjs-node-missing',
      `@tensorflow/tfjs-node is not installed in ${resolve(project)} (no node_modules/@tensorflow/tfjs-node there or above)`,
      INSTALL_FIX,
    );
  }
  return (async () => {
    const dir = await realpath(dirname(pkgJson));
    const meta = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
      version: string;
      binary?: { module_path?: string; napi_versions?: number[] };
    };
    if (!(meta.version in KNOWN_TFJS_NODE)) {
      throw new TfjsNodeSetupError(
        'tfjs-node-version',
        `@tensorflow/tfjs-node ${meta.version} (in ${dir}) is not a version this setup knows how to build ` +
          `(it knows ${Object.keys(KNOWN_TFJS_NODE).join(', ')})`,
        "install the known version, the one MXTS's @tensorflow/tfjs-core matches: " +
          "`npm install --ignore-scripts @tensorflow/tfjs-node@4.22.0`; or use tfjs-node's own install where it can download",
      );
    }
    const napi = Math.max(...(meta.binary?.napi_versions ?? [8]).filter((v) => v <= host.napi));
    const modulePath = (meta.binary?.module_path ?? './lib/napi-v{napi_build_version}').replace(
      '{napi_build_version}',
      String(napi),
    );
    return {
      dir,
      version: meta.version,
      napi,
      addon: join(dir, modulePath, 'tfjs_binding.node'),
    };
  })();
}

/** Loads tfjs-node in a fresh Node and runs one op; null when it works, else the error. */
async function loadError(host: SetupHost, dir: string): Promise<string | null> {
  const script =
    `const tf = require(${JSON.stringify(dir)});` +
    "if (tf.getBackend() !== 'tensorflow') throw new Error('backend is ' + tf.getBackend());" +
    "if (tf.add(1, 2).dataSync()[0] !== 3) throw new Error('1 + 2 is not 3');" +
    "console.log('mxts-tfjs-node-setup: ok');";
  const r = await host.run(host.execPath, ['-e', script]);
  if (r.code === 0 && r.stdout.includes('mxts-tfjs-node-setup: ok')) return null;
  const lines = `${r.stderr}`.split('\n').filter((l) => /Error|error:|cannot/.test(l));
  return lines[0]?.trim() ?? (r.stderr.trim().split('\n').pop() || `exit code ${r.code}`);
}

async function findCompiler(host: SetupHost, cxx: string | undefined): Promise<string> {
  const candidates = cxx ? [cxx] : host.env.CXX ? [host.env.CXX] : ['c++', 'g++'];
  for (const c of candidates) {
    const r = await host.run(c, ['--version']);
    if (!r.missing && r.code === 0) return c;
  }
  throw new TfjsNodeSetupError(
    'compiler',
    `no C++ compiler found (tried ${candidates.join(', ')}); tfjs-node's addon is built from its C++ binding sources`,
    'install one (Debian/Ubuntu: `apt-get install g++`; Fedora: `dnf install gcc-c++`), or name it with --cxx or CXX',
  );
}

function findNodeHeaders(host: SetupHost, nodedir: string | undefined): string {
  const prefixes = nodedir
    ? [nodedir]
    : [dirname(dirname(host.execPath)), join(host.home, '.cache', 'node-gyp', host.nodeVersion)];
  for (const p of prefixes) {
    const inc = join(p, 'include', 'node');
    if (existsSync(join(inc, 'node_api.h'))) return inc;
  }
  throw new TfjsNodeSetupError(
    'node-headers',
    `Node's headers (include/node/node_api.h) are not under ${prefixes.join(' or ')}`,
    `use a Node install that ships them (the nodejs.org builds and NodeSource packages do), or download ` +
      `https://nodejs.org/download/release/v${host.nodeVersion}/node-v${host.nodeVersion}-headers.tar.gz, ` +
      'unpack it and pass its folder with --nodedir DIR',
  );
}

async function findPip(host: SetupHost, pip: readonly string[] | undefined): Promise<string[]> {
  const candidates = pip ? [[...pip]] : [['pip3'], ['pip'], ['python3', '-m', 'pip']];
  for (const [cmd, ...args] of candidates) {
    const r = await host.run(cmd, [...args, '--version']);
    if (!r.missing && r.code === 0) return [cmd, ...args];
  }
  throw new TfjsNodeSetupError(
    'pip',
    `pip is not installed (tried ${candidates.map((c) => c.join(' ')).join(', ')}); it downloads the TensorFlow CPU wheel that holds the C library`,
    'install pip (Debian/Ubuntu: `apt-get install python3-pip`), name it with --pip, or download the wheel ' +
      'elsewhere (`pip download tensorflow-cpu==2.21.0 --no-deps -d DIR`) and pass --wheel FILE',
  );
}

/** Checks a wheel's file name says Linux x86_64, and returns its name and version. */
function checkWheelName(file: string, host: SetupHost): { name: string; version: string } {
  const parts = basename(file)
    .replace(/\.whl$/, '')
    .split('-');
  if (!file.endsWith('.whl') || parts.length < 5) {
    throw new TfjsNodeSetupError(
      'wheel-contents',
      `${file} is not a wheel (name-version-python-abi-platform.whl)`,
      'pass the TensorFlow CPU wheel: `pip download tensorflow-cpu==2.21.0 --no-deps -d DIR`',
    );
  }
  const platforms = parts[parts.length - 1].split('.');
  const want = host.arch === 'x64' ? 'x86_64' : host.arch === 'arm64' ? 'aarch64' : host.arch;
  if (!platforms.some((p) => p.includes('linux') && p.endsWith(want))) {
    throw new TfjsNodeSetupError(
      'wheel-platform',
      `${basename(file)} is a wheel for ${platforms.join('.')}, not for this machine (linux ${want})`,
      `pass a Linux ${want} wheel, e.g. \`pip download tensorflow-cpu==2.21.0 --no-deps --only-binary=:all: --platform manylinux_2_27_${want} -d DIR\``,
    );
  }
  return { name: parts[0], version: parts[1] };
}

async function downloadWheel(
  host: SetupHost,
  pip: string[],
  tensorflow: string,
  dir: string,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const spec = `tensorflow-cpu==${tensorflow}`;
  host.log(`downloading ${spec} with ${pip.join(' ')} (about 270 MB)`);
  const [cmd, ...args] = pip;
  const r = await host.run(cmd, [...args, 'download', spec, '--no-deps', '-d', dir]);
  const wheel = (await readdir(dir)).find((f) => f.startsWith(`tensorflow_cpu-${tensorflow}-`));
  if (r.code !== 0 || wheel === undefined) {
    const tail = r.stderr.trim().split('\n').slice(-3).join(' / ');
    throw new TfjsNodeSetupError(
      'pip-download',
      `\`${pip.join(' ')} download ${spec} --no-deps\` did not give a wheel: ${tail || `exit code ${r.code}`}`,
      "make sure pip's index (pip config list) has tensorflow-cpu, or download the wheel elsewhere and pass --wheel FILE",
    );
  }
  return join(dir, wheel);
}

/** Hard-links `from` to `to`, or copies it where a link cannot be made (another file system). */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/**
 * Builds `out/deps/lib` (the two libraries and their links) and `out/lib/napi-v{N}` (the
 * addon) from a wheel, in `out`, which nothing reads yet; checks that the addon loads there.
 */
async function build(
  host: SetupHost,
  pkg: TfjsNodePackage,
  wheel: string,
  out: string,
  cxx: string,
  nodeInclude: string,
): Promise<void> {
  let entries: Awaited<ReturnType<typeof readZipIndex>>;
  try {
    entries = await readZipIndex(wheel);
  } catch (e) {
    throw new TfjsNodeSetupError(
      'wheel-contents',
      `${wheel} cannot be read as a zip: ${(e as Error).message}`,
      'download it again: `pip download tensorflow-cpu==2.21.0 --no-deps -d DIR`',
    );
  }
  const need = [...LIBS.map((l) => `tensorflow/${l}`), 'tensorflow/include/tensorflow/c/c_api.h'];
  const lacking = need.filter((n) => !entries.has(n));
  if (lacking.length > 0) {
    throw new TfjsNodeSetupError(
      'wheel-contents',
      `${basename(wheel)} has no ${lacking.join(', ')}; it is not a TensorFlow wheel with the C library`,
      'pass the TensorFlow CPU wheel: `pip download tensorflow-cpu==2.21.0 --no-deps -d DIR`',
    );
  }
  const libDir = join(out, 'deps', 'lib');
  const include = join(out, 'include');
  const addonDir = join(out, 'lib', `napi-v${pkg.napi}`);
  await mkdir(libDir, { recursive: true });
  await mkdir(addonDir, { recursive: true });
  host.log(`extracting the C library and its headers from ${basename(wheel)}`);
  for (const lib of LIBS) {
    await extractZipEntry(wheel, entries.get(`tensorflow/${lib}`)!, join(libDir, lib));
  }
  for (const [name, target] of LINKS) await symlink(target, join(libDir, name));
  for (const [name, e] of entries) {
    const rel = name.slice('tensorflow/include/'.length);
    if (!name.startsWith('tensorflow/include/') || name.endsWith('/')) continue;
    if (!HEADER_DIRS.some((d) => rel.startsWith(d))) continue;
    const dest = join(include, rel);
    await mkdir(dirname(dest), { recursive: true });
    await extractZipEntry(wheel, e, dest);
  }
  host.log(`compiling tfjs-node ${pkg.version}'s binding with ${cxx} (N-API ${pkg.napi})`);
  const addon = join(addonDir, 'tfjs_binding.node');
  const args = [
    '-shared',
    '-fPIC',
    '-O2',
    '-std=c++17',
    `-I${nodeInclude}`,
    `-I${include}`,
    `-DNAPI_VERSION=${pkg.napi}`,
    join(pkg.dir, 'binding', 'tfjs_backend.cc'),
    join(pkg.dir, 'binding', 'tfjs_binding.cc'),
    `-L${libDir}`,
    '-ltensorflow',
    '-ltensorflow_framework',
    // tfjs-node's binding.gyp: the addon finds the libraries in ../../deps/lib.
    '-Wl,-rpath,$ORIGIN/../../deps/lib',
    '-o',
    addon,
  ];
  const r = await host.run(cxx, args);
  if (r.code !== 0 || !existsSync(addon)) {
    const errors = r.stderr.split('\n').filter((l) => /error/i.test(l));
    throw new TfjsNodeSetupError(
      'compile',
      `compiling tfjs-node's binding failed: ${(errors.slice(0, 3).join(' / ') || r.stderr.trim().split('\n').pop()) ?? `exit code ${r.code}`}`,
      "check that the compiler supports C++17 and that the wheel's headers match (a TensorFlow 2.x CPU wheel); the full command was: " +
        `${cxx} ${args.join(' ')}`,
    );
  }
  await rm(include, { recursive: true, force: true });
  const check = await host.run(host.execPath, ['-e', `require(${JSON.stringify(addon)})`]);
  if (check.code !== 0) {
    throw new TfjsNodeSetupError(
      'addon-load',
      `the built addon does not load: ${check.stderr.trim().split('\n')[0]}`,
      "the wheel may be for another glibc or CPU; try tfjs-node's own install where it can download",
    );
  }
}

/** Removes staging folders an interrupted run left behind. */
async function removeStale(dir: string): Promise<void> {
  for (const f of await readdir(dir).catch(() => [] as string[])) {
    if (f.startsWith(STAGE_PREFIX)) await rm(join(dir, f), { recursive: true, force: true });
  }
}

/**
 * Makes `@tensorflow/tfjs-node` load where its install script cannot download: takes the
 * TensorFlow C library from a TensorFlow CPU wheel (`--wheel`, or `pip download`), builds
 * tfjs-node's own binding sources against it and Node's headers, and puts both where
 * tfjs-node looks (`deps/lib`, `lib/napi-v{N}`). Where tfjs-node already loads (its own
 * install worked, or a previous run), it does nothing. Everything is built in a staging
 * folder and renamed into place last, the addon after the library, so an interrupted run
 * leaves no half-installed addon. A missing piece is a `TfjsNodeSetupError` naming it and the fix.
 *
 * @example
 * import { setupTfjsNode } from '@mxts/backend-tfjs-node/setup';
 * const r = await setupTfjsNode({ project: process.cwd(), cache: `${process.env.HOME}/.cache/mxts` });
 * console.log(r.status, r.addon);
 */
export async function setupTfjsNode(options: SetupOptions = {}): Promise<SetupResult> {
  const host = options.host ?? processHost;
  const pkg = await findTfjsNode(options.project ?? process.cwd(), host);
  await removeStale(pkg.dir);
  if (!options.force && existsSync(pkg.addon)) {
    const why = await loadError(host, pkg.dir);
    if (why === null) {
      host.log(`@tensorflow/tfjs-node ${pkg.version} already loads (${pkg.addon}); nothing to do`);
      return { status: 'already-set-up', tfjsNode: pkg.dir, addon: pkg.addon, fromCache: false };
    }
    host.log(`the installed addon does not load (${why}); rebuilding it`);
  }
  if (host.platform !== 'linux' || (host.arch !== 'x64' && host.arch !== 'arm64')) {
    throw new TfjsNodeSetupError(
      'platform',
      `this setup builds tfjs-node for Linux (x86_64 or arm64) from TensorFlow's Linux wheels; this is ${host.platform} ${host.arch}`,
      "use tfjs-node's own install (`npm rebuild @tensorflow/tfjs-node`), which downloads libtensorflow for this platform",
    );
  }
  const { tensorflow } = KNOWN_TFJS_NODE[pkg.version];
  const wheelDir = options.cache ? join(options.cache, 'wheels') : null;
  let wheel = options.wheel ? resolve(options.wheel) : null;
  if (wheel !== null && !existsSync(wheel)) {
    throw new TfjsNodeSetupError(
      'wheel-missing',
      `the wheel ${wheel} does not exist`,
      'download it: `pip download tensorflow-cpu==2.21.0 --no-deps -d DIR`, then pass --wheel DIR/<file>.whl',
    );
  }
  if (wheel === null && wheelDir !== null) {
    const cached = (await readdir(wheelDir).catch(() => [] as string[])).find((f) =>
      f.startsWith(`tensorflow_cpu-${tensorflow}-`),
    );
    if (cached) wheel = join(wheelDir, cached);
  }
  if (wheel !== null) checkWheelName(wheel, host);
  const cxx = await findCompiler(host, options.cxx);
  const nodeInclude = findNodeHeaders(host, options.nodedir);

  const stage = await mkdtemp(join(pkg.dir, STAGE_PREFIX));
  try {
    if (wheel === null) {
      const pip = await findPip(host, options.pip);
      wheel = await downloadWheel(host, pip, tensorflow, wheelDir ?? join(stage, 'wheel'));
      checkWheelName(wheel, host);
    }
    // The build, in the cache (kept between runs) or in the staging folder.
    const key = `tfjs-node-${pkg.version}-napi-v${pkg.napi}-${basename(wheel, '.whl')}`;
    const built = options.cache ? join(options.cache, 'builds', key) : join(stage, 'build');
    const fromCache = existsSync(join(built, 'complete.json'));
    if (fromCache) {
      host.log(`using the addon and library built before, in ${built}`);
    } else {
      const builds = dirname(built);
      if (options.cache) await removeStale(builds);
      const work = options.cache ? join(builds, `${STAGE_PREFIX}${process.pid}-${key}`) : built;
      await rm(work, { recursive: true, force: true });
      await build(host, pkg, wheel, work, cxx, nodeInclude);
      if (options.cache) {
        await writeFile(join(work, 'complete.json'), JSON.stringify({ wheel: basename(wheel) }));
        await rm(built, { recursive: true, force: true });
        await rename(work, built);
      }
    }
    // Stage the files next to their destination (one file system, so renames are atomic).
    const addonName = `lib/napi-v${pkg.napi}/tfjs_binding.node`;
    const deps = join(stage, 'deps', 'lib');
    await mkdir(deps, { recursive: true });
    for (const lib of LIBS) await linkOrCopy(join(built, 'deps', 'lib', lib), join(deps, lib));
    for (const [name, target] of LINKS) await symlink(target, join(deps, name));
    await linkOrCopy(join(built, addonName), join(stage, 'tfjs_binding.node'));
    // Into place: the library first, the addon last.
    const depsDest = join(pkg.dir, 'deps');
    if (existsSync(depsDest)) await rename(depsDest, join(stage, 'old-deps'));
    await rename(join(stage, 'deps'), depsDest);
    await mkdir(dirname(pkg.addon), { recursive: true });
    await rename(join(stage, 'tfjs_binding.node'), pkg.addon);
    const why = await loadError(host, pkg.dir);
    if (why !== null) {
      throw new TfjsNodeSetupError(
        'addon-load',
        `@tensorflow/tfjs-node still does not load after setup: ${why}`,
        `run again with --force; if it persists, remove ${join(pkg.dir, 'deps')} and ${pkg.addon} and use tfjs-node's own install`,
      );
    }
    host.log(`@tensorflow/tfjs-node ${pkg.version} loads: ${pkg.addon}`);
    return { status: 'installed', tfjsNode: pkg.dir, addon: pkg.addon, fromCache };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
