/** Placeholder until the page is built. */
export function DecisionsPage() {
  return <p>Coming soon.</p>;
}
