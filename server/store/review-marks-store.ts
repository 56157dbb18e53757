import type { Collections } from './database';

/** One admin's verdict on one sampled episode; marking again replaces it (each mark is audited). */
export interface ReviewMarkDoc {
  /** The episode: `${conversationId}#${number}`. */
  _id: string;
  siteId: string;
  conversationId: string;
  episode: number;
  trigger: string;
  queue: string;
  /** The day (UTC) the episode started: Insights counts the marks of the days it shows. */
  day: string;
  week: string;
  verdict: 'right' | 'wrong';
  operatorId: string;
  by: string;
  at: Date;
  /** The label of the site example it became; no visitor words are kept here. */
  example: { label: string } | null;
}

export function reviewMarksStore(c: Collections) {
  const col = c.reviewMarks;
  return {
    async save(mark: ReviewMarkDoc): Promise<ReviewMarkDoc> {
      const { _id, ...rest } = mark;
      await col.updateOne({ _id }, { $set: rest }, { upsert: true });
      return mark;
    },
    get(episodeId: string): Promise<ReviewMarkDoc | null> {
      return col.findOne({ _id: episodeId });
    },
    async setExample(episodeId: string, example: { label: string }): Promise<ReviewMarkDoc | null> {
      return col.findOneAndUpdate({ _id: episodeId }, { $set: { example } }, { returnDocument: 'after' });
    },
    ofWeek(siteId: string, week: string): Promise<ReviewMarkDoc[]> {
      return col.find({ siteId, week }).toArray();
    },
    ofDays(q: { siteId: string; fromDay: string; toDay: string; queue?: string; trigger?: string }): Promise<ReviewMarkDoc[]> {
      return col
        .find({
          siteId: q.siteId,
          day: { $gte: q.fromDay, $lte: q.toDay },
          ...(q.queue ? { queue: q.queue } : {}),
          ...(q.trigger ? { trigger: q.trigger } : {}),
        })
        .toArray();
    },
  };
}

export type ReviewMarksStore = ReturnType<typeof reviewMarksStore>;
