import { eq } from 'drizzle-orm';
import { people } from '../../db/schema/index.ts';
import type { THome, THomeSection } from '../../shared/home.ts';
import { hasRole } from '../actor.ts';
import type { Context } from '../context.ts';
import { headSection } from './head.ts';
import { opsSection } from './ops.ts';
import { pmSection } from './pm.ts';
import { salesSection } from './sales.ts';
import { supportSection } from './support.ts';

type Kind = THomeSection['kind'];

/**
 * Which sections a person sees, in order: what they answer for first (sign-offs, their updates), then what they
 * watch. Admins run the org, so they get the Product Ops home. A stakeholder reads the stakeholder sections only.
 */
export function sectionsFor(roles: readonly string[], fn: string | null): Kind[] {
  const kinds: Kind[] = [];
  const has = (r: string) => roles.includes(r);
  if (has('head_of_product')) kinds.push('head');
  if (has('product_ops') || has('admin')) kinds.push('ops');
  if (has('pm')) kinds.push('pm');
  if (fn === 'support' || fn === 'cs') kinds.push('support');
  if (fn === 'sales' || fn === 'marketing' || fn === 'exec') kinds.push('sales');
  // A stakeholder of any other function still has a home: what ships.
  if (!kinds.length) kinds.push('sales');
  return kinds;
}

const BUILDERS: Record<Kind, (ctx: Context) => Promise<THomeSection>> = {
  sales: salesSection,
  support: supportSection,
  pm: pmSection,
  ops: opsSection,
  head: headSection,
};

/** GET /home: the signed-in person's sections. */
export async function homeFor(ctx: Context): Promise<THome> {
  const actor = ctx.actor;
  const personId = actor?.personId ?? null;
  const [me] = personId
    ? await ctx.db.select({ fn: people.function }).from(people).where(eq(people.id, personId))
    : [];
  const kinds = sectionsFor(actor?.roles ?? [], me?.fn ?? null);
  const sections: THomeSection[] = [];
  for (const k of kinds) sections.push(await BUILDERS[k](ctx));
  const { timeZone } = await ctx.settings();
  return {
    timeZone,
    now: ctx.now.toISOString(),
    sections,
    orgOverview: actor ? hasRole(actor, 'admin', 'product_ops', 'head_of_product') : false,
  };
}
