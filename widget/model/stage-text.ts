import type { WaitEstimate } from '../../shared/entities';
import { factLabel } from '../../shared/fact-labels';
import { formatList } from '../../shared/list-format';
import type { VisitorStrings } from '../../shared/visitor-messages';
import type { Stage } from './conversation-stage';
import { fill, formatBackAt, formatSlot } from '../../frontend-common/format';

/**
 * `heading` and `about` repeat the system message the server put in the transcript (a log that is
 * announced already), so the panel shows them without announcing them again; `lines` say what only
 * the card knows (missing facts, place, wait, when the team is back) and are announced.
 */
export interface StageText {
  heading: string;
  about: string | null;
  lines: string[];
}

export interface Where {
  locale: string;
  timeZone: string;
}

/** The words for a stage (guide §3: who is coming and why, what is needed, the honest wait). */
export function describeStage(stage: Stage, s: VisitorStrings, where: Where): StageText | null {
  const said = (heading: string, lines: string[] = [], topic: string | null = null): StageText => ({
    heading,
    about: topic ? fill(s.connectingAbout, { topic }) : null,
    lines,
  });
  switch (stage.kind) {
    case 'bot':
      return stage.returned ? said(s.returnedToBot) : null;
    case 'waiting': {
      const lines: string[] = [];
      const facts = stage.missingFacts.map((key) => factLabel(s, key));
      if (facts.length) lines.push(fill(s.needMoreInfo, { facts: formatList(facts, where.locale) }));
      if (stage.position !== null) lines.push(fill(s.queuePosition, { position: stage.position }));
      const wait = describeWait(stage.estimate, s);
      if (wait) lines.push(wait);
      else if (stage.position !== null) lines.push(s.waitUnknown);
      return said(s.connecting, lines, stage.topic);
    }
    case 'unavailable': {
      const { offer } = stage;
      const lines = offer.nextOpenAt ? [fill(s.backAt, { time: formatBackAt(offer.nextOpenAt, where.locale, where.timeZone) })] : [];
      return said(offer.reason === 'closed' ? s.outsideHours : s.nobodyAvailable, lines, stage.topic);
    }
    case 'callback_booked': {
      const booked = stage.booked;
      const lines = booked ? [booked.contactKind === 'phone' ? s.callbackPhone : s.callbackEmail] : [];
      if (booked?.slot) lines.push(formatSlot(booked.slot, where.locale, where.timeZone, where.timeZone));
      return said(s.callbackConfirmed, lines);
    }
    case 'with_person':
      return said(stage.operator ? fill(s.operatorJoined, { name: stage.operator.name }) : s.connecting);
    case 'resolved':
      return said(s.resolved, stage.rated ? [s.rateThanks] : []);
  }
}

function describeWait(estimate: WaitEstimate | null, s: VisitorStrings): string | null {
  if (!estimate) return null;
  if (estimate.kind === 'range') return fill(s.waitRange, { min: estimate.minMinutes, max: estimate.maxMinutes });
  if (estimate.reason === 'nobody_online') return s.nobodyAvailable;
  if (estimate.reason === 'closed') return s.outsideHours;
  return s.waitUnknown;
}
