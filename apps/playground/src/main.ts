import type { WebGpuBackend } from '@mxts/backend-webgpu';
import * as mx from '@mxts/core';
import { BACKEND_NAMES, type BackendName, getBackend, unavailableReason } from './backends.js';
import { gradExample, trainingExample } from './examples.js';

const select = document.querySelector<HTMLSelectElement>('#backend')!;
const form = document.querySelector<HTMLFormElement>('#controls')!;
const runButton = document.querySelector<HTMLButtonElement>('#run')!;
const status = document.querySelector<HTMLOutputElement>('#status')!;
const output = document.querySelector<HTMLPreElement>('#output')!;

type State = 'idle' | 'running' | 'done' | 'failed' | 'unavailable';

function setStatus(state: State, text: string): void {
  status.dataset.state = state;
  status.textContent = text;
}

for (const name of BACKEND_NAMES) {
  const reason = unavailableReason(name);
  const option = new Option(reason === null ? name : `${name} (unavailable)`, name);
  if (reason !== null) option.title = reason;
  select.add(option);
}

async function run(name: BackendName): Promise<void> {
  output.textContent = '';
  const print = (text: string) => {
    output.textContent += `${text}\n`;
  };
  const reason = unavailableReason(name);
  if (reason !== null) {
    print(`${name}: unavailable: ${reason}`);
    setStatus('unavailable', `${name} is unavailable`);
    return;
  }
  setStatus('running', `Starting ${name}...`);
  let backend: mx.Backend;
  try {
    backend = await getBackend(name);
  } catch (e) {
    const unavailable = e instanceof mx.BackendUnavailableError;
    print(`${name}: ${unavailable ? 'unavailable' : 'failed to start'}: ${(e as Error).message}`);
    setStatus(unavailable ? 'unavailable' : 'failed', `${name} did not start`);
    return;
  }
  const ctx = mx.useBackend(backend);
  print(`backend: ${name}, context ${ctx}\n${backend.capabilities.description}`);
  if (name === 'webgpu') {
    const { vendor, architecture, device, featureLevel } = (backend as WebGpuBackend).adapterInfo;
    print(
      `adapter: ${[vendor, architecture, device].filter(Boolean).join(' / ')} (${featureLevel})`,
    );
  }
  print('');
  setStatus('running', `Running on ${name}...`);
  try {
    const started = performance.now();
    await gradExample(print);
    await trainingExample(print);
    const ms = performance.now() - started;
    setStatus('done', `Done on ${name} in ${ms.toFixed(0)} ms`);
  } catch (e) {
    print(`\nerror: ${(e as Error)?.stack ?? e}`);
    setStatus('failed', `Failed on ${name}`);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = select.value as BackendName;
  history.replaceState(null, '', `?backend=${name}`);
  runButton.disabled = true;
  select.disabled = true;
  run(name).finally(() => {
    runButton.disabled = false;
    select.disabled = false;
  });
});

// `?backend=wasm` picks that backend and runs the examples at once.
const requested = new URLSearchParams(location.search).get('backend');
if (requested !== null && (BACKEND_NAMES as readonly string[]).includes(requested)) {
  select.value = requested;
  form.requestSubmit();
}
