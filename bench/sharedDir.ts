import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const besideCheckout = resolve(import.meta.dirname, '../../shared');

/**
 * The workspace's shared folder: public data sets (data/) and the official Slack and Discord API
 * descriptions (specs/). LIAISON_SHARED_DIR when set; else `shared` beside the checkout, as the
 * workspace lays it out; else the workspace's own /work/shared, so a clone made elsewhere
 * (`git clone . /tmp/x`) still finds it. The benchmarks and the tests read it.
 */
export const SHARED_DIR = process.env.LIAISON_SHARED_DIR ?? [besideCheckout, '/work/shared'].find((dir) => existsSync(dir)) ?? besideCheckout;

/** The public data sets (LIAISON_DATA_DIR overrides). */
export const SHARED_DATA_DIR = process.env.LIAISON_DATA_DIR ?? resolve(SHARED_DIR, 'data');
