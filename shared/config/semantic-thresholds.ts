// Written by `npm run --silent calibrate` from the calibration split (never the held-out test split).
export const calibratedThresholds = {
  thresholds: {
    default: { min: 0.88, margin: 0.02 },
  },
  veto: 0.03,
  restates: 0.93,
} as const;
