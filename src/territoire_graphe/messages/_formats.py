"""Catalogue entries for the other formats (Kumu, GraphML, GEXF, node-link JSON, Gephi) and exports.

Each problem code has a message (what is wrong) and a hint (how to fix it).
``{format}`` is the name of the file format (GraphML, GEXF, JSON).
"""

FR: dict[str, str] = {
    "problem.xml_invalid": "le fichier {format} n'est pas un XML valide, ou il est tronqué (ligne {line}, colonne {col} : {detail}).",
    "problem.xml_invalid.hint": "Le fichier a peut-être été mal copié ou téléchargé : exportez-le de nouveau depuis l'outil d'origine (Gephi, yEd, Cytoscape...).",
    "problem.xml_wrong_root": "ce fichier n'est pas un fichier {format} (il commence par l'élément <{root}>).",
    "problem.xml_wrong_root.hint": "Vérifiez l'extension du fichier : .graphml pour GraphML, .gexf pour GEXF.",
    "problem.graph_missing": "le fichier {format} ne contient aucun graphe (pas d'élément <graph>).",
    "problem.graph_missing.hint": "Exportez de nouveau le réseau depuis l'outil d'origine.",
    "problem.graph_unreadable": "le fichier {format} ne peut pas être lu comme un réseau : {detail}.",
    "problem.graph_unreadable.hint": "Le fichier est peut-être incomplet, ou utilise une extension que territoire_graphe ne lit pas (hyperarêtes, graphes imbriqués) : exportez-le de nouveau, en GEXF ou GraphML simple.",
    "problem.json_invalid": "le fichier JSON est illisible ({detail}).",
    "problem.json_invalid.hint": "Le fichier a peut-être été tronqué : exportez-le de nouveau.",
    "problem.json_not_node_link": "le fichier JSON n'est pas un réseau au format « node-link » ({detail}).",
    "problem.json_not_node_link.hint": "Le fichier doit contenir une liste « nodes » (chaque nœud avec un « id ») et une liste « edges » ou « links » (chaque lien avec « source » et « target »), comme l'écrit networkx.node_link_data.",
}

EN: dict[str, str] = {
    "problem.xml_invalid": "the {format} file is not valid XML, or it is truncated (line {line}, column {col}: {detail}).",
    "problem.xml_invalid.hint": "The file may have been badly copied or downloaded: export it again from the tool it came from (Gephi, yEd, Cytoscape...).",
    "problem.xml_wrong_root": "this file is not a {format} file (it starts with the element <{root}>).",
    "problem.xml_wrong_root.hint": "Check the file's extension: .graphml for GraphML, .gexf for GEXF.",
    "problem.graph_missing": "the {format} file holds no graph (no <graph> element).",
    "problem.graph_missing.hint": "Export the network again from the tool it came from.",
    "problem.graph_unreadable": "the {format} file cannot be read as a network: {detail}.",
    "problem.graph_unreadable.hint": "The file may be incomplete, or use an extension territoire_graphe does not read (hyperedges, nested graphs): export it again, as plain GEXF or GraphML.",
    "problem.json_invalid": "the JSON file cannot be read ({detail}).",
    "problem.json_invalid.hint": "The file may have been truncated: export it again.",
    "problem.json_not_node_link": 'the JSON file is not a network in the "node-link" format ({detail}).',
    "problem.json_not_node_link.hint": 'The file must hold a "nodes" list (each node with an "id") and an "edges" or "links" list (each link with "source" and "target"), as networkx.node_link_data writes it.',
}
