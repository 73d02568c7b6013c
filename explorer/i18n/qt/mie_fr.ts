<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Run analysis</source>
        <translation>Lancer l’analyse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Set the parameters and press Run.</source>
        <translation>Réglez les paramètres et cliquez sur Lancer.</translation>
    </message>
    <message>
        <source>Rings (km)</source>
        <translation>Anneaux (km)</translation>
    </message>
    <message>
        <source>Downstream reach</source>
        <translation>Portée en aval</translation>
    </message>
    <message>
        <source>Measure against</source>
        <translation>Mesurer par rapport à</translation>
    </message>
    <message>
        <source>Land cover before</source>
        <translation>Occupation du sol avant</translation>
    </message>
    <message>
        <source>Land cover after</source>
        <translation>Occupation du sol après</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Rings must be positive distances in km, e.g. 1, 5, 10.</source>
        <translation>Les anneaux doivent être des distances positives en km, par exemple 1, 5, 10.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>Done in %1 s.</source>
        <translation>Terminé en %1 s.</translation>
    </message>
    <message>
        <source>Analysis cancelled.</source>
        <translation>Analyse annulée.</translation>
    </message>
</context>
<context>
    <name>AttributeTable</name>
    <message>
        <source>Filter rows…</source>
        <translation>Filtrer les lignes…</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>Zoom sur la sélection</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <source>%1 of %2 shown, %3 selected</source>
        <translation>%1 sur %2 affichées, %3 sélectionnées</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Recover unsaved work?</source>
        <translation>Récupérer le travail non enregistré ?</translation>
    </message>
    <message>
        <source>Mining Impact Explorer did not close normally. Unsaved work from %1 was kept. Recover it?</source>
        <translation>Mining Impact Explorer ne s’est pas fermé normalement. Le travail non enregistré de %1 a été conservé. Le récupérer ?</translation>
    </message>
</context>
<context>
    <name>Basemap</name>
    <message>
        <source>Basemaps (*.mbtiles *.tif *.tiff);;All files (*)</source>
        <translation>Fonds de carte (*.mbtiles *.tif *.tiff);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Basemap: %1</source>
        <translation>Fond de carte : %1</translation>
    </message>
    <message>
        <source>Cannot use this basemap</source>
        <translation>Impossible d’utiliser ce fond de carte</translation>
    </message>
    <message>
        <source>Basemap added: %1</source>
        <translation>Fond de carte ajouté : %1</translation>
    </message>
    <message>
        <source>Choose a basemap</source>
        <translation>Choisir un fond de carte</translation>
    </message>
</context>
<context>
    <name>ColorButton</name>
    <message>
        <source>Choose colour</source>
        <translation>Choisir la couleur</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>Preparing layers</source>
        <translation>Préparation des couches</translation>
    </message>
    <message>
        <source>Overlap totals</source>
        <translation>Totaux de chevauchement</translation>
    </message>
    <message>
        <source>Overlap done</source>
        <translation>Chevauchements calculés</translation>
    </message>
    <message>
        <source>Proximity: rings</source>
        <translation>Proximité : anneaux</translation>
    </message>
    <message>
        <source>Proximity done</source>
        <translation>Proximité calculée</translation>
    </message>
    <message>
        <source>Downstream basins</source>
        <translation>Bassins versants en aval</translation>
    </message>
    <message>
        <source>Raster statistics</source>
        <translation>Statistiques des rasters</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>Partenariats</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Layers loaded</source>
        <translation>Couches chargées</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>Analyse en cours</translation>
    </message>
    <message>
        <source>Writing tables</source>
        <translation>Écriture des tableaux</translation>
    </message>
    <message>
        <source>Writing the HTML map</source>
        <translation>Création de la carte HTML</translation>
    </message>
    <message>
        <source>Writing the PDF report</source>
        <translation>Création du rapport PDF</translation>
    </message>
    <message>
        <source>Zipping the pack</source>
        <translation>Compression du dossier</translation>
    </message>
    <message>
        <source>No concession or project features: nothing to measure.</source>
        <translation>Aucune concession minière ni aucun projet : rien à mesurer.</translation>
    </message>
    <message>
        <source>No basin layer: downstream analysis skipped.</source>
        <translation>Pas de couche de bassins versants : analyse en aval non effectuée.</translation>
    </message>
    <message>
        <source>No concession or project near the rasters: raster statistics skipped.</source>
        <translation>Aucune concession minière ni aucun projet près des rasters : statistiques des rasters non calculées.</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>Chargement de %1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: %1
