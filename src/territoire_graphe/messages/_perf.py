"""Catalogue entries of the large-territory paths (map shown in part), ``perf.*``."""

from __future__ import annotations

FR: dict[str, str] = {
    "perf.map.suggestions_capped": (
        "La carte montre les {shown} rapprochements les plus pertinents sur {total} ; "
        "le rapport Excel les donne tous (feuille « {sheet} »)."
    ),
    "perf.louvain.implementation": (
        "Implémentation de Louvain inconnue : « {value} » (possibles : {allowed})."
    ),
    "perf.louvain.sknetwork_missing": (
        'Louvain compilé demande le paquet scikit-network : pip install "territoire_graphe[fast]"'
    ),
}

EN: dict[str, str] = {
    "perf.map.suggestions_capped": (
        "The map shows the {shown} most relevant of {total} suggested links; "
        'the Excel report gives them all ("{sheet}" sheet).'
    ),
    "perf.louvain.implementation": (
        'Unknown Louvain implementation: "{value}" (possible: {allowed}).'
    ),
    "perf.louvain.sknetwork_missing": (
        'Compiled Louvain needs the scikit-network package: pip install "territoire_graphe[fast]"'
    ),
}
