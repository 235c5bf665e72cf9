/** Placeholder until the page is built. */
export function RoadmapItemPage() {
  return <p>Coming soon.</p>;
}
