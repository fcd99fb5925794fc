/** A <select> of fixed options, with an optional empty first choice ("all", "none", "any"). */
export function Choice<T extends string>({
  id,
  value,
  options,
  empty,
  onChange,
}: {
  id?: string;
  value: T | '';
  options: readonly T[];
  empty?: string;
  onChange(value: T | ''): void;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((o) => (
        <option key={o}>{o}</option>
      ))}
    </select>
  );
}
