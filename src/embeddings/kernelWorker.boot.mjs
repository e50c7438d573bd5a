// Entry of the SVD helper thread (kernelPool.ts). A worker does not inherit a tsx loader that its
// parent registered in code (scripts/liaison.mjs), so it registers its own and loads the sources.
import { register } from 'tsx/esm/api';

register();
await import('./kernelWorker.ts');
