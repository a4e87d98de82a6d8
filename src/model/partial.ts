/**
 * A value of the model that may have failed the schema: every key optional, all the way down. Code
 * that reads data before (or without) validation types it with this, and still checks each value.
 */
export type DeepPartial<T> = T extends readonly (infer U)[] ? readonly DeepPartial<U>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
