<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pt_BR">
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Run analysis</source>
        <translation>Executar análise</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Set the parameters and press Run.</source>
        <translation>Defina os parâmetros e clique em Executar.</translation>
    </message>
    <message>
        <source>Rings (km)</source>
        <translation>Anéis (km)</translation>
    </message>
    <message>
        <source>Downstream reach</source>
        <translation>Alcance a jusante</translation>
    </message>
    <message>
        <source>Measure against</source>
        <translation>Medir em relação a</translation>
    </message>
    <message>
        <source>Land cover before</source>
        <translation>Cobertura do solo antes</translation>
    </message>
    <message>
        <source>Land cover after</source>
        <translation>Cobertura do solo depois</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parâmetros</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <source>Rings must be positive distances in km, e.g. 1, 5, 10.</source>
        <translation>Os anéis devem ser distâncias positivas em km, por exemplo 1, 5, 10.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Executando…</translation>
    </message>
    <message>
        <source>Done in %1 s.</source>
        <translation>Concluída em %1 s.</translation>
    </message>
    <message>
        <source>Analysis cancelled.</source>
        <translation>Análise cancelada.</translation>
    </message>
</context>
<context>
    <name>AttributeTable</name>
    <message>
        <source>Filter rows…</source>
        <translation>Filtrar linhas…</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>Zoom para a seleção</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Camada</translation>
    </message>
    <message>
        <source>%1 of %2 shown, %3 selected</source>
        <translation>%1 de %2 exibidas, %3 selecionadas</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Recover unsaved work?</source>
        <translation>Recuperar o trabalho não salvo?</translation>
    </message>
    <message>
        <source>Mining Impact Explorer did not close normally. Unsaved work from %1 was kept. Recover it?</source>
        <translation>O Mining Impact Explorer não foi fechado normalmente. O trabalho não salvo de %1 foi mantido. Recuperá-lo?</translation>
    </message>
</context>
<context>
    <name>Basemap</name>
    <message>
        <source>Basemaps (*.mbtiles *.tif *.tiff);;All files (*)</source>
        <translation>Mapas base (*.mbtiles *.tif *.tiff);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Basemap: %1</source>
        <translation>Mapa base: %1</translation>
    </message>
    <message>
        <source>Cannot use this basemap</source>
        <translation>Não é possível usar este mapa base</translation>
    </message>
    <message>
        <source>Basemap added: %1</source>
        <translation>Mapa base adicionado: %1</translation>
    </message>
    <message>
        <source>Choose a basemap</source>
        <translation>Escolher um mapa base</translation>
    </message>
</context>
<context>
    <name>ColorButton</name>
    <message>
        <source>Choose colour</source>
        <translation>Escolher cor</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>Preparing layers</source>
        <translation>Preparando as camadas</translation>
    </message>
    <message>
        <source>Overlap totals</source>
        <translation>Totais de sobreposição</translation>
    </message>
    <message>
        <source>Overlap done</source>
        <translation>Sobreposições calculadas</translation>
    </message>
    <message>
        <source>Proximity: rings</source>
        <translation>Proximidade: anéis</translation>
    </message>
    <message>
        <source>Proximity done</source>
        <translation>Proximidade calculada</translation>
    </message>
    <message>
        <source>Downstream basins</source>
        <translation>Bacias a jusante</translation>
    </message>
    <message>
        <source>Raster statistics</source>
        <translation>Estatísticas dos rasters</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>Parcerias</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>Layers loaded</source>
        <translation>Camadas carregadas</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>Analisando</translation>
    </message>
    <message>
        <source>Writing tables</source>
        <translation>Gravando as tabelas</translation>
    </message>
    <message>
        <source>Writing the HTML map</source>
        <translation>Gerando o mapa HTML</translation>
    </message>
    <message>
        <source>Writing the PDF report</source>
        <translation>Gerando o relatório PDF</translation>
    </message>
    <message>
        <source>Zipping the pack</source>
        <translation>Compactando o pacote</translation>
    </message>
    <message>
        <source>No concession or project features: nothing to measure.</source>
        <translation>Nenhum título minerário ou projeto: nada a medir.</translation>
    </message>
    <message>
        <source>No basin layer: downstream analysis skipped.</source>
        <translation>Nenhuma camada de bacias hidrográficas: análise a jusante não realizada.</translation>
    </message>
    <message>
        <source>No concession or project near the rasters: raster statistics skipped.</source>
        <translation>Nenhum título minerário ou projeto perto dos rasters: estatísticas dos rasters não calculadas.</translation>
    </message>
    <message>
        <source>Loading %1</source>
        <translation>Carregando %1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: %1
