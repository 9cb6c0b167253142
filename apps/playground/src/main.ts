import type { WebGpuBackend } from '@mxts/backend-webgpu';
import * as mx from '@mxts/core';
import {
  BACKEND_NAMES,
  type BackendName,
  getBackend,
  knownFailuresOf,
  preferredBackend,
  unavailableReason,
} from './backends.js';
import { drawBoundary } from './boundary-plot.js';
import { runConformanceTable, type SuiteTotals } from './conformance-table.js';
import { gradExample } from './examples.js';
import { LossChart } from './loss-chart.js';
import { SpiralsTrainer } from './spirals.js';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector) as T;
const select = $<HTMLSelectElement>('#backend');
const form = $<HTMLFormElement>('#controls');
const buttons = [...document.querySelectorAll<HTMLButtonElement>('#controls button')];
const status = $<HTMLOutputElement>('#status');
const output = $<HTMLPreElement>('#output');
const timesBody = $<HTMLTableSectionElement>('#times tbody');
const trainSummary = $<HTMLOutputElement>('#train-summary');
const boundary = $<HTMLCanvasElement>('#boundary');

const params = new URLSearchParams(location.search);
/** `?filter=TEXT` runs only the conformance cases whose id contains it. */
const filter = params.get('filter');
/** `?steps=N` training steps (default 300). */
const trainSteps = Math.max(10, Number(params.get('steps') ?? 300) || 300);
const GRID = 48;

type State = 'idle' | 'running' | 'done' | 'failed' | 'unavailable';
function setState(el: HTMLOutputElement, state: State, text: string): void {
  el.dataset.state = state;
  el.textContent = text;
}
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

for (const name of BACKEND_NAMES) {
  const reason = unavailableReason(name);
  const option = new Option(reason === null ? name : `${name} (unavailable)`, name);
  if (reason !== null) option.title = reason;
  select.add(option);
}

const chartWidth = Math.max(240, Math.min(340, $('#training-card').clientWidth - 300));
const chart = new LossChart($('#loss-chart'), chartWidth, 250);
boundary.width = 250;
boundary.height = 250;

/** One row per backend: its step time and its conformance result, as they come in. */
const timeRows = new Map<BackendName, HTMLTableRowElement>();
function timeRow(name: BackendName): HTMLTableRowElement {
  let tr = timeRows.get(name);
  if (tr === undefined) {
    tr = timesBody.insertRow();
    tr.innerHTML = '<th scope="row"></th><td class="num">-</td><td class="num">-</td><td>-</td>';
    (tr.cells[0] as HTMLElement).textContent = name;
    timeRows.set(name, tr);
  }
  for (const [n, row] of timeRows) row.toggleAttribute('data-current', n === select.value);
  return tr;
}
function showStepTime(name: BackendName, ms: number | string): void {
  const tr = timeRow(name);
  tr.cells[1].textContent = typeof ms === 'number' ? ms.toFixed(1) : ms;
  tr.cells[2].textContent = typeof ms === 'number' ? (1000 / ms).toFixed(0) : '-';
}
function showConformance(name: BackendName, t: SuiteTotals): void {
  timeRow(name).cells[3].textContent =
    `${t.passed} passed, ${t.failed} failed, ${t.unavailable} n/a (${(t.ms / 1000).toFixed(0)} s)`;
}

/** What runs a backend: the WebGPU adapter (SwiftShader is a CPU emulation of a GPU). */
function deviceOf(name: BackendName, backend: mx.Backend): string {
  if (name !== 'webgpu') return '';
  const { vendor, architecture, device } = (backend as WebGpuBackend).adapterInfo;
  return [vendor, architecture, device].filter(Boolean).join(' / ');
}
function labelRow(name: BackendName, backend: mx.Backend): void {
  const device = deviceOf(name, backend);
  const th = timeRow(name).cells[0];
  th.textContent = name;
  if (device) {
    const small = document.createElement('small');
    small.textContent = ` ${device}`;
    th.append(small);
  }
}

/** Starts the backend and prints what it is, then the tutorial's D2 on it. */
async function start(name: BackendName): Promise<mx.Backend | null> {
  output.textContent = '';
  const print = (text: string) => {
    output.textContent += `${text}\n`;
  };
  const reason = unavailableReason(name);
  if (reason !== null) {
    print(`${name}: unavailable: ${reason}`);
    setState(status, 'unavailable', `${name} is unavailable`);
    return null;
  }
  setState(status, 'running', `starting ${name}...`);
  let backend: mx.Backend;
  try {
    backend = await getBackend(name);
  } catch (e) {
    const unavailable = e instanceof mx.BackendUnavailableError;
    print(`${name}: ${unavailable ? 'unavailable' : 'failed to start'}: ${(e as Error).message}`);
    setState(status, unavailable ? 'unavailable' : 'failed', `${name} did not start`);
    return null;
  }
  const ctx = mx.useBackend(backend);
  print(`backend: ${name}, context ${ctx}\n${backend.capabilities.description}`);
  if (name === 'webgpu') {
    print(
      `adapter: ${deviceOf(name, backend)} (${(backend as WebGpuBackend).adapterInfo.featureLevel})`,
    );
  }
  labelRow(name, backend);
  print('');
  await gradExample(print);
  return backend;
}