The details are in the log file.</source>
        <translation>Une erreur s’est produite : %1
Les détails sont dans le journal.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <source>The layer was not found in the file.</source>
        <translation>La couche est introuvable dans le fichier.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Impossible de lire le fichier.</translation>
    </message>
    <message>
        <source>The layer has no features.</source>
        <translation>La couche ne contient aucune entité.</translation>
    </message>
    <message>
        <source>This file format is not supported.</source>
        <translation>Ce format de fichier n’est pas pris en charge.</translation>
    </message>
    <message>
        <source>The layer does not say which coordinate reference system it uses.</source>
        <translation>La couche n’indique pas quel système de coordonnées de référence elle utilise.</translation>
    </message>
    <message>
        <source>The archive holds a path that would leave its folder; nothing was extracted.</source>
        <translation>L’archive contient un chemin qui sortirait de son dossier ; rien n’a été extrait.</translation>
    </message>
    <message>
        <source>The archive holds no map layer.</source>
        <translation>L’archive ne contient aucune couche cartographique.</translation>
    </message>
    <message>
        <source>The archive could not be opened.</source>
        <translation>Impossible d’ouvrir l’archive.</translation>
    </message>
    <message>
        <source>The layer mixes points, lines and polygons.</source>
        <translation>La couche mélange des points, des lignes et des polygones.</translation>
    </message>
    <message>
        <source>The layer's geometries cannot be used.</source>
        <translation>Les géométries de la couche sont inutilisables.</translation>
    </message>
    <message>
        <source>The attribute text could not be decoded.</source>
        <translation>Impossible de décoder le texte des attributs.</translation>
    </message>
    <message>
        <source>The layer's fields do not give what this role needs.</source>
        <translation>Les champs de la couche ne fournissent pas ce que ce rôle exige.</translation>
    </message>
    <message>
        <source>The raster is not georeferenced.</source>
        <translation>Le raster n’est pas géoréférencé.</translation>
    </message>
    <message>
        <source>Some files of the project are missing.</source>
        <translation>Des fichiers du projet sont manquants.</translation>
    </message>
    <message>
        <source>The project was saved by a newer version of the app.</source>
        <translation>Le projet a été enregistré par une version plus récente de l’application.</translation>
    </message>
    <message>
        <source>The project file could not be read.</source>
        <translation>Impossible de lire le fichier du projet.</translation>
    </message>
    <message>
        <source>The partnership registry could not be read.</source>
        <translation>Impossible de lire le registre des partenariats.</translation>
    </message>
    <message>
        <source>The data could not be used.</source>
        <translation>Impossible d’utiliser les données.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Détails : %1</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <source>Choose the Identify tool and click on the map.</source>
        <translation>Choisissez l’outil Identifier et cliquez sur la carte.</translation>
    </message>
    <message>
        <source>Feature / attribute</source>
        <translation>Entité / attribut</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>%1 feature(s) found.</source>
        <translation>%1 entité(s) trouvée(s).</translation>
    </message>
    <message>
        <source>No feature under the cursor.</source>
        <translation>Aucune entité sous le curseur.</translation>
    </message>
    <message>
        <source>Feature %1</source>
        <translation>Entité %1</translation>
    </message>
