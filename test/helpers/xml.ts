/**
 * A small, strict XML reader for tests: enough to say that a document is well-formed (one root, tags nested and
 * closed, attributes quoted and not repeated, only XML's predefined or numeric entities) and to walk its elements.
 * It throws on the first problem, with the offset. No DTDs: a DOCTYPE is rejected.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The text directly inside, entities decoded. */
  text: string;
}

const NAME = /^[A-Za-z_:][\w.:-]*/;

export function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${i}: ${JSON.stringify(source.slice(i, i + 40))}`);
  };
  const decode = (text: string): string =>
    text.replace(/&([^;]*);?/g, (m, body: string) => {
      if (!m.endsWith(';')) fail(`A bare & in ${JSON.stringify(text.slice(0, 40))}`);
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (body in named) return named[body]!;
      const n = /^#x([0-9a-fA-F]+)$/.exec(body) ?? /^#([0-9]+)$/.exec(body);
      if (!n) fail(`Unknown entity &${body};`);
      return String.fromCodePoint(parseInt(n![1]!, body.startsWith('#x') ? 16 : 10));
    });
  /** Moves past `open … close` and returns what is between. */
  const skip = (open: string, close: string, what: string): string => {
    const end = source.indexOf(close, i + open.length);
    if (end === -1) fail(`An unclosed ${what}`);
    const body = source.slice(i + open.length, end);
    i = end + close.length;
    return body;
  };
  /** A comment or a processing instruction at `i`, skipped; false when there is none. */
  const skipCommentOrPi = (): boolean => {
    if (source.startsWith('<?', i)) skip('<?', '?>', 'processing instruction');
    else if (source.startsWith('<!--', i)) {
      if (skip('<!--', '-->', 'comment').includes('--')) fail('"--" inside a comment');
    } else return false;
    return true;
  };
  const skipMisc = (): void => {
    for (;;) {
      i += /^\s*/.exec(source.slice(i))![0].length;
      if (skipCommentOrPi()) continue;
      if (source.startsWith('<!', i)) fail('A DOCTYPE or declaration');
      return;
    }
  };
  const element = (): XmlElement => {
    if (source[i] !== '<') fail('Expected an element');
    i++;
    const name = NAME.exec(source.slice(i))?.[0] ?? fail('Expected a tag name');
    i += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const ws = /^\s*/.exec(source.slice(i))![0].length;
      i += ws;
      if (source.startsWith('/>', i)) {
        i += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      if (ws === 0) fail('Expected white space before an attribute');
      const attr = NAME.exec(source.slice(i))?.[0] ?? fail('Expected an attribute name');
      i += attr.length;
      const m = /^\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(source.slice(i)) ?? fail(`Expected a quoted value for ${attr}`);
      if (attr in attributes) fail(`A repeated attribute ${attr}`);
      attributes[attr] = decode(m[2] ?? m[3]!);
      i += m[0].length;
    }
    const node: XmlElement = { name, attributes, children: [], text: '' };
    for (;;) {
      const next = source.indexOf('<', i);
      if (next === -1) fail(`An unclosed <${name}>`);
      node.text += decode(source.slice(i, next));
      i = next;
      if (source.startsWith('</', i)) {
        const m = /^<\/([A-Za-z_:][\w.:-]*)\s*>/.exec(source.slice(i)) ?? fail('A bad end tag');
        if (m[1] !== name) fail(`</${m[1]}> closes <${name}>`);
        i += m[0].length;
        return node;
      }
      if (skipCommentOrPi()) continue;
      if (source.startsWith('<![CDATA[', i)) node.text += skip('<![CDATA[', ']]>', 'CDATA section');
      else node.children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== source.length) fail('Content after the root element');
  return root;
}

/** Every element below (and including) `root`, depth first. */
export function* walk(root: XmlElement): Generator<XmlElement> {
  yield root;
  for (const child of root.children) yield* walk(child);
}

/** The `class` attribute as a list. */
export function classes(el: XmlElement): string[] {
  return (el.attributes.class ?? '').split(/\s+/).filter((c) => c !== '');
}
