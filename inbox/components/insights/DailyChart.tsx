import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { InsightsFigures } from '../../../shared/insights';

/**
 * Handoffs and bot-only conversations per day (uPlot: small, canvas, no dependencies). A canvas says
 * nothing to a screen reader, so the same numbers follow as a table.
 */
export function DailyChart({ daily }: { daily: InsightsFigures['daily'] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || daily.length === 0) return;
    const xs = daily.map((d) => Date.parse(`${d.day}T00:00:00Z`) / 1000);
    const plot = new uPlot(
      {
        width: Math.max(320, Math.min(el.clientWidth || 720, 900)),
        height: 220,
        series: [
          {},
          { label: 'Handoffs', stroke: '#1f5fbf', width: 2, fill: 'rgba(31,95,191,0.08)' },
          { label: 'Bot only', stroke: '#8a4b00', width: 2, dash: [6, 4] },
        ],
        axes: [{ stroke: '#1b1f24' }, { stroke: '#1b1f24', label: 'Conversations' }],
        scales: { x: { time: true } },
      },
      [xs, daily.map((d) => d.handoffs), daily.map((d) => d.botOnly)],
      el,
    );
    return () => plot.destroy();
  }, [daily]);
  const total = daily.reduce((s, d) => s + d.handoffs, 0);
  return (
    <figure class="insights-chart">
      <div
        ref={box}
        role="img"
        aria-label={`Chart: ${total} handoffs over ${daily.length} days with data; the table below lists each day.`}
      />
      <figcaption>Handoffs (solid) and bot-only conversations (dashed) per day, UTC.</figcaption>
      <details>
        <summary>Per-day numbers</summary>
        <table class="insights-table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Handoffs</th>
              <th scope="col">Bot only</th>
              <th scope="col">Time to human (p50)</th>
            </tr>
          </thead>
          <tbody>
            {daily.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{d.handoffs}</td>
                <td>{d.botOnly}</td>
                <td>{d.timeToHumanP50 === null ? '—' : `${Math.round(d.timeToHumanP50)} s`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
