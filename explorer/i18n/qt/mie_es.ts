<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Run analysis</source>
        <translation>Ejecutar análisis</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Set the parameters and press Run.</source>
        <translation>Defina los parámetros y pulse Ejecutar.</translation>
    </message>
    <message>
        <source>Rings (km)</source>
        <translation>Anillos (km)</translation>
    </message>
    <message>
        <source>Downstream reach</source>
        <translation>Alcance aguas abajo</translation>
    </message>
    <message>
        <source>Measure against</source>
        <translation>Medir frente a</translation>
    </message>
    <message>
        <source>Land cover before</source>
        <translation>Cobertura del suelo antes</translation>
    </message>
    <message>
        <source>Land cover after</source>
        <translation>Cobertura del suelo después</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Rings must be positive distances in km, e.g. 1, 5, 10.</source>
        <translation>Los anillos deben ser distancias positivas en km, por ejemplo 1, 5, 10.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>En curso…</translation>
    </message>
    <message>
        <source>Done in %1 s.</source>
        <translation>Terminado en %1 s.</translation>
    </message>
    <message>
        <source>Analysis cancelled.</source>
        <translation>Análisis cancelado.</translation>
    </message>
</context>
<context>
    <name>AttributeTable</name>
    <message>
        <source>Filter rows…</source>
        <translation>Filtrar filas…</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>Zoom a la selección</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <source>%1 of %2 shown, %3 selected</source>
        <translation>%1 de %2 mostradas, %3 seleccionadas</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Recover unsaved work?</source>
        <translation>¿Recuperar el trabajo no guardado?</translation>
    </message>
    <message>
        <source>Mining Impact Explorer did not close normally. Unsaved work from %1 was kept. Recover it?</source>
        <translation>Mining Impact Explorer no se cerró correctamente. Se conservó el trabajo no guardado de %1. ¿Recuperarlo?</translation>
    </message>
</context>
<context>
    <name>Basemap</name>
    <message>
        <source>Basemaps (*.mbtiles *.tif *.tiff);;All files (*)</source>
        <translation>Mapas base (*.mbtiles *.tif *.tiff);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Basemap: %1</source>
        <translation>Mapa base: %1</translation>
    </message>
    <message>
        <source>Cannot use this basemap</source>
        <translation>No se puede usar este mapa base</translation>
    </message>
    <message>
        <source>Basemap added: %1</source>
        <translation>Mapa base añadido: %1</translation>
    </message>
    <message>
        <source>Choose a basemap</source>
        <translation>Elegir un mapa base</translation>
    </message>
</context>
<context>
    <name>ColorButton</name>
    <message>
        <source>Choose colour</source>
        <translation>Elegir color</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>Preparing layers</source>
        <translation>Preparando las capas</translation>
    </message>
    <message>
        <source>Overlap totals</source>
        <translation>Totales de superposición</translation>
    </message>
    <message>
        <source>Overlap done</source>
        <translation>Superposiciones calculadas</translation>
    </message>
    <message>
        <source>Proximity: rings</source>
        <translation>Proximidad: anillos</translation>
    </message>
    <message>
        <source>Proximity done</source>
        <translation>Proximidad calculada</translation>
    </message>
    <message>
        <source>Downstream basins</source>
        <translation>Cuencas aguas abajo</translation>
    </message>
    <message>
        <source>Raster statistics</source>
        <translation>Estadísticas de los ráster</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>Asociaciones</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Layers loaded</source>
        <translation>Capas cargadas</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>Analizando</translation>
    </message>
    <message>
        <source>Writing tables</source>
        <translation>Escribiendo las tablas</translation>
    </message>
    <message>
        <source>Writing the HTML map</source>
        <translation>Generando el mapa HTML</translation>
    </message>
    <message>
        <source>Writing the PDF report</source>
        <translation>Generando el informe PDF</translation>
    </message>
    <message>
        <source>Zipping the pack</source>
        <translation>Comprimiendo el paquete</translation>
    </message>
    <message>
        <source>No concession or project features: nothing to measure.</source>
        <translation>Ninguna concesión minera ni proyecto: nada que medir.</translation>
    </message>
    <message>
        <source>No basin layer: downstream analysis skipped.</source>
        <translation>Sin capa de cuencas hidrográficas: no se hizo el análisis aguas abajo.</translation>
    </message>
    <message>
        <source>No concession or project near the rasters: raster statistics skipped.</source>
        <translation>Ninguna concesión minera ni proyecto cerca de los ráster: no se calcularon sus estadísticas.</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>Cargando %1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: %1