</context>
<context>
    <name>LayerActions</name>
    <message>
        <source>Add layers</source>
        <translation>Ajouter des couches</translation>
    </message>
    <message>
        <source>Some files could not be added</source>
        <translation>Certains fichiers n’ont pas pu être ajoutés</translation>
    </message>
    <message numerus="yes">
        <source>Add %n layer(s)</source>
        <translation>
            <numerusform>Ajouter %n couche</numerusform>
            <numerusform>Ajouter %n couches</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>%1 ajoutée</translation>
    </message>
    <message>
        <source>Role and fields of %1</source>
        <translation>Rôle et champs de %1</translation>
    </message>
</context>
<context>
    <name>LayerCommands</name>
    <message>
        <source>Add layer %1</source>
        <translation>Ajouter la couche %1</translation>
    </message>
    <message>
        <source>Remove layer %1</source>
        <translation>Supprimer la couche %1</translation>
    </message>
    <message>
        <source>Move layer %1</source>
        <translation>Déplacer la couche %1</translation>
    </message>
    <message>
        <source>Change style of %1</source>
        <translation>Modifier le style de %1</translation>
    </message>
    <message>
        <source>Change role of %1</source>
        <translation>Modifier le rôle de %1</translation>
    </message>
    <message>
        <source>Change field mapping of %1</source>
        <translation>Modifier la correspondance des champs de %1</translation>
    </message>
</context>
<context>
    <name>LayerIO</name>
    <message>
        <source>Supported layers</source>
        <translation>Couches prises en charge</translation>
    </message>
</context>
<context>
    <name>LayerListModel</name>
    <message>
        <source>%1 — %2 features
%3</source>
        <translation>%1 — %2 entités
%3</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <source>Add layer…</source>
        <translation>Ajouter une couche…</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Supprimer la couche</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>Zoom sur la couche</translation>
    </message>
    <message>
        <source>Style…</source>
        <translation>Style…</translation>
    </message>
    <message>
        <source>Role and fields…</source>
        <translation>Rôle et champs…</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Afficher %1</translation>
    </message>
    <message>
        <source>Hide %1</source>
        <translation>Masquer %1</translation>
    </message>
    <message>
        <source>Opacity of %1</source>
        <translation>Opacité de %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>Partenariats</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Table attributaire</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Scale 1:%1</source>
        <translation>Échelle 1:%1</translation>
    </message>
    <message>
        <source>About Mining Impact Explorer</source>
        <translation>À propos de Mining Impact Explorer</translation>
    </message>
    <message>
        <source>Mining Impact Explorer %1
Offline desktop GIS for mining impact evidence.
GPL-3.0-or-later.</source>
        <translation>Mining Impact Explorer %1
SIG de bureau hors ligne pour documenter les impacts miniers.
GPL-3.0 ou ultérieure.</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation>Projet sans titre</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>(key, English title) of the menu bar's menus, left to right.</extracomment>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>&amp;Couche</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Run analysis</source>
        <translation>&amp;Lancer l’analyse</translation>
    </message>
    <message>
        <source>&amp;Cancel analysis</source>
        <translation>A&amp;nnuler l’analyse</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>&amp;Exporter le rapport…</translation>
    </message>
    <message>
        <source>&amp;About Mining Impact Explorer</source>
        <translation>À &amp;propos de Mining Impact Explorer</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Nouveau projet</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Ouvrir un projet…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un projet &amp;récent</translation>
    </message>
    <message>
        <source>Open the &amp;sample project</source>
        <translation>Ouvrir le projet d’&amp;exemple</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>&amp;Enregistrer le projet</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>Enregistrer le projet &amp;sous…</translation>
    </message>
    <message>
        <source>Add &amp;layer…</source>
        <translation>Ajouter une &amp;couche…</translation>
    </message>
    <message>
        <source>Set &amp;basemap…</source>
        <translation>Définir le &amp;fond de carte…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Effacer la sélection</translation>
    </message>
    <message>
        <source>Zoom to &amp;full extent</source>
        <translation>Zoom sur l’&amp;emprise totale</translation>
    </message>
    <message>
        <source>Zoom to &amp;layer</source>
        <translation>Zoom sur la &amp;couche</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>Zoom sur la &amp;sélection</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Panneaux</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Add layer…</source>
        <translation>&amp;Ajouter une couche…</translation>
    </message>
    <message>
        <source>&amp;Remove layer</source>
        <translation>&amp;Supprimer la couche</translation>
    </message>
    <message>
        <source>&amp;Style…</source>
        <translation>&amp;Style…</translation>
    </message>
    <message>
        <source>Role and &amp;fields…</source>
        <translation>Rôle et &amp;champs…</translation>
    </message>
    <message>
        <source>Open &amp;attribute table</source>
        <translation>Ouvrir la &amp;table attributaire</translation>
    </message>
    <message>
        <source>Interface language: %1</source>
        <translation>Langue de l’interface : %1</translation>
    </message>
