import type { WaitEstimate } from '../shared/entities';
import type { VisitorStrings } from '../shared/visitor-messages';
import type { Stage } from './conversation-stage';
import { fill, formatBackAt, formatList, formatSlot } from './format';

export interface StageText {
  heading: string;
  lines: string[];
}

export interface Where {
  locale: string;
  timeZone: string;
}

/** The words for a stage (guide §3: who is coming and why, what is needed, the honest wait). */
export function describeStage(stage: Stage, s: VisitorStrings, where: Where): StageText | null {
  switch (stage.kind) {
    case 'bot':
      return stage.returned ? { heading: s.returnedToBot, lines: [] } : null;
    case 'waiting': {
      const lines: string[] = [];
      if (stage.topic) lines.push(fill(s.connectingAbout, { topic: stage.topic }));
      if (stage.missingFacts.length) lines.push(fill(s.needMoreInfo, { facts: formatList(stage.missingFacts, where.locale) }));
      if (stage.position !== null) lines.push(fill(s.queuePosition, { position: stage.position }));
      const wait = describeWait(stage.estimate, s);
      if (wait) lines.push(wait);
      else if (stage.position !== null) lines.push(s.waitUnknown);
      return { heading: s.connecting, lines };
    }
    case 'unavailable': {
      const { offer } = stage;
      const lines: string[] = [];
      if (offer.nextOpenAt) lines.push(fill(s.backAt, { time: formatBackAt(offer.nextOpenAt, where.locale, where.timeZone) }));
      if (stage.topic) lines.push(fill(s.connectingAbout, { topic: stage.topic }));
      return { heading: offer.reason === 'closed' ? s.outsideHours : s.nobodyAvailable, lines };
    }
    case 'callback_booked': {
      const booked = stage.booked;
      const lines = booked ? [booked.contactKind === 'phone' ? s.callbackPhone : s.callbackEmail] : [];
      if (booked?.slot) lines.push(formatSlot(booked.slot, where.locale, where.timeZone, where.timeZone));
      return { heading: s.callbackConfirmed, lines };
    }
    case 'with_person':
      return { heading: stage.operator ? fill(s.operatorJoined, { name: stage.operator.name }) : s.connecting, lines: [] };
    case 'resolved':
      return { heading: s.resolved, lines: stage.rated ? [s.rateThanks] : [] };
  }
}

function describeWait(estimate: WaitEstimate | null, s: VisitorStrings): string | null {
  if (!estimate) return null;
  if (estimate.kind === 'range') return fill(s.waitRange, { min: estimate.minMinutes, max: estimate.maxMinutes });
  if (estimate.reason === 'nobody_online') return s.nobodyAvailable;
  if (estimate.reason === 'closed') return s.outsideHours;
  return s.waitUnknown;
}
