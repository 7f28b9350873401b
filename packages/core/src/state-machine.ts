/**
 * Explicit state machines: a table of states and the actions allowed from each.
 * An action not in the table is illegal; callers turn that into a 409, never a silent no-op.
 */

/** A transition table: for each state, the actions allowed and the state each leads to. */
export type TransitionTable<S extends string, A extends string> = Readonly<
  Record<S, Readonly<Partial<Record<A, S>>>>
>;

/** A state machine built from a transition table. */
export interface StateMachine<S extends string, A extends string> {
  readonly table: TransitionTable<S, A>;
  /** The state `action` leads to from `from`, or null when the action is not allowed there. */
  next(from: S, action: A): S | null;
  /** The actions allowed from `from`. */
  allowedActions(from: S): A[];
  /** True when no action leaves `state`. */
  isFinal(state: S): boolean;
}

/** Builds a state machine from its transition table. */
export function defineStateMachine<S extends string, A extends string>(
  table: TransitionTable<S, A>,
): StateMachine<S, A> {
  return {
    table,
    next: (from, action) => table[from][action] ?? null,
    allowedActions: (from) => Object.keys(table[from]) as A[],
    isFinal: (state) => Object.keys(table[state]).length === 0,
  };
}
