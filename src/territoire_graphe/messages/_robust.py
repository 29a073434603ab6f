"""Catalogue entries for bounded reading, safe writing and hostile input (French and English).

Each problem code has a message (what is wrong) and a hint (how to fix it).
"""

FR: dict[str, str] = {
    # bounded reading
    "problem.file_too_large": "le fichier pèse {size} octets, au-delà de la limite de lecture ({limit} octets).",
    "problem.file_too_large.hint": "S'il est vraiment si gros, relevez la limite : tg.read(..., limits=tg.Limits(file_bytes=...)).",
    "problem.archive_too_large": "une fois décompressé, le classeur dépasserait {limit} octets (partie « {part} ») pour un fichier de {size} octets : sa lecture demanderait bien plus de mémoire que son contenu.",
    "problem.archive_too_large.hint": "C'est le signe d'un fichier piégé ou endommagé : reprenez l'original. S'il est sain, relevez la limite : tg.read(..., limits=tg.Limits(inflated_bytes=..., inflation_ratio=...)).",
    "problem.sheet_range_too_large": "la feuille s'étend jusqu'à la cellule {cell} ({area} cellules) pour {filled} cellules remplies : la lire demanderait bien plus de mémoire que son contenu.",
    "problem.sheet_range_too_large.hint": "Une valeur isolée (même une espace) traîne sans doute dans la cellule {cell} : allez-y (Ctrl+Fin), effacez-la et enregistrez. Pour une feuille vraiment si grande : tg.read(..., limits=tg.Limits(sheet_cells=...)).",
    "problem.cell_too_large": "une cellule (ou un élément du fichier) dépasse {limit} octets.",
    "problem.cell_too_large.hint": "Excel n'accepte que 32 767 caractères par cellule : le fichier est sans doute piégé ou endommagé. S'il est sain, relevez la limite : tg.read(..., limits=tg.Limits(cell_bytes=...)).",
    "problem.json_too_deep": "le fichier JSON est imbriqué sur plus de {limit} niveaux.",
    "problem.json_too_deep.hint": "Un réseau node-link tient en quelques niveaux : le fichier est sans doute piégé ou endommagé. Exportez-le de nouveau ; s'il est sain, relevez la limite : tg.read(..., limits=tg.Limits(depth=...)).",
    "problem.json_number_too_long": "le fichier JSON contient un nombre de plus de {limit} chiffres.",
    "problem.json_number_too_long.hint": "Aucune donnée d'un territoire n'a besoin d'un tel nombre : corrigez ou exportez de nouveau le fichier ; s'il est sain, relevez la limite : tg.read(..., limits=tg.Limits(number_digits=...)).",
    # encodings
    "problem.csv_encoding_unsupported": "ce fichier CSV semble encodé en {encoding}, mais il ne se lit pas ainsi (caractères incomplets ou invalides).",
    "problem.csv_encoding_unsupported.hint": "Enregistrez-le de nouveau depuis votre tableur en « CSV UTF-8 ».",
    # cells
    "problem.merged_cells": "les cellules fusionnées {range} couvrent plusieurs lignes : leur valeur est reprise dans chacune.",
    "problem.merged_cells.hint": "Vérifiez que la valeur vaut bien pour chaque ligne ; sinon, défusionnez les cellules et remplissez-les une à une.",
    "problem.number_thousands_ambiguous": "« {value} » peut se lire {small} ou {large} (point des milliers ou des décimales) : lu {small}.",
    "problem.number_thousands_ambiguous.hint": "Écrivez le nombre sans séparateur des milliers, avec une virgule pour les décimales (1200 ou 1,2).",
    "problem.quantity_negative": "« {value} » est négatif ; une quantité est positive ou nulle.",
    "problem.quantity_negative.hint": "Écrivez la quantité sans signe moins (le sens de l'échange se dit avec source et cible).",
    "problem.formula_uncomputed_text": "la cellule {cell} contient une formule jamais calculée ({value}) : c'est son texte qui est lu.",
    "problem.formula_uncomputed_text.hint": "Ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le : la formule sera calculée. Ou tapez la valeur elle-même.",
    # writing
    "report.excel_limits": "Ce tableau dépasse les limites d'une feuille Excel (16 384 colonnes, 1 048 576 lignes) : {columns} colonnes et {rows} lignes de plus n'y sont pas ; elles restent dans les données du territoire (export CSV).",
    "output.is_input": "le fichier de sortie « {output} » est aussi un fichier lu ({input}) : rien n'a été écrit, l'original est intact.",
    "output.is_input.hint": "Donnez un autre nom au fichier de sortie (-o).",
}

