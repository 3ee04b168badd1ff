/**
 * The one way the app makes DOM: `h(tag, props, ...children)` with strings inserted as text nodes. There is no
 * innerHTML anywhere in the app, so text from articles (or from anyone who posted one) can never become markup.
 */

type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  title?: string;
  id?: string;
  href?: string;
  type?: string;
  value?: string;
  placeholder?: string;
  disabled?: boolean;
  dataset?: Record<string, string>;
  attrs?: Record<string, string>;
  onclick?: (event: MouseEvent) => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.title) el.title = props.title;
  if (props.id) el.id = props.id;
  if (props.href && el instanceof HTMLAnchorElement) {
    el.href = props.href;
    el.rel = "noopener noreferrer nofollow";
    el.target = "_blank";
  }
  if (props.type && "type" in el) (el as HTMLInputElement).type = props.type;
  if (props.value !== undefined && "value" in el) (el as HTMLInputElement).value = props.value;
  if (props.placeholder && "placeholder" in el) (el as HTMLInputElement).placeholder = props.placeholder;
  if (props.disabled && "disabled" in el) (el as HTMLButtonElement).disabled = true;
  for (const [k, v] of Object.entries(props.dataset ?? {})) el.dataset[k] = v;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  if (props.onclick) (el as HTMLElement).addEventListener("click", props.onclick);
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing element #${id}`);
  return el as T;
}
