/**
 * The largest record a decoder accepts, in UTF-16 code units of its text (or
 * bytes, for stream decoders). A process start is a few kilobytes; a record
 * past this size is almost certainly a corrupt or concatenated line, and
 * refusing it keeps one bad record from costing the whole invocation's memory.
 */
export const MAX_RECORD_CHARS = 1_048_576;
