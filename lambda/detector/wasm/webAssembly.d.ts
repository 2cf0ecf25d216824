// The part of the WebAssembly JavaScript API that PairScan uses. Node has
// all of it; TypeScript declares it only in its DOM library, which code
// for a Lambda function has no other use for.
declare namespace WebAssembly {
  /** A compiled module. */
  class Module {
    constructor(bytes: Uint8Array);
  }
  /** A module instantiated with its imports. */
  class Instance {
    constructor(module: Module, imports: Record<string, unknown>);
    readonly exports: Record<string, unknown>;
  }
  /** A module's linear memory, grown in pages of 64 KiB. */
  class Memory {
    readonly buffer: ArrayBuffer;
    grow(pages: number): number;
  }
}
