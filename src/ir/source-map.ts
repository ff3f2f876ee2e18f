import type { SourceSpan } from '../diagnostics/diagnostic.js';
import type { ActionCore, Entry, Statement, Value, VariableReference } from './types.js';

/**
 * Where IR nodes came from in code. The binder (code → IR) records spans as it
 * builds nodes; the checker asks for them to report line and column. Keyed by
 * node identity (WeakMaps), so the IR itself stays free of source positions
 * and a workflow lifted from a plist simply has an empty map.
 */
export class SourceMap {
  private readonly statements = new WeakMap<Statement | ActionCore, SourceSpan>();
  private readonly values = new WeakMap<Value | VariableReference, SourceSpan>();
  private readonly keys = new WeakMap<Entry<Value>, SourceSpan>();
  private readonly callees = new WeakMap<Statement | ActionCore, SourceSpan>();

  /** The whole statement (or control part) that produced a node. */
  setStatement(node: Statement | ActionCore, span: SourceSpan): void {
    this.statements.set(node, span);
  }
  statement(node: Statement | ActionCore): SourceSpan | undefined {
    return this.statements.get(node);
  }

  /** The action's name as written (the callee of a call), for "unknown action". */
  setCallee(node: Statement | ActionCore, span: SourceSpan): void {
    this.callees.set(node, span);
  }
  callee(node: Statement | ActionCore): SourceSpan | undefined {
    return this.callees.get(node) ?? this.statements.get(node);
  }

  /** A parameter's keyword name as written, for "unknown parameter". */
  setKey(entry: Entry<Value>, span: SourceSpan): void {
    this.keys.set(entry, span);
  }
  key(entry: Entry<Value>): SourceSpan | undefined {
    return this.keys.get(entry);
  }

  /** A value or a variable reference as written. */
  setValue(node: Value | VariableReference, span: SourceSpan): void {
    this.values.set(node, span);
  }
  value(node: Value | VariableReference): SourceSpan | undefined {
    return this.values.get(node);
  }
}
