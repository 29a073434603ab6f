"""Catalogue entries for the other formats (Kumu, GraphML, GEXF, Gephi) and exports."""

FR: dict[str, str] = {}

EN: dict[str, str] = {}