The details are in the log file.</source>
        <translation>Algo deu errado: %1
Os detalhes estão no arquivo de registro.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erro inesperado</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>O arquivo está vazio.</translation>
    </message>
    <message>
        <source>The layer was not found in the file.</source>
        <translation>A camada não foi encontrada no arquivo.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Não foi possível ler o arquivo.</translation>
    </message>
    <message>
        <source>The layer has no features.</source>
        <translation>A camada não tem feições.</translation>
    </message>
    <message>
        <source>This file format is not supported.</source>
        <translation>Este formato de arquivo não é suportado.</translation>
    </message>
    <message>
        <source>The layer does not say which coordinate reference system it uses.</source>
        <translation>A camada não informa qual sistema de referência de coordenadas usa.</translation>
    </message>
    <message>
        <source>The archive holds a path that would leave its folder; nothing was extracted.</source>
        <translation>O arquivo compactado contém um caminho que sairia da sua pasta; nada foi extraído.</translation>
    </message>
    <message>
        <source>The archive holds no map layer.</source>
        <translation>O arquivo compactado não contém nenhuma camada de mapa.</translation>
    </message>
    <message>
        <source>The archive could not be opened.</source>
        <translation>Não foi possível abrir o arquivo compactado.</translation>
    </message>
    <message>
        <source>The layer mixes points, lines and polygons.</source>
        <translation>A camada mistura pontos, linhas e polígonos.</translation>
    </message>
    <message>
        <source>The layer's geometries cannot be used.</source>
        <translation>As geometrias da camada não podem ser usadas.</translation>
    </message>
    <message>
        <source>The attribute text could not be decoded.</source>
        <translation>Não foi possível decodificar o texto dos atributos.</translation>
    </message>
    <message>
        <source>The layer's fields do not give what this role needs.</source>
        <translation>Os campos da camada não trazem o que este papel exige.</translation>
    </message>
    <message>
        <source>The raster is not georeferenced.</source>
        <translation>O raster não está georreferenciado.</translation>
    </message>
    <message>
        <source>Some files of the project are missing.</source>
        <translation>Faltam arquivos do projeto.</translation>
    </message>
    <message>
        <source>The project was saved by a newer version of the app.</source>
        <translation>O projeto foi salvo por uma versão mais nova do aplicativo.</translation>
    </message>
    <message>
        <source>The project file could not be read.</source>
        <translation>Não foi possível ler o arquivo do projeto.</translation>
    </message>
    <message>
        <source>The partnership registry could not be read.</source>
        <translation>Não foi possível ler o registro de parcerias.</translation>
    </message>
    <message>
        <source>The data could not be used.</source>
        <translation>Não foi possível usar os dados.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Detalhes: %1</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <source>Choose the Identify tool and click on the map.</source>
        <translation>Escolha a ferramenta Identificar e clique no mapa.</translation>
    </message>
    <message>
        <source>Feature / attribute</source>
        <translation>Feição / atributo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>%1 feature(s) found.</source>
        <translation>%1 feição(ões) encontrada(s).</translation>
    </message>
    <message>
        <source>No feature under the cursor.</source>
        <translation>Nenhuma feição sob o cursor.</translation>
    </message>
    <message>
        <source>Feature %1</source>
        <translation>Feição %1</translation>
    </message>
</context>
<context>
    <name>LayerActions</name>
    <message>
        <source>Add layers</source>
        <translation>Adicionar camadas</translation>
    </message>
    <message>
        <source>Some files could not be added</source>
        <translation>Alguns arquivos não puderam ser adicionados</translation>
    </message>
    <message numerus="yes">
        <source>Add %n layer(s)</source>
        <translation>
            <numerusform>Adicionar %n camada</numerusform>
            <numerusform>Adicionar %n camadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>%1 adicionada</translation>
    </message>
    <message>
        <source>Role and fields of %1</source>
        <translation>Papel e campos de %1</translation>
    </message>