/** Trains the spirals MLP with a live loss curve and boundary; returns the losses. */
async function train(name: BackendName, steps: number): Promise<number[]> {
  chart.clear();
  const trainer = new SpiralsTrainer();
  const losses: number[] = [];
  const times: number[] = [];
  try {
    drawBoundary(boundary, null, GRID, trainer.X, trainer.y);
    let lastPaint = performance.now();
    let lastBoundary = lastPaint;
    for (let i = 0; i < steps; i++) {
      const r = await trainer.step();
      losses.push(r.loss);
      if (i >= 5) times.push(r.ms); // the first steps compile kernels
      chart.push(r.step, r.loss);
      const now = performance.now();
      if (now - lastPaint > 250 || i === steps - 1) {
        chart.draw();
        // The boundary costs a forward pass over the grid: at most once a second.
        if (now - lastBoundary > 1000 || i === steps - 1) {
          drawBoundary(boundary, await trainer.grid(GRID), GRID, trainer.X, trainer.y);
          lastBoundary = performance.now();
        }
        setState(
          trainSummary,
          'running',
          `${name}: step ${r.step}/${steps}, loss ${r.loss.toFixed(4)}, ${median(times.length ? times : [r.ms]).toFixed(1)} ms/step`,
        );
        await nextTask();
        lastPaint = performance.now();
      }
    }
    const acc = await trainer.accuracy();
    const first = losses.slice(0, 10).reduce((s, v) => s + v, 0) / Math.min(10, losses.length);
    const last = losses.slice(-10).reduce((s, v) => s + v, 0) / Math.min(10, losses.length);
    showStepTime(name, median(times));
    setState(
      trainSummary,
      last < first / 2 ? 'done' : 'failed',
      `${name}: loss ${first.toFixed(3)} → ${last.toFixed(4)}, accuracy ${(100 * acc).toFixed(1)}%, ${median(times).toFixed(1)} ms/step`,
    );
    document.body.dataset.lossFirst = String(first);
    document.body.dataset.lossLast = String(last);
    return losses;
  } finally {
    trainer.dispose();
  }
}

/**
 * 35 steps on each backend the browser offers (the median of the last 30): the step-time
 * table. A backend that has just trained keeps the median of its whole run.
 */
async function compare(skip: BackendName | null = null): Promise<void> {
  const current = select.value as BackendName;
  for (const name of BACKEND_NAMES) {
    if (name === skip) continue;
    if (unavailableReason(name) !== null) {
      showStepTime(name, 'unavailable');
      continue;
    }
    let backend: mx.Backend;
    try {
      backend = await getBackend(name);
    } catch {
      showStepTime(name, 'unavailable');
      continue;
    }
    mx.useBackend(backend);
    labelRow(name, backend);
    const trainer = new SpiralsTrainer();
    try {
      const times: number[] = [];
      for (let i = 0; i < 35; i++) {
        const r = await trainer.step();
        if (i >= 5) times.push(r.ms);
      }
      showStepTime(name, median(times));
    } finally {
      trainer.dispose();
    }
    await nextTask();
  }
  mx.useBackend(await getBackend(current));
}

async function busy(what: string, fn: () => Promise<void>): Promise<void> {
  for (const b of buttons) b.disabled = true;
  select.disabled = true;
  try {
    await fn();
  } catch (e) {
    output.textContent += `\nerror in ${what}: ${(e as Error)?.stack ?? e}\n`;
    setState(status, 'failed', `${what} failed`);
  } finally {
    for (const b of buttons) b.disabled = false;
    select.disabled = false;
  }
}

/** Run all: start the backend, the conformance table, training, then the step times. */
async function runAll(name: BackendName, withCompare: boolean): Promise<void> {
  const started = performance.now();
  const backend = await start(name);
  if (backend === null) return;
  setState(status, 'running', `conformance on ${name}...`);
  const totals = await runConformanceTable(
    backend,
    await knownFailuresOf(name),
    filter,
    $('#suites tbody'),
    $('#failures'),
    $('#suite-summary'),
  );
  showConformance(name, totals);
  setState(status, 'running', `training on ${name}...`);
  await train(name, trainSteps);
  if (withCompare) {
    setState(status, 'running', 'timing every backend...');
    await compare(name);
  }
  const ms = performance.now() - started;
  const ok = totals.failed === 0 && trainSummary.dataset.state === 'done';
  setState(
    status,
    ok ? 'done' : 'failed',
    `${ok ? 'done' : 'failed'} on ${name} in ${(ms / 1000).toFixed(1)} s`,
  );
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = select.value as BackendName;
  params.set('backend', name);
  history.replaceState(null, '', `?${params}`);
  void busy('run', () => runAll(name, params.has('compare')));
});
$('#train').addEventListener('click', () => {
  const name = select.value as BackendName;
  void busy('training', async () => {
    if ((await start(name)) === null) return;
    await train(name, trainSteps);
    setState(status, 'done', `trained on ${name}`);
  });
});
$('#compare').addEventListener('click', () => void busy('timing', () => compare()));

// `?backend=wasm` picks that backend and runs everything at once (`&compare` also times
// every backend); without it the page starts on the best backend the browser offers.
const requested = params.get('backend');
if (requested !== null && (BACKEND_NAMES as readonly string[]).includes(requested)) {
  select.value = requested;
  form.requestSubmit();
} else {
  void preferredBackend().then((name) => {
    select.value = name;
  });
}
