import { describe, expect, it } from 'vitest';
import { sectionsFor } from './home.ts';

describe('which home sections a person sees, in order', () => {
  it('gives several roles their sections, what they answer for first', () => {
    expect(sectionsFor(['pm', 'product_ops'], 'pm')).toEqual(['ops', 'pm']);
    expect(sectionsFor(['head_of_product', 'pm'], 'pm')).toEqual(['head', 'pm']);
  });
  it('gives admins the Product Ops home', () => {
    expect(sectionsFor(['admin'], 'product_ops')).toEqual(['ops']);
  });
  it('gives stakeholders theirs by function, and anyone else what ships', () => {
    expect(sectionsFor(['stakeholder'], 'support')).toEqual(['support']);
    expect(sectionsFor(['stakeholder'], 'cs')).toEqual(['support']);
    expect(sectionsFor(['stakeholder'], 'sales')).toEqual(['sales']);
    expect(sectionsFor(['stakeholder'], 'data')).toEqual(['sales']);
    expect(sectionsFor(['engineer'], 'eng')).toEqual(['sales']);
  });
});