</context>
<context>
    <name>LayerCommands</name>
    <message>
        <source>Add layer %1</source>
        <translation>Adicionar camada %1</translation>
    </message>
    <message>
        <source>Remove layer %1</source>
        <translation>Remover camada %1</translation>
    </message>
    <message>
        <source>Move layer %1</source>
        <translation>Mover camada %1</translation>
    </message>
    <message>
        <source>Change style of %1</source>
        <translation>Alterar estilo de %1</translation>
    </message>
    <message>
        <source>Change role of %1</source>
        <translation>Alterar papel de %1</translation>
    </message>
    <message>
        <source>Change field mapping of %1</source>
        <translation>Alterar mapeamento de campos de %1</translation>
    </message>
</context>
<context>
    <name>LayerIO</name>
    <message>
        <source>Supported layers</source>
        <translation>Camadas suportadas</translation>
    </message>
</context>
<context>
    <name>LayerListModel</name>
    <message>
        <source>%1 — %2 features
%3</source>
        <translation>%1 — %2 feições
%3</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>Role</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacidade</translation>
    </message>
    <message>
        <source>Add layer…</source>
        <translation>Adicionar camada…</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Remover camada</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Mover para cima</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Mover para baixo</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>Zoom para a camada</translation>
    </message>
    <message>
        <source>Style…</source>
        <translation>Estilo…</translation>
    </message>
    <message>
        <source>Role and fields…</source>
        <translation>Papel e campos…</translation>
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
        <translation>Opacidade de %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>Camadas</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Análise</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>Parcerias</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identificar</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Tabela de atributos</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <source>Scale 1:%1</source>
        <translation>Escala 1:%1</translation>
    </message>
    <message>
        <source>About Mining Impact Explorer</source>
        <translation>Sobre o Mining Impact Explorer</translation>
    </message>
    <message>
        <source>Mining Impact Explorer %1
Offline desktop GIS for mining impact evidence.
GPL-3.0-or-later.</source>
        <translation>Mining Impact Explorer %1
SIG de desktop off-line para evidências de impactos da mineração.
GPL-3.0 ou posterior.</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation>Projeto sem título</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>(key, English title) of the menu bar's menus, left to right.</extracomment>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>&amp;Camada</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nálise</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <source>&amp;Run analysis</source>
        <translation>E&amp;xecutar análise</translation>
    </message>
    <message>
        <source>&amp;Cancel analysis</source>
        <translation>&amp;Cancelar análise</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>&amp;Exportar relatório…</translation>
    </message>
    <message>
        <source>&amp;About Mining Impact Explorer</source>
        <translation>&amp;Sobre o Mining Impact Explorer</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Novo projeto</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>A&amp;brir projeto…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;recente</translation>
    </message>
    <message>
        <source>Open the &amp;sample project</source>
        <translation>Abrir o projeto de &amp;exemplo</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>&amp;Salvar projeto</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>Salvar projeto &amp;como…</translation>
    </message>
    <message>
        <source>Add &amp;layer…</source>
        <translation>Adicionar &amp;camada…</translation>
    </message>
    <message>
        <source>Set &amp;basemap…</source>
        <translation>Definir &amp;mapa base…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Desfazer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Limpar seleção</translation>
    </message>
    <message>
        <source>Zoom to &amp;full extent</source>
        <translation>Zoom para a &amp;extensão total</translation>
    </message>
    <message>
        <source>Zoom to &amp;layer</source>
        <translation>Zoom para a &amp;camada</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>Zoom para a &amp;seleção</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Painéis</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Add layer…</source>
        <translation>&amp;Adicionar camada…</translation>
    </message>
    <message>
        <source>&amp;Remove layer</source>
        <translation>&amp;Remover camada</translation>
    </message>
    <message>
        <source>&amp;Style…</source>
        <translation>&amp;Estilo…</translation>
    </message>
    <message>
        <source>Role and &amp;fields…</source>
        <translation>Papel e &amp;campos…</translation>
    </message>
    <message>
        <source>Open &amp;attribute table</source>
        <translation>Abrir &amp;tabela de atributos</translation>
    </message>
    <message>
        <source>Interface language: %1</source>
        <translation>Idioma da interface: %1</translation>
    </message>
