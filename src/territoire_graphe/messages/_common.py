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
