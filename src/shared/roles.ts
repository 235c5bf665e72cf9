import { z } from 'zod';
import { FUNCTIONS, POD_ROLES, ROLES } from './role-names.ts';

export * from './role-names.ts';

export const ZRole = z.enum(ROLES);
export const ZFunction = z.enum(FUNCTIONS);
export const ZPodRole = z.enum(POD_ROLES);
