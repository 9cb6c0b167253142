/** Why loading tfjs-node failed, and what to tell the user. */
export interface LoadFailure {
  kind: 'not-installed' | 'native-binding' | 'load-error';
  reason: string;
}

const README = 'https://github.com/tensorflow/tfjs/tree/master/tfjs-node#readme';

/** The setup command, for machines that reach only package registries (CPU package only). */
const SETUP =
  'Where only package registries are reachable (no download from storage.googleapis.com), run ' +
  '`npx mxts-tfjs-node-setup` in your project: it takes the TensorFlow C library from the ' +
  "TensorFlow CPU wheel on pip's index and builds tfjs-node's addon against it.";

const setupFor = (pkg: string) => (pkg === '@tensorflow/tfjs-node' ? ` ${SETUP}` : '');

const install = (pkg: string) =>
  `Install it on a machine with internet access: \`npm install ${pkg}\` (its install script ` +
  'downloads libtensorflow and the prebuilt native addon). Without direct access, point the ' +
  'script at a mirror (TFJS_NODE_CDN_STORAGE or TFJS_NODE_BASE_URI) or unpack a local ' +
  `libtensorflow into node_modules/${pkg}/deps, as tfjs-node's README describes (${README}).` +
  (pkg === '@tensorflow/tfjs-node'
    ? ' Where only package registries are reachable, `npm install --ignore-scripts @tensorflow/tfjs-node@4.22.0`, then run `npx mxts-tfjs-node-setup`.'
    : '');

const repair = (pkg: string) =>
  `Re-run its install script where the internet is reachable: \`npm rebuild ${pkg}\` (it ` +
  `downloads libtensorflow into node_modules/${pkg}/deps and the native addon); behind a ` +
  'mirror set TFJS_NODE_CDN_STORAGE or TFJS_NODE_BASE_URI; offline, unpack a libtensorflow ' +
  `build into that deps/ folder, as tfjs-node's README describes (${README}).${setupFor(pkg)}`;

/** The specifier a module-not-found error names (Node's ESM and CJS messages, and Vite's). */
function missingSpecifier(message: string): string | null {
  const m =
    /Cannot find (?:package|module) '([^']+)'/.exec(message) ??
    /Could not resolve ["']([^"']+)["']/.exec(message) ??
    /Failed to (?:load url|resolve import) ["']?([^"'\s]+)/.exec(message);
  return m ? m[1] : null;
}

/**
 * Sorts a failure to load `pkg` into: the package is not installed; it is installed but its
 * native addon or libtensorflow did not load; or some other load error. The reason names
 * the cause, the underlying message and the fix.
 */
export function classifyLoadError(pkg: string, error: unknown): LoadFailure {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const firstLine = message.split('\n')[0];
  const missing = missingSpecifier(message);
  if (missing === pkg) {
    return {
      kind: 'not-installed',
      reason: `${pkg} is not installed (${firstLine}). ${install(pkg)}`,
    };
  }
  const native =
    code === 'ERR_DLOPEN_FAILED' ||
    /\.node\b|tfjs_binding|libtensorflow|shared object|dlopen|DLL/i.test(message);
  if (native) {
    return {
      kind: 'native-binding',
      reason: `${pkg} is installed, but its native binding (tfjs_binding.node and libtensorflow) failed to load: ${firstLine}. ${repair(pkg)}`,
    };
  }
  return {
    kind: 'load-error',
    reason: `${pkg} is installed, but loading it failed: ${firstLine}. Reinstall it (\`npm install ${pkg}\`) on a machine with internet access.`,
  };
}
