import type { Plugin } from 'vite';

/** Writes a .br and a .gz copy beside each text file (over 1 KB) under `dir`. */
export function precompressDir(dir: string): void;
/** The Vite plugin: precompressDir on the build's output once the bundle is written. */
export function precompress(): Plugin;
