import { useApp } from './app-context';

/** The visitor's rating where the conversation is read: "Rated 4/5 by the visitor: “comment”". */
export function RatingNote() {
  const rating = useApp().conversation.detail.value?.rating;
  if (!rating) return null;
  return (
    <p class="rating-note">
      Rated {rating.score}/5 by the visitor{rating.comment ? `: “${rating.comment}”` : '.'}
    </p>
  );
}