</context>
<context>
    <name>MapToolBar</name>
    <message>
        <source>Map navigation</source>
        <translation>Navigation sur la carte</translation>
    </message>
    <message>
        <source>Pan (drag the map)</source>
        <translation>Déplacer (faites glisser la carte)</translation>
    </message>
    <message>
        <source>Zoom to box</source>
        <translation>Zoom sur un rectangle</translation>
    </message>
    <message>
        <source>Identify features</source>
        <translation>Identifier des entités</translation>
    </message>
    <message>
        <source>Select features (Shift adds)</source>
        <translation>Sélectionner des entités (Maj ajoute)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom to full extent</source>
        <translation>Zoom sur l’emprise totale</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Holder / operator</source>
        <translation>Titulaire / exploitant</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Substance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Declared area</source>
        <translation>Surface déclarée</translation>
    </message>
    <message>
        <source>Basin code</source>
        <translation>Code du bassin versant</translation>
    </message>
    <message>
        <source>Next basin downstream</source>
        <translation>Bassin suivant en aval</translation>
    </message>
    <message>
        <source>Role and fields of %1</source>
        <translation>Rôle et champs de %1</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Recognised schema: %1</source>
        <translation>Schéma reconnu : %1</translation>
    </message>
    <message>
        <source>No known schema recognised; choose the columns yourself.</source>
        <translation>Aucun schéma connu reconnu ; choisissez vous-même les colonnes.</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>%1, %2</source>
        <translation>%1 ; %2</translation>
    </message>
</context>
<context>
    <name>PartnershipsPanel</name>
    <message>
        <source>No partnership registry in this project.</source>
        <translation>Aucun registre de partenariats dans ce projet.</translation>
    </message>
    <message>
        <source>Partnership / project</source>
        <translation>Partenariat / projet</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>The registry's ``text_public`` values as the panel shows them.</extracomment>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>site</source>
        <extracomment>How precise a project's published location is.</extracomment>
        <translation>site précis</translation>
    </message>
    <message>
        <source>town</source>
        <translation>localité</translation>
    </message>
    <message>
        <source>region</source>
        <translation>région</translation>
    </message>
    <message>
        <source>ESG/responsible sourcing</source>
        <extracomment>The registry's focus areas (a controlled list) as the panel shows them.</extracomment>
        <translation>ESG/approvisionnement responsable</translation>
    </message>
    <message>
        <source>R&amp;D</source>
        <translation>R-D</translation>
    </message>
    <message>
        <source>capacity building/technical assistance</source>
        <translation>renforcement des capacités/assistance technique</translation>
    </message>
    <message>
        <source>domestic processing/value addition</source>
        <translation>transformation locale/création de valeur ajoutée</translation>
    </message>
    <message>
        <source>open markets</source>
        <translation>marchés ouverts</translation>
    </message>
    <message>
        <source>project financing</source>
        <translation>financement de projets</translation>
    </message>
    <message>
        <source>stakeholder consultation</source>
        <translation>consultation des parties prenantes</translation>
    </message>
    <message>
        <source>Text public</source>
        <translation>Texte public</translation>
    </message>
    <message>
        <source>Location not disclosed (%1)</source>
        <translation>Localisation non divulguée (%1)</translation>
    </message>
    <message>
        <source>%1 partnerships, %2 projects, %3 without a disclosed location.</source>
        <translation>%1 partenariats, %2 projets, %3 sans localisation divulguée.</translation>
    </message>
    <message>
        <source>location not disclosed</source>
        <translation>localisation non divulguée</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signé</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Focus areas</source>
        <translation>Domaines prioritaires</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Location not disclosed</source>
        <translation>Localisation non divulguée</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Exploitant</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Substance</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>Partenariats</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Localisation</translation>
    </message>
    <message>
        <source>Location as published</source>
        <translation>Localisation telle que publiée</translation>
    </message>
