/** Python's `repr(float(x))`: '2.0', '0.5', '1e-05', 'inf', 'nan'. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Object.is(x, -0)) return '-0.0';
  const abs = Math.abs(x);
  if (abs >= 1e16 || abs < 1e-4) {
    // Python: shortest digits, exponent with sign and at least two digits.
    const [mant, exp] = x.toExponential().split('e');
    const e = Number(exp);
    return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const s = String(x);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}

/** How MXNet stores an op attribute as a string (Python's str() of the value). */
export function attrString(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : pyFloatRepr(value);
  if (Array.isArray(value))
    return value.length === 1
      ? `(${attrString(value[0])},)`
      : `(${value.map(attrString).join(', ')})`;
  return String(value);
}
