"""Texts of the package's own machinery: what is said when an installed library changed."""

FR = {
    "map.error.vis_missing": (
        "la carte a besoin du fichier vis-network {vis} livré avec pyvis, introuvable dans "
        "pyvis {pyvis} ({path}) : installez la version de pyvis prévue, "
        'pip install "pyvis==0.3.2"'
    ),
}

EN = {
    "map.error.vis_missing": (
        "the map needs the vis-network {vis} file that pyvis ships, not found in "
        'pyvis {pyvis} ({path}): install the expected pyvis, pip install "pyvis==0.3.2"'
    ),
}
