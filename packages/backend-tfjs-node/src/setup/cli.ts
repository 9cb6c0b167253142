import { parseArgs } from 'node:util';
import { processHost, type SetupHost, setupTfjsNode } from './setup.js';
import { TfjsNodeSetupError } from './setup-error.js';

const USAGE = `Usage: mxts-tfjs-node-setup [options]

Makes @tensorflow/tfjs-node load where its install script cannot download libtensorflow:
takes TensorFlow's C library from the TensorFlow CPU wheel (pip), builds tfjs-node's addon
against it and puts both where tfjs-node looks. Does nothing where tfjs-node already loads.

  --project DIR   where @tensorflow/tfjs-node is installed (default: the current directory)
  --wheel FILE    a TensorFlow CPU wheel (default: pip download tensorflow-cpu==2.21.0)
  --cache DIR     keep the wheel and the built addon here between runs
                  (default: $MXTS_TFJS_NODE_CACHE; none when unset)
  --pip CMD       the pip command (default: pip3, pip or python3 -m pip)
  --cxx CMD       the C++ compiler (default: $CXX, c++ or g++)
  --nodedir DIR   Node's install prefix with include/node (default: this Node's)
  --force         rebuild even when tfjs-node already loads
  -h, --help      this text`;

/**
 * The `mxts-tfjs-node-setup` command: parses `argv`, runs `setupTfjsNode`, prints what it
 * did; returns the exit code (0 done, 1 a missing piece, 2 bad arguments).
 *
 * @example
 * process.exitCode = await main(['--cache', `${process.env.HOME}/.cache/mxts`]);
 */
export async function main(
  argv: readonly string[],
  host: SetupHost = processHost,
): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        project: { type: 'string' },
        wheel: { type: 'string' },
        cache: { type: 'string' },
        pip: { type: 'string' },
        cxx: { type: 'string' },
        nodedir: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    console.error(`mxts-tfjs-node-setup: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const t0 = performance.now();
  try {
    const r = await setupTfjsNode({
      project: values.project as string | undefined,
      wheel: values.wheel as string | undefined,
      cache: (values.cache as string | undefined) ?? (host.env.MXTS_TFJS_NODE_CACHE || undefined),
      pip: typeof values.pip === 'string' ? values.pip.split(' ').filter(Boolean) : undefined,
      cxx: values.cxx as string | undefined,
      nodedir: values.nodedir as string | undefined,
      force: values.force === true,
      host,
    });
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    host.log(
      `mxts-tfjs-node-setup: ${r.status === 'installed' ? `set up${r.fromCache ? ' from the cache' : ''}` : 'already set up'} in ${s} s`,
    );
    return 0;
  } catch (e) {
    if (e instanceof TfjsNodeSetupError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}
