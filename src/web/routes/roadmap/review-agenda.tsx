import { useEffect, useState } from 'react';
import type { TReview } from '../../../shared/roadmap.ts';
import { now as clockNow } from '../../lib/clock.ts';

type Box = TReview['agenda'][number];

/** "4:05 left" or "1:20 over": the box's time left, counted from when its timer started. */
export function clockText(boxMinutes: number, elapsedMs: number): string {
  const left = Math.round(boxMinutes * 60 - elapsedMs / 1000);
  const abs = Math.abs(left);
  const text = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
  return left >= 0 ? `${text} left` : `${text} over`;
}

/** Re-renders every second while a timer runs; nothing ticks otherwise. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(clockNow);
  useEffect(() => {
    if (!running) return;
    setNow(clockNow());
    const t = setInterval(() => setNow(clockNow()), 1000);
    return () => clearInterval(t);
  }, [running]);
  return now;
}

function BoxTimer({
  box,
  index,
  startedAt,
  now,
  onToggle,
}: {
  box: Box;
  index: number;
  startedAt: number | null;
  now: number;
  onToggle: () => void;
}) {
  const running = startedAt !== null;
  const text = clockText(box.minutes, running ? now - startedAt : 0);
  return (
    <div className="box-timer">
      {/* role=timer is not announced every second: screen readers read it when asked. */}
      <span role="timer" aria-label={`Time box ${index + 1}`} className={text.endsWith('over') ? 'over' : ''}>
        {text}
      </span>
      <button type="button" className="button small" onClick={onToggle}>
        {running ? 'Stop timer' : `Start ${box.minutes}-minute timer`}
        <span className="visually-hidden"> of time box {index + 1}</span>
      </button>
    </div>
  );
}

/** The generated agenda in its time boxes (pack §3: 5 + 25 + 10 + 5 minutes), with a timer per box. */
export function ReviewAgenda({ agenda }: { agenda: TReview['agenda'] }) {
  const [active, setActive] = useState<{ index: number; startedAt: number } | null>(null);
  const now = useNow(active !== null);
  const total = agenda.reduce((n, b) => n + b.minutes, 0);
  return (
    <section aria-labelledby="agenda-heading" className="review-section">
      <h2 id="agenda-heading">Agenda ({total} min)</h2>
      <ol className="agenda-boxes">
        {agenda.map((box, i) => (
          <li key={box.title} className={active?.index === i ? 'agenda-box running' : 'agenda-box'}>
            <h3>
              <span className="box-minutes">{box.minutes} min</span> {box.title}
            </h3>
            {box.lines.length ? (
              <ul>
                {box.lines.map((line, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: generated lines may repeat
                  <li key={j}>{line}</li>
                ))}
              </ul>
            ) : null}
            <BoxTimer
              box={box}
              index={i}
              startedAt={active?.index === i ? active.startedAt : null}
              now={now}
              onToggle={() => setActive(active?.index === i ? null : { index: i, startedAt: clockNow() })}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
