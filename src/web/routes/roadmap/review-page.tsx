/** Placeholder until the page is built. */
export function ReviewPage() {
  return <p>Coming soon.</p>;
}
