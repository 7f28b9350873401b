/**
 * antd validators must return a promise; our checks are synchronous (the shared validators from
 * packages/core). `settle` runs one and turns a thrown Error into the field's message.
 */
export function settle(check: () => void): Promise<void> {
  try {
    check();
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
