// The detector contract: a pure function from the post document and context to
// evidence, plus the detector's own flag/pass examples (run by the contract test).

import type { PostDocument } from '../pipeline/document.ts';
import type { Category, CheckContext, Evidence } from '../pipeline/types.ts';
import type { Example } from '../lexicon/schema.ts';

export interface Detector {
  readonly id: string;
  readonly category: Category;
  detect(doc: PostDocument, ctx: CheckContext): Evidence[];
  readonly examples: { readonly flag: readonly Example[]; readonly pass: readonly Example[] };
}
