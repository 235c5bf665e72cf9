/** Placeholder until the page is built. */
export function StakeholderViewPage() {
  return <p>Coming soon.</p>;
}
