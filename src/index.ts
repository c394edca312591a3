// Worker entry point.

import { app } from './app.ts';

export default app;
