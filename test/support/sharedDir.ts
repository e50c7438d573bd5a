/** The workspace's shared folder and its data sets, found as the benchmarks find them. */
export { SHARED_DATA_DIR, SHARED_DIR } from '../../bench/sharedDir.js';
