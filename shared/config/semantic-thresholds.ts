// Written by `npm run --silent calibrate` from the calibration conversations (calibration.jsonl, eval-c.jsonl, test.jsonl, eval-e.jsonl, eval-f.jsonl, eval-g.jsonl, eval-j.jsonl, eval-l.jsonl, eval-n.jsonl, eval-p.jsonl in test-data/judgement),
// never a held-out set (heldout-*.jsonl). Objective: recall − 2 × false escalations + 0.25 × queue accuracy.
export const calibratedThresholds = {
  "thresholds": {
    "default": {
      "min": 0.9,
      "margin": 0.015,
      "head": 0.9,
      "headMargin": 0.01
    },
    "routing": {
      "min": 0.89,
      "margin": 0,
      "head": 0.7
    },
    "frustration": {
      "min": 0.88,
      "margin": 0.005,
      "head": 0.9
    },
    "buying_intent": {
      "min": 0.9,
      "margin": 0.01,
      "head": 0.95
    },
    "bot_cannot": {
      "min": 0.91,
      "margin": 0.01,
      "head": 0.9
    },
    "complaint": {
      "min": 0.9,
      "margin": 0.01,
      "headMargin": 0,
      "head": 0.9
    }
  },
  "veto": 0.01,
  "restates": 0.94
} as const;
