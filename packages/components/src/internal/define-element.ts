/**
 * Registers `tag` for `constructor` unless the tag is already taken. A second call with the same
 * class is a no-op, so a page, a bundle and the extension may all import a `define` module. When a
 * different class already owns the tag (two copies of this package on one page), the first one
 * stays and a console warning says why the second was ignored.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, constructor);
    return;
  }
  if (existing !== constructor) {
    console.warn(
      `<${tag}> is already defined by another class (likely a second copy of ` +
        `@seam-codes/components on this page); the first definition is kept. Load the ` +
        `components once, e.g. only dist/seam-components.js.`,
    );
  }
}
