/** Placeholder until the page is built. */
export function DecisionPage() {
  return <p>Coming soon.</p>;
}
