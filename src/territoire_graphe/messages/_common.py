"""Catalogue entries shared by every part of the package."""

FR: dict[str, str] = {
    "lang.name": "français",
    "common.actor": "acteur",
    "common.actors": "acteurs",
    "common.relation": "relation",
    "common.relations": "relations",
    "common.none": "aucun",
}

EN: dict[str, str] = {
    "lang.name": "English",
    "common.actor": "actor",
    "common.actors": "actors",
    "common.relation": "relation",
    "common.relations": "relations",
    "common.none": "none",
}

FR.update(
    {
        "summary.title": "Territoire « {name} »",
        "summary.date": "date : {date}",
        "summary.source": "source : {source}",
        "summary.counts": "Contenu",
        "summary.warnings": "{count} avertissements de lecture",
        "summary.warnings.one": "1 avertissement de lecture",
        "summary.more_warnings": "… et {count} autres",
        "summary.more_warnings.one": "… et 1 autre",
        "summary.row.actors": "acteurs",
        "summary.row.relations": "relations",
        "summary.row.ties": "dont liens",
        "summary.row.flows": "dont flux",
        "summary.row.dependencies": "dont interdépendances",
        "summary.row.collectives": "collectifs",
        "summary.row.memberships": "adhésions",
        "summary.row.resources": "ressources",
        "summary.row.needs": "besoins",
        "summary.row.people": "personnes",
        "summary.row.warnings": "avertissements",
        "summary.types": "Types d'acteurs",
        "diagnosis.title": "Diagnostic du territoire « {name} »",
        "diagnosis.indicators": "Indicateurs",
        "diagnosis.findings": "Constats",
        "diagnosis.top": "Acteurs les plus centraux",
    }
)
EN.update(
    {
        "summary.title": 'Territory "{name}"',
        "summary.date": "date: {date}",
        "summary.source": "source: {source}",
        "summary.counts": "Content",
        "summary.warnings": "{count} reading warnings",
        "summary.warnings.one": "1 reading warning",
        "summary.more_warnings": "… and {count} more",
        "summary.more_warnings.one": "… and 1 more",
        "summary.row.actors": "actors",
        "summary.row.relations": "relations",
        "summary.row.ties": "of which ties",
        "summary.row.flows": "of which flows",
        "summary.row.dependencies": "of which dependencies",
        "summary.row.collectives": "collectives",
        "summary.row.memberships": "memberships",
        "summary.row.resources": "resources",
        "summary.row.needs": "needs",
        "summary.row.people": "people",
        "summary.row.warnings": "warnings",
        "summary.types": "Actor types",
        "diagnosis.title": 'Diagnosis of the territory "{name}"',
        "diagnosis.indicators": "Indicators",
        "diagnosis.findings": "Findings",
        "diagnosis.top": "Most central actors",
    }
)
