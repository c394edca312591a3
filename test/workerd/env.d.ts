// Types for the workerd tests' virtual modules (cloudflare:test).
/// <reference types="@cloudflare/vitest-plugin/types" />