The details are in the log file.</source>
        <translation>Algo salió mal: %1
Los detalles están en el archivo de registro.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>The layer was not found in the file.</source>
        <translation>No se encontró la capa en el archivo.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>No se pudo leer el archivo.</translation>
    </message>
    <message>
        <source>The layer has no features.</source>
        <translation>La capa no tiene entidades.</translation>
    </message>
    <message>
        <source>This file format is not supported.</source>
        <translation>Este formato de archivo no es compatible.</translation>
    </message>
    <message>
        <source>The layer does not say which coordinate reference system it uses.</source>
        <translation>La capa no indica qué sistema de referencia de coordenadas usa.</translation>
    </message>
    <message>
        <source>The archive holds a path that would leave its folder; nothing was extracted.</source>
        <translation>El archivo comprimido contiene una ruta que saldría de su carpeta; no se extrajo nada.</translation>
    </message>
    <message>
        <source>The archive holds no map layer.</source>
        <translation>El archivo comprimido no contiene ninguna capa de mapa.</translation>
    </message>
    <message>
        <source>The archive could not be opened.</source>
        <translation>No se pudo abrir el archivo comprimido.</translation>
    </message>
    <message>
        <source>The layer mixes points, lines and polygons.</source>
        <translation>La capa mezcla puntos, líneas y polígonos.</translation>
    </message>
    <message>
        <source>The layer's geometries cannot be used.</source>
        <translation>Las geometrías de la capa no se pueden usar.</translation>
    </message>
    <message>
        <source>The attribute text could not be decoded.</source>
        <translation>No se pudo decodificar el texto de los atributos.</translation>
    </message>
    <message>
        <source>The layer's fields do not give what this role needs.</source>
        <translation>Los campos de la capa no aportan lo que este papel necesita.</translation>
    </message>
    <message>
        <source>The raster is not georeferenced.</source>
        <translation>El ráster no está georreferenciado.</translation>
    </message>
    <message>
        <source>Some files of the project are missing.</source>
        <translation>Faltan archivos del proyecto.</translation>
    </message>
    <message>
        <source>The project was saved by a newer version of the app.</source>
        <translation>El proyecto se guardó con una versión más reciente de la aplicación.</translation>
    </message>
    <message>
        <source>The project file could not be read.</source>
        <translation>No se pudo leer el archivo del proyecto.</translation>
    </message>
    <message>
        <source>The partnership registry could not be read.</source>
        <translation>No se pudo leer el registro de asociaciones.</translation>
    </message>
    <message>
        <source>The data could not be used.</source>
        <translation>No se pudieron usar los datos.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Detalles: %1</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <source>Choose the Identify tool and click on the map.</source>
        <translation>Elija la herramienta Identificar y haga clic en el mapa.</translation>
    </message>
    <message>
        <source>Feature / attribute</source>
        <translation>Entidad / atributo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>%1 feature(s) found.</source>
        <translation>%1 entidad(es) encontrada(s).</translation>
    </message>
    <message>
        <source>No feature under the cursor.</source>
        <translation>No hay ninguna entidad bajo el cursor.</translation>
    </message>
    <message>
        <source>Feature %1</source>
        <translation>Entidad %1</translation>
    </message>
