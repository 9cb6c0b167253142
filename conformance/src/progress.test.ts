import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ConformanceCase } from './conformance-case.js';
import { createProgress, wantsProgress } from './progress.js';
import type { CaseResult } from './report.js';

/** A terminal that keeps what is written to it. */
function fakeTerminal(): {
  stream: Writable & { isTTY: boolean; columns: number };
  text: () => string;
} {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY: true, columns: 160 },
  );
  return { stream, text: () => chunks.join('') };
}

// Escape sequences (cursor moves, line clears) removed, to read the rendered lines.
const ESCAPES = new RegExp(`${String.fromCharCode(27)}(\\[[0-9;?]*[A-Za-z]|[78])`, 'g');
const plain = (s: string) => s.replace(ESCAPES, '');

const cases = (suite: string, n: number): ConformanceCase[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${suite}/c${i}`, suite, run() {} }));
const result = (c: ConformanceCase, status: CaseResult['status'] = 'passed'): CaseResult => ({
  id: c.id,
  suite: c.suite,
  status,
  message: '',
});

describe('wantsProgress', () => {
  it('draws only on a terminal, without --json, outside CI', () => {
    expect(wantsProgress({ isTTY: true, json: false, env: {} })).toBe(true);
    expect(wantsProgress({ isTTY: undefined, json: false, env: {} })).toBe(false);
    expect(wantsProgress({ isTTY: false, json: false, env: {} })).toBe(false);
    expect(wantsProgress({ isTTY: true, json: true, env: {} })).toBe(false);
    expect(wantsProgress({ isTTY: true, json: false, env: { CI: 'true' } })).toBe(false);
    expect(wantsProgress({ isTTY: true, json: false, env: { CI: '1' } })).toBe(false);
    expect(wantsProgress({ isTTY: true, json: false, env: { CI: 'false' } })).toBe(true);
    expect(wantsProgress({ isTTY: true, json: false, env: { CI: '0' } })).toBe(true);
    expect(wantsProgress({ isTTY: true, json: false, env: { CI: '' } })).toBe(true);
  });
});

describe('createProgress', () => {
  it('shows cases done/total, failures and elapsed time per suite, then clears', () => {
    const term = fakeTerminal();
    let clock = 0;
    const view = createProgress({ stream: term.stream, redrawMs: 0, now: () => clock });
    const a = cases('autograd', 3);
    const b = cases('ops', 2);
    view.start([...a, ...b]);
    clock = 500;
    view.case(result(a[0]));
    clock = 1500;
    view.case(result(a[1], 'failed'));
    view.log('failed        autograd/c1: boom');
    clock = 2000;
    view.case(result(a[2]));
    clock = 4500;
    view.case(result(b[0]));
    const live = plain(term.text());
    expect(live).toMatch(/all cases \|[^|]*\| 4\/5 cases {2}1 failed {2}4\.5 s/);
    expect(live).toMatch(/autograd {2}\|[^|]*\| 3\/3 cases {2}1 failed {2}2\.0 s/);
    expect(live).toMatch(/ops {7}\|[^|]*\| 1\/2 cases {2}no failures {2}2\.5 s/);
    expect(live).toContain('failed        autograd/c1: boom\n');
    const before = term.text().length;
    view.stop();
    // Clearing ends with "erase below" from the first bar's line and shows the cursor again.
    const tail = term.text().slice(before);
    expect(tail).toContain('\x1B[0J');
    expect(tail).toContain('\x1B[?25h');
    expect(plain(tail)).not.toContain('cases');
  });

  it('redraws at most once per redrawMs, so a fast run does not flood the terminal', () => {
    const term = fakeTerminal();
    let clock = 0;
    const view = createProgress({ stream: term.stream, redrawMs: 100, now: () => clock });
    const a = cases('ops', 50);
    view.start(a);
    const drawsAfterStart = plain(term.text()).split('all cases').length;
    for (const c of a) {
      clock += 10; // 50 cases in 500 ms: 5 redraws at most
      view.case(result(c));
    }
    const draws = plain(term.text()).split('all cases').length - drawsAfterStart;
    expect(draws).toBeGreaterThanOrEqual(4);
    expect(draws).toBeLessThanOrEqual(5);
    view.stop();
  });

  it('writes log lines plainly when it is not drawing', () => {
    const term = fakeTerminal();
    const view = createProgress({ stream: term.stream });
    view.log('failed        x/y: z');
    expect(term.text()).toBe('failed        x/y: z\n');
    view.stop();
    expect(term.text()).toBe('failed        x/y: z\n');
  });
});
