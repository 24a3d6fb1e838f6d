import type {BuildOptions} from 'esbuild';

export const requireBanner: string[];
export const bundleOptions: BuildOptions;
