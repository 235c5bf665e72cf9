import { describe, expect, it } from 'vitest';
import { actorText } from './actors.ts';

const names = new Map([['hana@example.com', 'Hana Okafor']]);

describe('actorText', () => {
  it('names a person instead of their email, whatever its case', () => {
    expect(actorText('hana@example.com', names)).toBe('Hana Okafor');
    expect(actorText('Hana@Example.com', names)).toBe('Hana Okafor');
  });

  it('never shows an email, even for someone not in the directory', () => {
    expect(actorText('gone@example.com', names)).toBe('gone');
  });

  it("says prodops' own jobs and the command line in words", () => {
    expect(actorText('system:demo', names)).toBe('prodops (demo data)');
    expect(actorText('system:auto-publish', names)).toBe('prodops (automatic publishing)');
    expect(actorText('system:nightly_sync', names)).toBe('prodops (nightly sync)');
    expect(actorText('cli:root@build-host', names)).toBe('root (command line)');
  });

  it('leaves a name as it is', () => {
    expect(actorText('prodops (bug sync)', names)).toBe('prodops (bug sync)');
    expect(actorText('Priya Shah', names)).toBe('Priya Shah');
    expect(actorText(null, names)).toBe('someone');
  });
});
