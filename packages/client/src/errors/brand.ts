/**
 * Class identity for the client's errors that holds across copies of the package in one process.
 * An app that `import`s the ESM build while one of its dependencies `require`s the CommonJS build
 * gets two sets of classes, and a plain `instanceof` (or a guard built on it) then answers false for
 * an error the other copy threw. So each class marks its prototype with a registry symbol
 * (`Symbol.for`, shared by every copy), and `instanceof` looks for that mark instead of walking the
 * prototype chain. A user's own subclass has no mark of its own and keeps the ordinary check.
 */

// The static key under which each branded class keeps the symbol that marks its instances.
const MARK_OF_CLASS = Symbol.for("@zcrm-attachments/client:error-class");

/** The registry symbol that marks instances of the client's error class `name`. */
export function errorMark(name: string): symbol {
  return Symbol.for(`@zcrm-attachments/client:${name}`);
}

/**
 * Names an error class (on its prototype, spelled out so minifiers cannot rename it, and out of JSON
 * output) and brands it: its instances, and those of its subclasses, carry the class's mark.
 */
export function brandErrorClass(ErrorClass: { prototype: Error }, name: string): void {
  Object.defineProperty(ErrorClass.prototype, "name", { value: name, configurable: true, writable: true });
  const mark = errorMark(name);
  Object.defineProperty(ErrorClass.prototype, mark, { value: true });
  Object.defineProperty(ErrorClass, MARK_OF_CLASS, { value: mark });
}

/**
 * The `Symbol.hasInstance` of a branded class: true for any value carrying the class's mark,
 * whichever copy of the package made it. Classes without their own mark (a user's subclass) fall
 * back to the ordinary prototype check.
 */
export function hasBrandedInstance(ErrorClass: object, value: unknown): boolean {
  const mark: unknown = Object.hasOwn(ErrorClass, MARK_OF_CLASS) ? Reflect.get(ErrorClass, MARK_OF_CLASS) : undefined;
  if (typeof mark !== "symbol") return Function.prototype[Symbol.hasInstance].call(ErrorClass, value);
  return (
    (typeof value === "object" || typeof value === "function") && value !== null && Reflect.get(value, mark) === true
  );
}
