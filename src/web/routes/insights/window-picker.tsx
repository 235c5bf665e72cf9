export const WINDOWS = [7, 30, 90] as const;

/** Last 7, 30 or 90 days, as radio buttons. */
export function WindowPicker({ days, onChange }: { days: number; onChange: (days: number) => void }) {
  return (
    <fieldset className="field toggle-radios window-picker">
      <legend>Window</legend>
      {WINDOWS.map((d) => (
        <span className="radio" key={d}>
          <input
            type="radio"
            id={`window-${d}`}
            name="window"
            checked={days === d}
            onChange={() => onChange(d)}
          />
          <label htmlFor={`window-${d}`}>Last {d} days</label>
        </span>
      ))}
    </fieldset>
  );
}

export const daysFrom = (params: URLSearchParams, fallback: number): number => {
  const d = Number(params.get('days'));
  return (WINDOWS as readonly number[]).includes(d) ? d : fallback;
};
