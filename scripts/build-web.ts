/** `npm run build:web`: bundles the playground and the explorer into public/build. */
import { buildWeb } from '../src/web-build/build-web';

buildWeb().then(
  () => process.stdout.write('built public/build\n'),
  (error: unknown) => {
    process.stderr.write(`web build failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
