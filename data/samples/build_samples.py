"""Build the bundled sample territories of territoire_graphe, deterministically.

Run from anywhere::

    python data/samples/build_samples.py            # build, copy into the package, check
    python data/samples/build_samples.py --check    # only check the files already built

It writes, with openpyxl and nothing else from outside the standard library:

- ``pays_de_bray_2023.xlsx`` and ``pays_de_bray_2024.xlsx`` (one territory, a year apart),
- ``voisinerie_wazemmes.xlsx`` and the same territory as a CSV folder
  ``voisinerie_wazemmes_csv/`` (``;`` separator, UTF-8 with BOM, except ``ressources.csv``
  which is Windows-1252, to exercise encoding detection),
- ``colombelles_tzcld.xlsx``,
- ``lens_lievin_alimentation.xlsx``,

into ``data/samples/`` and copies them (with the README files) into
``src/territoire_graphe/data/samples/``, the package copy used by ``territoire-graphe demo``.

The content is hand-written below; the only "random" parts (coordinates jittered around
the commune centre, invented SIRET numbers) come from ``random.Random`` seeded with a
fixed string, so two runs give the same values. The xlsx files are made byte-identical
from run to run by fixing the workbook properties (creator, created, modified) and by
rewriting the zip archive with a fixed timestamp on every member.

Organisation names come from the real cases the project started from, or are plausible
inventions; people's names are invented (a first name and an initial). SIRET numbers are
invented. INSEE codes and coordinates are indicative.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import re
import shutil
import sys
import unicodedata
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PACKAGE_SAMPLES = REPO / "src" / "territoire_graphe" / "data" / "samples"

FIXED_TIME = dt.datetime(2025, 1, 1, 0, 0, 0)
ZIP_TIME = (2025, 1, 1, 0, 0, 0)
CREATOR = "territoire_graphe"

# Sheet order and headers (FORMAT.md section 1), plus a few extra columns that the
# reader must keep: code_insee, siret, site_web (actors), description (collectives).
HEADERS: dict[str, list[str]] = {
    "acteurs": ["id", "nom", "type", "commune", "code_insee", "territoire", "secteur",
                "fonctions", "role", "influence", "interet", "latitude", "longitude",
                "siret", "site_web"],
    "relations": ["source", "cible", "type", "intensite", "oriente", "debut", "fin",
                  "commentaire"],
    "flux": ["source", "cible", "type", "quantite", "unite", "intensite", "oriente",
             "debut", "fin", "commentaire"],
    "interdependances": ["source", "cible", "type", "intensite", "oriente", "debut", "fin",
                         "quantite", "unite", "commentaire"],
    "collectifs": ["id", "nom", "type", "description"],
    "adhesions": ["acteur", "collectif", "role", "debut", "fin"],
    "ressources": ["acteur", "ressource", "categorie"],
    "besoins": ["acteur", "besoin", "categorie"],
    "personnes": ["id", "nom", "acteur", "fonction"],
    "types": ["type", "categorie", "famille", "oriente", "couleur", "libelle"],
    "territoire": ["champ", "valeur"],
}
TEXT_COLUMNS = {"code_insee", "siret", "id"}

D = dt.date  # a real Excel date in the workbook

# --------------------------------------------------------------------------------------
# Communes: INSEE code, latitude, longitude (indicative).
# --------------------------------------------------------------------------------------
COMMUNES: dict[str, tuple[str, float, float]] = {
    # Oise (60), Seine-Maritime (76), Somme (80), Aisne (02)
    "Saint-Aubin-en-Bray": ("60567", 49.4217, 1.8768),
    "Lachapelle-aux-Pots": ("60333", 49.4480, 1.9010),
    "Auneuil": ("60029", 49.3700, 1.9960),
    "Saint-Germer-de-Fly": ("60577", 49.4430, 1.7800),
    "Savignies": ("60609", 49.4650, 1.9720),
    "Ons-en-Bray": ("60477", 49.4170, 1.9230),
    "Le Coudray-Saint-Germer": ("60164", 49.4160, 1.8360),
    "Songeons": ("60623", 49.5500, 1.8600),
    "Grandvilliers": ("60286", 49.6650, 1.9420),
    "Beauvais": ("60057", 49.4300, 2.0810),
    "Gournay-en-Bray": ("76312", 49.4830, 1.7250),
    "Ferrières-en-Bray": ("76260", 49.4840, 1.7460),
    "Amiens": ("80021", 49.8940, 2.2960),
    "Vervins": ("02805", 49.8350, 3.9070),
    "Laon": ("02408", 49.5640, 3.6200),
    # Nord (59)
    "Lille": ("59350", 50.6280, 3.0520),
    "Villeneuve-d'Ascq": ("59009", 50.6230, 3.1450),
    "Douai": ("59178", 50.3710, 3.0800),
    # Calvados (14), Paris (75)
    "Colombelles": ("14167", 49.2000, -0.2990),
    "Caen": ("14118", 49.1830, -0.3700),
    "Hérouville-Saint-Clair": ("14327", 49.2040, -0.3290),
    "Mondeville": ("14437", 49.1750, -0.3220),
    "Giberville": ("14301", 49.1810, -0.2880),
    "Paris": ("75056", 48.8566, 2.3522),
    # Pas-de-Calais (62)
    "Lens": ("62498", 50.4320, 2.8330),
    "Liévin": ("62510", 50.4230, 2.7780),
    "Loos-en-Gohelle": ("62528", 50.4570, 2.7930),
    "Avion": ("62065", 50.4100, 2.8330),
    "Grenay": ("62386", 50.4500, 2.7470),
    "Harnes": ("62413", 50.4470, 2.9050),
    "Souchez": ("62794", 50.3920, 2.7430),
    "Hulluch": ("62464", 50.4880, 2.8170),
    "Audruicq": ("62057", 50.8790, 2.0790),
    "Arras": ("62041", 50.2910, 2.7770),
    "Tilloy-lès-Mofflaines": ("62817", 50.2770, 2.8170),
}

# Actor types (written as in the workbook) that get an invented SIRET number.
PRIVATE_TYPES = {
    "entreprise", "entreprise de l'ESS", "SCOP", "SCIC", "EBE", "ESAT", "association",
    "Associations", "exploitation agricole", "entreprise d'insertion", "magasin de producteurs",
    "pépinière", "fondation", "financeur", "bailleur social",
}


def _siret(rng: random.Random) -> str:
    """An invented 14-digit SIRET that passes the Luhn check; a third start with '00'."""
    lead = "00" if rng.random() < 0.34 else str(rng.randint(30, 89))
    body = lead + "".join(str(rng.randint(0, 9)) for _ in range(13 - len(lead)))
    for last in "0123456789":
        candidate = body + last
        total = 0
        for i, ch in enumerate(reversed(candidate)):
            d = int(ch) * (2 if i % 2 else 1)
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable")


def actors(territory_key: str, rows: list[tuple], web: dict[str, str] | None = None) -> list[dict]:
    """Actor rows from (id, nom, type, commune, territoire, secteur, fonctions, role,
    influence, interet) tuples; adds INSEE code, jittered coordinates and SIRET."""
    web = web or {}
    out = []
    for aid, nom, typ, commune, territoire, secteur, fonctions, role, infl, inter in rows:
        code, lat, lon = COMMUNES[commune]
        rng = random.Random(f"{territory_key}:{aid}")
        lat = round(lat + rng.uniform(-0.006, 0.006), 4)
        lon = round(lon + rng.uniform(-0.008, 0.008), 4)
        siret = _siret(rng) if typ in PRIVATE_TYPES else None
        out.append({
            "id": aid, "nom": nom, "type": typ, "commune": commune, "code_insee": code,
            "territoire": territoire, "secteur": secteur, "fonctions": fonctions,
            "role": role, "influence": infl, "interet": inter, "latitude": lat,
            "longitude": lon, "siret": siret, "site_web": web.get(aid),
        })
    return out


def R(source, cible, typ, w=None, o=None, d=None, f=None, c=None) -> dict:
    """A tie (sheet ``relations``)."""
    return {"source": source, "cible": cible, "type": typ, "intensite": w, "oriente": o,
            "debut": d, "fin": f, "commentaire": c}


def F(source, cible, typ, q=None, u=None, w=None, o=None, d=None, f=None, c=None) -> dict:
    """A flow (sheet ``flux``) or a dependency (sheet ``interdependances``)."""
    return {"source": source, "cible": cible, "type": typ, "quantite": q, "unite": u,
            "intensite": w, "oriente": o, "debut": d, "fin": f, "commentaire": c}


def M(acteur, collectif, role=None, d=None, f=None) -> dict:
    return {"acteur": acteur, "collectif": collectif, "role": role, "debut": d, "fin": f}


def rows_of(keys: list[str], tuples: list[tuple]) -> list[dict]:
    return [dict(zip(keys, t, strict=True)) for t in tuples]


def T(typ, categorie, famille=None, oriente=None, couleur=None, libelle=None) -> dict:
    return {"type": typ, "categorie": categorie, "famille": famille, "oriente": oriente,
            "couleur": couleur, "libelle": libelle}


# ======================================================================================
# 1. Pays de Bray (Oise): Maison d'Économie Solidaire, PTCE and SCIC. 2023 and 2024.
# ======================================================================================
PB_ACTORS = [
    ("A01", "Maison d'Économie Solidaire du Pays de Bray", "entreprise de l'ESS", "Saint-Aubin-en-Bray",
     "Pays de Bray (Oise)", "ESS; coopération territoriale; immobilier d'entreprise",
     "travailler; se former; habiter", "porteur du PTCE, SCIC", 5, 5),
    ("A02", "Pépinière d'artisans PLASS", "pépinière", "Saint-Aubin-en-Bray", "Pays de Bray (Oise)",
     "artisanat; création d'entreprise", "travailler; se former", "pépinière portée par la MES", 3, 5),
    ("A03", "Chambre de Métiers et de l'Artisanat de l'Oise", "chambre consulaire", "Beauvais",
     "Oise", "artisanat", "travailler; se former", "sociétaire de la SCIC, co-financeur de la pépinière", 4, 4),
    ("A04", "Atelier Bray Éco-Conception", "SCOP", "Saint-Aubin-en-Bray", "Pays de Bray (Oise)",
     "bureau d'études éco-construction", "habiter; travailler", "structure hébergée", 3, 5),
    ("A05", "Bray Insertion Bâtiment", "entreprise de l'ESS", "Saint-Aubin-en-Bray", "Pays de Bray (Oise)",
     "insertion par l'activité économique; second œuvre", "travailler; habiter", "structure hébergée (ACI)", 2, 5),
    ("A06", "Les Jardins du Bray", "entreprise de l'ESS", "Ons-en-Bray", "Pays de Bray (Oise)",
     "maraîchage biologique d'insertion", "se nourrir; travailler", "structure hébergée (entreprise d'insertion)", 2, 4),
    ("A07", "Menuiserie du Thérain", "entreprise", "Saint-Aubin-en-Bray", "Pays de Bray (Oise)",
     "artisanat; menuiserie", "habiter; travailler", "artisan de la pépinière", 1, 4),
    ("A08", "Atelier Terre et Chaux", "entreprise", "Saint-Aubin-en-Bray", "Pays de Bray (Oise)",
     "artisanat; enduits et maçonnerie traditionnelle", "habiter; travailler", "artisan de la pépinière", 1, 5),
    ("A09", "Poterie de la Chapelle", "entreprise", "Lachapelle-aux-Pots", "Pays de Bray (Oise)",
     "artisanat d'art; céramique", "se cultiver; travailler", "artisan", 1, 3),
    ("A10", "Bray Charpente Bois", "entreprise", "Le Coudray-Saint-Germer", "Pays de Bray (Oise)",
     "artisanat; charpente", "habiter; travailler", "ancien résident de la pépinière", 1, 3),
    ("A11", "Ferronnerie des Deux Vallées", "entreprise", "Saint-Germer-de-Fly", "Pays de Bray (Oise)",
     "artisanat; métallerie", "habiter; travailler", "artisan", 1, 2),
    ("A12", "Électricité Solaire du Bray", "entreprise", "Auneuil", "Pays de Bray (Oise)",
     "artisanat; électricité, photovoltaïque", "habiter; travailler", "artisan", 1, 2),
    ("A13", "Commune de Saint-Aubin-en-Bray", "commune", "Saint-Aubin-en-Bray", "Pays de Bray (Oise)",
     "collectivité", "habiter; se former", "commune d'accueil, sociétaire", 2, 4),
    ("A14", "Commune de Lachapelle-aux-Pots", "commune", "Lachapelle-aux-Pots", "Pays de Bray (Oise)",
     "collectivité", "habiter; se cultiver", "commune", 2, 3),
    ("A15", "Commune d'Auneuil", "commune", "Auneuil", "Pays de Bray (Oise)",
     "collectivité", "habiter", "commune", 2, 2),
    ("A16", "Commune de Saint-Germer-de-Fly", "commune", "Saint-Germer-de-Fly", "Pays de Bray (Oise)",
     "collectivité", "habiter; se cultiver", "commune", 2, 2),
    ("A17", "Commune de Savignies", "commune", "Savignies", "Pays de Bray (Oise)",
     "collectivité", "habiter", "commune", 1, 3),
    ("A18", "Communauté de communes du Pays de Bray", "intercommunalité", "Lachapelle-aux-Pots",
     "Pays de Bray (Oise)", "développement économique; aménagement", "travailler; se déplacer; habiter",
     "collectivité partenaire, sociétaire", 4, 4),
    ("A19", "Communauté d'agglomération du Beauvaisis", "EPCI", "Beauvais", "Beauvaisis",
     "développement économique; emploi", "travailler; se déplacer", "collectivité voisine", 5, 2),
    ("A20", "Département de l'Oise", "département", "Beauvais", "Oise",
     "insertion; solidarités", "travailler; se soigner", "financeur", 5, 3),
    ("A21", "Région Hauts-de-France", "région", "Lille", "Hauts-de-France",
     "développement économique; formation", "travailler; se former", "financeur", 5, 3),
    ("A22", "DDETS de l'Oise", "État / service déconcentré", "Beauvais", "Oise",
     "emploi; insertion", "travailler", "conventionnement IAE", 4, 3),
    ("A23", "France Travail – agence de Beauvais", "établissement public", "Beauvais", "Beauvaisis",
     "emploi", "travailler", "prescripteur", 3, 3),
    ("A24", "France Active Picardie", "financeur", "Amiens", "Picardie",
     "finance solidaire", "travailler", "financeur solidaire", 3, 4),
    ("A25", "Crédit Coopératif – agence d'Amiens", "financeur", "Amiens", "Picardie",
     "banque", "travailler; habiter", "prêteur", 3, 3),
    ("A26", "Banque des Territoires Hauts-de-France", "financeur", "Lille", "Hauts-de-France",
     "investissement public", "travailler; habiter", "financeur", 4, 2),
    ("A27", "CRESS Hauts-de-France", "tête de réseau / accompagnement", "Lille", "Hauts-de-France",
     "ESS; observation", "travailler", "tête de réseau", 3, 4),
    ("A28", "Les Scop Hauts-de-France", "tête de réseau / accompagnement", "Lille", "Hauts-de-France",
     "coopératives", "travailler", "accompagnement des SCOP et SCIC", 2, 4),
    ("A29", "UniLaSalle Beauvais", "formation / recherche", "Beauvais", "Beauvaisis",
     "enseignement supérieur; recherche", "se former", "partenaire de recherche", 3, 3),
    ("A30", "CFA du BTP de l'Oise", "formation / recherche", "Beauvais", "Oise",
     "apprentissage; bâtiment", "se former; travailler", "formation", 2, 3),
    ("A31", "Lycée des métiers du bâtiment du Beauvaisis", "formation / recherche", "Beauvais",
     "Beauvaisis", "formation professionnelle; bâtiment", "se former", "formation", 2, 2),
    ("A32", "Ressourcerie du Pays de Bray", "entreprise de l'ESS", "Lachapelle-aux-Pots",
     "Pays de Bray (Oise)", "réemploi; insertion", "habiter; travailler", "membre du PTCE", 2, 4),
    ("A33", "Repair Café du Bray", "Associations", "Saint-Aubin-en-Bray", "Pays de Bray (Oise)",
     "réparation; lien social", "se cultiver; habiter", "membre du PTCE", 1, 4),
    ("A34", "Centre social rural du Pays de Bray", "association", "Le Coudray-Saint-Germer",
     "Pays de Bray (Oise)", "action sociale; animation", "se former; se cultiver; se déplacer",
     "membre du PTCE", 2, 3),
    ("A35", "Épicerie solidaire du Bray", "association", "Auneuil", "Pays de Bray (Oise)",
     "aide alimentaire", "se nourrir", "partenaire", 1, 4),
    ("A36", "Mission locale du Beauvaisis", "association", "Beauvais", "Beauvaisis",
     "insertion des jeunes", "travailler; se former", "prescripteur", 2, 3),
    ("A37", "Collectif des sociétaires citoyens de la MES", "citoyens / collectif d'habitants",
     "Saint-Aubin-en-Bray", "Pays de Bray (Oise)", "sociétariat citoyen", "travailler; habiter",
     "collège des citoyens de la SCIC", 1, 5),
    ("A38", "Oise Habitat", "bailleur social", "Beauvais", "Oise",
     "logement social", "habiter", "bénéficiaire d'effets utiles", 4, 2),
    ("A39", "CPAM de l'Oise", "établissement public", "Beauvais", "Oise",
     "assurance maladie; prévention", "se soigner", "bénéficiaire d'effets utiles", 4, 1),
    ("A40", "Scierie du Bray", "entreprise", "Saint-Germer-de-Fly", "Pays de Bray (Oise)",
     "sciage; bois local", "habiter; travailler", "fournisseur", 1, 2),
    ("A41", "Chanvre de Thiérache", "entreprise de l'ESS", "Vervins", "Thiérache (Aisne)",
     "coopérative agricole; matériaux biosourcés", "habiter; travailler", "fournisseur potentiel", 1, 3),
    ("A42", "Ville de Gournay-en-Bray", "commune", "Gournay-en-Bray", "Bray normand (Seine-Maritime)",
     "collectivité", "habiter; se cultiver", "commune", 3, 3),
    ("A43", "Communauté de communes des 4 Rivières", "intercommunalité", "Gournay-en-Bray",
     "Bray normand (Seine-Maritime)", "développement économique", "travailler; habiter", "collectivité", 3, 2),
    ("A44", "Gournay Éco-Habitat", "association", "Gournay-en-Bray", "Bray normand (Seine-Maritime)",
     "éco-construction; chantiers participatifs", "habiter", "association", 1, 5),
    ("A45", "Fromagerie du Bray normand", "entreprise", "Ferrières-en-Bray", "Bray normand (Seine-Maritime)",
     "agroalimentaire; fromage de Neufchâtel", "se nourrir; travailler", "entreprise", 1, 2),
    ("A46", "Région Normandie", "région", "Caen", "Normandie",
     "développement économique", "travailler; se former", "financeur", 5, 2),
    ("A47", "Commune de Songeons", "commune", "Songeons", "Picardie Verte",
     "collectivité", "habiter", "commune", 2, 2),
    ("A48", "Communauté de communes de la Picardie Verte", "intercommunalité", "Grandvilliers",
     "Picardie Verte", "aménagement; agriculture", "se nourrir; se déplacer", "collectivité voisine", 3, 2),
    ("A49", "AMAP des Trois Vallées", "association", "Songeons", "Picardie Verte",
     "circuits courts", "se nourrir", "association", 1, 4),
    ("A50", "Ferme du Thérain", "exploitation agricole", "Songeons", "Picardie Verte",
     "élevage; vente directe", "se nourrir", "producteur", 1, 3),
    ("A51", "Fondation de France – délégation Nord", "fondation", "Lille", "Hauts-de-France",
     "philanthropie", "se nourrir; habiter", "financeur ponctuel", 2, 2),
]

PB_ACTORS_2024 = [
    ("A52", "Bati-Coop Oise", "entreprise de l'ESS", "Saint-Aubin-en-Bray", "Pays de Bray (Oise)",
     "coopérative d'activité et d'emploi du bâtiment", "habiter; travailler", "nouvelle structure hébergée", 2, 5),
    ("A53", "Espace conseil France Rénov' du Beauvaisis", "association", "Beauvais", "Beauvaisis",
     "conseil en rénovation énergétique", "habiter", "partenaire", 2, 4),
    ("A54", "Commune d'Ons-en-Bray", "commune", "Ons-en-Bray", "Pays de Bray (Oise)",
     "collectivité", "habiter; se nourrir", "commune", 2, 3),
]

PB_WEB = {"A20": "https://www.oise.fr", "A21": "https://www.hautsdefrance.fr"}


def pays_de_bray(year: int) -> dict[str, list[dict]]:
    rows = list(PB_ACTORS)
    if year == 2024:
        rows = [r for r in rows if r[0] not in {"A12", "A51"}] + PB_ACTORS_2024
    acteurs = actors("pays_de_bray", rows, PB_WEB)

    # P01 carries every outside tie of the CMA in 2023; he left in 2024 and P09 took over
    # part of them (the ties with two craftsmen were lost).
    cma = "P01" if year == 2023 else "P09"
    relations = [
        R("A01", "A02", "gouvernance", 3, None, 2016, None, "la MES porte la pépinière"),
        R(cma, "A01", "convention", 3, None, "15/03/2016" if year == 2023 else D(2024, 1, 15),
          None, "convention de financement de la pépinière"),
        R(cma, "A02", "coopération", "2,5", None, 2014, None, "permanences de la CMA sur le site"),
        R(cma, "A30", "convention", 2, None, D(2018, 9, 1), None, "apprentissage"),
        R("A01", "A04", "coopération", 3, None, 2012, None, "partage du site"),
        R("A01", "A05", "coopération", 3, None, 2010),
        R("A01", "A06", "partenariat", 2, None, 2011),
        R("A02", "A07", "convention", 2, None, D(2019, 4, 1), None, "bail d'atelier en pépinière"),
        R("A02", "A08", "convention", 2, None, D(2021, 2, 1), None, "bail d'atelier en pépinière"),
        R("A02", "A10", "coopération", 1, None, 2017, None, "ancien résident"),
        R("A04", "A07", "chantier partagé", 2, None, 2020, None, "éco-construction, transfert de savoir-faire"),
        R("A04", "A08", "chantier partagé", "2,5", None, 2021),
        R("A04", "A05", "coopération", 2, None, 2015),
        R("A05", "A08", "coopération", 1.5, None, "15/03/2021", None, "chantier terre-chaux avec des salariés en insertion"),
        R("A04", "A29", "partenariat", 2, None, 2019, None, "recherche sur les matériaux biosourcés"),
        R("Maison d'Économie Solidaire du Pays de Bray", "UniLaSalle Beauvais", "interconnaissance", 1),
        R("A01", "A13", "partenariat", 2, None, 2004),
        R("A01", "A18", "convention", 3, None, D(2020, 1, 1), None, "convention pluriannuelle d'objectifs"),
        R("A18", "A14", "gouvernance", 2),
        R("A18", "A13", "gouvernance", 2),
        R("A18", "A15", "gouvernance", 1),
        R("A18", "A16", "gouvernance", 1),
        R("A18", "A19", "tension", 1, None, 2022, None, "désaccord sur une zone d'activités en limite"),
        R("A19", "A29", "partenariat", 2),
        R("A19", "A20", "interconnaissance", 1),
        R("Département de l'Oise", "maison d'economie solidaire du pays de bray", "partenariat", 2, None,
          2016, None, "référence écrite sans accents ni majuscules"),
        R("A21", "A01", "convention", 2, None, D(2021, 7, 1), None, "soutien régional aux PTCE"),
        R("A22", "A05", "convention", 3, "non", 2010, None, "conventionnement IAE"),
        R("A22", "A06", "convention", 3, "non", 2011, None, "conventionnement IAE"),
        R("A23", "A36", "coopération", 2),
        R("A27", "A01", "interconnaissance", 1),
        R("A28", "A04", "coopération", 2, None, 2012, None, "accompagnement de la SCOP"),
        R("A28", "A01", "interconnaissance", 1),
        R("A24", "A02", "partenariat", 2, None, 2016, None, "prêts d'honneur aux artisans"),
        R("A32", "A33", "coopération", 2),
        R("A32", "A01", "interconnaissance", 1),
        R("A34", "A35", "coopération", 2),
        R("A06", "A35", "partenariat", 2, None, 2018, None, "paniers solidaires"),
        R("A37", "A01", "gouvernance", 2, None, 2013, None, "siège au conseil de la SCIC"),
        R("A09", "A14", "interconnaissance", 1),
        R("A11", "A16", "interconnaissance", 1),
        R("A04", "A44", "chantier partagé", 2, None, 2022, None, "seul lien entre le Bray picard et le Bray normand"),
        R("A44", "A42", "convention", 2),
        R("A42", "A43", "gouvernance", 3),
        R("A45", "A42", "interconnaissance", 1),
        R("A49", "A47", "partenariat", 2, None, None, None, "salle communale pour les distributions"),
        R("A47", "A48", "gouvernance", 2),
        R("A50", "A49", "coopération", 2),
        R("A20", "A18", "coopération", 2),
        R("A20", "A21", "interconnaissance", 1),
        R("A13", "A33", "coopération", 1),
        R("P03", "P07", "interconnaissance", 3, None, 2009, None, "relation de confiance ancienne"),
        R("P04", "P08", "coopération", 2),
    ]
    if year == 2023:
        relations += [
            R(cma, "A07", "coopération", 2, None, 2019, None, "accompagnement à l'installation"),
            R(cma, "A08", "interconnaissance", 1),
            R("A12", "A02", "interconnaissance", 1),
            R("A34", "A01", "coopération", 1),
        ]
    else:
        relations += [
            R("A52", "A01", "coopération", 2, None, D(2024, 3, 1), None, "installation sur le site"),
            R("A52", "A04", "chantier partagé", 2, None, 2024),
            R("A52", "A02", "convention", 1, None, D(2024, 3, 1)),
            R("A53", "A04", "partenariat", 2, None, 2024, None, "orientation des ménages vers des artisans"),
            R("A53", "A19", "convention", 3, None, D(2024, 1, 1)),
            R("A54", "A06", "partenariat", 2, None, 2024),
            R("A54", "A18", "gouvernance", 1),
            R("A17", "A06", "convention", 2, None, D(2024, 5, 2), None,
              "mise à disposition d'un terrain communal"),
            R("A17", "A18", "gouvernance", 1),
            R("A48", "A18", "coopération", 2, None, 2024, None, "coopération interterritoriale sur la mobilité"),
        ]

    flux = [
        F("A20", "A01", "financement", 45000 if year == 2023 else 40000, "€/an", None, None, 2016, None,
          "soutien au PTCE"),
        F("A21", "A01", "financement", 60000, "€/an", None, None, 2021),
        F("A21", "A02", "financement", 120000, "€", None, None, 2016, 2016, "investissement dans les ateliers"),
        F("A25", "A01", "financement", 250000, "€", None, None, D(2015, 11, 30), None,
          "prêt pour la construction des ateliers"),
        F("A26", "A01", "financement", 30000, "€", None, None, 2023, None, "étude de faisabilité d'une extension"),
        F("A22", "A05", "financement", 180000 if year == 2023 else 195000, "€/an", None, None, None, None,
          "aide au poste IAE"),
        F("A22", "A06", "financement", 120000, "€/an", None, None, None, None, "aide au poste IAE"),
        F("A20", "A05", "financement", 25000, "€/an"),
        F("A01", "A07", "mise à disposition", 1, "atelier", None, None, None, None, "atelier de 80 m²"),
        F("A01", "A08", "mise à disposition", 1, "atelier"),
        F("A01", "A02", "mise à disposition", None, None, None, None, None, None,
          "bureaux et services administratifs mutualisés"),
        F("A23", "A05", "personnes", 14, "personnes/an", None, None, None, None, "orientation de demandeurs d'emploi"),
        F("A36", "A06", "personnes", 8, "personnes/an"),
        F("A23", "A06", "personnes", 10, "personnes/an"),
        F("A06", "A49", "biens / matières", 6, "t/an", None, None, 2018, None,
          "légumes bio, seul lien vers la Picardie Verte"),
        F("A06", "A35", "biens / matières", 3, "t/an"),
        F("A32", "A08", "biens / matières", 2, "t/an", None, None, None, None, "matériaux de réemploi"),
        F("A40", "A10", "biens / matières", 35, "m³/an", None, None, None, None, "chêne et hêtre sciés"),
        F("A01", "A05", "achat / prestation", 18000, "€/an", None, None, None, None, "entretien du site"),
        F("A19", "A36", "financement", 40000, "€/an"),
        F("A13", "A04", "achat / prestation", 9500, "€", None, None, D(2022, 6, 15), None,
          "diagnostic thermique de l'école"),
        F("A04", "A05", "achat / prestation", 35000, "€/an", None, None, None, None, "sous-traitance de lots de second œuvre"),
        F("A46", "A44", "financement", 15000, "€/an"),
        F("A46", "A43", "financement", 80000, "€"),
        F("A24", "A07", "financement", 8000, "€", None, "oui", 2019, None, "prêt d'honneur"),
        F("A01", "A27", "information", None, None, None, None, None, None, "données d'activité pour l'observatoire de l'ESS"),
        F("A18", "A01", "financement", 20000, "€/an"),
    ]
    if year == 2023:
        flux.append(F("A51", "A35", "financement", 10000, "€", None, None, 2022, D(2023, 12, 31)))
    else:
        flux += [
            F("A17", "A06", "mise à disposition", 2, "ha", None, None, D(2024, 5, 2), None, "terrain communal"),
            F("A19", "A53", "financement", 55000, "€/an"),
        ]

    interdependances = [
        F("A02", "A01", "dépendance", None, None, 3, None, None, None,
          "la pépinière dépend des services administratifs de la MES"),
        F("A05", "A06", "mutualisation", None, None, 2, None, None, None, "véhicules et salle de formation"),
        F("A01", "A05", "mutualisation", None, None, 2, None, None, None, "outillage de chantier"),
        F("A06", "A39", "effet utile", 120, "paniers/semaine", 1, None, None, None,
          "alimentation saine et prévention : bénéfice pour l'assurance maladie, qui ne finance pas"),
        F("A04", "A38", "effet utile", None, None, 1, None, None, None,
          "rénovations thermiques dans le parc du bailleur : moins d'impayés de charges"),
        F("A06", "A20", "effet utile", None, None, 1, None, None, None, "sorties du RSA"),
        F("A07", "A02", "dépendance", None, None, 2),
        F("A08", "A32", "dépendance", None, None, 1, None, None, None, "approvisionnement en matériaux de réemploi"),
        F("A49", "A06", "dépendance", None, None, 2, None, None, None, "approvisionnement en légumes"),
    ]

    collectifs = [
        {"id": "C01", "nom": "PTCE du Pays de Bray", "type": "PTCE",
         "description": "pôle territorial de coopération économique animé par la MES"},
        {"id": "C02", "nom": "SCIC Maison d'Économie Solidaire – sociétariat", "type": "SCIC",
         "description": "sociétaires de la SCIC, par collège"},
        {"id": "C03", "nom": "GAL LEADER du Grand Beauvaisis", "type": "GAL LEADER",
         "description": "groupe d'action locale (programme LEADER)"},
        {"id": "C04", "nom": "Comité de pilotage de la pépinière PLASS", "type": "comité de pilotage",
         "description": "suivi de la pépinière d'artisans"},
        {"id": "C05", "nom": "Groupe de travail éco-construction du Bray", "type": "groupe de travail",
         "description": "artisans, bureau d'études, formation, associations"},
    ]
    adhesions = [
        M("A01", "C01", "pilote", 2004), M("A02", "C01", "membre", 2016), M("A04", "C01", "membre", 2012),
        M("A05", "C01", "membre", 2010), M("A06", "C01", "membre", 2011), M("A07", "C01", "membre", 2019),
        M("A08", "C01", "membre", 2021), M("A32", "C01", "membre", 2015), M("A33", "C01", "membre", 2017),
        M("A34", "C01", "membre", 2014), M("A18", "C01", "collectivité partenaire", 2012),
        M("A04", "C02", "collège des structures hébergées"), M("A05", "C02", "collège des structures hébergées"),
        M("A06", "C02", "collège des structures hébergées"), M("A07", "C02", "collège des artisans"),
        M("A08", "C02", "collège des artisans"), M("A10", "C02", "collège des artisans"),
        M("A13", "C02", "collège des collectivités"), M("A18", "C02", "collège des collectivités"),
        M("A03", "SCIC Maison d'Économie Solidaire – sociétariat", "collège des partenaires", D(2016, 6, 1)),
        M("A37", "C02", "collège des citoyens"),
        M("A18", "C03", "membre"), M("A19", "C03", "membre"), M("A47", "C03", "membre"),
        M("A01", "C03", "membre"), M("A14", "C03", "membre"),
        M("A01", "C04", "animation"), M("A02", "C04"), M("A03", "C04"), M("A20", "C04"),
        M("A21", "C04"), M("A18", "C04"), M("A24", "C04"),
        M("A04", "Groupe de travail éco-construction du Bray", "animation", 2021),
        M("A07", "C05"), M("A08", "C05"), M("A10", "C05"), M("A29", "C05"), M("A44", "C05"),
        M("A31", "C05"), M("A05", "C05"),
    ]
    if year == 2024:
        adhesions += [
            M("A52", "C01", "membre", 2024), M("A52", "C02", "collège des structures hébergées", 2024),
            M("A48", "C03", "membre", 2024), M("A53", "C05", "membre", 2024),
        ]

    ressources = rows_of(["acteur", "ressource", "categorie"], [
        ("A01", "ateliers à loyer modéré sur le site", "locaux"),
        ("A01", "services administratifs et comptables mutualisés", "compétences"),
        ("A02", "accompagnement à la création d'une entreprise artisanale", "compétences"),
        ("A04", "conception bioclimatique et diagnostic thermique", "compétences"),
        ("A05", "équipes de second œuvre en insertion", "compétences"),
        ("A05", "camion benne et échafaudages", "matériel"),
        ("A17", "terrain communal de 2 ha en friche", "foncier"),
        ("A41", "chanvre et béton de chanvre produits en région", "matériaux"),
        ("A31", "plateau technique (atelier bois, maçonnerie)", "matériel"),
        ("A20", "aide à l'investissement des structures d'insertion", "financement"),
        ("A24", "garanties et prêts d'honneur", "financement"),
        ("A32", "portes, fenêtres et bois de réemploi", "matériaux"),
        ("A18", "bâtiment d'activité vacant à Lachapelle-aux-Pots", "locaux"),
        ("A40", "bois local scié sur commande", "matériaux"),
    ])
    besoins = rows_of(["acteur", "besoin", "categorie"], [
        ("A06", "terrain pour étendre le maraîchage d'insertion", "foncier"),
        ("A04", "filière locale de matériaux biosourcés", "matériaux"),
        ("A08", "espace de stockage pour les chantiers", "locaux"),
        ("A05", "plateau technique pour former les salariés en insertion", "matériel"),
        ("A09", "financement d'un four électrique", "financement"),
        ("A44", "compétences en conception bioclimatique", "compétences"),
        ("A01", "financement de l'extension de la pépinière", "financement"),
        ("A33", "local pour les permanences de réparation", "locaux"),
    ])
    personnes = rows_of(["id", "nom", "acteur", "fonction"], [
        ("P02", "Sophie L.", "A03", "responsable de la délégation de l'Oise"),
        ("P03", "Karim B.", "A01", "directeur"),
        ("P04", "Élise D.", "A01", "chargée de mission PTCE"),
        ("P05", "Thomas V.", "A04", "gérant"),
        ("P06", "Fatou S.", "Les Jardins du Bray", "encadrante technique"),
        ("P07", "Marc H.", "A20", "chargé de mission ESS"),
        ("P08", "Lucie G.", "A18", "développeuse économique"),
    ])
    if year == 2023:
        personnes.insert(0, {"id": "P01", "nom": "Julien R.", "acteur": "A03",
                             "fonction": "chargé d'accompagnement des artisans"})
    else:
        personnes.append({"id": "P09", "nom": "Nadia K.", "acteur": "A03",
                          "fonction": "chargée d'accompagnement des artisans (depuis 2024)"})
    types = [
        T("pépinière", "acteur", None, None, "#AA4499", "Pépinière d'entreprises"),
        T("chantier partagé", "relation", "lien", "non", "#117733", "Chantier réalisé en commun"),
    ]
    return {"acteurs": acteurs, "relations": relations, "flux": flux,
            "interdependances": interdependances, "collectifs": collectifs,
            "adhesions": adhesions, "ressources": ressources, "besoins": besoins,
            "personnes": personnes, "types": types}


# ======================================================================================
# 2. La Voisinerie, tiers-lieu SCIC in Wazemmes (Lille).
# ======================================================================================
VW_ACTORS = [
    ("A01", "La Voisinerie de Wazemmes", "SCIC", "Lille", "Wazemmes",
     "tiers-lieu; café-cantine; conciergerie; coworking", "se nourrir; travailler; se cultiver",
     "tiers-lieu porteur", 4, 5),
    ("A02", "Ville de Lille", "commune", "Lille", "Lille", "action publique locale",
     "habiter; se cultiver; se former", "collectivité sociétaire", 5, 4),
    ("A03", "CCAS de Lille", "CCAS", "Lille", "Lille", "action sociale", "se soigner; habiter; se nourrir",
     "collectivité sociétaire", 4, 4),
    ("A04", "SIA Habitat", "bailleur social", "Douai", "Hauts-de-France", "logement social", "habiter",
     "bailleur du local, sociétaire", 4, 4),
    ("A05", "APF France Handicap – délégation du Nord", "association", "Lille", "Lille",
     "handicap; habitat inclusif", "habiter; se soigner; se déplacer", "sociétaire fondateur", 3, 4),
    ("A06", "ASRL", "association", "Lille", "Métropole lilloise", "action sanitaire et sociale",
     "se soigner; habiter", "sociétaire fondateur", 3, 4),
    ("A07", "Générations et Cultures", "association", "Lille", "Wazemmes",
     "intergénérationnel; culture", "se cultiver; se former", "sociétaire fondateur", 3, 5),
    ("A08", "Humanis", "financeur", "Lille", "Hauts-de-France",
     "protection sociale; retraite complémentaire", "se soigner", "sociétaire partenaire", 3, 3),
    ("A09", "APES Hauts-de-France", "tête de réseau / accompagnement", "Lille", "Hauts-de-France",
     "accompagnement de l'ESS", "travailler", "accompagnateur", 3, 4),
    ("A10", "Résidence intergénérationnelle RIVE", "habitat inclusif", "Lille", "Lille",
     "habitat inclusif", "habiter; se cultiver", "résidence partenaire", 2, 4),
    ("A11", "CAF du Nord", "établissement public", "Lille", "Nord",
     "prestations familiales; parentalité", "habiter; se former", "bénéficiaire d'effets utiles", 4, 2),
    ("A12", "Métropole Européenne de Lille", "intercommunalité", "Lille", "Métropole lilloise",
     "développement économique; ESS", "travailler; se déplacer", "financeur", 5, 3),
    ("A13", "Département du Nord", "département", "Lille", "Nord", "solidarités",
     "se soigner; travailler", "financeur", 5, 3),
    ("A14", "Région Hauts-de-France", "région", "Lille", "Hauts-de-France",
     "développement économique", "travailler; se former", "financeur", 5, 2),
    ("A15", "Conseil citoyen de Wazemmes", "citoyens / collectif d'habitants", "Lille", "Wazemmes",
     "démocratie locale", "habiter", "sociétaire habitant", 2, 4),
    ("A16", "Collectif des locataires des Jardins de Wazemmes", "citoyens / collectif d'habitants",
     "Lille", "Wazemmes", "locataires", "habiter", "habitants", 1, 4),
    ("A17", "Jardin partagé du Marché", "association", "Lille", "Wazemmes", "jardinage",
     "se nourrir; se cultiver", "usager du tiers-lieu", 1, 4),
    ("A18", "Centre social du Faubourg", "association", "Lille", "Wazemmes",
     "animation sociale", "se former; se cultiver", "partenaire", 3, 4),
    ("A19", "Association des commerçants du marché de Wazemmes", "association", "Lille", "Wazemmes",
     "commerce", "se nourrir; travailler", "commerçants", 2, 2),
    ("A20", "Boulangerie du Marché", "entreprise", "Lille", "Wazemmes", "commerce alimentaire",
     "se nourrir", "commerce", 1, 2),
    ("A21", "Le Bocal de Wazemmes", "entreprise", "Lille", "Wazemmes", "épicerie vrac",
     "se nourrir", "fournisseur de la cantine", 1, 3),
    ("A22", "Café-librairie Les Pages du Faubourg", "entreprise", "Lille", "Wazemmes", "librairie",
     "se cultiver", "commerce", 1, 3),
    ("A23", "Pharmacie de la place du Marché", "entreprise", "Lille", "Wazemmes", "santé",
     "se soigner", "commerce", 1, 2),
    ("A24", "Maison Folie Wazemmes", "établissement public", "Lille", "Wazemmes",
     "équipement culturel", "se cultiver", "lieu culturel", 3, 2),
    ("A25", "Restos du Cœur – centre de Wazemmes", "association", "Lille", "Wazemmes",
     "aide alimentaire", "se nourrir", "association", 2, 3),
    ("A26", "Régie de quartier de Wazemmes", "entreprise de l'ESS", "Lille", "Wazemmes",
     "insertion; services de proximité", "travailler; habiter", "prestataire", 2, 4),
    ("A27", "Atelier vélo solidaire Les Rayons", "association", "Lille", "Wazemmes",
     "mobilité; réparation de vélos", "se déplacer", "usager du tiers-lieu", 1, 4),
    ("A28", "Université de Lille – master ESS", "formation / recherche", "Villeneuve-d'Ascq",
     "Métropole lilloise", "enseignement supérieur", "se former", "formation", 3, 2),
    ("A29", "Compagnie du Grand Bazar", "association", "Lille", "Wazemmes", "théâtre",
     "se cultiver", "compagnie en résidence", 1, 3),
    ("A30", "Crèche associative Les Petits Voisins", "association", "Lille", "Wazemmes",
     "petite enfance", "se former", "association", 1, 4),
    ("A31", "Nord Actif", "financeur", "Lille", "Nord", "finance solidaire", "travailler",
     "financeur solidaire", 3, 3),
    ("A32", "Fondation de France – délégation Nord", "fondation", "Lille", "Hauts-de-France",
     "philanthropie", "se former; habiter", "financeur potentiel", 3, 2),
    ("A33", "CPAM de Lille-Douai", "établissement public", "Lille", "Nord",
     "assurance maladie; prévention", "se soigner", "bénéficiaire d'effets utiles", 4, 2),
    ("A34", "Lille Métropole Habitat", "bailleur social", "Lille", "Métropole lilloise",
     "logement social", "habiter", "bailleur", 4, 2),
    ("A35", "ESAT des Ateliers de Wazemmes", "ESAT", "Lille", "Wazemmes",
     "travail protégé; traiteur", "travailler", "voisin de la résidence RIVE", 2, 3),
    ("A36", "Les Paniers de Wazemmes", "association", "Lille", "Wazemmes", "AMAP; circuits courts",
     "se nourrir", "usager du tiers-lieu", 1, 4),
    ("A37", "La Nef", "financeur", "Lille", "Hauts-de-France", "banque éthique",
     "travailler; habiter", "prêteur", 2, 3),
    ("A38", "Mission locale de Lille", "association", "Lille", "Lille", "insertion des jeunes",
     "travailler; se former", "prescripteur", 3, 3),
    ("A39", "Collectif des coworkers de la Voisinerie", "citoyens / collectif d'habitants", "Lille",
     "Wazemmes", "indépendants; coworking", "travailler", "sociétaire usager", 1, 4),
    ("A40", "Médiathèque de quartier de Wazemmes", "établissement public", "Lille", "Wazemmes",
     "lecture publique", "se cultiver; se former", "équipement municipal", 2, 3),
    ("A41", "Les Voisins Solidaires de Wazemmes", "association", "Lille", "Wazemmes",
     "visites aux personnes âgées isolées", "se soigner; se cultiver", "association", 1, 5),
]
VW_WEB = {"A01": "https://lavoisineriedewazemmes.fr/", "A02": "https://www.lille.fr"}


def voisinerie() -> dict[str, list[dict]]:
    acteurs = actors("voisinerie", VW_ACTORS, VW_WEB)
    sia = "P03"  # every outside tie of SIA Habitat goes through this person
    relations = [
        R("A01", "A09", "coopération", 3, None, 2017, None, "accompagnement à la création de la SCIC"),
        R("A01", "A02", "convention", 3, None, 2019),
        R("A01", "A03", "partenariat", 2, None, 2019),
        R(sia, "A01", "bail commercial d'utilité sociale", 3, None, D(2019, 9, 1), None,
          "loyer modéré et progressif, critères d'utilité sociale annexés au bail"),
        R(sia, "A10", "gouvernance", 2, None, 2012),
        R(sia, "A05", "coopération", "2,5", None, 2012),
        R(sia, "A02", "partenariat", 2),
        R(sia, "A09", "coopération", 2, None, 2019, None, "formalisation du bail commercial d'utilité sociale"),
        R(sia, "A16", "interconnaissance", 1),
        R("A01", "A05", "partenariat", 2),
        R("A01", "A06", "partenariat", 2),
        R("A01", "A07", "coopération", 3, None, "15/03/2018"),
        R("La Voisinerie de Wazemmes", "HUMANIS", "partenariat", 1),
        R("A05", "A10", "gouvernance", 3, None, 2018, None, "logements adaptés de la résidence"),
        R("A02", "A10", "partenariat", 2, None, 2012),
        R("A10", "A35", "coopération", 2, None, 2018, None, "même site"),
        R("A05", "A35", "coopération", 1),
        R("A02", "A12", "gouvernance", 2),
        R("A02", "A03", "gouvernance", 3),
        R("A12", "A14", "coopération", 1),
        R("A13", "A03", "coopération", 2),
        R("A07", "A24", "partenariat", 2, None, 2016, None, "seul lien vers les lieux culturels du quartier"),
        R("A24", "A29", "convention", 2, None, D(2022, 9, 1), None, "résidence de création"),
        R("A24", "A40", "coopération", 2),
        R("A29", "A40", "coopération", 1.5),
        R("A01", "A15", "coopération", 2),
        R("A15", "A16", "coopération", 1),
        R("A01", "A17", "coopération", 1),
        R("A01", "A18", "partenariat", 2),
        R("A18", "A30", "coopération", 2),
        R("A18", "A41", "coopération", 2),
        R("A41", "A03", "coopération", 2),
        R("A01", "A27", "interconnaissance", 1, None, 2021),
        R("A25", "A18", "coopération", 1),
        R("A36", "A01", "coopération", 2, None, 2020, None, "point de distribution des paniers"),
        R("A38", "A26", "coopération", 2),
        R("A38", "A01", "interconnaissance", 1),
        R("A31", "A09", "partenariat", 2),
        R("A05", "A06", "interconnaissance", 1),
        R("A07", "A03", "coopération", 2, None, 2020, None, "bien vieillir dans le quartier"),
        R("A19", "A20", "coopération", 2),
        R("A19", "A21", "coopération", 2),
        R("A19", "A22", "coopération", 1),
        R("A19", "A23", "coopération", 1),
        R("A20", "A21", "interconnaissance", 1),
        R("A21", "A01", "partenariat", 2, "non", 2020, None, "seul lien des commerçants avec le tiers-lieu"),
        R("A19", "A01", "tension", 1, None, 2020, None, "crainte de concurrence de la cantine"),
        R("P01", "P05", "interconnaissance", 3, None, 2016, None, "se connaissent depuis le projet urbain"),
        R("P06", "P01", "coopération", 2),
    ]
    flux = [
        F("A02", "A01", "financement", 20000, "€/an", None, None, 2019),
        F("A12", "A01", "financement", 15000, "€/an", None, None, 2020),
        F("A14", "A01", "financement", 30000, "€", None, None, 2019, D(2020, 12, 31), "aide au démarrage"),
        F("A37", "A01", "financement", 60000, "€", None, None, D(2019, 6, 1), None, "prêt d'équipement"),
        F("A31", "A01", "financement", 25000, "€", None, None, 2019, None, "prêt participatif"),
        F("A08", "A07", "financement", 8000, "€/an"),
        F("A13", "A18", "financement", 12000, "€/an"),
        F("A21", "A01", "biens / matières", "2,4", "t/an", None, None, 2020, None, "produits secs en vrac pour la cantine"),
        F("A01", "A26", "achat / prestation", 9000, "€/an", None, None, None, None, "entretien et nettoyage"),
        F("A03", "A01", "personnes", 40, "personnes/an", None, None, None, None,
          "orientation de personnes isolées vers la cantine solidaire"),
        F("A38", "A26", "personnes", 6, "personnes/an"),
        F("A24", "A29", "mise à disposition", 1, "salle", None, None, None, None, "salle de répétition"),
        F("A01", "A09", "information", None, None, None, None, None, None, "retours d'expérience sur le bail"),
        F("A17", "A01", "biens / matières", 150, "kg/an", None, None, None, None, "aromates et petits légumes"),
        F("A01", "A35", "achat / prestation", 4000, "€/an", None, None, None, None, "traiteur pour les événements"),
    ]
    interdependances = [
        F("A01", "A11", "effet utile", None, None, 1, None, None, None,
          "ateliers parents-enfants et garde solidaire : bénéfice pour la CAF, qui ne finance pas"),
        F("A01", "A33", "effet utile", None, None, 1, None, None, None,
          "lutte contre l'isolement des seniors, prévention"),
        F("A27", "A33", "effet utile", None, None, 1, None, None, None, "mobilité active"),
        F("A01", "A18", "mutualisation", None, None, 2, None, None, None, "salle d'activités et matériel de cuisine"),
        F("A10", "A35", "mutualisation", None, None, 2, None, None, None, "jardin et salle commune"),
        F("A01", "A02", "dépendance", None, None, 2, None, None, None, "subvention de fonctionnement"),
        F("A30", "A18", "dépendance", None, None, 2, None, None, None, "locaux du centre social"),
    ]
    collectifs = [
        {"id": "C01", "nom": "SCIC La Voisinerie – sociétaires", "type": "SCIC",
         "description": "sociétaires par collège"},
        {"id": "C02", "nom": "Communauté du tiers-lieu La Voisinerie", "type": "tiers-lieu",
         "description": "associations et collectifs qui font vivre le lieu"},
        {"id": "C03", "nom": "Comité de pilotage de la résidence RIVE", "type": "comité de pilotage",
         "description": "projet d'habitat inclusif (2012-2018)"},
        {"id": "C04", "nom": "Réseau APES", "type": "réseau / fédération",
         "description": "adhérents de l'APES présents dans le quartier"},
        {"id": "C05", "nom": "Groupe de travail Bien vieillir à Wazemmes", "type": "groupe de travail",
         "description": "prévention de l'isolement des personnes âgées"},
    ]
    adhesions = [
        M("A07", "C01", "collège des fondateurs", D(2019, 5, 1)), M("A05", "C01", "collège des fondateurs", D(2019, 5, 1)),
        M("A06", "C01", "collège des fondateurs", D(2019, 5, 1)), M("A02", "C01", "collège des collectivités", 2019),
        M("A03", "C01", "collège des collectivités", 2019), M("A04", "C01", "collège des partenaires", 2019),
        M("A08", "C01", "collège des partenaires", 2020), M("A15", "C01", "collège des habitants et usagers", 2019),
        M("A39", "SCIC La Voisinerie – sociétaires", "collège des habitants et usagers", 2021),
        M("A01", "C02", "lieu"), M("A27", "C02", "usager"), M("A36", "C02", "usager"), M("A17", "C02", "usager"),
        M("A39", "C02", "usager"), M("A18", "C02", "usager"),
        M("A02", "C03", None, 2012, 2018), M("A04", "C03", None, 2012, 2018), M("A05", "C03", None, 2012, 2018),
        M("A10", "C03", None, 2015, 2018), M("A35", "C03", None, 2012, 2018), M("A03", "C03", None, 2014, 2018),
        M("A09", "C04", "tête de réseau"), M("A01", "C04", "adhérent"), M("A26", "C04", "adhérent"),
        M("A31", "C04", "adhérent"), M("A36", "C04", "adhérent"), M("A06", "C04", "adhérent"),
        M("A03", "C05", "animation", 2020), M("A07", "C05"), M("A08", "C05"), M("A01", "C05"),
        M("A15", "C05"), M("A41", "C05"), M("A40", "Groupe de travail Bien vieillir à Wazemmes"),
    ]
    ressources = rows_of(["acteur", "ressource", "categorie"], [
        ("A34", "locaux commerciaux vacants en pied d'immeuble", "locaux"),
        ("A28", "étudiants du master ESS pour une étude d'impact", "compétences"),
        ("A32", "appel à projets petite enfance et parentalité", "financement"),
        ("A39", "graphisme et communication", "compétences"),
        ("A01", "salle de réunion et cuisine équipée", "locaux"),
        ("A24", "salles de spectacle et de répétition", "locaux"),
        ("A26", "équipe d'entretien et de petits travaux", "compétences"),
        ("A31", "prêts participatifs et garanties", "financement"),
        ("A21", "livraison à vélo-cargo dans le quartier", "logistique"),
    ])
    besoins = rows_of(["acteur", "besoin", "categorie"], [
        ("A27", "local pour l'atelier vélo", "locaux"),
        ("A01", "mesure de l'impact social", "compétences"),
        ("A30", "financement d'un projet de parentalité", "financement"),
        ("A18", "affiches et communication sur les réseaux sociaux", "compétences"),
        ("A41", "lieu pour un repas mensuel des aînés", "locaux"),
        ("A36", "livraison des paniers aux personnes âgées", "logistique"),
        ("A29", "salle de répétition supplémentaire", "locaux"),
    ])
    personnes = rows_of(["id", "nom", "acteur", "fonction"], [
        ("P01", "Camille R.", "A01", "gérante"),
        ("P02", "Yacine L.", "A01", "cuisinier et animateur"),
        ("P03", "Yannick T.", "A04", "responsable innovation sociale"),
        ("P04", "Agnès F.", "SIA Habitat", "gestionnaire de patrimoine"),
        ("P05", "Nadia B.", "A03", "chargée de développement social"),
        ("P06", "Hugo M.", "A09", "chargé d'accompagnement"),
        ("P07", "Inès D.", "A07", "coordinatrice"),
    ])
    types = [
        T("habitat inclusif", "acteur", None, None, "#44AA99", "Habitat inclusif / résidence intergénérationnelle"),
        T("bail commercial d'utilité sociale", "relation", "lien", "non", "#CC6677",
          "Bail à loyer modéré assorti de critères d'utilité sociale"),
    ]
    return {"acteurs": acteurs, "relations": relations, "flux": flux,
            "interdependances": interdependances, "collectifs": collectifs,
            "adhesions": adhesions, "ressources": ressources, "besoins": besoins,
            "personnes": personnes, "types": types}


# ======================================================================================
# 3. Colombelles (Calvados): Territoire zéro chômeur de longue durée, EBE ATIPIC.
# ======================================================================================
CO_ACTORS = [
    ("A01", "ARDES", "association", "Caen", "Calvados",
     "accompagnement de l'économie solidaire", "travailler; se former",
     "initiatrice du projet, anime le comité local", 4, 5),
    ("A02", "Ville de Colombelles", "commune", "Colombelles", "Colombelles",
     "collectivité", "travailler; habiter", "fondatrice, préside le comité local", 5, 5),
    ("A03", "ATIPIC", "EBE", "Colombelles", "Colombelles",
     "entreprise à but d'emploi; services de proximité; recyclerie", "travailler; habiter; se déplacer",
     "entreprise à but d'emploi", 4, 5),
    ("A04", "Caen la Mer", "intercommunalité", "Caen", "Caen la Mer",
     "développement économique; déchets", "travailler; se déplacer", "partenaire", 5, 3),
    ("A05", "Département du Calvados", "département", "Caen", "Calvados",
     "insertion; RSA", "travailler; se soigner", "financeur", 5, 4),
    ("A06", "Région Normandie", "région", "Caen", "Normandie",
     "développement économique; formation", "travailler; se former", "financeur", 4, 2),
    ("A07", "France Travail – agence d'Hérouville-Saint-Clair", "établissement public",
     "Hérouville-Saint-Clair", "Caen la Mer", "emploi", "travailler", "orientation des volontaires", 4, 4),
    ("A08", "DDETS du Calvados", "État / service déconcentré", "Caen", "Calvados",
     "emploi", "travailler", "représentant de l'État", 4, 3),
    ("A09", "Fonds d'expérimentation territoriale contre le chômage de longue durée", "financeur",
     "Paris", "national", "financement de l'expérimentation", "travailler", "financeur national", 5, 4),
    ("A10", "Association Territoires zéro chômeur de longue durée", "tête de réseau / accompagnement",
     "Paris", "national", "réseau national", "travailler", "tête de réseau", 3, 5),
    ("A11", "CCAS de Colombelles", "CCAS", "Colombelles", "Colombelles",
     "action sociale", "se nourrir; se soigner; habiter", "partenaire", 3, 4),
    ("A12", "Mission locale Caen la Mer Calvados Centre", "association", "Caen", "Caen la Mer",
     "insertion des jeunes", "travailler; se former", "prescripteur", 3, 3),
    ("A13", "Cap emploi Calvados", "association", "Caen", "Calvados",
     "emploi des personnes handicapées", "travailler", "prescripteur", 2, 3),
    ("A14", "Collectif des volontaires TZCLD de Colombelles", "citoyens / collectif d'habitants",
     "Colombelles", "Colombelles", "personnes privées durablement d'emploi", "travailler",
     "volontaires", 2, 5),
    ("A15", "Représentants des salariés d'ATIPIC", "citoyens / collectif d'habitants", "Colombelles",
     "Colombelles", "salariés élus", "travailler", "collège des salariés", 2, 5),
    ("A16", "Le WIP – Grande Halle de Colombelles", "entreprise de l'ESS", "Colombelles", "Colombelles",
     "tiers-lieu culturel et nourricier", "se cultiver; se nourrir; travailler", "client et partenaire", 3, 4),
    ("A17", "Comité des fêtes de Colombelles", "association", "Colombelles", "Colombelles",
     "animation", "se cultiver", "membre associatif", 1, 3),
    ("A18", "Mémoire et Patrimoine de la SMN", "association", "Colombelles", "Colombelles",
     "patrimoine industriel", "se cultiver", "association", 1, 2),
    ("A19", "US Colombelles Football", "Associations", "Colombelles", "Colombelles",
     "sport", "se cultiver", "association", 1, 2),
    ("A20", "Épicerie sociale de Colombelles", "association", "Colombelles", "Colombelles",
     "aide alimentaire", "se nourrir", "membre associatif", 2, 4),
    ("A21", "Secours catholique – équipe de Colombelles", "association", "Colombelles", "Colombelles",
     "solidarité", "se nourrir; habiter", "membre associatif", 2, 3),
    ("A22", "Caen la Mer Habitat", "bailleur social", "Caen", "Caen la Mer",
     "logement social", "habiter", "client", 4, 3),
    ("A23", "Inolya", "bailleur social", "Caen", "Calvados", "logement social", "habiter", "bailleur", 4, 1),
    ("A24", "EHPAD Les Tilleuls", "établissement public", "Colombelles", "Colombelles",
     "hébergement de personnes âgées", "se soigner; habiter", "client", 2, 3),
    ("A25", "Menuiserie du Plateau", "entreprise", "Colombelles", "Colombelles",
     "menuiserie", "habiter; travailler", "client", 2, 3),
    ("A26", "Boulangerie Le Fournil de Colombelles", "entreprise", "Colombelles", "Colombelles",
     "commerce alimentaire", "se nourrir", "client, représentant des entreprises", 1, 4),
    ("A27", "Normandie Propreté Services", "entreprise", "Mondeville", "Caen la Mer",
     "nettoyage", "travailler", "entreprise voisine", 2, 1),
    ("A28", "Cabinet infirmier du Plateau", "entreprise", "Colombelles", "Colombelles",
     "soins infirmiers", "se soigner", "entreprise", 1, 3),
    ("A29", "Supérette du Plateau", "entreprise", "Colombelles", "Colombelles",
     "commerce alimentaire", "se nourrir", "client", 1, 2),
    ("A30", "Université de Caen Normandie", "formation / recherche", "Caen", "Caen la Mer",
     "recherche; sociologie du travail", "se former", "partenaire de recherche", 3, 3),
    ("A31", "GRETA du Calvados", "GRETA", "Caen", "Calvados", "formation continue",
     "se former", "organisme de formation", 2, 3),
    ("A32", "Lycée professionnel du Plateau", "formation / recherche", "Hérouville-Saint-Clair",
     "Caen la Mer", "formation professionnelle", "se former", "formation", 2, 2),
    ("A33", "France Active Normandie", "financeur", "Caen", "Normandie", "finance solidaire",
     "travailler", "financeur solidaire", 3, 3),
    ("A34", "Caisse d'Épargne Normandie – centre d'affaires de Caen", "financeur", "Caen", "Normandie",
     "banque", "travailler; habiter", "banque", 3, 2),
    ("A35", "CAF du Calvados", "établissement public", "Caen", "Calvados",
     "prestations sociales", "habiter", "bénéficiaire d'effets utiles", 4, 2),
    ("A36", "CPAM du Calvados", "établissement public", "Caen", "Calvados",
     "assurance maladie", "se soigner", "bénéficiaire d'effets utiles", 4, 2),
    ("A37", "SYVEDAC", "établissement public", "Caen", "Caen la Mer",
     "traitement des déchets", "habiter", "bénéficiaire d'effets utiles", 3, 2),
    ("A38", "Ville de Mondeville", "commune", "Mondeville", "Caen la Mer", "collectivité",
     "habiter", "commune voisine", 4, 2),
    ("A39", "Ville d'Hérouville-Saint-Clair", "commune", "Hérouville-Saint-Clair", "Caen la Mer",
     "collectivité", "habiter", "commune voisine", 4, 2),
    ("A40", "Ville de Giberville", "commune", "Giberville", "Caen la Mer", "collectivité",
     "habiter; se nourrir", "commune voisine", 3, 3),
    ("A41", "Jardins partagés du Plateau", "association", "Colombelles", "Colombelles",
     "jardinage", "se nourrir", "association", 1, 4),
    ("A42", "Centre socioculturel de Colombelles", "association", "Colombelles", "Colombelles",
     "animation sociale et culturelle", "se cultiver; se former", "partenaire", 2, 4),
]
CO_WEB = {"A10": "https://www.tzcld.fr", "A05": "https://www.calvados.fr"}


def colombelles() -> dict[str, list[dict]]:
    acteurs = actors("colombelles", CO_ACTORS, CO_WEB)
    ft = "P05"  # every outside relation of France Travail goes through its TZCLD referent
    relations = [
        R("A01", "A02", "coopération", 3, None, 2016, None, "conviction du maire, tour de table"),
        R("A01", "A03", "gouvernance", 3, None, D(2017, 1, 1), None, "présidence de l'EBE"),
        R("A02", "A03", "gouvernance", 3, None, D(2017, 1, 1)),
        R("A02", "A11", "gouvernance", 3),
        R("A02", "A04", "gouvernance", 2),
        R("A04", "A38", "gouvernance", 1),
        R("A04", "A39", "gouvernance", 1),
        R("A03", "A10", "coopération", 2, None, 2017),
        R("A01", "A10", "interconnaissance", 2),
        R("A09", "A03", "convention", 3, "non", D(2017, 1, 1), None, "conventionnement de l'EBE"),
        R("A05", "A03", "convention", 2, None, 2017),
        R("A08", "A03", "convention", 2, None, 2017, None, "habilitation du territoire"),
        R("A08", "A09", "interconnaissance", 1),
        R("A03", "A14", "coopération", "2,5", None, 2016, None, "les volontaires deviennent salariés"),
        R("A03", "A15", "gouvernance", 3),
        R("A14", "A41", "coopération", 2),
        R("A03", "A16", "coopération", 2, None, 2019, None, "seul lien du tiers-lieu avec le projet"),
        R("A16", "A17", "coopération", 2),
        R("A16", "A18", "partenariat", 2, None, 2018, None, "ancien site de la SMN"),
        R("A17", "A19", "coopération", 1),
        R("A18", "A17", "interconnaissance", 1),
        R("A03", "A20", "coopération", 2),
        R("A11", "A20", "convention", 2, None, "2019"),
        R("A20", "A21", "coopération", 2),
        R("A11", "A28", "interconnaissance", 1),
        R("A03", "A27", "tension", 2, None, 2018, None, "crainte de concurrence sur l'entretien des locaux"),
        R("A22", "A02", "partenariat", 2),
        R("A24", "A11", "coopération", 2),
        R("A01", "A30", "partenariat", 2, None, 2018, None, "recherche-action sur l'expérimentation"),
        R("A30", "A31", "convention", 2),
        R("A31", "A32", "coopération", 2, None, None, None, "plateau technique partagé"),
        R("A33", "A01", "interconnaissance", 1),
        R("A12", "A11", "coopération", 1),
        R("A13", "A03", "coopération", 1),
        R("A42", "A02", "convention", 2),
        R("A42", "A14", "coopération", 2),
        R("A42", "A11", "interconnaissance", 1),
        R("A06", "A05", "interconnaissance", 1),
        R(ft, "A01", "coopération", 2, None, 2016),
        R(ft, "A11", "coopération", 2),
        R(ft, "A12", "interconnaissance", 1),
        R(ft, "A13", "interconnaissance", 1),
        R(ft, "A14", "coopération", 2, None, "15/09/2016", None, "réunions d'information collectives"),
        R("P02", "P03", "gouvernance", 3, None, 2017, None, "président et directeur de l'EBE"),
        R("P01", "P04", "coopération", 3, None, 2016),
        R("Ville de Colombelles", "Comité des fêtes de Colombelles", "tension", 1, None, 2021, None,
          "désaccord sur l'usage de la salle des fêtes"),
    ]
    flux = [
        F(ft, "A03", "personnes", 25, "personnes/an", None, None, 2017, None,
          "orientation de demandeurs d'emploi de longue durée"),
        F("A16", "A03", "achat / prestation", 24000, "€/an", None, None, 2019, None, "entretien et conciergerie de la halle"),
        F("A25", "A03", "sous-traitance", 12000, "€/an", None, None, None, None, "ponçage et montage"),
        F("A26", "A03", "achat / prestation", 3000, "€/an", None, None, None, None, "livraison de pain à domicile"),
        F("A29", "A03", "achat / prestation", 2500, "€/an", None, None, None, None,
          "livraison de courses aux personnes âgées"),
        F("A22", "A03", "achat / prestation", 40000, "€/an", None, None, 2018, None, "entretien des espaces verts"),
        F("A24", "A03", "achat / prestation", 18000, "€/an"),
        F("A33", "A03", "financement", 50000, "€", None, None, D(2018, 3, 1), None, "prêt participatif"),
        F("A06", "A16", "financement", 40000, "€", None, None, 2020, None, "investissement du tiers-lieu"),
        F("A06", "A01", "financement", 15000, "€/an"),
        F("A04", "A03", "financement", 20000, "€/an", None, None, None, None, "activité de recyclerie"),
        F("A05", "A03", "financement", 300000, "€/an", None, None, 2017, None,
          "contribution au développement de l'emploi, part départementale"),
        F("A09", "A03", "financement", 950000, "€/an", None, None, 2017, None,
          "contribution au développement de l'emploi, part État"),
        F("A05", "A01", "financement", 20000, "€/an"),
        F("A02", "A03", "mise à disposition", 1, "bâtiment", None, None, 2017, None, "ancienne école"),
        F("A03", "A20", "biens / matières", "1,2", "t/an", None, None, None, None, "légumes du potager de l'EBE"),
    ]
    interdependances = [
        F("A03", "A35", "effet utile", None, None, 1, None, None, None,
          "moins de prestations versées (RSA, prime d'activité) : la CAF ne finance pas"),
        F("A03", "A36", "effet utile", None, None, 1, None, None, None, "santé des personnes revenues à l'emploi"),
        F("A03", "A37", "effet utile", 85, "t/an", 1, None, None, None, "déchets détournés par la recyclerie"),
        F("A03", "A05", "effet utile", None, None, 1, None, None, None, "moins d'allocataires du RSA"),
        F("A03", "A09", "dépendance", None, None, 3, None, None, None, "contribution au développement de l'emploi"),
        F("A03", "A02", "dépendance", None, None, 2, None, None, None, "locaux"),
        F("A01", "A21", "mutualisation", None, None, 1, None, None, None, "locaux de la Maison de la solidarité"),
        F("A20", "A21", "mutualisation", None, None, 2, None, None, None, "véhicule de collecte"),
    ]
    collectifs = [
        {"id": "C01", "nom": "Comité local pour l'emploi de Colombelles", "type": "comité de pilotage",
         "description": "pilotage local de l'expérimentation"},
        {"id": "C02", "nom": "Conseil d'administration d'ATIPIC", "type": "conseil d'administration à collèges",
         "description": "gouvernance partenariale de l'EBE, par collège"},
        {"id": "C03", "nom": "Réseau Territoires zéro chômeur", "type": "réseau / fédération",
         "description": "réseau national des territoires habilités"},
        {"id": "C04", "nom": "Maison de la solidarité", "type": "tiers-lieu",
         "description": "lieu mutualisé d'associations et de financeurs solidaires"},
        {"id": "C05", "nom": "Groupe de travail Activités nouvelles", "type": "groupe de travail",
         "description": "identification d'activités utiles et non concurrentes"},
    ]
    adhesions = [
        M("A02", "C01", "présidence", 2016), M("A01", "C01", "animation", 2016), M("A03", "C01", None, 2017),
        M("A07", "C01"), M("A05", "C01"), M("A08", "C01"), M("A11", "C01"), M("A04", "C01"),
        M("A12", "C01"), M("A13", "C01"), M("A14", "C01", "volontaires"),
        M("A26", "C01", "représentant des entreprises"), M("A21", "C01"),
        M("A02", "C02", "collège des fondateurs", D(2017, 1, 1)),
        M("A01", "C02", "collège des fondateurs", D(2017, 1, 1)),
        M("A22", "C02", "collège des clients"), M("A24", "C02", "collège des clients"),
        M("A25", "C02", "collège des clients"),
        M("A20", "C02", "collège des membres associatifs"),
        M("A17", "Conseil d'administration d'ATIPIC", "collège des membres associatifs"),
        M("A21", "C02", "collège des membres associatifs"),
        M("A15", "C02", "collège des salariés élus"),
        M("A10", "C03", "tête de réseau"), M("A03", "C03"), M("A02", "C03"), M("A01", "C03"), M("A09", "C03"),
        M("A01", "C04"), M("A21", "C04"), M("A33", "C04"), M("A13", "C04"),
        M("A01", "C05", "animation", 2019), M("A03", "C05"), M("A14", "C05"), M("A16", "C05"),
        M("A15", "C05"), M("A31", "C05", None, 2022),
    ]
    ressources = rows_of(["acteur", "ressource", "categorie"], [
        ("A23", "local d'activité vacant en pied d'immeuble à Colombelles", "locaux"),
        ("A40", "terrain agricole communal de 1,5 ha", "foncier"),
        ("A34", "mécénat et microcrédit", "financement"),
        ("A31", "formations qualifiantes (conduite d'engins, hygiène alimentaire)", "compétences"),
        ("A16", "halle et cuisine professionnelle", "locaux"),
        ("A02", "prêt de barnums et de tables", "matériel"),
        ("A33", "garanties et prêts solidaires", "financement"),
        ("A03", "main-d'œuvre polyvalente (entretien, livraison, recyclerie)", "compétences"),
        ("A25", "chutes de bois et atelier", "matériel"),
    ])
    besoins = rows_of(["acteur", "besoin", "categorie"], [
        ("A03", "local de stockage pour la recyclerie", "locaux"),
        ("A03", "terrain pour développer un maraîchage", "foncier"),
        ("A03", "formation des salariés à la conduite d'engins", "compétences"),
        ("A20", "financement d'un véhicule frigorifique", "financement"),
        ("A14", "lieu de réunion en soirée", "locaux"),
        ("A17", "matériel pour les fêtes de quartier", "matériel"),
        ("A24", "animations intergénérationnelles", "compétences"),
    ])
    personnes = rows_of(["id", "nom", "acteur", "fonction"], [
        ("P01", "Hélène T.", "A01", "animatrice du comité local"),
        ("P02", "Bruno V.", "A01", "administrateur, président de l'EBE"),
        ("P03", "Malik A.", "A03", "directeur"),
        ("P04", "Céline P.", "A02", "élue déléguée à l'emploi"),
        ("P05", "Sandrine M.", "A07", "référente TZCLD"),
        ("P06", "Olivier C.", "France Travail – agence d'Hérouville-Saint-Clair", "directeur d'agence"),
    ])
    types = [
        T("conseil d'administration à collèges", "collectif", None, None, "#88CCEE",
          "Gouvernance partenariale organisée en collèges"),
        T("sous-traitance", "relation", "flux", "oui", "#DDCC77", "Travaux confiés en sous-traitance"),
    ]
    return {"acteurs": acteurs, "relations": relations, "flux": flux,
            "interdependances": interdependances, "collectifs": collectifs,
            "adhesions": adhesions, "ressources": ressources, "besoins": besoins,
            "personnes": personnes, "types": types}


# ======================================================================================
# 4. Lens-Liévin: food programme (PAT) and the Écopôle alimentaire d'Audruicq.
# ======================================================================================
LL_ACTORS = [
    ("A01", "Communauté d'agglomération de Lens-Liévin", "intercommunalité", "Liévin", "Lens-Liévin",
     "projet alimentaire territorial", "se nourrir; travailler", "porteur du PAT", 5, 5),
    ("A02", "Les Anges Gardins – Écopôle alimentaire d'Audruicq", "entreprise de l'ESS", "Audruicq",
     "Région d'Audruicq", "maraîchage biologique; insertion; éducation", "se nourrir; travailler; se former",
     "PTCE de référence", 4, 5),
    ("A03", "Écopôle alimentaire de Lens-Liévin", "entreprise de l'ESS", "Loos-en-Gohelle", "Lens-Liévin",
     "maraîchage; transformation; animation", "se nourrir; travailler; se former", "opérateur du PAT", 3, 5),
    ("A04", "Ville de Lens", "commune", "Lens", "Lens-Liévin", "collectivité", "habiter; se nourrir",
     "commune", 4, 3),
    ("A05", "Ville de Liévin", "commune", "Liévin", "Lens-Liévin", "collectivité", "habiter; se nourrir",
     "commune", 4, 4),
    ("A06", "Ville de Loos-en-Gohelle", "commune", "Loos-en-Gohelle", "Lens-Liévin", "collectivité; transition",
     "habiter; se nourrir", "commune d'accueil", 3, 5),
    ("A07", "Ville d'Avion", "commune", "Avion", "Lens-Liévin", "collectivité", "habiter", "commune", 3, 2),
    ("A08", "Ville de Harnes", "commune", "Harnes", "Lens-Liévin", "collectivité", "habiter", "commune", 3, 2),
    ("A09", "Cuisine centrale de Liévin", "établissement public", "Liévin", "Lens-Liévin",
     "restauration collective", "se nourrir", "acheteur", 3, 4),
    ("A10", "Restaurant scolaire intercommunal de Grenay", "établissement public", "Grenay", "Lens-Liévin",
     "restauration scolaire", "se nourrir", "acheteur", 2, 3),
    ("A11", "Le Panier Gohellois", "magasin de producteurs", "Lens", "Lens-Liévin",
     "magasin de producteurs (SAS)", "se nourrir; travailler", "magasin de producteurs", 2, 4),
    ("A12", "Ferme maraîchère des Terrils", "exploitation agricole", "Loos-en-Gohelle", "Lens-Liévin",
     "maraîchage", "se nourrir", "producteur", 2, 4),
    ("A13", "GAEC du Val de Souchez", "entreprise", "Souchez", "Lens-Liévin", "polyculture-élevage",
     "se nourrir", "producteur", 2, 3),
    ("A14", "Ferme bio de la Gohelle", "entreprise", "Hulluch", "Lens-Liévin", "légumes biologiques",
     "se nourrir", "producteur", 2, 4),
    ("A15", "Élevage des Deux Terrils", "entreprise", "Grenay", "Lens-Liévin", "lait et fromages",
     "se nourrir", "producteur", 1, 3),
    ("A16", "Vergers de l'Artois", "entreprise", "Harnes", "Lens-Liévin", "arboriculture",
     "se nourrir", "producteur", 1, 2),
    ("A17", "Banque alimentaire du Pas-de-Calais", "association", "Arras", "Pas-de-Calais",
     "aide alimentaire", "se nourrir", "approvisionnement des associations", 3, 4),
    ("A18", "Restos du Cœur – centre de Lens", "association", "Lens", "Lens-Liévin", "aide alimentaire",
     "se nourrir", "association", 2, 3),
    ("A19", "Secours populaire – comité de Liévin", "association", "Liévin", "Lens-Liévin",
     "aide alimentaire", "se nourrir", "association", 2, 3),
    ("A20", "Épicerie solidaire d'Avion", "association", "Avion", "Lens-Liévin", "aide alimentaire",
     "se nourrir", "association", 1, 4),
    ("A21", "CCAS de Lens", "CCAS", "Lens", "Lens-Liévin", "action sociale", "se nourrir; se soigner",
     "action sociale", 3, 3),
    ("A22", "CCAS de Liévin", "établissement public", "Liévin", "Lens-Liévin", "action sociale",
     "se nourrir; se soigner", "action sociale", 3, 4),
    ("A23", "Les Potagers du Bassin minier", "entreprise de l'ESS", "Grenay", "Lens-Liévin",
     "atelier chantier d'insertion; maraîchage", "se nourrir; travailler", "structure d'insertion", 2, 5),
    ("A24", "Légumerie d'insertion de la Gohelle", "entreprise de l'ESS", "Liévin", "Lens-Liévin",
     "légumerie; insertion", "se nourrir; travailler", "structure d'insertion", 3, 5),
    ("A25", "Trait d'Union Logistique", "entreprise d'insertion", "Lens", "Lens-Liévin",
     "transport frigorifique; insertion", "se déplacer; travailler", "structure d'insertion", 2, 3),
    ("A26", "Chambre d'agriculture du Nord-Pas de Calais", "chambre consulaire", "Arras", "Nord-Pas-de-Calais",
     "agriculture", "se nourrir; travailler", "appui aux agriculteurs", 4, 3),
    ("A27", "Département du Pas-de-Calais", "département", "Arras", "Pas-de-Calais",
     "insertion; collèges", "se nourrir; travailler", "financeur", 5, 3),
    ("A28", "Région Hauts-de-France", "région", "Lille", "Hauts-de-France",
     "agriculture; développement économique", "se nourrir; travailler", "financeur", 5, 2),
    ("A29", "DRAAF Hauts-de-France", "État / service déconcentré", "Lille", "Hauts-de-France",
     "alimentation; agriculture", "se nourrir", "labellisation du PAT", 4, 4),
    ("A30", "ADEME Hauts-de-France", "établissement public", "Lille", "Hauts-de-France",
     "transition écologique", "se nourrir", "financeur", 3, 3),
    ("A31", "Université d'Artois – pôle de Lens", "formation / recherche", "Lens", "Lens-Liévin",
     "recherche; géographie de l'alimentation", "se former", "partenaire de recherche", 3, 3),
    ("A32", "Lycée agricole de Tilloy-lès-Mofflaines", "formation / recherche", "Tilloy-lès-Mofflaines",
     "Arrageois", "enseignement agricole", "se former; se nourrir", "formation", 2, 3),
    ("A33", "Collectif citoyen Lens en Transition", "citoyens / collectif d'habitants", "Lens",
     "Lens-Liévin", "transition; alimentation", "se nourrir; se cultiver", "collectif d'habitants", 1, 5),
    ("A34", "Maisons & Cités", "bailleur social", "Douai", "Bassin minier",
     "logement social des cités minières", "habiter", "bailleur", 4, 2),
    ("A35", "CPAM de l'Artois", "établissement public", "Arras", "Artois",
     "assurance maladie; prévention", "se soigner", "bénéficiaire d'effets utiles", 4, 2),
    ("A36", "Harmonie Mutuelle", "financeur", "Lille", "Hauts-de-France",
     "mutuelle santé", "se soigner", "bénéficiaire d'effets utiles", 3, 2),
    ("A37", "Crédit Agricole Nord de France", "financeur", "Lille", "Hauts-de-France",
     "banque", "se nourrir; travailler", "prêteur", 3, 2),
    ("A38", "France Active Pas-de-Calais", "financeur", "Arras", "Pas-de-Calais",
     "finance solidaire", "travailler", "financeur solidaire", 3, 3),
    ("A39", "Commune d'Audruicq", "commune", "Audruicq", "Région d'Audruicq", "collectivité",
     "habiter; se nourrir", "commune d'accueil de l'écopôle", 3, 4),
    ("A40", "Communauté de communes de la Région d'Audruicq", "EPCI", "Audruicq", "Région d'Audruicq",
     "développement économique", "se nourrir; travailler", "collectivité partenaire", 3, 4),
    ("A41", "Ferme du Marais", "entreprise", "Audruicq", "Région d'Audruicq", "maraîchage",
     "se nourrir", "producteur", 1, 3),
    ("A42", "Cantine municipale d'Audruicq", "établissement public", "Audruicq", "Région d'Audruicq",
     "restauration scolaire", "se nourrir", "acheteur", 1, 3),
    ("A43", "Minoterie coopérative du Laonnois", "entreprise de l'ESS", "Laon", "Laonnois (Aisne)",
     "meunerie", "se nourrir", "fournisseur", 1, 2),
    ("A44", "Nature et Jardins de Grenay", "association", "Grenay", "Lens-Liévin",
     "jardins familiaux; éducation à l'environnement", "se nourrir; se cultiver", "association", 1, 4),
    ("A45", "Ville de Grenay", "commune", "Grenay", "Lens-Liévin", "collectivité", "habiter",
     "commune", 2, 3),
]
LL_WEB = {"A27": "https://www.pasdecalais.fr", "A28": "https://www.hautsdefrance.fr"}


def lens_lievin() -> dict[str, list[dict]]:
    acteurs = actors("lens_lievin", LL_ACTORS, LL_WEB)
    chef = "P03"  # every outside relation of the central kitchen goes through its chef
    relations = [
        R("A01", "A03", "convention", 3, None, 2019, None, "opérateur écopôle du PAT"),
        R("A02", "A01", "convention", 2, None, "15/03/2019", None, "transfert de la démarche d'écopôle"),
        R("A02", "A03", "gouvernance", 3, None, 2019),
        R("A02", "A39", "partenariat", 3, None, 2010),
        R("A02", "A40", "convention", 3, None, 2012),
        R("A39", "A40", "gouvernance", 2),
        R("A02", "A41", "coopération", 2),
        R("A39", "A42", "gouvernance", 2),
        R("A01", "A04", "gouvernance", 2),
        R("A01", "A05", "gouvernance", 2),
        R("A01", "A06", "gouvernance", 2),
        R("A01", "A07", "gouvernance", 1),
        R("A01", "A08", "gouvernance", 1),
        R("A01", "A45", "gouvernance", 1),
        R("A06", "A03", "partenariat", 3, None, D(2019, 10, 1)),
        R("A03", "A12", "coopération", 2),
        R("A03", "A14", "coopération", 2),
        R("A03", "A23", "coopération", 2),
        R("A03", "A24", "partenariat", "2,5", None, 2020),
        R("A03", "A33", "coopération", 2, None, 2018),
        R("A03", "A31", "partenariat", 2),
        R("A11", "A12", "gouvernance", 3, None, 2017, None, "associé du magasin"),
        R("A11", "A13", "gouvernance", 3, None, 2017, None, "associé du magasin"),
        R("A11", "A14", "gouvernance", 2, None, 2019, None, "associé du magasin"),
        R("A11", "A15", "gouvernance", 2, None, 2017, None, "associé du magasin"),
        R("A11", "A04", "interconnaissance", 1),
        R("A26", "A12", "interconnaissance", 1),
        R("A26", "A13", "coopération", 2),
        R("A26", "A01", "partenariat", 2),
        R("A26", "A32", "convention", 2),
        R("A26", "A03", "tension", 1, None, 2021, None, "désaccord sur l'usage du foncier agricole"),
        R("A24", "A25", "coopération", 2),
        R("A21", "A04", "gouvernance", 3),
        R("A22", "A05", "gouvernance", 3),
        R("A27", "A01", "coopération", 1),
        R("A29", "A01", "convention", 2, None, D(2020, 2, 1), None, "labellisation du PAT"),
        R("A31", "A33", "coopération", 1),
        R("A33", "A06", "coopération", 2),
        R("A44", "A23", "coopération", 2),
        R("A44", "A45", "partenariat", 1),
        R("A23", "A45", "convention", 2, None, None, None, "parcelle communale"),
        R("Ville de Grenay", "restaurant scolaire intercommunal de grenay", "gouvernance", 2),
        R("A17", "A18", "coopération", 2),
        R("A17", "A19", "coopération", 2),
        R("A18", "A19", "interconnaissance", 1),
        R(chef, "A12", "coopération", 3, "oui", 2018, None, "commandes directes de légumes"),
        R(chef, "A11", "coopération", 2),
        R(chef, "A24", "convention", 3, None, D(2021, 1, 4), None, "légumes prêts à cuisiner"),
        R(chef, "A01", "coopération", 2, None, 2019, None, "groupe restauration collective du PAT"),
        R(chef, "A22", "interconnaissance", 1),
        R("P01", "P02", "coopération", 3, "non", 2019, None, "binôme d'animation du PAT"),
    ]
    flux = [
        F("A06", "A03", "mise à disposition", "1,5", "ha", None, None, 2019, None, "terrain et serre municipale"),
        F("A02", "A42", "biens / matières", 4, "t/an", None, None, None, None, "légumes bio pour la cantine"),
        F("A43", "A11", "biens / matières", 3, "t/an", None, None, None, None, "farine"),
        F("A24", "A10", "biens / matières", 6, "t/an"),
        F("A24", chef, "biens / matières", 18, "t/an", None, None, 2021, None, "livraisons suivies par le chef"),
        F("A24", "A25", "achat / prestation", 15000, "€/an", None, None, None, None, "transport frigorifique"),
        F("A21", "A24", "personnes", 8, "personnes/an", None, None, None, None, "orientation vers l'insertion"),
        F("A22", "A23", "personnes", 6, "personnes/an"),
        F("A27", "A23", "financement", 60000, "€/an"),
        F("A27", "A24", "financement", 45000, "€/an"),
        F("A28", "A03", "financement", 80000, "€", None, None, 2020, None, "investissement serre et légumerie"),
        F("A28", "A02", "financement", 50000, "€/an"),
        F("A29", "A01", "financement", 70000, "€", None, None, 2020, D(2022, 12, 31), "appel à projets PAT"),
        F("A30", "A01", "financement", 40000, "€/an"),
        F("A37", "A11", "financement", 120000, "€", None, None, 2017, None, "prêt pour l'aménagement du magasin"),
        F("A03", "A17", "don alimentaire", 4, "t/an", None, None, None, None, "surplus de légumes"),
        F("A17", "A18", "don alimentaire", 120, "t/an"),
        F("A17", "A19", "don alimentaire", 85, "t/an"),
        F("A17", "A20", "don alimentaire", 30, "t/an"),
        F("A12", "A11", "biens / matières", 25, "t/an", None, None, None, None, "légumes en dépôt-vente"),
    ]
    interdependances = [
        F("A03", "A35", "effet utile", None, None, 1, None, None, None,
          "ateliers cuisine et prévention : bénéfice pour l'assurance maladie, qui ne finance pas"),
        F("A24", "A35", "effet utile", None, None, 1, None, None, None, "légumes frais dans les cantines"),
        F("A03", "A36", "effet utile", None, None, 1, None, None, None,
          "alimentation saine des adhérents : la mutuelle ne finance pas"),
        F("A11", "A12", "dépendance", None, None, 2, None, None, None, "approvisionnement en légumes"),
        F("A03", "A24", "mutualisation", None, None, 2, None, None, None, "chambre froide partagée"),
        F("A23", "A03", "dépendance", None, None, 2, None, None, None, "débouchés commerciaux"),
        F("A02", "A39", "dépendance", None, None, 1, None, None, None, "foncier de l'écopôle"),
    ]
    collectifs = [
        {"id": "C01", "nom": "Comité de pilotage du PAT de Lens-Liévin", "type": "comité de pilotage",
         "description": "projet alimentaire territorial"},
        {"id": "C02", "nom": "PTCE Écopôle alimentaire", "type": "PTCE",
         "description": "pôle territorial de coopération économique né à Audruicq"},
        {"id": "C03", "nom": "Groupe de travail restauration collective", "type": "groupe de travail",
         "description": "approvisionnement local des cantines"},
        {"id": "C04", "nom": "Tiers-lieu de la Base 11/19", "type": "tiers-lieu",
         "description": "lieu de transition sur un ancien site minier"},
    ]
    adhesions = [
        M("A01", "C01", "pilote", 2019), M("A03", "C01", None, 2019), M("A26", "C01"), M("A27", "C01"),
        M("A29", "C01"), M("A30", "C01"), M("A31", "C01"), M("A21", "C01"), M("A22", "C01"),
        M("A17", "C01"), M("A33", "C01", "collège des habitants"), M("A02", "C01", "invité"),
        M("A02", "C02", "porteur", 2007), M("A03", "C02", None, 2019), M("A39", "C02"), M("A40", "C02"),
        M("A41", "C02"), M("A23", "C02"), M("A24", "C02"), M("A16", "PTCE Écopôle alimentaire", None, 2022),
        M("A09", "C03"), M("A10", "C03"), M("A42", "C03"), M("A24", "C03", "animation"), M("A11", "C03"),
        M("A12", "C03"), M("A26", "C03"),
        M("A03", "C04"), M("A33", "C04"), M("A31", "C04"), M("A06", "C04"), M("A44", "C04"),
    ]
    ressources = rows_of(["acteur", "ressource", "categorie"], [
        ("A16", "pommes déclassées et surplus de récolte", "produits alimentaires"),
        ("A34", "jardins et parcelles en friche dans les cités minières", "foncier"),
        ("A38", "garanties d'emprunt et prêts solidaires", "financement"),
        ("A37", "prêts aux entreprises agricoles", "financement"),
        ("A24", "ligne de légumerie (lavage, épluchage, découpe)", "matériel"),
        ("A25", "tournées de livraison en camion frigorifique", "logistique"),
        ("A31", "étudiants et diagnostics alimentaires", "compétences"),
        ("A06", "terrain et serre municipale", "foncier"),
        ("A26", "appui technique à l'installation de maraîchers", "compétences"),
        ("A02", "méthode écopôle et formation des encadrants", "compétences"),
        ("A14", "légumes bio de plein champ", "produits alimentaires"),
        ("A03", "chambre froide partagée", "matériel"),
    ])
    besoins = rows_of(["acteur", "besoin", "categorie"], [
        ("A17", "produits frais", "produits alimentaires"),
        ("A17", "transport des denrées", "logistique"),
        ("A23", "parcelles cultivables près des cités", "foncier"),
        ("A23", "conseil technique en maraîchage biologique", "compétences"),
        ("A11", "financement d'un camion réfrigéré", "financement"),
        ("A11", "livraison aux cantines", "logistique"),
        ("A01", "évaluation du PAT", "compétences"),
        ("A09", "légumes bio locaux en volume", "produits alimentaires"),
        ("A20", "chambre froide", "matériel"),
        ("A03", "méthode et formation des encadrants", "compétences"),
    ])
    personnes = rows_of(["id", "nom", "acteur", "fonction"], [
        ("P01", "Pauline D.", "A01", "chargée de mission PAT"),
        ("P02", "Antoine L.", "A02", "directeur"),
        ("P03", "Mehdi A.", "A09", "chef de cuisine"),
        ("P04", "Sylvie C.", "Cuisine centrale de Liévin", "directrice du service"),
        ("P05", "Jeanne V.", "A03", "coordinatrice"),
        ("P06", "Samir H.", "A24", "encadrant technique"),
    ])
    types = [
        T("magasin de producteurs", "acteur", None, None, "#BBCC33", "Magasin de producteurs (personne morale)"),
        T("don alimentaire", "relation", "flux", "oui", "#EE8866", "Don de denrées"),
    ]
    return {"acteurs": acteurs, "relations": relations, "flux": flux,
            "interdependances": interdependances, "collectifs": collectifs,
            "adhesions": adhesions, "ressources": ressources, "besoins": besoins,
            "personnes": personnes, "types": types}


# The `territoire` sheet of each sample (FORMAT.md section 1): name, date, perimeter (the
# communes of the territory, as written in the actors' `commune` column), source, author.
# Head offices in Beauvais, Lille, Caen or Arras are "hors périmètre".
PB_PERIMETER = ["Saint-Aubin-en-Bray", "Ons-en-Bray", "Lachapelle-aux-Pots",
                "Le Coudray-Saint-Germer", "Saint-Germer-de-Fly", "Auneuil", "Savignies"]
LL_PERIMETER = ["Lens", "Liévin", "Loos-en-Gohelle", "Avion", "Grenay", "Harnes", "Souchez",
                "Hulluch"]
TERRITORY_SHEETS = {
    "pays_de_bray_2023.xlsx": ("Pays de Bray", 2023, PB_PERIMETER,
                               "Entretiens et ateliers du PTCE, 2023",
                               "Maison d'Économie Solidaire du Pays de Bray"),
    "pays_de_bray_2024.xlsx": ("Pays de Bray", 2024, PB_PERIMETER,
                               "Entretiens et ateliers du PTCE, 2024",
                               "Maison d'Économie Solidaire du Pays de Bray"),
    "voisinerie_wazemmes.xlsx": ("Voisinerie de Wazemmes", D(2023, 10, 1), ["Lille"],
                                 "Ateliers avec les sociétaires de la SCIC",
                                 "Équipe de la Voisinerie, avec l'APES"),
    "colombelles_tzcld.xlsx": ("Colombelles TZCLD", D(2023, 6, 1), ["Colombelles"],
                               "Comité local pour l'emploi, entretiens",
                               "Comité local pour l'emploi de Colombelles"),
    "lens_lievin_alimentation.xlsx": ("Lens-Liévin : alimentation", D(2023, 3, 1), LL_PERIMETER,
                                      "Diagnostic du projet alimentaire territorial",
                                      "Mission PAT de la communauté d'agglomération"),
}


def territory_sheet(name: str) -> list[dict]:
    nom, date, perimeter, source, author = TERRITORY_SHEETS[name]
    return [{"champ": "nom", "valeur": nom}, {"champ": "date", "valeur": date},
            {"champ": "perimetre", "valeur": "; ".join(perimeter)},
            {"champ": "source", "valeur": source}, {"champ": "auteur", "valeur": author}]


SAMPLES = {
    "pays_de_bray_2023.xlsx": lambda: pays_de_bray(2023),
    "pays_de_bray_2024.xlsx": lambda: pays_de_bray(2024),
    "voisinerie_wazemmes.xlsx": voisinerie,
    "colombelles_tzcld.xlsx": colombelles,
    "lens_lievin_alimentation.xlsx": lens_lievin,
}
CSV_OF = {"voisinerie_wazemmes.xlsx": "voisinerie_wazemmes_csv"}
CP1252_SHEET = "ressources"

# ======================================================================================
# Writing
# ======================================================================================
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")


def write_xlsx(data: dict[str, list[dict]], path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for sheet, headers in HEADERS.items():
        ws = wb.create_sheet(sheet)
        ws.append(headers)
        for cell in ws[1]:
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(vertical="center")
        for row in data[sheet]:
            unknown = set(row) - set(headers)
            if unknown:
                raise ValueError(f"{sheet}: columns {unknown} not in the headers")
            ws.append([row.get(h) for h in headers])
        widths = [len(h) for h in headers]
        for r, row in enumerate(data[sheet], start=2):
            for c, h in enumerate(headers, start=1):
                value = row.get(h)
                cell = ws.cell(row=r, column=c)
                if h in TEXT_COLUMNS and value is not None:
                    cell.number_format = "@"
                if isinstance(value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
                widths[c - 1] = max(widths[c - 1], len(str(value)) if value is not None else 0)
        for c, w in enumerate(widths, start=1):
            ws.column_dimensions[ws.cell(row=1, column=c).column_letter].width = min(60, w + 2)
        ws.freeze_panes = "A2"
    props = wb.properties
    props.creator = CREATOR
    props.lastModifiedBy = CREATOR
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.title = path.stem
    props.language = "fr-FR"
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(_stable_zip(buffer.getvalue()))


def _stable_zip(raw: bytes) -> bytes:
    """The same archive with a fixed timestamp and fixed attributes on every member."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            member.create_system = 0
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps "modified" with the time of saving: pin it.
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>",
                    content,
                )
            dst.writestr(member, content)
    return out.getvalue()