EN: dict[str, str] = {
    # bounded reading
    "problem.file_too_large": "the file is {size} bytes, past the reading limit ({limit} bytes).",
    "problem.file_too_large.hint": "If it really is that large, raise the limit: tg.read(..., limits=tg.Limits(file_bytes=...)).",
    "problem.archive_too_large": 'once inflated, the workbook would be larger than {limit} bytes (part "{part}") for a file of {size} bytes: reading it would take far more memory than its content.',
    "problem.archive_too_large.hint": "This is the sign of a booby-trapped or damaged file: take the original. If it is sound, raise the limit: tg.read(..., limits=tg.Limits(inflated_bytes=..., inflation_ratio=...)).",
    "problem.sheet_range_too_large": "the sheet reaches cell {cell} ({area} cells) for {filled} filled cells: reading it would take far more memory than its content.",
    "problem.sheet_range_too_large.hint": "A stray value (even a space) is probably left in cell {cell}: go there (Ctrl+End), clear it and save. For a sheet that really is that large: tg.read(..., limits=tg.Limits(sheet_cells=...)).",
    "problem.cell_too_large": "a cell (or an element of the file) is larger than {limit} bytes.",
    "problem.cell_too_large.hint": "Excel holds at most 32,767 characters in a cell: the file is probably booby-trapped or damaged. If it is sound, raise the limit: tg.read(..., limits=tg.Limits(cell_bytes=...)).",
    "problem.json_too_deep": "the JSON file is nested more than {limit} levels deep.",
    "problem.json_too_deep.hint": "A node-link network takes a few levels: the file is probably booby-trapped or damaged. Export it again; if it is sound, raise the limit: tg.read(..., limits=tg.Limits(depth=...)).",
    "problem.json_number_too_long": "the JSON file holds a number of more than {limit} digits.",
    "problem.json_number_too_long.hint": "No territory data needs such a number: fix the file or export it again; if it is sound, raise the limit: tg.read(..., limits=tg.Limits(number_digits=...)).",
    # encodings
    "problem.csv_encoding_unsupported": "this CSV file looks encoded in {encoding}, but it does not read as such (incomplete or invalid characters).",
    "problem.csv_encoding_unsupported.hint": 'Save it again from your spreadsheet as "CSV UTF-8".',
    # cells
    "problem.merged_cells": "the merged cells {range} span several rows: their value is repeated in each.",
    "problem.merged_cells.hint": "Check that the value holds for every row; otherwise unmerge the cells and fill them in one by one.",
    "problem.number_thousands_ambiguous": '"{value}" can read {small} or {large} (a thousands or a decimal point): read {small}.',
    "problem.number_thousands_ambiguous.hint": "Write the number without a thousands separator, with a decimal comma or point (1200 or 1.2).",
    "problem.quantity_negative": '"{value}" is negative; a quantity is zero or more.',
    "problem.quantity_negative.hint": "Write the quantity without a minus sign (the direction of the exchange is given by source and target).",
    "problem.formula_uncomputed_text": "cell {cell} holds a formula that was never computed ({value}): its text is what is read.",
    "problem.formula_uncomputed_text.hint": "Open the workbook in Excel or LibreOffice and save it: the formula will be computed. Or type the value itself.",
    # writing
    "report.excel_limits": "This table is past the limits of an Excel sheet (16,384 columns, 1,048,576 rows): {columns} more columns and {rows} more rows are not in it; they stay in the territory's data (CSV export).",
    "output.is_input": 'the output file "{output}" is also a file that is read ({input}): nothing was written, the original is untouched.',
    "output.is_input.hint": "Give the output file another name (-o).",
}
