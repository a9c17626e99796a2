"""Render nbs/index.ipynb into README.md (what `nbdev-readme` does, without Quarto, which these machines lack).

Markdown cells are copied; code cells become ```python blocks with their text outputs, except cells marked `#| hide`.
The line `<!-- chapters -->` becomes the chapter map, generated from each notebook's title, `>` summary and `default_exp`
and from the CLI's command table (`fashion_nb.cli.COMMANDS`), so it cannot go stale. The line `<!-- results -->` in a markdown cell becomes the table of the committed result records under `results/`
(`fashion_nb.results.results_markdown`), and `<!-- ablation -->` the ablation study's table (`results/ablation/table.md`,
written by `fashion-nb ablate --rounds report`), and `<!-- study -->` the recipe study's (`results/study/table.md`, written by
`fashion-nb study`), and `<!-- scale -->` the scale benchmark's (`results/scale/table.md`, written by `fashion-nb
bench-scale --record results/scale.json`): the README's figures are rendered from records, never typed.
Usage: python .ci/readme.py [--check | --order]   (--check: exit 1 if README.md is not what index.ipynb renders to;
--order: exit 1 if a chapter's module imports the module of a later chapter)
"""
import json, sys
from pathlib import Path

root = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(root))
from fashion_nb.results import load_records, results_markdown
table = results_markdown(load_records(root / "results")) if (root / "results").is_dir() else "(no result records)"
abl = root / "results" / "ablation" / "table.md"
ablation = abl.read_text().strip() if abl.is_file() else "(no ablation results yet: run `fashion-nb ablate`)"
stu = root / "results" / "study" / "table.md"
study = stu.read_text().strip() if stu.is_file() else "(no study results yet: run `fashion-nb study`)"
sca = root / "results" / "scale" / "table.md"
scale = sca.read_text().strip() if sca.is_file() else "(no scale results yet: run `fashion-nb bench-scale --record results/scale.json`)"
import re
from fashion_nb.cli import COMMANDS

def chapter_rows(nbs_dir) -> list:
    "(notebook, module, commands, title, summary) of every chapter in `nbs_dir`, in file order (index excluded)."
    rows = []
    for p in sorted(Path(nbs_dir).glob("[0-9]*.ipynb")):
        cells = json.loads(p.read_text())["cells"]
        mod = next((m.group(1) for c in cells if c["cell_type"] == "code"
                    for m in [re.search(r"^#\|\s*default_exp\s+(\S+)", "".join(c["source"]), re.M)] if m), "")
        head = "".join(cells[0]["source"]) if cells else ""
        title, summary = re.search(r"^#\s+(.+)$", head, re.M), re.search(r"^>\s*(.+)$", head, re.M)
        cmds = [c for c, (m, _) in COMMANDS.items() if mod and m == f"fashion_nb.{mod}"]
        rows.append((p.stem, mod, cmds, title.group(1).strip() if title else "", summary.group(1).strip() if summary else ""))
    return rows

def chapter_table(nbs_dir) -> str:
    lines = ["| notebook | module | commands | what |", "|---|---|---|---|"]
    for nb_name, mod, cmds, title, summary in chapter_rows(nbs_dir):
        lines.append(f"| `{nb_name}` | {f'`{mod}`' if mod else ''} | {', '.join(f'`fashion-nb {c}`' for c in cmds)} | **{title}**: {summary} |")
    return "\n".join(lines)

import ast
LAZY_ALLOWED = {  # (module, later module it imports inside a function) -> why it is not a cycle worth a new chapter
    ("calibrate", "predict"): "attach_calibration measures the precision reached on an exported model's hold-out rows "
                              "with prediction's own loader, once, when a card is written",
    ("pipeline", "cluster"): "the Ray engine is optional (the `cluster` extra): run_pipeline loads it only for --cluster, "
                             "and the engine itself runs the pipeline's steps",
    ("train", "budget"): "`fashion-nb train --budget` hands over to the budgeted search (07b), which trains through train() "
                         "itself, both inside and after the search",
}

def chapter_order_problems(pkg_dir) -> list:
    "Every place a module imports (at the top or lazily) a module whose chapter comes later in reading order (`LAZY_ALLOWED` aside)."
    pkg = Path(pkg_dir); chap = {}
    for f in pkg.glob("*.py"):
        m = re.search(r"File to edit: \.\./nbs/(\S+)\.ipynb", f.read_text())
        if m: chap[f.stem] = m.group(1)
    out = []
    for mod, c in sorted(chap.items(), key=lambda x: x[1]):
        tree = ast.parse((pkg / f"{mod}.py").read_text())
        lazy = {id(x) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) for x in ast.walk(f)}
        for n in ast.walk(tree):
            names = []
            if isinstance(n, ast.ImportFrom) and n.module:
                if n.level == 1: names = [n.module.split(".")[0]]
                elif n.module.startswith("fashion_nb."): names = [n.module.split(".")[1]]
                elif n.module == "fashion_nb": names = [a.name for a in n.names]
            elif isinstance(n, ast.Import): names = [a.name.split(".")[1] for a in n.names if a.name.startswith("fashion_nb.")]
            out += [f"{c} ({mod}.py line {n.lineno}) imports {chap[d]} ({d})" for d in names if d in chap and chap[d] > c
                    and not (id(n) in lazy and (mod, d) in LAZY_ALLOWED)]
    return out

if "--order" in sys.argv:
    probs = chapter_order_problems(root / "fashion_nb")
    print("\n".join(["a chapter imports a later one (reorder the chapters):", *probs]) if probs else "chapter order follows import order")
    sys.exit(1 if probs else 0)

chapters = chapter_table(root / "nbs")
nb = json.loads((root / "nbs" / "index.ipynb").read_text())
parts = []
for c in nb["cells"]:
    src = "".join(c["source"])
    if c["cell_type"] == "markdown": parts.append(src.replace("<!-- chapters -->", chapters).replace("<!-- results -->", table).replace("<!-- ablation -->", ablation).replace("<!-- study -->", study).replace("<!-- scale -->", scale).strip()); continue
    lines = src.splitlines()
    if any(l.strip() in ("#| hide", "#|hide") for l in lines): continue
    code = "\n".join(l for l in lines if not l.startswith("#|")).strip()
    if code: parts.append(f"```python\n{code}\n```")
    for o in c.get("outputs", []):
        txt = "".join(o.get("text", "") or o.get("data", {}).get("text/plain", ""))
        if txt.strip(): parts.append(f"```\n{txt.rstrip()}\n```")
readme = "\n\n".join(parts) + "\n\n<!-- generated from nbs/index.ipynb by .ci/readme.py: edit the notebook, not this file -->\n"
if "--check" in sys.argv:
    ok = (root / "README.md").exists() and (root / "README.md").read_text() == readme
    print("README.md is in step with nbs/index.ipynb" if ok else "README.md is out of step: run python .ci/readme.py")
    sys.exit(0 if ok else 1)
(root / "README.md").write_text(readme)
print("wrote README.md")
