import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** A live loss curve (uPlot): one series per run, the loss on a log scale. */
export class LossChart {
  private readonly plot: uPlot;
  private readonly steps: number[] = [];
  private readonly losses: number[] = [];

  constructor(parent: HTMLElement, width: number, height: number) {
    this.plot = new uPlot(
      {
        width,
        height,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false }, y: { distr: 3 } },
        axes: [
          { label: 'step', stroke: '#4b5563', grid: { stroke: '#eef0f3' } },
          { label: 'loss (log)', stroke: '#4b5563', grid: { stroke: '#eef0f3' }, size: 60 },
        ],
        series: [{}, { label: 'loss', stroke: '#2563eb', width: 2 }],
      },
      [[], []],
      parent,
    );
  }

  /** Adds one step's loss; `draw()` shows it. */
  push(step: number, loss: number): void {
    this.steps.push(step);
    this.losses.push(loss);
  }

  draw(): void {
    this.plot.setData([this.steps, this.losses]);
  }

  clear(): void {
    this.steps.length = 0;
    this.losses.length = 0;
    this.draw();
  }
}
