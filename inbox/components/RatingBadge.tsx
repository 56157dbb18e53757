/** The visitor's rating (1–5) and comment, where operators work: list rows, the conversation view, the resolved history. */
export function RatingBadge({ rating }: { rating: { score: number; comment: string | null } | null | undefined }) {
  if (!rating) return null;
  const label = `Rated ${rating.score} of 5${rating.comment ? `: “${rating.comment}”` : ''}`;
  return (
    <span class={`rating-badge rating-${rating.score >= 4 ? 'good' : rating.score <= 2 ? 'poor' : 'fair'}`} title={label}>
      <span aria-hidden="true">★ {rating.score}/5</span>
      <span class="sr-only">{label}</span>
      {rating.comment ? (
        <span class="rating-comment" aria-hidden="true">
          {' '}
          “{rating.comment}”
        </span>
      ) : null}
    </span>
  );
}