</context>
<context>
    <name>LayerActions</name>
    <message>
        <source>Add layers</source>
        <translation>Añadir capas</translation>
    </message>
    <message>
        <source>Some files could not be added</source>
        <translation>No se pudieron añadir algunos archivos</translation>
    </message>
    <message numerus="yes">
        <source>Add %n layer(s)</source>
        <translation>
            <numerusform>Añadir %n capa</numerusform>
            <numerusform>Añadir %n capas</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>%1 añadida</translation>
    </message>
    <message>
        <source>Role and fields of %1</source>
        <translation>Función y campos de %1</translation>
    </message>
</context>
<context>
    <name>LayerCommands</name>
    <message>
        <source>Add layer %1</source>
        <translation>Añadir capa %1</translation>
    </message>
    <message>
        <source>Remove layer %1</source>
        <translation>Quitar capa %1</translation>
    </message>
    <message>
        <source>Move layer %1</source>
        <translation>Mover capa %1</translation>
    </message>
    <message>
        <source>Change style of %1</source>
        <translation>Cambiar estilo de %1</translation>
    </message>
    <message>
        <source>Change role of %1</source>
        <translation>Cambiar función de %1</translation>
    </message>
    <message>
        <source>Change field mapping of %1</source>
        <translation>Cambiar asignación de campos de %1</translation>
    </message>
</context>
<context>
    <name>LayerIO</name>
    <message>
        <source>Supported layers</source>
        <translation>Capas compatibles</translation>
    </message>
</context>
<context>
    <name>LayerListModel</name>
    <message>
        <source>%1 — %2 features
%3</source>
        <translation>%1 — %2 entidades
%3</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacidad</translation>
    </message>
    <message>
        <source>Add layer…</source>
        <translation>Añadir capa…</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Quitar capa</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>Zoom a la capa</translation>
    </message>
    <message>
        <source>Style…</source>
        <translation>Estilo…</translation>
    </message>
    <message>
        <source>Role and fields…</source>
        <translation>Función y campos…</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Mostrar %1</translation>
    </message>
    <message>
        <source>Hide %1</source>
        <translation>Ocultar %1</translation>
    </message>
    <message>
        <source>Opacity of %1</source>
        <translation>Opacidad de %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>Capas</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>Asociaciones</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identificar</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Tabla de atributos</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Scale 1:%1</source>
        <translation>Escala 1:%1</translation>
    </message>
    <message>
        <source>About Mining Impact Explorer</source>
        <translation>Acerca de Mining Impact Explorer</translation>
    </message>
    <message>
        <source>Mining Impact Explorer %1
Offline desktop GIS for mining impact evidence.
GPL-3.0-or-later.</source>
        <translation>Mining Impact Explorer %1
SIG de escritorio sin conexión para pruebas de impactos mineros.
GPL-3.0 o posterior.</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation>Proyecto sin título</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>(key, English title) of the menu bar's menus, left to right.</extracomment>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>&amp;Capa</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nálisis</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Run analysis</source>
        <translation>E&amp;jecutar análisis</translation>
    </message>
    <message>
        <source>&amp;Cancel analysis</source>
        <translation>&amp;Cancelar análisis</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>&amp;Exportar informe…</translation>
    </message>
    <message>
        <source>&amp;About Mining Impact Explorer</source>
        <translation>&amp;Acerca de Mining Impact Explorer</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Nuevo proyecto</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>A&amp;brir proyecto…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>Open the &amp;sample project</source>
        <translation>Abrir el proyecto de &amp;ejemplo</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>&amp;Guardar proyecto</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>Guardar proyecto &amp;como…</translation>
    </message>
    <message>
        <source>Add &amp;layer…</source>
        <translation>Añadir &amp;capa…</translation>
    </message>
    <message>
        <source>Set &amp;basemap…</source>
        <translation>Definir &amp;mapa base…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Borrar selección</translation>
    </message>
    <message>
        <source>Zoom to &amp;full extent</source>
        <translation>Zoom a la &amp;extensión total</translation>
    </message>
    <message>
        <source>Zoom to &amp;layer</source>
        <translation>Zoom a la &amp;capa</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>Zoom a la &amp;selección</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Paneles</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Add layer…</source>
        <translation>&amp;Añadir capa…</translation>
    </message>
    <message>
        <source>&amp;Remove layer</source>
        <translation>&amp;Quitar capa</translation>
    </message>
    <message>
        <source>&amp;Style…</source>
        <translation>E&amp;stilo…</translation>
    </message>
    <message>
        <source>Role and &amp;fields…</source>
        <translation>Función y &amp;campos…</translation>
    </message>
    <message>
        <source>Open &amp;attribute table</source>
        <translation>Abrir &amp;tabla de atributos</translation>
    </message>
    <message>
        <source>Interface language: %1</source>
        <translation>Idioma de la interfaz: %1</translation>
    </message>
