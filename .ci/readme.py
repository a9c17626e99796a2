"""Render nbs/index.ipynb into README.md (what `nbdev-readme` does, without Quarto, which these machines lack).

Markdown cells are copied; code cells become ```python blocks with their text outputs, except cells marked `#| hide`.
The line `<!-- results -->` in a markdown cell becomes the table of the committed result records under `results/`
(`fashion_nb.results.results_markdown`), and `<!-- ablation -->` the ablation study's table (`results/ablation/table.md`,
written by `fashion-nb ablate --rounds report`): the README's figures are rendered from records, never typed.
Usage: python .ci/readme.py [--check]   (--check: exit 1 if README.md is not what index.ipynb renders to)
"""
import json, sys
from pathlib import Path

root = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(root))
from fashion_nb.results import load_records, results_markdown
table = results_markdown(load_records(root / "results")) if (root / "results").is_dir() else "(no result records)"
abl = root / "results" / "ablation" / "table.md"
ablation = abl.read_text().strip() if abl.is_file() else "(no ablation results yet: run `fashion-nb ablate`)"
nb = json.loads((root / "nbs" / "index.ipynb").read_text())
parts = []
for c in nb["cells"]:
    src = "".join(c["source"])
    if c["cell_type"] == "markdown": parts.append(src.replace("<!-- results -->", table).replace("<!-- ablation -->", ablation).strip()); continue
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
