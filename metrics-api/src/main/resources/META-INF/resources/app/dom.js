// Builds DOM from data without innerHTML: activity names and every other value from the API are text, never markup.

/** An element: attrs are attributes ("class", "href", "data-…"; on… handlers as functions); children are nodes or text. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/**
 * A table of numbers beside a chart: {name} names it for tests and styles, caption says what it holds, columns are
 * header labels, rows are arrays of cells (text or nodes). Long tables scroll inside their box.
 */
export function table(name, caption, columns, rows, { scroll = false } = {}) {
  const t = h('table', { 'data-name': name },
    h('caption', null, caption),
    h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, rows.map((r) => h('tr', null, r.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', null, cell)))))));
  return h('div', { class: scroll ? 'table scroll' : 'table' }, t);
}

/** A section with a heading. */
export function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', null, title), ...children);
}

/** An empty state: what is missing and what to do about it. */
export function empty(title, ...advice) {
  return h('div', { class: 'empty', role: 'status' }, h('p', { class: 'empty-title' }, title), advice.map((a) => h('p', null, a)));
}

/** A row of links choosing one value of a URL parameter (the current one marked). */
export function choices(label, param, values, current, hrefFor) {
  return h('div', { class: 'choices', role: 'group', 'aria-label': label },
    h('span', { class: 'muted' }, label + ': '),
    values.map(([value, text]) => h('a', {
      href: hrefFor(param, value),
      class: value === current ? 'chip on' : 'chip',
      'aria-current': value === current ? 'true' : null,
    }, text)));
}
