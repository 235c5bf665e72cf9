/** Placeholder until the page is built. */
export function RoadmapChangesPage() {
  return <p>Coming soon.</p>;
}
