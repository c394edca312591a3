// The Worker bundle's stand-in for @opentelemetry/api (wrangler.toml [alias]): the
// Anthropic SDK imports the OpenTelemetry API for optional tracing, and this Worker
// registers no tracer provider, so the real API would only ever hand out its no-op
// tracer. This is that no-op, in a few hundred bytes instead of ~10 KiB (the bundle
// budget is 400 KiB gzip). Spans it makes never record and carry an invalid context, so
// the SDK treats tracing as off. Node (the CLI, the tests) uses the real package.

const INVALID_CONTEXT = { traceId: '00000000000000000000000000000000', spanId: '0000000000000000', traceFlags: 0 };
interface Ctx { getValue(): undefined; setValue(): Ctx; deleteValue(): Ctx }
const ROOT: Ctx = {
  getValue: () => undefined,
  setValue: () => ROOT,
  deleteValue: () => ROOT,
};

interface Span {
  spanContext(): typeof INVALID_CONTEXT; isRecording(): boolean;
  setAttribute(): Span; setAttributes(): Span; addEvent(): Span; addLink(): Span; setStatus(): Span; updateName(): Span;
  recordException(): void; end(): void;
}
const span: Span = {
  spanContext: () => INVALID_CONTEXT,
  isRecording: () => false,
  setAttribute: () => span,
  setAttributes: () => span,
  addEvent: () => span,
  addLink: () => span,
  setStatus: () => span,
  updateName: () => span,
  recordException: () => {},
  end: () => {},
};
const tracer = { startSpan: () => span, startActiveSpan: (_name: string, ...rest: unknown[]) => (rest.at(-1) as (s: Span) => unknown)(span) };
const provider = { getTracer: () => tracer };

export const context = {
  active: () => ROOT,
  with: <A extends unknown[], R>(_ctx: unknown, fn: (...args: A) => R, thisArg?: unknown, ...args: A): R => fn.apply(thisArg, args),
  bind: <T>(_ctx: unknown, target: T): T => target,
};
export const trace = {
  getTracerProvider: () => provider,
  getTracer: () => tracer,
  setSpan: (ctx: unknown) => ctx,
  getSpan: () => undefined,
  getActiveSpan: () => undefined,
  isSpanContextValid: () => false,
  wrapSpanContext: () => span,
};
export const propagation = { inject(): void {}, extract: (ctx: unknown) => ctx, fields: () => [] as string[] };
export const SpanKind = { INTERNAL: 0, SERVER: 1, CLIENT: 2, PRODUCER: 3, CONSUMER: 4 } as const;
export const SpanStatusCode = { UNSET: 0, OK: 1, ERROR: 2 } as const;
export default { context, trace, propagation, SpanKind, SpanStatusCode };