def _csv_value(value) -> str:
    """A cell as French Excel writes it in "CSV UTF-8": dates JJ/MM/AAAA, decimal comma."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def write_csv_folder(data: dict[str, list[dict]], folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for sheet, headers in HEADERS.items():
        encoding = "cp1252" if sheet == CP1252_SHEET else "utf-8-sig"
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(headers)
        for row in data[sheet]:
            writer.writerow([_csv_value(row.get(h)) for h in headers])
        (folder / f"{sheet}.csv").write_bytes(buffer.getvalue().encode(encoding))
    (folder / "README.md").write_text(CSV_README, encoding="utf-8")


CSV_README = """\
# voisinerie_wazemmes_csv

Le même territoire que `../voisinerie_wazemmes.xlsx`, sous forme d'un dossier de fichiers CSV,
un par feuille, tels que les écrit Excel en français : séparateur `;`, dates `JJ/MM/AAAA`,
virgule décimale (`2,5`, `50,6281`).

- Tous les fichiers sont en **UTF-8 avec BOM** (« CSV UTF-8 » d'Excel),
- **sauf `ressources.csv`, encodé en Windows-1252** (« CSV (séparateur : point-virgule) »
  d'Excel sous Windows), pour vérifier la détection de l'encodage.

The same territory as `../voisinerie_wazemmes.xlsx`, as a folder of CSV files, one per sheet,
as French Excel writes them: `;` separator, dates `DD/MM/YYYY`, decimal comma. Every file is
UTF-8 with a BOM **except `ressources.csv`, which is Windows-1252**, to exercise encoding
detection. Generated by `../build_samples.py`; do not edit by hand.
"""


def build() -> list[Path]:
    written = []
    for name, make in SAMPLES.items():
        data = {**make(), "territoire": territory_sheet(name)}
        path = HERE / name
        write_xlsx(data, path)
        written.append(path)
        if name in CSV_OF:
            folder = HERE / CSV_OF[name]
            write_csv_folder(data, folder)
            written.append(folder)
    # The package copy used by `territoire-graphe demo`.
    PACKAGE_SAMPLES.mkdir(parents=True, exist_ok=True)
    for path in written:
        target = PACKAGE_SAMPLES / path.name
        if path.is_dir():
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(path, target)
        else:
            shutil.copyfile(path, target)
    if (HERE / "README.md").exists():
        shutil.copyfile(HERE / "README.md", PACKAGE_SAMPLES / "README.md")
    return written


# ======================================================================================
# Checking
# ======================================================================================
def loose(value) -> str:
    text = unicodedata.normalize("NFKD", str(value).replace("œ", "oe").replace("Œ", "OE"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(text.split())


# What each sample is meant to show (documented in README.md and checked below).
EXPECTED = {
    "pays_de_bray_2023.xlsx": {
        "no_ties_between_communes": ("Songeons", "Gournay-en-Bray"),
        "linked_complementarities": {("A04", "A44", "compétences"), ("A20", "A01", "financement")},
        "isolated": {"A17", "A31", "A41"},
        "articulation": {"A04", "A06"},
        "bridges": {("A04", "A44"), ("A06", "A49")},
        "person_dependency": ("A03", "P01"),
        "no_ties_between_types": ("entreprise", "formation / recherche"),
        "effet_utile_only": {"A38", "A39"},
        "complementarities": {("A17", "A06", "foncier"), ("A41", "A04", "matériaux"),
                              ("A31", "A05", "matériel"), ("A24", "A09", "financement"),
                              ("A18", "A08", "locaux"), ("A32", "A04", "matériaux"),
                              ("A01", "A33", "locaux")},
        "members_without_ties": {("C03", "A47"), ("C05", "A31")},
    },
    "pays_de_bray_2024.xlsx": {
        "no_ties_between_communes": ("Songeons", "Gournay-en-Bray"),
        "linked_complementarities": {("A04", "A44", "compétences"), ("A17", "A06", "foncier")},
        "isolated": {"A31", "A41"},
        "articulation": {"A04"},
        "bridges": {("A04", "A44")},
        "person_dependency": ("A03", "P09"),
        "no_ties_between_types": ("entreprise", "formation / recherche"),
        "effet_utile_only": {"A38", "A39"},
        "complementarities": {("A41", "A04", "matériaux"), ("A31", "A05", "matériel"),
                              ("A24", "A09", "financement"), ("A18", "A08", "locaux")},
        "members_without_ties": {("C05", "A31")},
    },
    "voisinerie_wazemmes.xlsx": {
        "linked_complementarities": {("A24", "A29", "locaux")},
        "isolated": {"A28", "A32", "A34", "A39"},
        "articulation": {"A21", "A07"},
        "bridges": {("A01", "A21"), ("A07", "A24")},
        "person_dependency": ("A04", "P03"),
        "no_ties_between_types": ("entreprise", "établissement public"),
        "effet_utile_only": {"A11", "A33"},
        "complementarities": {("A34", "A27", "locaux"), ("A28", "A01", "compétences"),
                              ("A32", "A30", "financement"), ("A39", "A18", "compétences"),
                              ("A01", "A41", "locaux"), ("A21", "A36", "logistique")},
        "members_without_ties": {("C01", "A39"), ("C02", "A39"), ("C05", "A40")},
    },
    "colombelles_tzcld.xlsx": {
        "no_ties_between_communes": ("Mondeville", "Hérouville-Saint-Clair"),
        "linked_complementarities": {("A16", "A03", "locaux")},
        "isolated": {"A23", "A34", "A40", "A27"},
        "articulation": {"A16", "A01"},
        "bridges": {("A01", "A30")},
        "person_dependency": ("A07", "P05"),
        "no_ties_between_types": ("entreprise", "formation / recherche"),
        "effet_utile_only": {"A35", "A36", "A37"},
        "complementarities": {("A23", "A03", "locaux"), ("A40", "A03", "foncier"),
                              ("A31", "A03", "compétences"), ("A34", "A20", "financement"),
                              ("A33", "A20", "financement"), ("A16", "A14", "locaux"),
                              ("A02", "A17", "matériel")},
        "members_without_ties": {("C02", "A17"), ("C05", "A31")},
    },
    "lens_lievin_alimentation.xlsx": {
        "no_ties_between_communes": ("Audruicq", "Lens"),
        "linked_complementarities": {("A37", "A11", "financement"), ("A02", "A03", "compétences")},
        "isolated": {"A16", "A34", "A38"},
        "articulation": {"A02", "A17"},
        "bridges": {("A03", "A17")},
        "person_dependency": ("A09", "P03"),
        "no_ties_between_types": ("entreprise", "association"),
        "effet_utile_only": {"A35", "A36"},
        "complementarities": {("A16", "A17", "produits alimentaires"), ("A34", "A23", "foncier"),
                              ("A38", "A11", "financement"),
                              ("A25", "A11", "logistique"), ("A25", "A17", "logistique"),
                              ("A31", "A01", "compétences"), ("A26", "A23", "compétences"),
                              ("A14", "A09", "produits alimentaires"), ("A16", "A09", "produits alimentaires"),
                              ("A03", "A20", "matériel")},
        "members_without_ties": {("C02", "A16"), ("C03", "A42"), ("C04", "A44")},
    },
}

# The workbook variants used in the samples, mapped to the canonical type (the library's
# vocabulary does the same; kept here so that this script needs no import of the package).
TYPE_ALIASES = {
    "SCOP": "entreprise de l'ESS", "SCIC": "entreprise de l'ESS", "EBE": "entreprise de l'ESS",
    "ESAT": "entreprise de l'ESS", "entreprise d'insertion": "entreprise de l'ESS",
    "Associations": "association", "EPCI": "intercommunalité", "CCAS": "établissement public",
    "GRETA": "formation / recherche", "exploitation agricole": "entreprise",
}

FAMILY_OF_SHEET = {"relations": "lien", "flux": "flux", "interdependances": "interdependance"}


def read_workbook(path: Path) -> dict[str, list[dict]]:
    wb = load_workbook(path, data_only=True)
    out = {}
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        headers = [str(h) for h in rows[0]]
        out[ws.title] = [dict(zip(headers, r, strict=True)) for r in rows[1:]
                         if any(v is not None for v in r)]
    return out


def read_csv_folder(folder: Path) -> dict[str, list[dict]]:
    out = {}
    for path in sorted(folder.glob("*.csv")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
            encoding = "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8"
        except UnicodeDecodeError:
            text, encoding = raw.decode("cp1252"), "cp1252"
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        out[path.stem] = [dict(zip(rows[0], r, strict=True)) for r in rows[1:] if any(r)]
        out.setdefault("_encodings", []).append((path.name, encoding))
    return out


def check_sample(name: str, data: dict[str, list[dict]]) -> list[str]:
    """Structural checks; returns the problems found (empty when all is well)."""
    problems: list[str] = []
    actors_ = data["acteurs"]
    people = data["personnes"]
    colls = data["collectifs"]
    if not 30 <= len(actors_) <= 80:
        problems.append(f"{len(actors_)} actors, expected 30 to 80")
    fields = {row["champ"]: row["valeur"] for row in data.get("territoire", [])}
    if set(fields) != {"nom", "date", "perimetre", "source", "auteur"}:
        problems.append(f"territoire sheet fields {sorted(fields)}")
    communes = {row["commune"] for row in actors_}
    for commune in str(fields.get("perimetre", "")).split(";"):
        if commune.strip() not in COMMUNES or commune.strip() not in communes:
            problems.append(f"perimeter commune {commune.strip()!r} unknown or without actor")
    for sheet in HEADERS:
        if not data.get(sheet):
            problems.append(f"sheet {sheet} is empty")
    index: dict[str, tuple[str, str]] = {}
    for kind, rows in (("actor", actors_), ("collective", colls), ("person", people)):
        for row in rows:
            for key in (row["id"], row["nom"]):
                k = loose(key)
                if k in index and index[k] != (kind, row["id"]):
                    problems.append(f"duplicate id or name {key!r}")
                index[k] = (kind, row["id"])

    def resolve(ref, kinds) -> str | None:
        found = index.get(loose(ref))
        if found is None or found[0] not in kinds:
            problems.append(f"unresolved reference {ref!r} (expected {kinds})")
            return None
        return found[1]

    person_actor = {p["id"]: resolve(p["acteur"], {"actor"}) for p in people}
    for sheet in FAMILY_OF_SHEET:
        for row in data[sheet]:
            resolve(row["source"], {"actor", "person"})
            resolve(row["cible"], {"actor", "person"})
    for row in data["adhesions"]:
        resolve(row["acteur"], {"actor"})
        resolve(row["collectif"], {"collective"})
    for sheet in ("ressources", "besoins"):
        for row in data[sheet]:
            resolve(row["acteur"], {"actor"})
    if problems:
        return problems

    # The analysis graph of FORMAT.md section 2: one undirected tie between two actors
    # who have at least one relation other than a tension; people count for their actor.
    import networkx as nx

    def org(ref) -> str:
        kind, rid = index[loose(ref)]
        return person_actor[rid] if kind == "person" else rid

    atype = {a["id"]: TYPE_ALIASES.get(a["type"], a["type"]) for a in actors_}
    acommune = {a["id"]: a["commune"] for a in actors_}
    g = nx.Graph()
    g.add_nodes_from(atype)
    records = []
    for sheet in FAMILY_OF_SHEET:
        for row in data[sheet]:
            s, t = org(row["source"]), org(row["cible"])
            records.append((sheet, row, s, t))
            if loose(row["type"]) != "tension" and s != t:
                g.add_edge(s, t)
    exp = EXPECTED[name]
    isolated = {n for n in g if g.degree(n) == 0}
    if isolated != exp["isolated"]:
        problems.append(f"isolated {sorted(isolated)} != {sorted(exp['isolated'])}")
    no_record = {a for a in atype if not any(a in (s, t) for _, _, s, t in records)}
    if not no_record <= isolated:
        problems.append("actor with no record not isolated")
    cut = set(nx.articulation_points(g))
    if not exp["articulation"] <= cut:
        problems.append(f"articulation points {sorted(cut)} miss {exp['articulation'] - cut}")
    bridges = {tuple(sorted(e)) for e in nx.bridges(g)}
    for b in exp["bridges"]:
        if tuple(sorted(b)) not in bridges:
            problems.append(f"{b} is not a bridge")
    org_id, person = exp["person_dependency"]
    carried = Counter()
    for _, row, s, t in records:
        for end, other in ((row["source"], t), (row["cible"], s)):
            kind, rid = index[loose(end)]
            if org(end) == org_id and other != org_id:
                carried[rid if kind == "person" else org_id] += 1
    if set(carried) != {person}:
        problems.append(f"relations of {org_id} carried by {dict(carried)}, expected only {person}")
    if sum(1 for p in people if person_actor[p["id"]] == org_id) < 2:
        problems.append(f"{org_id} should list at least two people")
    t1, t2 = exp["no_ties_between_types"]
    cross = [(u, v) for u, v in g.edges if {atype[u], atype[v]} == {t1, t2}]
    if cross:
        problems.append(f"ties between {t1} and {t2}: {cross}")
    if not any(atype[a] == t1 for a in atype) or not any(atype[a] == t2 for a in atype):
        problems.append("type pair absent")
    if "no_ties_between_communes" in exp:
        c1, c2 = exp["no_ties_between_communes"]
        cross = [(u, v) for u, v in g.edges if {acommune[u], acommune[v]} == {c1, c2}]
        if cross or not {c1, c2} <= set(acommune.values()):
            problems.append(f"ties between {c1} and {c2}: {cross}")
    members = defaultdict(set)
    for row in data["adhesions"]:
        members[index[loose(row["acteur"])][1]].add(index[loose(row["collectif"])][1])
    for a in exp["effet_utile_only"]:
        rels = [(sh, row) for sh, row, s, t in records if a in (s, t)]
        if not rels or any(loose(row["type"]) != "effet utile" or org(row["cible"]) != a for _, row in rels):
            problems.append(f"{a} should only receive effets utiles")
        if members[a]:
            problems.append(f"{a} should join no collective")
    offers = {(index[loose(r["acteur"])][1], r["categorie"]) for r in data["ressources"]}
    wants = {(index[loose(r["acteur"])][1], r["categorie"]) for r in data["besoins"]}
    for holder, needer, cat in exp["complementarities"]:
        if (holder, cat) not in offers or (needer, cat) not in wants:
            problems.append(f"complementarity {holder}->{needer} ({cat}) missing")
        if g.has_edge(holder, needer):
            problems.append(f"complementarity {holder}->{needer} already linked")
    for holder, needer, cat in exp.get("linked_complementarities", ()):
        if (holder, cat) not in offers or (needer, cat) not in wants or not g.has_edge(holder, needer):
            problems.append(f"linked complementarity {holder}->{needer} ({cat}) wrong")
    by_coll = defaultdict(set)
    for a, cs in members.items():
        for c in cs:
            by_coll[c].add(a)
    for c, a in exp["members_without_ties"]:
        if a not in by_coll[c] or any(g.has_edge(a, b) for b in by_coll[c] - {a}):
            problems.append(f"{a} in {c} should have no tie with other members")
    return problems


def check_types(data: dict[str, list[dict]]) -> list[str]:
    """Every type is known to the package's vocabulary or declared in the types sheet."""
    sys.path.insert(0, str(REPO / "src"))
    try:
        from territoire_graphe.vocabulary import default_vocabulary
    except Exception as exc:  # the package may not be importable yet
        return [f"(vocabulary not checked: {exc})"]
    finally:
        sys.path.pop(0)
    voc = default_vocabulary()
    declared = {(loose(t["categorie"]), loose(t["type"])) for t in data["types"]}
    kinds = {"actor": "acteur", "relation": "relation", "collective": "collectif"}
    found = []
    uses = [("actor", a["type"]) for a in data["acteurs"]]
    uses += [("relation", r["type"]) for sh in FAMILY_OF_SHEET for r in data[sh]]
    uses += [("collective", c["type"]) for c in data["collectifs"]]
    uses += [("function", f.strip()) for a in data["acteurs"] for f in a["fonctions"].split(";")]
    for kind, written in sorted(set(uses)):
        if voc.match(kind, written).status != "known" and (kinds.get(kind), loose(written)) not in declared:
            found.append(f"type {written!r} ({kind}) is neither known nor declared")
    return found


def check() -> bool:
    import pandas as pd

    ok = True
    for name in SAMPLES:
        path = HERE / name
        data = read_workbook(path)
        frames = pd.read_excel(path, sheet_name=None, engine="openpyxl", dtype={"code_insee": str, "siret": str})
        counts = {s: len(rows) for s, rows in data.items()}
        pd_counts = {s: len(df) for s, df in frames.items()}
        if counts != pd_counts:
            ok = False
            print(f"{name}: openpyxl {counts} != pandas {pd_counts}")
        print(f"{name}: " + ", ".join(f"{s} {n}" for s, n in counts.items()))
        problems = check_sample(name, data)
        type_problems = check_types(data)
        if type_problems and type_problems[0].startswith("("):
            print("  " + type_problems.pop(0))
        problems += type_problems
        if name in CSV_OF:
            csv_data = read_csv_folder(HERE / CSV_OF[name])
            encodings = dict(csv_data.pop("_encodings"))
            csv_counts = {s: len(r) for s, r in csv_data.items()}
            if csv_counts != counts:
                problems.append(f"CSV counts {csv_counts} differ")
            if encodings[f"{CP1252_SHEET}.csv"] != "cp1252" or \
                    any(e != "utf-8-sig" for f, e in encodings.items() if f != f"{CP1252_SHEET}.csv"):
                problems.append(f"CSV encodings {encodings}")
            print(f"  {CSV_OF[name]}/: same counts; encodings {encodings}")
        for p in problems:
            ok = False
            print(f"  PROBLEM: {p}")
        insee = frames["acteurs"]["code_insee"]
        if not insee.str.fullmatch(r"\d{5}").all():
            ok = False
            print("  PROBLEM: INSEE codes lost their leading zeros")
    for name in SAMPLES:
        packaged = PACKAGE_SAMPLES / name
        if not packaged.exists() or packaged.read_bytes() != (HERE / name).read_bytes():
            ok = False
            print(f"PROBLEM: package copy of {name} missing or different")
    print("all checks passed" if ok else "CHECKS FAILED")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the files already built")
    parser.add_argument("--no-check", action="store_true", help="build without checking")
    args = parser.parse_args(argv)
    if not args.check:
        for path in build():
            print(f"wrote {path.relative_to(REPO)}")
    if args.no_check:
        return 0
    return 0 if check() else 1


if __name__ == "__main__":
    sys.exit(main())
