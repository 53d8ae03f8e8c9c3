"""Pure business rules: enums, metric formulas, date presets, status mapping. No I/O."""
