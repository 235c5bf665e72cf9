/** Placeholder until the page is built. */
export function RoadmapPage() {
  return <p>Coming soon.</p>;
}