</context>
<context>
    <name>MapToolBar</name>
    <message>
        <source>Map navigation</source>
        <translation>Navegação no mapa</translation>
    </message>
    <message>
        <source>Pan (drag the map)</source>
        <translation>Deslocar (arraste o mapa)</translation>
    </message>
    <message>
        <source>Zoom to box</source>
        <translation>Zoom por retângulo</translation>
    </message>
    <message>
        <source>Identify features</source>
        <translation>Identificar feições</translation>
    </message>
    <message>
        <source>Select features (Shift adds)</source>
        <translation>Selecionar feições (Shift adiciona)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Aproximar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Afastar</translation>
    </message>
    <message>
        <source>Zoom to full extent</source>
        <translation>Zoom para a extensão total</translation>
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
        <translation>Nome</translation>
    </message>
    <message>
        <source>Holder / operator</source>
        <translation>Titular / operador</translation>
    </message>
    <message>
        <source>Commodity</source>
        <translation>Substância</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situação</translation>
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
        <translation>Código da bacia</translation>
    </message>
    <message>
        <source>Next basin downstream</source>
        <translation>Próxima bacia a jusante</translation>
    </message>
    <message>
        <source>Role and fields of %1</source>
        <translation>Papel e campos de %1</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <source>Recognised schema: %1</source>
        <translation>Esquema reconhecido: %1</translation>
    </message>
    <message>
        <source>No known schema recognised; choose the columns yourself.</source>
        <translation>Nenhum esquema conhecido reconhecido; escolha as colunas você mesmo.</translation>
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
        <translation>Nenhum registro de parcerias neste projeto.</translation>
    </message>
    <message>
        <source>Partnership / project</source>
        <translation>Parceria / projeto</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>The registry's ``text_public`` values as the panel shows them.</extracomment>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>site</source>
        <extracomment>How precise a project's published location is.</extracomment>
        <translation>local exato</translation>
    </message>
    <message>
        <source>town</source>
        <translation>município</translation>
    </message>
    <message>
        <source>region</source>
        <translation>região</translation>
    </message>
    <message>
        <source>ESG/responsible sourcing</source>
        <extracomment>The registry's focus areas (a controlled list) as the panel shows them.</extracomment>
        <translation>ESG/fornecimento responsável</translation>
    </message>
    <message>
        <source>R&amp;D</source>
        <translation>P&amp;D</translation>
    </message>
    <message>
        <source>capacity building/technical assistance</source>
        <translation>capacitação/assistência técnica</translation>
    </message>
    <message>
        <source>domestic processing/value addition</source>
        <translation>beneficiamento local/agregação de valor</translation>
    </message>
    <message>
        <source>open markets</source>
        <translation>mercados abertos</translation>
    </message>
    <message>
        <source>project financing</source>
        <translation>financiamento de projetos</translation>
    </message>
    <message>
        <source>stakeholder consultation</source>
        <translation>consulta às partes interessadas</translation>
    </message>
    <message>
        <source>Text public</source>
        <translation>Texto público</translation>
    </message>
    <message>
        <source>Location not disclosed (%1)</source>
        <translation>Localização não divulgada (%1)</translation>
    </message>
    <message>
        <source>%1 partnerships, %2 projects, %3 without a disclosed location.</source>
        <translation>%1 parcerias, %2 projetos, %3 sem localização divulgada.</translation>
    </message>
    <message>
        <source>location not disclosed</source>
        <translation>localização não divulgada</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Partes</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Assinado</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <source>Focus areas</source>
        <translation>Áreas de foco</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Location not disclosed</source>
        <translation>Localização não divulgada</translation>
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
        <translation>Substância</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>Parcerias</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Localização</translation>
    </message>
    <message>
        <source>Location as published</source>
        <translation>Localização conforme publicada</translation>
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
        <translation>Projeto do Mining Impact Explorer (*.mieproj *.json);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Open project</source>
        <extracomment>Read layers in a worker thread (the app sets this; tests open synchronously).</extracomment>
        <translation>Abrir projeto</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Não foi possível abrir o projeto</translation>
    </message>
    <message>
        <source>The sample project is not installed.</source>
        <translation>O projeto de exemplo não está instalado.</translation>
    </message>
    <message>
        <source>Cannot open the sample project</source>
        <translation>Não foi possível abrir o projeto de exemplo</translation>
    </message>
    <message>
        <source>Some layers could not be opened</source>
        <translation>Algumas camadas não puderam ser abertas</translation>
    </message>
    <message>
        <source>Opened %1 (%2 layers)</source>
        <translation>%1 aberto (%2 camadas)</translation>
    </message>
    <message>
        <source>Data files missing</source>
        <translation>Arquivos de dados ausentes</translation>
    </message>
    <message>
        <source>%1

