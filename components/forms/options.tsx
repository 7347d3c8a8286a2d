/**
 * One <option> per value of a fixed list (countries, licences, number types...), so each native
 * select names its list and its labels once instead of repeating the option markup.
 */
export function Options<V extends string>({ values, label }: { values: readonly V[]; label: (value: V) => string }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {label(value)}
    </option>
  ));
}