</context>
<context>
    <name>PlaceholderCanvas</name>
    <message>
        <source>Map canvas</source>
        <translation>Carte</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <source>Mining Impact Explorer project (*.mieproj *.json);;All files (*)</source>
        <translation>Projet Mining Impact Explorer (*.mieproj *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open project</source>
        <extracomment>Read layers in a worker thread (the app sets this; tests open synchronously).</extracomment>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Impossible d’ouvrir le projet</translation>
    </message>
    <message>
        <source>The sample project is not installed.</source>
        <translation>Le projet d’exemple n’est pas installé.</translation>
    </message>
    <message>
        <source>Cannot open the sample project</source>
        <translation>Impossible d’ouvrir le projet d’exemple</translation>
    </message>
    <message>
        <source>Some layers could not be opened</source>
        <translation>Certaines couches n’ont pas pu être ouvertes</translation>
    </message>
    <message>
        <source>Opened %1 (%2 layers)</source>
        <translation>%1 ouvert (%2 couches)</translation>
    </message>
    <message>
        <source>Data files missing</source>
        <translation>Fichiers de données manquants</translation>
    </message>
    <message>
        <source>%1

Missing:
%2

Locate the folder that now holds them?</source>
        <translation>%1

Manquants :
%2

Indiquer le dossier qui les contient maintenant ?</translation>
    </message>
    <message>
        <source>Folder with the data files</source>
        <translation>Dossier des fichiers de données</translation>
    </message>
    <message>
        <source>Cannot relink the project</source>
        <translation>Impossible de relier à nouveau le projet</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>Toujours manquants</translation>
    </message>
    <message>
        <source>These data files were not found in %1:
%2</source>
        <translation>Ces fichiers de données sont introuvables dans %1 :
%2</translation>
    </message>
    <message>
        <source>Cannot read the partnership registry</source>
        <translation>Impossible de lire le registre des partenariats</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Enregistrer le projet sous</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>Impossible d’enregistrer le projet</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The project has unsaved changes. Save them first?</source>
        <translation>Le projet contient des modifications non enregistrées. Les enregistrer d’abord ?</translation>
    </message>
</context>
<context>
    <name>Render</name>
    <message>
        <source>E</source>
        <extracomment>Hemisphere letters (West is "O" in Portuguese, Spanish and French; East is "L" in Portuguese).</extracomment>
        <translation>E</translation>
    </message>
    <message>
        <source>W</source>
        <translation>O</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Forest formation</source>
        <extracomment>MapBiomas (Brazil) land-cover classes: code -&gt; (colour, English name). Colours follow the collection 6-8 legend, except mining (30), which is a brighter red so it reads as a finding.</extracomment>
        <translation>Formation forestière</translation>
    </message>
    <message>
        <source>Savanna formation</source>
        <translation>Formation savanicole</translation>
    </message>
    <message>
        <source>Mangrove</source>
        <translation>Mangrove</translation>
    </message>
    <message>
        <source>Floodable forest</source>
        <translation>Forêt inondable</translation>
    </message>
    <message>
        <source>Forest plantation</source>
        <translation>Plantation forestière</translation>
    </message>
    <message>
        <source>Wetland</source>
        <translation>Zone humide</translation>
    </message>
    <message>
        <source>Grassland</source>
        <translation>Formation herbacée</translation>
    </message>
    <message>
        <source>Pasture</source>
        <translation>Pâturage</translation>
    </message>
    <message>
        <source>Sugar cane</source>
        <translation>Canne à sucre</translation>
    </message>
    <message>
        <source>Mosaic of uses</source>
        <translation>Mosaïque d’usages</translation>
    </message>
    <message>
        <source>Beach, dune and sand spot</source>
        <translation>Plage, dune et banc de sable</translation>
    </message>
    <message>
        <source>Urban area</source>
        <translation>Zone urbaine</translation>
    </message>
    <message>
        <source>Other non-vegetated area</source>
        <translation>Autre zone non végétalisée</translation>
    </message>
    <message>
        <source>Rocky outcrop</source>
        <translation>Affleurement rocheux</translation>
    </message>
    <message>
        <source>Mining</source>
        <translation>Exploitation minière</translation>
    </message>
    <message>
        <source>Aquaculture</source>
        <translation>Aquaculture</translation>
    </message>
    <message>
        <source>Hypersaline tidal flat</source>
        <translation>Vasière hypersaline</translation>
    </message>
    <message>
        <source>River, lake and ocean</source>
        <translation>Rivière, lac et océan</translation>
    </message>
    <message>
        <source>Palm oil</source>
        <translation>Palmier à huile</translation>
    </message>
    <message>
        <source>Soybean</source>
        <translation>Soja</translation>
    </message>
    <message>
        <source>Rice</source>
        <translation>Riz</translation>
    </message>
    <message>
        <source>Other temporary crops</source>
        <translation>Autres cultures temporaires</translation>
    </message>
    <message>
        <source>Coffee</source>
        <translation>Café</translation>
    </message>
    <message>
        <source>Citrus</source>
        <translation>Agrumes</translation>
    </message>
    <message>
        <source>Other perennial crops</source>
        <translation>Autres cultures pérennes</translation>
    </message>
    <message>
        <source>Wooded sandbank vegetation</source>
        <translation>Restinga arborée</translation>
    </message>
    <message>
        <source>Herbaceous sandbank vegetation</source>
        <translation>Restinga herbacée</translation>
    </message>
    <message>
        <source>Cotton</source>
        <translation>Coton</translation>
    </message>
    <message>
        <source>Class {0}</source>
        <translation>Classe {0}</translation>
    </message>
    <message>
        <source>km</source>
        <extracomment>The ellipsoid every distance on the map is measured on.</extracomment>
        <translation>km</translation>
    </message>
    <message>
        <source>m</source>
        <translation>m</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Writing the evidence pack…</source>
        <translation>Écriture du dossier de preuves…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Folder for the evidence pack</source>
        <translation>Dossier pour le dossier de preuves</translation>
    </message>
    <message>
        <source>Evidence pack written to %1</source>
        <translation>Dossier de preuves écrit dans %1</translation>
    </message>
    <message>
        <source>Cannot export the report</source>
        <translation>Impossible d’exporter le rapport</translation>
    </message>
</context>
<context>
    <name>ResultColumns</name>
    <message>
        <source>Title key</source>
        <extracomment>Columns whose values are role codes ("indigenous_territory"), shown as role names.</extracomment>
        <translation>Clé de la concession</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Concession</translation>
    </message>
    <message>
        <source>Title name</source>
        <translation>Nom de la concession</translation>
    </message>
    <message>
        <source>Title role</source>
        <translation>Type de concession</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Feature key</source>
        <translation>Clé de la zone</translation>
    </message>
    <message>
        <source>Feature ID</source>
        <translation>ID de la zone</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Zone sensible</translation>
    </message>
    <message>
        <source>Overlap (ha)</source>
        <translation>Chevauchement (ha)</translation>
    </message>
    <message>
        <source>% of title</source>
        <translation>% de la concession</translation>
    </message>
    <message>
        <source>% of feature</source>
        <translation>% de la zone</translation>
    </message>
    <message>
        <source>Point inside</source>
        <translation>Point à l’intérieur</translation>
    </message>
    <message>
        <source>Distance (m)</source>
        <translation>Distance (m)</translation>
    </message>
    <message>
        <source>River inside (km)</source>
        <translation>Rivière à l’intérieur (km)</translation>
    </message>
    <message>
        <source>Area (ha)</source>
        <translation>Surface (ha)</translation>
    </message>
    <message>
        <source>Covered (ha)</source>
        <translation>Couverte (ha)</translation>
    </message>
    <message>
        <source>% covered</source>
        <translation>% couverte</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>Concessions</translation>
    </message>
    <message>
        <source>Distance to feature (km)</source>
        <translation>Distance à la zone (km)</translation>
    </message>
    <message>
        <source>River covered (km)</source>
        <translation>Rivière couverte (km)</translation>
    </message>
    <message>
        <source>Nearest</source>
        <translation>La plus proche</translation>
    </message>
    <message>
        <source>Basin of the title</source>
        <translation>Bassin versant de la concession</translation>
    </message>
    <message>
        <source>Basins downstream</source>
        <translation>Bassins en aval</translation>
    </message>
    <message>
        <source>Downstream basin code</source>
        <translation>Code du bassin en aval</translation>
    </message>
    <message>
        <source>Downstream basin</source>
        <translation>Bassin en aval</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Distance to basin (km)</source>
        <translation>Distance au bassin (km)</translation>
    </message>
    <message>
        <source>Gap to the river (km)</source>
        <translation>Écart à la rivière (km)</translation>
    </message>
    <message>
        <source>Gap river–feature (km)</source>
        <translation>Écart rivière–zone (km)</translation>
    </message>
    <message>
        <source>Title area (ha)</source>
        <translation>Surface de la concession (ha)</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>Ring (km)</source>
        <translation>Anneau (km)</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Noms</translation>
    </message>
    <message>
        <source>Raster</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Raster kind</source>
        <translation>Type de raster</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Zone name</source>
        <translation>Nom de la zone</translation>
    </message>
    <message>
        <source>Zone type</source>
        <translation>Type de zone</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixels</translation>
    </message>
    <message>
        <source>% of zone</source>
        <translation>% de la zone</translation>
    </message>
    <message>
        <source>Area with data (ha)</source>
        <translation>Surface avec données (ha)</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Before (ha)</source>
        <translation>Avant (ha)</translation>
    </message>
    <message>
        <source>After (ha)</source>
        <translation>Après (ha)</translation>
    </message>
    <message>
        <source>Gained (ha)</source>
        <translation>Gain (ha)</translation>
    </message>
    <message>
        <source>Lost (ha)</source>
        <translation>Perte (ha)</translation>
    </message>
    <message>
        <source>Net change (ha)</source>
        <translation>Variation nette (ha)</translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation>Partenariat</translation>
    </message>
    <message>
        <source>Partnership name</source>
        <translation>Nom du partenariat</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Focus areas</source>
        <translation>Domaines prioritaires</translation>
    </message>
    <message>
        <source>Text public</source>
        <translation>Texte public</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <source>Located</source>
        <translation>Localisés</translation>
    </message>
    <message>
        <source>Location not disclosed</source>
        <translation>Localisation non divulguée</translation>
    </message>
    <message>
        <source>Near sensitive areas</source>
        <translation>Près de zones sensibles</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>Nom du projet</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Exploitant</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Substance</translation>
    </message>
    <message>
        <source>Location disclosed</source>
        <translation>Localisation divulguée</translation>
    </message>
    <message>
        <source>Location precision</source>
        <translation>Précision de la localisation</translation>
    </message>
    <message>
        <source>Overlaps</source>
        <translation>Chevauchements</translation>
    </message>
    <message>
        <source>Number of overlaps</source>
        <translation>Nombre de chevauchements</translation>
    </message>
    <message>
        <source>Near</source>
        <translation>Proches</translation>
    </message>
    <message>
        <source>Number near</source>
        <translation>Nombre de zones proches</translation>
    </message>
    <message>
        <source>Nearest (km)</source>
        <translation>La plus proche (km)</translation>
    </message>
    <message>
        <source>Within %1 km</source>
        <translation>À moins de %1 km</translation>
    </message>
    <message>
        <source>Area within %1 km (ha)</source>
        <translation>Surface à moins de %1 km (ha)</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Overlaps</source>
        <extracomment>(table name, tab title) in display order.</extracomment>
        <translation>Chevauchements</translation>
    </message>
    <message>
        <source>Proximity</source>
        <translation>Proximité</translation>
    </message>
    <message>
        <source>Downstream</source>
        <translation>En aval</translation>
    </message>
    <message>
        <source>Rasters</source>
        <translation>Rasters</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>Partenariats</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <source>No analysis yet: press Run in the Analysis panel.</source>
        <translation>Pas encore d’analyse : cliquez sur Lancer dans le panneau Analyse.</translation>
    </message>
    <message>
        <source>Select a row to show its concession on the map.</source>
        <translation>Sélectionnez une ligne pour afficher sa concession sur la carte.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Mining concession</source>
        <translation>Concession minière</translation>
    </message>
    <message>
        <source>Partnership project</source>
        <translation>Projet de partenariat</translation>
    </message>
    <message>
        <source>Water basin</source>
        <translation>Bassin versant</translation>
    </message>
    <message>
        <source>River</source>
        <translation>Cours d’eau</translation>
    </message>
    <message>
        <source>Protected area</source>
        <translation>Aire protégée</translation>
    </message>
    <message>
        <source>Indigenous territory</source>
        <translation>Territoire autochtone</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Raster</source>
        <translation>Raster</translation>
    </message>
</context>
<context>
    <name>StyleDialog</name>
    <message>
        <source>none</source>
        <extracomment>Hatching and point-symbol names as the dialog shows them.</extracomment>
        <translation>aucune</translation>
    </message>
    <message>
        <source>diagonal</source>
        <translation>diagonale</translation>
    </message>
    <message>
        <source>cross</source>
        <translation>quadrillage</translation>
    </message>
    <message>
        <source>horizontal</source>
        <translation>horizontale</translation>
    </message>
    <message>
        <source>vertical</source>
        <translation>verticale</translation>
    </message>
    <message>
        <source>dots</source>
        <translation>points</translation>
    </message>
    <message>
        <source>circle</source>
        <translation>cercle</translation>
    </message>
    <message>
        <source>square</source>
        <translation>carré</translation>
    </message>
    <message>
        <source>triangle</source>
        <translation>triangle</translation>
    </message>
    <message>
        <source>diamond</source>
        <translation>losange</translation>
    </message>
    <message>
        <source>star</source>
        <translation>étoile</translation>
    </message>
    <message>
        <source>Style of %1</source>
        <translation>Style de %1</translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation>(sans étiquettes)</translation>
    </message>
    <message>
        <source>Fill colour</source>
        <translation>Couleur de remplissage</translation>
    </message>
    <message>
        <source>Fill opacity</source>
        <translation>Opacité du remplissage</translation>
    </message>
    <message>
        <source>Outline colour</source>
        <translation>Couleur du contour</translation>
    </message>
    <message>
        <source>Outline width (pt)</source>
        <translation>Épaisseur du contour (pt)</translation>
    </message>
    <message>
        <source>Hatching</source>
        <translation>Hachures</translation>
    </message>
    <message>
        <source>Point symbol</source>
        <translation>Symbole ponctuel</translation>
    </message>
    <message>
        <source>Symbol size (pt)</source>
        <translation>Taille du symbole (pt)</translation>
    </message>
    <message>
        <source>Label field</source>
        <translation>Champ d’étiquette</translation>
    </message>
</context>
<context>
    <name>_TablePage</name>
    <message>
        <source>Filter rows…</source>
        <extracomment>Columns naming a feature, most useful first.</extracomment>
        <translation>Filtrer les lignes…</translation>
    </message>
</context>
</TS>