Missing:
%2

Locate the folder that now holds them?</source>
        <translation>%1

Faltando:
%2

Indicar a pasta onde eles estão agora?</translation>
    </message>
    <message>
        <source>Folder with the data files</source>
        <translation>Pasta com os arquivos de dados</translation>
    </message>
    <message>
        <source>Cannot relink the project</source>
        <translation>Não foi possível revincular o projeto</translation>
    </message>
    <message>
        <source>Still missing</source>
        <translation>Ainda ausentes</translation>
    </message>
    <message>
        <source>These data files were not found in %1:
%2</source>
        <translation>Estes arquivos de dados não foram encontrados em %1:
%2</translation>
    </message>
    <message>
        <source>Cannot read the partnership registry</source>
        <translation>Não foi possível ler o registro de parcerias</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Salvar projeto como</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>Não foi possível salvar o projeto</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 salvo</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Alterações não salvas</translation>
    </message>
    <message>
        <source>The project has unsaved changes. Save them first?</source>
        <translation>O projeto tem alterações não salvas. Salvá-las antes?</translation>
    </message>
</context>
<context>
    <name>Render</name>
    <message>
        <source>E</source>
        <extracomment>Hemisphere letters (West is "O" in Portuguese, Spanish and French; East is "L" in Portuguese).</extracomment>
        <translation>L</translation>
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
        <translation>Legenda</translation>
    </message>
    <message>
        <source>Forest formation</source>
        <extracomment>MapBiomas (Brazil) land-cover classes: code -&gt; (colour, English name). Colours follow the collection 6-8 legend, except mining (30), which is a brighter red so it reads as a finding.</extracomment>
        <translation>Formação florestal</translation>
    </message>
    <message>
        <source>Savanna formation</source>
        <translation>Formação savânica</translation>
    </message>
    <message>
        <source>Mangrove</source>
        <translation>Mangue</translation>
    </message>
    <message>
        <source>Floodable forest</source>
        <translation>Floresta alagável</translation>
    </message>
    <message>
        <source>Forest plantation</source>
        <translation>Silvicultura</translation>
    </message>
    <message>
        <source>Wetland</source>
        <translation>Campo alagado e área pantanosa</translation>
    </message>
    <message>
        <source>Grassland</source>
        <translation>Formação campestre</translation>
    </message>
    <message>
        <source>Pasture</source>
        <translation>Pastagem</translation>
    </message>
    <message>
        <source>Sugar cane</source>
        <translation>Cana</translation>
    </message>
    <message>
        <source>Mosaic of uses</source>
        <translation>Mosaico de usos</translation>
    </message>
    <message>
        <source>Beach, dune and sand spot</source>
        <translation>Praia, duna e areal</translation>
    </message>
    <message>
        <source>Urban area</source>
        <translation>Área urbanizada</translation>
    </message>
    <message>
        <source>Other non-vegetated area</source>
        <translation>Outras áreas não vegetadas</translation>
    </message>
    <message>
        <source>Rocky outcrop</source>
        <translation>Afloramento rochoso</translation>
    </message>
    <message>
        <source>Mining</source>
        <translation>Mineração</translation>
    </message>
    <message>
        <source>Aquaculture</source>
        <translation>Aquicultura</translation>
    </message>
    <message>
        <source>Hypersaline tidal flat</source>
        <translation>Apicum</translation>
    </message>
    <message>
        <source>River, lake and ocean</source>
        <translation>Rio, lago e oceano</translation>
    </message>
    <message>
        <source>Palm oil</source>
        <translation>Dendê</translation>
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
        <translation>Outras lavouras temporárias</translation>
    </message>
    <message>
        <source>Coffee</source>
        <translation>Café</translation>
    </message>
    <message>
        <source>Citrus</source>
        <translation>Citrus</translation>
    </message>
    <message>
        <source>Other perennial crops</source>
        <translation>Outras lavouras perenes</translation>
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
        <translation>Algodão</translation>
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
        <translation>Gravando o pacote de evidências…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Folder for the evidence pack</source>
        <translation>Pasta para o pacote de evidências</translation>
    </message>
    <message>
        <source>Evidence pack written to %1</source>
        <translation>Pacote de evidências gravado em %1</translation>
    </message>
    <message>
        <source>Cannot export the report</source>
        <translation>Não foi possível exportar o relatório</translation>
    </message>
