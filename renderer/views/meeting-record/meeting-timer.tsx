import { useEffect, useId, useState } from 'react';

function minutesAndSeconds(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/**
 * A timer for the room: the whole meeting and the item under discussion, in large type.
 * It runs on this screen only (the shared screen shows it to everyone); it is not part of
 * the plan, so it is never saved or sent to others.
 */
export function MeetingTimer({ items }: { items: readonly string[] }) {
  const id = useId();
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [itemStartedAt, setItemStartedAt] = useState<number | null>(null);
  const [current, setCurrent] = useState('');
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (startedAt === null) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [startedAt]);

  const start = () => {
    const at = Date.now();
    setStartedAt(at);
    setItemStartedAt(at);
    setNow(at);
  };
  const choose = (title: string) => {
    setCurrent(title);
    setItemStartedAt(Date.now());
    setNow(Date.now());
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="meeting-timer" data-meeting-timer>
      <h3 id={`${id}-heading`}>Timer</h3>
      {startedAt === null ? (
        <button type="button" className="button" onClick={start}>
          Start the meeting timer
        </button>
      ) : (
        <dl className="meeting-timer__readout">
          <div>
            <dt>Meeting</dt>
            <dd data-timer="total">{minutesAndSeconds(now - startedAt)}</dd>
          </div>
          <div>
            <dt>This item{current ? `: ${current}` : ''}</dt>
            <dd data-timer="item">{minutesAndSeconds(now - (itemStartedAt ?? startedAt))}</dd>
          </div>
        </dl>
      )}
      {startedAt !== null && items.length > 0 ? (
        <div className="field">
          <label htmlFor={`${id}-item`}>Now discussing</label>
          <select id={`${id}-item`} value={current} onChange={(event) => choose(event.target.value)}>
            <option value="">Carried-over actions</option>
            {items.map((title, index) => (
              <option key={`${index}-${title}`} value={title}>
                {title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </section>
  );
}
