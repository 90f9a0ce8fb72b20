// zod compiles fast validators from strings when it may; under the
// Content-Security-Policy it may not, and even its probe for whether it may is
// reported as a violation. zod keeps its configuration on globalThis (so that
// every copy of it agrees), which lets a page turn the probe and the compiling
// off without loading zod itself: pages that never validate in the browser
// carry none of it. zod adopts this object when it loads later and reads it
// at every parse when it loaded earlier.

interface ZodGlobalConfig {
  jitless?: boolean;
}

export function turnOffZodJit(): void {
  const holder = globalThis as { __zod_globalConfig?: ZodGlobalConfig };
  holder.__zod_globalConfig ??= {};
  holder.__zod_globalConfig.jitless = true;
}