</context>
<context>
    <name>MapToolBar</name>
    <message>
        <source>Map navigation</source>
        <translation>Navegación del mapa</translation>
    </message>
    <message>
        <source>Pan (drag the map)</source>
        <translation>Desplazar (arrastre el mapa)</translation>
    </message>
    <message>
        <source>Zoom to box</source>
        <translation>Zoom a rectángulo</translation>
    </message>
    <message>
        <source>Identify features</source>
        <translation>Identificar entidades</translation>
    </message>
    <message>
        <source>Select features (Shift adds)</source>
        <translation>Seleccionar entidades (Mayús añade)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom to full extent</source>
        <translation>Zoom a la extensión total</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Identifier</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Holder / operator</source>
        <translation>Titular / operador</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Sustancia</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Declared area</source>
        <translation>Área declarada</translation>
    </message>
    <message>
        <source>Basin code</source>
        <translation>Código de la cuenca</translation>
    </message>
    <message>
        <source>Next basin downstream</source>
        <translation>Siguiente cuenca aguas abajo</translation>
    </message>
    <message>
        <source>Role and fields of %1</source>
        <translation>Función y campos de %1</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Recognised schema: %1</source>
        <translation>Esquema reconocido: %1</translation>
    </message>
    <message>
        <source>No known schema recognised; choose the columns yourself.</source>
        <translation>No se reconoció ningún esquema conocido; elija usted las columnas.</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>%1, %2</source>
        <translation>%1; %2</translation>
    </message>
</context>
<context>
    <name>PartnershipsPanel</name>
    <message>
        <source>No partnership registry in this project.</source>
        <translation>Este proyecto no tiene registro de asociaciones.</translation>
    </message>
    <message>
        <source>Partnership / project</source>
        <translation>Asociación / proyecto</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>The registry's ``text_public`` values as the panel shows them.</extracomment>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>site</source>
        <extracomment>How precise a project's published location is.</extracomment>
        <translation>sitio exacto</translation>
    </message>
    <message>
        <source>town</source>
        <translation>localidad</translation>
    </message>
    <message>
        <source>region</source>
        <translation>región</translation>
    </message>
    <message>
        <source>ESG/responsible sourcing</source>
        <extracomment>The registry's focus areas (a controlled list) as the panel shows them.</extracomment>
        <translation>ESG/abastecimiento responsable</translation>
    </message>
    <message>
        <source>R&amp;D</source>
        <translation>I+D</translation>
    </message>
    <message>
        <source>capacity building/technical assistance</source>
        <translation>fortalecimiento de capacidades/asistencia técnica</translation>
    </message>
    <message>
        <source>domestic processing/value addition</source>
        <translation>procesamiento local/agregación de valor</translation>
    </message>
    <message>
        <source>open markets</source>
        <translation>mercados abiertos</translation>
    </message>
    <message>
        <source>project financing</source>
        <translation>financiación de proyectos</translation>
    </message>
    <message>
        <source>stakeholder consultation</source>
        <translation>consulta a las partes interesadas</translation>
    </message>
    <message>
        <source>Text public</source>
        <translation>Texto público</translation>
    </message>
    <message>
        <source>Location not disclosed (%1)</source>
        <translation>Ubicación no divulgada (%1)</translation>
    </message>
    <message>
        <source>%1 partnerships, %2 projects, %3 without a disclosed location.</source>
        <translation>%1 asociaciones, %2 proyectos, %3 sin ubicación divulgada.</translation>
    </message>
    <message>
        <source>location not disclosed</source>
        <translation>ubicación no divulgada</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Partes</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <source>Focus areas</source>
        <translation>Áreas de enfoque</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Location not disclosed</source>
        <translation>Ubicación no divulgada</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Mineral</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>Asociaciones</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Location as published</source>
        <translation>Ubicación según la fuente</translation>
    </message>
