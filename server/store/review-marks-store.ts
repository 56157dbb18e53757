import type { Collections } from './database';
import type { ReviewMarkDoc } from './documents';

export type { ReviewMarkDoc };

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