</context>
<context>
    <name>ResultColumns</name>
    <message>
        <source>Title key</source>
        <extracomment>Columns whose values are role codes ("indigenous_territory"), shown as role names.</extracomment>
        <translation>Chave do título</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Title name</source>
        <translation>Nome do título</translation>
    </message>
    <message>
        <source>Title role</source>
        <translation>Tipo do título</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Feature key</source>
        <translation>Chave da área</translation>
    </message>
    <message>
        <source>Feature ID</source>
        <translation>ID da área</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Área sensível</translation>
    </message>
    <message>
        <source>Overlap (ha)</source>
        <translation>Sobreposição (ha)</translation>
    </message>
    <message>
        <source>% of title</source>
        <translation>% do título</translation>
    </message>
    <message>
        <source>% of feature</source>
        <translation>% da área</translation>
    </message>
    <message>
        <source>Point inside</source>
        <translation>Ponto dentro</translation>
    </message>
    <message>
        <source>Distance (m)</source>
        <translation>Distância (m)</translation>
    </message>
    <message>
        <source>River inside (km)</source>
        <translation>Rio dentro (km)</translation>
    </message>
    <message>
        <source>Area (ha)</source>
        <translation>Área (ha)</translation>
    </message>
    <message>
        <source>Covered (ha)</source>
        <translation>Coberta (ha)</translation>
    </message>
    <message>
        <source>% covered</source>
        <translation>% coberta</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>Títulos</translation>
    </message>
    <message>
        <source>Distance to feature (km)</source>
        <translation>Distância até a área (km)</translation>
    </message>
    <message>
        <source>River covered (km)</source>
        <translation>Rio coberto (km)</translation>
    </message>
    <message>
        <source>Nearest</source>
        <translation>Mais próxima</translation>
    </message>
    <message>
        <source>Basin of the title</source>
        <translation>Bacia do título</translation>
    </message>
    <message>
        <source>Basins downstream</source>
        <translation>Bacias a jusante</translation>
    </message>
    <message>
        <source>Downstream basin code</source>
        <translation>Código da bacia a jusante</translation>
    </message>
    <message>
        <source>Downstream basin</source>
        <translation>Bacia a jusante</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Distance to basin (km)</source>
        <translation>Distância até a bacia (km)</translation>
    </message>
    <message>
        <source>Gap to the river (km)</source>
        <translation>Distância até o rio (km)</translation>
    </message>
    <message>
        <source>Gap river–feature (km)</source>
        <translation>Distância rio–área (km)</translation>
    </message>
    <message>
        <source>Title area (ha)</source>
        <translation>Área do título (ha)</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Áreas</translation>
    </message>
    <message>
        <source>Ring (km)</source>
        <translation>Faixa (km)</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Nomes</translation>
    </message>
    <message>
        <source>Raster</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Raster kind</source>
        <translation>Tipo de raster</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Zone name</source>
        <translation>Nome da zona</translation>
    </message>
    <message>
        <source>Zone type</source>
        <translation>Tipo de zona</translation>
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
        <translation>% da zona</translation>
    </message>
    <message>
        <source>Area with data (ha)</source>
        <translation>Área com dados (ha)</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Média</translation>
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
        <translation>Depois (ha)</translation>
    </message>
    <message>
        <source>Gained (ha)</source>
        <translation>Ganho (ha)</translation>
    </message>
    <message>
        <source>Lost (ha)</source>
        <translation>Perda (ha)</translation>
    </message>
    <message>
        <source>Net change (ha)</source>
        <translation>Variação líquida (ha)</translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation>Parceria</translation>
    </message>
    <message>
        <source>Partnership name</source>
        <translation>Nome da parceria</translation>
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
        <translation>Áreas de foco</translation>
    </message>
    <message>
        <source>Text public</source>
        <translation>Texto público</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projetos</translation>
    </message>
    <message>
        <source>Located</source>
        <translation>Localizados</translation>
    </message>
    <message>
        <source>Location not disclosed</source>
        <translation>Localização não divulgada</translation>
    </message>
    <message>
        <source>Near sensitive areas</source>
        <translation>Perto de áreas sensíveis</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projeto</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>Nome do projeto</translation>
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
        <translation>Substância</translation>
    </message>
    <message>
        <source>Location disclosed</source>
        <translation>Localização divulgada</translation>
    </message>
    <message>
        <source>Location precision</source>
        <translation>Precisão da localização</translation>
    </message>
    <message>
        <source>Overlaps</source>
        <translation>Sobreposições</translation>
    </message>
    <message>
        <source>Number of overlaps</source>
        <translation>Número de sobreposições</translation>
    </message>
    <message>
        <source>Near</source>
        <translation>Próximas</translation>
    </message>
    <message>
        <source>Number near</source>
        <translation>Número de próximas</translation>
    </message>
    <message>
        <source>Nearest (km)</source>
        <translation>Mais próxima (km)</translation>
    </message>
    <message>
        <source>Within %1 km</source>
        <translation>Até %1 km</translation>
    </message>
    <message>
        <source>Area within %1 km (ha)</source>
        <translation>Área até %1 km (ha)</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Overlaps</source>
        <extracomment>(table name, tab title) in display order.</extracomment>
        <translation>Sobreposições</translation>
    </message>
    <message>
        <source>Proximity</source>
        <translation>Proximidade</translation>
    </message>
    <message>
        <source>Downstream</source>
        <translation>A jusante</translation>
    </message>
    <message>
        <source>Rasters</source>
        <translation>Rasters</translation>
    </message>
    <message>
        <source>Partnerships</source>
        <translation>Parcerias</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumo</translation>
    </message>
    <message>
        <source>No analysis yet: press Run in the Analysis panel.</source>
        <translation>Nenhuma análise ainda: clique em Executar no painel Análise.</translation>
    </message>
    <message>
        <source>Select a row to show its concession on the map.</source>
        <translation>Selecione uma linha para mostrar o título minerário no mapa.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Mining concession</source>
        <translation>Título minerário</translation>
    </message>
    <message>
        <source>Partnership project</source>
        <translation>Projeto de parceria</translation>
    </message>
    <message>
        <source>Water basin</source>
        <translation>Bacia hidrográfica</translation>
    </message>
    <message>
        <source>River</source>
        <translation>Rio</translation>
    </message>
    <message>
        <source>Protected area</source>
        <translation>Unidade de Conservação</translation>
    </message>
    <message>
        <source>Indigenous territory</source>
        <translation>Terra Indígena</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Comunidade</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
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
        <translation>nenhuma</translation>
    </message>
    <message>
        <source>diagonal</source>
        <translation>diagonal</translation>
    </message>
    <message>
        <source>cross</source>
        <translation>cruzada</translation>
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
        <translation>pontos</translation>
    </message>
    <message>
        <source>circle</source>
        <translation>círculo</translation>
    </message>
    <message>
        <source>square</source>
        <translation>quadrado</translation>
    </message>
    <message>
        <source>triangle</source>
        <translation>triângulo</translation>
    </message>
    <message>
        <source>diamond</source>
        <translation>losango</translation>
    </message>
    <message>
        <source>star</source>
        <translation>estrela</translation>
    </message>
    <message>
        <source>Style of %1</source>
        <translation>Estilo de %1</translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation>(sem rótulos)</translation>
    </message>
    <message>
        <source>Fill colour</source>
        <translation>Cor de preenchimento</translation>
    </message>
    <message>
        <source>Fill opacity</source>
        <translation>Opacidade do preenchimento</translation>
    </message>
    <message>
        <source>Outline colour</source>
        <translation>Cor do contorno</translation>
    </message>
    <message>
        <source>Outline width (pt)</source>
        <translation>Largura do contorno (pt)</translation>
    </message>
    <message>
        <source>Hatching</source>
        <translation>Hachura</translation>
    </message>
    <message>
        <source>Point symbol</source>
        <translation>Símbolo de ponto</translation>
    </message>
    <message>
        <source>Symbol size (pt)</source>
        <translation>Tamanho do símbolo (pt)</translation>
    </message>
    <message>
        <source>Label field</source>
        <translation>Campo de rótulo</translation>
    </message>
</context>
<context>
    <name>_TablePage</name>
    <message>
        <source>Filter rows…</source>
        <extracomment>Columns naming a feature, most useful first.</extracomment>
        <translation>Filtrar linhas…</translation>
    </message>
</context>
</TS>