</context>
<context>
    <name>PlaceholderCanvas</name>
    <message>
        <source>Map canvas</source>
        <translation>Mapa</translation>
    </message>
</context>
<context>
    <name>ProjectActions</name>
    <message>
        <source>Mining Impact Explorer project (*.mieproj *.json);;All files (*)</source>
        <translation>Proyecto de Mining Impact Explorer (*.mieproj *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open project</source>
        <extracomment>Read layers in a worker thread (the app sets this; tests open synchronously).</extracomment>
        <translation>Abrir proyecto</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>No se puede abrir el proyecto</translation>
    </message>
    <message>
        <source>The sample project is not installed.</source>
        <translation>El proyecto de ejemplo no está instalado.</translation>
    </message>
    <message>
        <source>Cannot open the sample project</source>
        <translation>No se puede abrir el proyecto de ejemplo</translation>
    </message>
    <message>
        <source>Some layers could not be opened</source>
        <translation>No se pudieron abrir algunas capas</translation>
    </message>
    <message>
        <source>Opened %1 (%2 layers)</source>
        <translation>%1 abierto (%2 capas)</translation>
    </message>
    <message>
        <source>Data files missing</source>
        <translation>Faltan archivos de datos</translation>
    </message>
    <message>
        <source>%1

Missing:
%2

Locate the folder that now holds them?</source>
        <translation>%1

Faltan:
%2

¿Indicar la carpeta donde están ahora?</translation>
    </message>
    <message>
        <source>Folder with the data files</source>
        <translation>Carpeta con los archivos de datos</translation>
    </message>
    <message>
        <source>Cannot relink the project</source>
        <translation>No se puede volver a vincular el proyecto</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>Siguen faltando</translation>
    </message>
    <message>
        <source>These data files were not found in %1:
%2</source>
        <translation>Estos archivos de datos no se encontraron en %1:
%2</translation>
    </message>
    <message>
        <source>Cannot read the partnership registry</source>
        <translation>No se puede leer el registro de asociaciones</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Guardar proyecto como</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>No se puede guardar el proyecto</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 guardado</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>The project has unsaved changes. Save them first?</source>
        <translation>El proyecto tiene cambios sin guardar. ¿Guardarlos antes?</translation>
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
        <translation>Leyenda</translation>
    </message>
    <message>
        <source>Forest formation</source>
        <extracomment>MapBiomas (Brazil) land-cover classes: code -&gt; (colour, English name). Colours follow the collection 6-8 legend, except mining (30), which is a brighter red so it reads as a finding.</extracomment>
        <translation>Formación boscosa</translation>
    </message>
    <message>
        <source>Savanna formation</source>
        <translation>Formación sabánica</translation>
    </message>
    <message>
        <source>Mangrove</source>
        <translation>Manglar</translation>
    </message>
    <message>
        <source>Floodable forest</source>
        <translation>Bosque inundable</translation>
    </message>
    <message>
        <source>Forest plantation</source>
        <translation>Plantación forestal</translation>
    </message>
    <message>
        <source>Wetland</source>
        <translation>Humedal</translation>
    </message>
    <message>
        <source>Grassland</source>
        <translation>Formación campestre</translation>
    </message>
    <message>
        <source>Pasture</source>
        <translation>Pasto</translation>
    </message>
    <message>
        <source>Sugar cane</source>
        <translation>Caña de azúcar</translation>
    </message>
    <message>
        <source>Mosaic of uses</source>
        <translation>Mosaico de usos</translation>
    </message>
    <message>
        <source>Beach, dune and sand spot</source>
        <translation>Playa, duna y arenal</translation>
    </message>
    <message>
        <source>Urban area</source>
        <translation>Área urbana</translation>
    </message>
    <message>
        <source>Other non-vegetated area</source>
        <translation>Otra área sin vegetación</translation>
    </message>
    <message>
        <source>Rocky outcrop</source>
        <translation>Afloramiento rocoso</translation>
    </message>
    <message>
        <source>Mining</source>
        <translation>Minería</translation>
    </message>
    <message>
        <source>Aquaculture</source>
        <translation>Acuicultura</translation>
    </message>
    <message>
        <source>Hypersaline tidal flat</source>
        <translation>Planicie de marea hipersalina</translation>
    </message>
    <message>
        <source>River, lake and ocean</source>
        <translation>Río, lago y océano</translation>
    </message>
    <message>
        <source>Palm oil</source>
        <translation>Palma aceitera</translation>
    </message>
    <message>
        <source>Soybean</source>
        <translation>Soja</translation>
    </message>
    <message>
        <source>Rice</source>
        <translation>Arroz</translation>
    </message>
    <message>
        <source>Other temporary crops</source>
        <translation>Otros cultivos temporales</translation>
    </message>
    <message>
        <source>Coffee</source>
        <translation>Café</translation>
    </message>
    <message>
        <source>Citrus</source>
        <translation>Cítricos</translation>
    </message>
    <message>
        <source>Other perennial crops</source>
        <translation>Otros cultivos perennes</translation>
    </message>
    <message>
        <source>Wooded sandbank vegetation</source>
        <translation>Restinga arbórea</translation>
    </message>
    <message>
        <source>Herbaceous sandbank vegetation</source>
        <translation>Restinga herbácea</translation>
    </message>
    <message>
        <source>Cotton</source>
        <translation>Algodón</translation>
    </message>
    <message>
        <source>Class {0}</source>
        <translation>Clase {0}</translation>
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
        <translation>Escribiendo el paquete de pruebas…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Folder for the evidence pack</source>
        <translation>Carpeta para el paquete de pruebas</translation>
    </message>
    <message>
        <source>Evidence pack written to %1</source>
        <translation>Paquete de pruebas escrito en %1</translation>
    </message>
    <message>
        <source>Cannot export the report</source>
        <translation>No se puede exportar el informe</translation>
    </message>
</context>
<context>
    <name>ResultColumns</name>
    <message>
        <source>Title key</source>
        <extracomment>Columns whose values are role codes ("indigenous_territory"), shown as role names.</extracomment>
        <translation>Clave de la concesión</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Concesión</translation>
    </message>
    <message>
        <source>Title name</source>
        <translation>Nombre de la concesión</translation>
    </message>
    <message>
        <source>Title role</source>
        <translation>Tipo de concesión</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Feature key</source>
        <translation>Clave del área</translation>
    </message>
    <message>
        <source>Feature ID</source>
        <translation>ID del área</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Área sensible</translation>
    </message>
    <message>
        <source>Overlap (ha)</source>
        <translation>Superposición (ha)</translation>
    </message>
    <message>
        <source>% of title</source>
        <translation>% de la concesión</translation>
    </message>
    <message>
        <source>% of feature</source>
        <translation>% del área</translation>
    </message>
    <message>
        <source>Point inside</source>
        <translation>Punto dentro</translation>
    </message>
    <message>
        <source>Distance (m)</source>
        <translation>Distancia (m)</translation>
    </message>
    <message>
        <source>River inside (km)</source>
        <translation>Río dentro (km)</translation>
    </message>
    <message>
        <source>Area (ha)</source>
        <translation>Área (ha)</translation>
    </message>
    <message>
        <source>Covered (ha)</source>
        <translation>Cubierta (ha)</translation>
    </message>
    <message>
        <source>% covered</source>
        <translation>% cubierta</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>Concesiones</translation>
    </message>
    <message>
        <source>Distance to feature (km)</source>
        <translation>Distancia al área (km)</translation>
    </message>
    <message>
        <source>River covered (km)</source>
        <translation>Río cubierto (km)</translation>
    </message>
    <message>
        <source>Nearest</source>
        <translation>Más cercana</translation>
    </message>
    <message>
        <source>Basin of the title</source>
        <translation>Cuenca de la concesión</translation>
    </message>
    <message>
        <source>Basins downstream</source>
        <translation>Cuencas aguas abajo</translation>
    </message>
    <message>
        <source>Downstream basin code</source>
        <translation>Código de la cuenca aguas abajo</translation>
    </message>
    <message>
        <source>Downstream basin</source>
        <translation>Cuenca aguas abajo</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Distance to basin (km)</source>
        <translation>Distancia a la cuenca (km)</translation>
    </message>
    <message>
        <source>Gap to the river (km)</source>
        <translation>Distancia al río (km)</translation>
    </message>
    <message>
        <source>Gap river–feature (km)</source>
        <translation>Distancia río–área (km)</translation>
    </message>
    <message>
        <source>Title area (ha)</source>
        <translation>Área de la concesión (ha)</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Áreas</translation>
    </message>
    <message>
        <source>Ring (km)</source>
        <translation>Anillo (km)</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Nombres</translation>
    </message>
    <message>
        <source>Raster</source>
        <translation>Ráster</translation>
    </message>
    <message>
        <source>Raster kind</source>
        <translation>Tipo de ráster</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Zone name</source>
        <translation>Nombre de la zona</translation>
    </message>
    <message>
        <source>Zone type</source>
        <translation>Tipo de zona</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Píxeles</translation>
    </message>
    <message>
        <source>% of zone</source>
        <translation>% de la zona</translation>
    </message>
    <message>
        <source>Area with data (ha)</source>
        <translation>Área con datos (ha)</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Máximo</translation>
    </message>
    <message>
        <source>Before (ha)</source>
        <translation>Antes (ha)</translation>
    </message>
    <message>
        <source>After (ha)</source>
        <translation>Después (ha)</translation>
    </message>
    <message>
        <source>Gained (ha)</source>
        <translation>Ganancia (ha)</translation>
    </message>
    <message>
        <source>Lost (ha)</source>
        <translation>Pérdida (ha)</translation>
    </message>
    <message>
        <source>Net change (ha)</source>
        <translation>Cambio neto (ha)</translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation>Asociación</translation>
    </message>
    <message>
        <source>Partnership name</source>
        <translation>Nombre de la asociación</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Partes</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <source>Focus areas</source>
        <translation>Áreas prioritarias</translation>
    </message>
    <message>
        <source>Text public</source>
        <translation>Texto público</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Proyectos</translation>
    </message>
    <message>
        <source>Located</source>
        <translation>Ubicados</translation>
    </message>
    <message>
        <source>Location not disclosed</source>
        <translation>Ubicación no divulgada</translation>
    </message>
    <message>
        <source>Near sensitive areas</source>
        <translation>Cerca de áreas sensibles</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>Nombre del proyecto</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Sustancia</translation>
    </message>
    <message>
        <source>Location disclosed</source>
        <translation>Ubicación divulgada</translation>
    </message>
    <message>
        <source>Location precision</source>
        <translation>Precisión de la ubicación</translation>
    </message>
    <message>
        <source>Overlaps</source>
        <translation>Superposiciones</translation>
    </message>
    <message>
        <source>Number of overlaps</source>
        <translation>Número de superposiciones</translation>
    </message>
    <message>
        <source>Near</source>
        <translation>Cercanas</translation>
    </message>
    <message>
        <source>Number near</source>
        <translation>Número de cercanas</translation>
    </message>
    <message>
        <source>Nearest (km)</source>
        <translation>Más cercana (km)</translation>
    </message>
    <message>
        <source>Within %1 km</source>
        <translation>Hasta %1 km</translation>
    </message>
    <message>
        <source>Area within %1 km (ha)</source>
        <translation>Área hasta %1 km (ha)</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Overlaps</source>
        <extracomment>(table name, tab title) in display order.</extracomment>
        <translation>Superposiciones</translation>
    </message>
    <message>
        <source>Proximity</source>
        <translation>Proximidad</translation>
    </message>
    <message>
        <source>Downstream</source>
        <translation>Aguas abajo</translation>
    </message>
    <message>
        <source>Rasters</source>
        <translation>Rásteres</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>Asociaciones</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>No analysis yet: press Run in the Analysis panel.</source>
        <translation>Aún no hay análisis: pulse Ejecutar en el panel Análisis.</translation>
    </message>
    <message>
        <source>Select a row to show its concession on the map.</source>
        <translation>Seleccione una fila para ver su concesión en el mapa.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Mining concession</source>
        <translation>Concesión minera</translation>
    </message>
    <message>
        <source>Partnership project</source>
        <translation>Proyecto de asociación</translation>
    </message>
    <message>
        <source>Water basin</source>
        <translation>Cuenca hidrográfica</translation>
    </message>
    <message>
        <source>River</source>
        <translation>Río</translation>
    </message>
    <message>
        <source>Protected area</source>
        <translation>Área protegida</translation>
    </message>
    <message>
        <source>Indigenous territory</source>
        <translation>Territorio indígena</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Comunidad</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>Raster</source>
        <translation>Ráster</translation>
    </message>
</context>
<context>
    <name>StyleDialog</name>
    <message>
        <source>none</source>
        <extracomment>Hatching and point-symbol names as the dialog shows them.</extracomment>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>diagonal</source>
        <translation>diagonal</translation>
    </message>
    <message>
        <source>cross</source>
        <translation>cruzado</translation>
    </message>
    <message>
        <source>horizontal</source>
        <translation>horizontal</translation>
    </message>
    <message>
        <source>vertical</source>
        <translation>vertical</translation>
    </message>
    <message>
        <source>dots</source>
        <translation>puntos</translation>
    </message>
    <message>
        <source>circle</source>
        <translation>círculo</translation>
    </message>
    <message>
        <source>square</source>
        <translation>cuadrado</translation>
    </message>
    <message>
        <source>triangle</source>
        <translation>triángulo</translation>
    </message>
    <message>
        <source>diamond</source>
        <translation>rombo</translation>
    </message>
    <message>
        <source>star</source>
        <translation>estrella</translation>
    </message>
    <message>
        <source>Style of %1</source>
        <translation>Estilo de %1</translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation>(sin etiquetas)</translation>
    </message>
    <message>
        <source>Fill colour</source>
        <translation>Color de relleno</translation>
    </message>
    <message>
        <source>Fill opacity</source>
        <translation>Opacidad del relleno</translation>
    </message>
    <message>
        <source>Outline colour</source>
        <translation>Color del contorno</translation>
    </message>
    <message>
        <source>Outline width (pt)</source>
        <translation>Grosor del contorno (pt)</translation>
    </message>
    <message>
        <source>Hatching</source>
        <translation>Rayado</translation>
    </message>
    <message>
        <source>Point symbol</source>
        <translation>Símbolo de punto</translation>
    </message>
    <message>
        <source>Symbol size (pt)</source>
        <translation>Tamaño del símbolo (pt)</translation>
    </message>
    <message>
        <source>Label field</source>
        <translation>Campo de etiqueta</translation>
    </message>
</context>
<context>
    <name>_TablePage</name>
    <message>
        <source>Filter rows…</source>
        <extracomment>Columns naming a feature, most useful first.</extracomment>
        <translation>Filtrar filas…</translation>
    </message>
</context>
</TS>