/** Placeholder until the page is built. */
export function ReviewsPage() {
  return <p>Coming soon.</p>;
}
