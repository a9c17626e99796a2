"""Counts how the chapters read: lines per code cell, example cells ending in a visible value,
saved outputs, exported cells right after an exported cell, and import cycles in the package.

Usage: python .ci/style_stats.py [ROOT]   (ROOT defaults to the repository holding this file)"""
import ast, json, re, statistics, sys
from pathlib import Path

root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent.parent)

def _directives(src):
    return {m.group(1) for m in re.finditer(r'^#\|\s*([\w-]+)', src, re.M)}

def _shows_value(src):
    "Does the cell's last statement show a value (a bare expression that is not a call returning None by habit)?"
    try: tree = ast.parse('\n'.join(l for l in src.splitlines() if not l.lstrip().startswith(('%', '!'))))
    except SyntaxError: return False
    if not tree.body: return False
    last = tree.body[-1]
    if not isinstance(last, ast.Expr): return False
    v = last.value
    if isinstance(v, ast.Call):
        f = v.func
        name = f.attr if isinstance(f, ast.Attribute) else getattr(f, 'id', '')
        if name in {'test_eq','test_ne','test_close','test_fail','test_is','test_warns','print','show_doc','savefig','close'}: return False
    if isinstance(v, ast.Constant) and isinstance(v.value, str): return False  # a docstring-like string
    return True

def chapter_stats(nb):
    cells = [c for c in nb['cells'] if c['cell_type'] == 'code']
    srcs = [''.join(c['source']) for c in cells]
    lines = [len([l for l in s.splitlines() if l.strip()]) for s in srcs]
    kinds = []
    for s in srcs:
        d = _directives(s)
        kinds.append('export' if d & {'export', 'exports', 'exporti'} else 'hide' if 'hide' in d or 'default_exp' in d else 'example')
    examples = [s for s, k in zip(srcs, kinds) if k == 'example']
    exported_idx = [i for i, k in enumerate(kinds) if k == 'export']
    after = sum(1 for i in exported_idx if i > 0 and kinds[i-1] == 'export')
    outputs = sum(1 for c in cells if c.get('outputs'))
    return dict(cells=len(cells), lines=lines, examples=len(examples),
                visible=sum(map(_shows_value, examples)), exported=len(exported_idx), exp_after_exp=after, outputs=outputs)

def import_graph(pkg):
    "Edges module -> module from `from fashion_nb.x import`/`from .x import`/`import fashion_nb.x`; marks those inside functions as lazy."
    mods = {p.stem for p in pkg.glob('*.py') if not p.stem.startswith('_')}
    edges = {}
    for p in pkg.glob('*.py'):
        if p.stem.startswith('_'): continue
        tree = ast.parse(p.read_text())
        top = {id(n) for n in tree.body}
        for n in ast.walk(tree):
            tgt = None
            if isinstance(n, ast.ImportFrom):
                m = n.module or ''
                if n.level == 1: tgt = m.split('.')[0] if m else None
                elif m.startswith('fashion_nb.'): tgt = m.split('.')[1]
                elif m == 'fashion_nb': tgt = next((a.name for a in n.names if a.name in mods), None)
            elif isinstance(n, ast.Import):
                tgt = next((a.name.split('.')[1] for a in n.names if a.name.startswith('fashion_nb.')), None)
            if tgt in mods and tgt != p.stem:
                lazy = id(n) not in top and not _in_toplevel_try(tree, n)
                edges.setdefault((p.stem, tgt), set()).add('lazy' if lazy else 'top')
    return mods, edges

def _in_toplevel_try(tree, node):
    for t in tree.body:
        if isinstance(t, (ast.Try, ast.If)):
            for n in ast.walk(t):
                if n is node: return True
    return False

def cycles(mods, edges):
    "Strongly connected components with more than one module (Tarjan)."
    g = {m: [b for (a, b) in edges if a == m] for m in mods}
    idx, low, st, on, out, i = {}, {}, [], set(), [], [0]
    def visit(v):
        idx[v] = low[v] = i[0]; i[0] += 1; st.append(v); on.add(v)
        for w in g[v]:
            if w not in idx: visit(w); low[v] = min(low[v], low[w])
            elif w in on: low[v] = min(low[v], idx[w])
        if low[v] == idx[v]:
            comp = []
            while True:
                w = st.pop(); on.discard(w); comp.append(w)
                if w == v: break
            if len(comp) > 1: out.append(sorted(comp))
    sys.setrecursionlimit(10000)
    for m in sorted(mods):
        if m not in idx: visit(m)
    return out

def main():
    nbs = sorted((root/'nbs').glob('*.ipynb'))
    rows, all_lines, tot = [], [], dict(examples=0, visible=0, exported=0, exp_after_exp=0)
    print(f"{'chapter':22} {'cells':>5} {'med':>4} {'max':>4} {'visible':>9} {'exp->exp':>9} {'outputs':>7}")
    for p in nbs:
        s = chapter_stats(json.loads(p.read_text()))
        all_lines += s['lines']
        for k in tot: tot[k] += s[k]
        med = statistics.median(s['lines']) if s['lines'] else 0
        print(f"{p.stem:22} {s['cells']:5} {med:4g} {max(s['lines'], default=0):4} "
              f"{s['visible']:3}/{s['examples']:<4} {s['exp_after_exp']:3}/{s['exported']:<4} {s['outputs']:7}")
        rows.append(s)
    with_out = sum(1 for s in rows if s['outputs'])
    boolq = sum(len(re.findall(r'test_eq\([^;\n]*, (?:True|False)\)', ''.join(''.join(c['source']) for c in json.loads(p.read_text())['cells']))) for p in nbs)
    print(f"\nall chapters: median/max lines per code cell {statistics.median(all_lines):g} / {max(all_lines)}")
    print(f"example cells ending in a visible value: {tot['visible']}/{tot['examples']} = {tot['visible']/max(tot['examples'],1):.0%}")
    print(f"exported cell right after an exported cell: {tot['exp_after_exp']}/{tot['exported']} = {tot['exp_after_exp']/max(tot['exported'],1):.0%}")
    print(f"chapters with saved outputs: {with_out} of {len(rows)} ({sum(s['outputs'] for s in rows)} cells)")
    print(f"test_eq(<bool>, True/False) lines: {boolq}")
    mods, edges = import_graph(root/'fashion_nb')
    for kind, keep in (('top-level imports only', {'top'}), ('including lazy imports inside functions', {'top', 'lazy'})):
        e = {k: v for k, v in edges.items() if v & keep}
        cs = cycles(mods, e)
        print(f"import cycles ({kind}): {len(cs)} {cs if cs else ''}")
    lazy = sorted(f"{a}->{b}" for (a, b), v in edges.items() if v == {'lazy'})
    print(f"lazy (in-function) package imports: {', '.join(lazy) or 'none'}")

if __name__ == '__main__': main()
