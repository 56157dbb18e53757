// Written by `npm run --silent calibrate` from the calibration split (test-data/judgement/calibration.jsonl),
// never the held-out test split. Objective: recall − 1 × false escalations + 0.25 × queue accuracy.
export const calibratedThresholds = {
  "thresholds": {
    "default": {
      "min": 0.9,
      "margin": 0.005,
      "head": 0.9
    },
    "routing": {
      "min": 0.88,
      "margin": 0,
      "head": 0.3
    },
    "frustration": {
      "min": 0.88,
      "margin": 0.005,
      "head": 0.9
    }
  },
  "veto": 0,
  "restates": 0.94
} as const;
