<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../ui/AboutBox.cpp" line="12"/>
        <source>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Whole-slide viewer and spatially regularized MIL.&lt;/p&gt;&lt;table&gt;</source>
        <translation>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Ganzschnitt-Viewer und räumlich regularisiertes MIL.&lt;/p&gt;&lt;table&gt;</translation>
    </message>
    <message>
        <location filename="../ui/AboutBox.cpp" line="20"/>
        <source>About Tessera</source>
        <translation>Über Tessera</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Whole-slide images (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif);;All files (*)</source>
        <translation type="vanished">Ganzschnittbilder (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="53"/>
        <source>give the run a name</source>
        <translation>geben Sie dem Lauf einen Namen</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="55"/>
        <source>use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; only (it names a folder)</source>
        <translation>nur Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos; verwenden (er benennt einen Ordner)</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="57"/>
        <source>a run named &apos;%1&apos; exists already</source>
        <translation>ein Lauf namens &apos;%1&apos; existiert bereits</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="63"/>
        <source>the project has no feature set &apos;%1&apos;</source>
        <translation>das Projekt hat keinen Merkmalssatz &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="65"/>
        <source>feature set &apos;%1&apos; has no slides yet</source>
        <translation>der Merkmalssatz &apos;%1&apos; hat noch keine Schnitte</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="73"/>
        <source>choose &apos;handcrafted&apos; or a TorchScript file (.pt) that exists</source>
        <translation>wählen Sie &apos;handcrafted&apos; oder eine vorhandene TorchScript-Datei (.pt)</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="76"/>
        <source>the patch size must be at least 16 px and the magnification positive</source>
        <translation>die Patchgröße muss mindestens 16 px und die Vergrößerung positiv sein</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="83"/>
        <source>label at least two classes of slides first (%1)</source>
        <translation>versehen Sie zuerst Schnitte aus mindestens zwei Klassen mit Labels (%1)</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="87"/>
        <source>k-fold cross-validation needs at least 3 folds</source>
        <translation>die k-fache Kreuzvalidierung braucht mindestens 3 Teile</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="90"/>
        <source>the project has no split &apos;%1&apos;: import one, or choose k folds</source>
        <translation>das Projekt hat keine Aufteilung &apos;%1&apos;: importieren Sie eine oder wählen Sie k Teile</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="96"/>
        <source>the project has no run &apos;%1&apos;</source>
        <translation>das Projekt hat keinen Lauf &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="102"/>
        <source>run &apos;%1&apos; has no trained weights yet</source>
        <translation>Lauf &apos;%1&apos; hat noch keine trainierten Gewichte</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="105"/>
        <source>run &apos;%1&apos; was trained as %2: choose %2 as the model to fine-tune it</source>
        <translation>Lauf &apos;%1&apos; wurde als %2 trainiert: wählen Sie %2 als Modell, um ihn feinabzustimmen</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="109"/>
        <source>run &apos;%1&apos; knows the classes %2, the project&apos;s labels are %3</source>
        <translation>Lauf &apos;%1&apos; kennt die Klassen %2, die Labels des Projekts sind %3</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="114"/>
        <source>run &apos;%1&apos; was trained on %2-dimensional features, &apos;%3&apos; has %4</source>
        <translation>Lauf &apos;%1&apos; wurde auf %2-dimensionalen Merkmalen trainiert, &apos;%3&apos; hat %4</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="129"/>
        <source>there is no device &apos;%1&apos; on this machine</source>
        <translation>auf diesem Rechner gibt es kein Gerät &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="148"/>
        <source>Extract features for %1</source>
        <translation>Merkmale für %1 extrahieren</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="185"/>
        <source>Train %1 (%2)</source>
        <translation>%1 trainieren (%2)</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="186"/>
        <source>Fine-tune %1 from %2 (%3)</source>
        <translation>%1 ab %2 feinabstimmen (%3)</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="212"/>
        <source># One node, %1 worker process(es), one per GPU:
tessera-cli %2 --nproc %1

# torchrun on each of NODES nodes (it sets RANK, WORLD_SIZE, MASTER_ADDR …); --slides-per-step must be at least the number of ranks:
torchrun --nnodes NODES --nproc_per_node %1 --rdzv_backend static --master_addr HOST --master_port 29500 --node_rank THIS_NODE --no-python tessera-cli %2 --distributed

# SLURM (sbatch this; srun starts one rank per task):
#!/bin/bash
#SBATCH --nodes=1
#SBATCH --ntasks-per-node=%1
#SBATCH --gres=gpu:%1
export MASTER_PORT=29500
srun tessera-cli %2 --distributed
</source>
        <translation># Ein Knoten, %1 Arbeitsprozess(e), einer je GPU:
tessera-cli %2 --nproc %1

# torchrun auf jedem von NODES Knoten (setzt RANK, WORLD_SIZE, MASTER_ADDR …); --slides-per-step muss mindestens die Zahl der Ränge sein:
torchrun --nnodes NODES --nproc_per_node %1 --rdzv_backend static --master_addr HOST --master_port 29500 --node_rank THIS_NODE --no-python tessera-cli %2 --distributed

# SLURM (mit sbatch starten; srun startet einen Rang je Task):
#!/bin/bash
#SBATCH --nodes=1
#SBATCH --ntasks-per-node=%1
#SBATCH --gres=gpu:%1
export MASTER_PORT=29500
srun tessera-cli %2 --distributed
</translation>
    </message>
    <message>
        <source># One node, %1 worker processes (one per GPU; edit to the node&apos;s GPUs):
tessera-cli %2 --nproc %1

# torchrun on each of NODES nodes (it sets RANK, WORLD_SIZE, MASTER_ADDR …); --slides-per-step must be at least the number of ranks:
torchrun --nnodes NODES --nproc_per_node %1 --rdzv_backend static --master_addr HOST --master_port 29500 --node_rank THIS_NODE --no-python tessera-cli %2 --distributed

# SLURM (sbatch this; srun starts one rank per task):
#!/bin/bash
#SBATCH --nodes=1
#SBATCH --ntasks-per-node=%1
#SBATCH --gres=gpu:%1
export MASTER_PORT=29500
srun tessera-cli %2 --distributed
</source>
        <translation type="vanished"># Ein Knoten, %1 Arbeitsprozesse (einer je GPU; an die GPUs des Knotens anpassen):
tessera-cli %2 --nproc %1

# torchrun auf jedem von NODES Knoten (setzt RANK, WORLD_SIZE, MASTER_ADDR …); --slides-per-step muss mindestens die Zahl der Ränge sein:
torchrun --nnodes NODES --nproc_per_node %1 --rdzv_backend static --master_addr HOST --master_port 29500 --node_rank THIS_NODE --no-python tessera-cli %2 --distributed

# SLURM (mit sbatch abschicken; srun startet einen Rang je Task):
#!/bin/bash
#SBATCH --nodes=1
#SBATCH --ntasks-per-node=%1
#SBATCH --gres=gpu:%1
export MASTER_PORT=29500
srun tessera-cli %2 --distributed
</translation>
    </message>
    <message>
        <location filename="../core/annotations/AnnotationFiles.cpp" line="19"/>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht vorhanden</translation>
    </message>
    <message>
        <location filename="../core/annotations/AnnotationFiles.cpp" line="21"/>
        <source>%1 is a folder, not an annotation file</source>
        <translation>%1 ist ein Ordner, keine Annotationsdatei</translation>
    </message>
    <message>
        <location filename="../core/annotations/AnnotationFiles.cpp" line="23"/>
        <source>%1 is %2 MiB; annotation files above %3 MiB are not read (a million QuPath objects take about 300 MiB)</source>
        <translation>%1 ist %2 MiB groß; Annotationsdateien über %3 MiB werden nicht gelesen (eine Million QuPath-Objekte belegen etwa 300 MiB)</translation>
    </message>
    <message>
        <location filename="../core/annotations/AnnotationFiles.cpp" line="30"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="53"/>
        <source>a Dot has %1 coordinates instead of 1</source>
        <translation>ein Punkt (Dot) hat %1 Koordinaten statt einer</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="69"/>
        <source>ASAP spline curvature (the spline is kept as the polygon through its points)</source>
        <translation>Krümmung von ASAP-Splines (der Spline bleibt als Polygon durch seine Punkte erhalten)</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="74"/>
        <source>annotation type &quot;%1&quot; is not supported (Polygon, Rectangle, Dot, Spline, PointSet, Measurement are)</source>
        <translation>Annotationstyp „%1“ wird nicht unterstützt (unterstützt: Polygon, Rectangle, Dot, Spline, PointSet, Measurement)</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="94"/>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="108"/>
        <source>not an ASAP annotation file (its root element is &lt;%1&gt;, not &lt;ASAP_Annotations&gt;)</source>
        <translation>keine ASAP-Annotationsdatei (das Wurzelelement ist &lt;%1&gt;, nicht &lt;ASAP_Annotations&gt;)</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="124"/>
        <source>a &lt;Coordinate&gt; outside an &lt;Annotation&gt;</source>
        <translation>eine &lt;Coordinate&gt; außerhalb einer &lt;Annotation&gt;</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="128"/>
        <source>a coordinate&apos;s X or Y is not a number</source>
        <translation>X oder Y einer Koordinate ist keine Zahl</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="142"/>
        <source>%1 is not well-formed XML: %2 at line %3</source>
        <translation>%1 ist kein wohlgeformtes XML: %2 in Zeile %3</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="146"/>
        <source>%1 is empty: no &lt;ASAP_Annotations&gt; element</source>
        <translation>%1 ist leer: kein &lt;ASAP_Annotations&gt;-Element</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="160"/>
        <source>annotation &quot;%1&quot;: %2</source>
        <translation>Annotation „%1“: %2</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="172"/>
        <location filename="../core/annotations/AsapXml.cpp" line="260"/>
        <location filename="../core/annotations/GeoJson.cpp" line="437"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="223"/>
        <source>line with more than two points (ASAP has no open lines)</source>
        <translation>Linie mit mehr als zwei Punkten (ASAP kennt keine offenen Linien)</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="231"/>
        <source>ellipse written as a polygon</source>
        <translation>Ellipse als Polygon geschrieben</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="234"/>
        <source>hole in a polygon (ASAP polygons have none; the outer ring is kept)</source>
        <translation>Loch in einem Polygon (ASAP-Polygone haben keine; der äußere Ring bleibt erhalten)</translation>
    </message>
    <message>
        <location filename="../core/annotations/AsapXml.cpp" line="240"/>
        <source>multipolygon split into one ASAP annotation per part</source>
        <translation>Multipolygon in eine ASAP-Annotation je Teil aufgeteilt</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="147"/>
        <source>a position is not a pair of numbers</source>
        <translation>eine Position ist kein Zahlenpaar</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="154"/>
        <source>the coordinates are not an array</source>
        <translation>die Koordinaten sind kein Array</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="167"/>
        <source>%1 has %2 positions; a closed ring needs at least 4</source>
        <translation>%1 hat %2 Positionen; ein geschlossener Ring braucht mindestens 4</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="169"/>
        <source>%1 is not closed (its last position must repeat its first)</source>
        <translation>%1 ist nicht geschlossen (die letzte Position muss die erste wiederholen)</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="178"/>
        <source>%1the polygon has no rings</source>
        <translation>%1das Polygon hat keine Ringe</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="180"/>
        <location filename="../core/annotations/Geometry.cpp" line="338"/>
        <source>the outer ring</source>
        <translation>der äußere Ring</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="182"/>
        <location filename="../core/annotations/Geometry.cpp" line="341"/>
        <location filename="../core/annotations/HoleCheck.cpp" line="190"/>
        <source>hole %1</source>
        <translation>Loch %1</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="209"/>
        <source>it is not a GeoJSON Feature (its type is &quot;%1&quot;)</source>
        <translation>es ist kein GeoJSON-Feature (sein Typ ist „%1“)</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="213"/>
        <source>it has no geometry</source>
        <translation>es hat keine Geometrie</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="242"/>
        <source>QuPath object type &quot;%1&quot; (imported as an annotation)</source>
        <translation>QuPath-Objekttyp „%1“ (als Annotation importiert)</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="244"/>
        <source>nucleus outline of a cell (the cell outline is kept)</source>
        <translation>Kernumriss einer Zelle (der Zellumriss bleibt erhalten)</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="246"/>
        <source>QuPath measurements (Tessera measures area and perimeter itself)</source>
        <translation>QuPath-Messwerte (Tessera misst Fläche und Umfang selbst)</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="317"/>
        <source>the multipolygon has no polygons</source>
        <translation>das Multipolygon hat keine Polygone</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="321"/>
        <source>polygon %1: </source>
        <translation>Polygon %1: </translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="328"/>
        <source>the geometry has no type</source>
        <translation>die Geometrie hat keinen Typ</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="329"/>
        <source>geometry type &quot;%1&quot; is not supported (Point, MultiPoint, LineString, Polygon, MultiPolygon are)</source>
        <translation>Geometrietyp „%1“ wird nicht unterstützt (unterstützt: Point, MultiPoint, LineString, Polygon, MultiPolygon)</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="402"/>
        <source>%1 is not valid JSON: %2 at line %3</source>
        <translation>%1 ist kein gültiges JSON: %2 in Zeile %3</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="417"/>
        <source>%1 is not GeoJSON: expected a FeatureCollection, a Feature or an array of Features</source>
        <translation>%1 ist kein GeoJSON: erwartet wird eine FeatureCollection, ein Feature oder ein Array von Features</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="428"/>
        <source>it is not an object</source>
        <translation>es ist kein Objekt</translation>
    </message>
    <message>
        <location filename="../core/annotations/GeoJson.cpp" line="431"/>
        <source>%1, feature %2: %3</source>
        <translation>%1, Feature %2: %3</translation>
    </message>
    <message>
        <location filename="../core/annotations/Geometry.cpp" line="68"/>
        <source>%1 has a coordinate that is not a number or beyond any slide (%2, %3)</source>
        <translation>%1 hat eine Koordinate, die keine Zahl ist oder außerhalb jedes Schnitts liegt (%2, %3)</translation>
    </message>
    <message>
        <location filename="../core/annotations/Geometry.cpp" line="79"/>
        <source>%1 has %2 distinct points; a ring needs at least 3</source>
        <translation>%1 hat %2 verschiedene Punkte; ein Ring braucht mindestens 3</translation>
    </message>
    <message>
        <location filename="../core/annotations/Geometry.cpp" line="83"/>
        <source>%1 crosses itself</source>
        <translation>%1 überschneidet sich selbst</translation>
    </message>
    <message>
        <location filename="../core/annotations/Geometry.cpp" line="85"/>
        <source>%1 encloses no area (its points lie on one line)</source>
        <translation>%1 umschließt keine Fläche (seine Punkte liegen auf einer Linie)</translation>
    </message>
    <message>
        <location filename="../core/annotations/Geometry.cpp" line="322"/>
        <source>a line needs at least 2 points</source>
        <translation>eine Linie braucht mindestens 2 Punkte</translation>
    </message>
    <message>
        <location filename="../core/annotations/Geometry.cpp" line="323"/>
        <source>a point annotation needs its point</source>
        <translation>eine Punktannotation braucht ihren Punkt</translation>
    </message>
    <message>
        <location filename="../core/annotations/Geometry.cpp" line="326"/>
        <source>a coordinate is not a number or beyond any slide (%1, %2)</source>
        <translation>eine Koordinate ist keine Zahl oder liegt außerhalb jedes Schnitts (%1, %2)</translation>
    </message>
    <message>
        <location filename="../core/annotations/Geometry.cpp" line="335"/>
        <source>the polygon has no rings</source>
        <translation>das Polygon hat keine Ringe</translation>
    </message>
    <message>
        <location filename="../core/annotations/Geometry.cpp" line="337"/>
        <source>part %1: </source>
        <translation>Teil %1: </translation>
    </message>
    <message>
        <location filename="../core/annotations/HoleCheck.cpp" line="194"/>
        <source>%1 crosses the outer ring</source>
        <translation>%1 schneidet den äußeren Ring</translation>
    </message>
    <message>
        <location filename="../core/annotations/HoleCheck.cpp" line="195"/>
        <source>%1 crosses hole %2</source>
        <translation>%1 schneidet Loch %2</translation>
    </message>
    <message>
        <location filename="../core/annotations/HoleCheck.cpp" line="216"/>
        <source>%1 is not inside the outer ring</source>
        <translation>%1 liegt nicht im äußeren Ring</translation>
    </message>
    <message>
        <location filename="../core/annotations/HoleCheck.cpp" line="237"/>
        <source>%1 overlaps hole %2</source>
        <translation>%1 überlappt Loch %2</translation>
    </message>
    <message>
        <location filename="../core/annotations/HeatmapRegions.cpp" line="55"/>
        <source>the map has no patches</source>
        <translation>die Karte hat keine Patches</translation>
    </message>
    <message>
        <location filename="../core/annotations/HeatmapRegions.cpp" line="57"/>
        <source>the map&apos;s coordinates do not match its %1 scores</source>
        <translation>die Koordinaten der Karte passen nicht zu ihren %1 Werten</translation>
    </message>
    <message>
        <location filename="../core/annotations/HeatmapRegions.cpp" line="62"/>
        <source>a logarithmic threshold needs positive scores (found %1)</source>
        <translation>eine logarithmische Schwelle braucht positive Werte (gefunden: %1)</translation>
    </message>
    <message>
        <location filename="../core/project/AnnotationStore.cpp" line="47"/>
        <source>%1: the annotations could not be saved (%2: %3)</source>
        <translation>%1: die Annotationen konnten nicht gespeichert werden (%2: %3)</translation>
    </message>
    <message>
        <location filename="../core/project/AnnotationStore.cpp" line="102"/>
        <source>%1 could not be added to the project</source>
        <translation>%1 konnte nicht zum Projekt hinzugefügt werden</translation>
    </message>
    <message>
        <location filename="../core/project/AnnotationStore.cpp" line="128"/>
        <source>%1: annotation %2 cannot be read: %3</source>
        <translation>%1: Annotation %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>%1: viridis colour map over %2 patches, percentile normalisation (each patch&apos;s rank among the slide&apos;s patches: yellow highest, purple lowest), drawn at 60 % opacity.</source>
        <translation type="vanished">%1: Farbskala viridis über %2 Patches, Perzentil-Normierung (Rang jedes Patches unter den Patches des Schnitts: gelb am höchsten, violett am niedrigsten), mit 60 % Deckkraft gezeichnet.</translation>
    </message>
    <message>
        <location filename="../core/heatmap/ScoreMap.cpp" line="47"/>
        <location filename="../core/report/ReportDocument.cpp" line="232"/>
        <source>Reconstruction consistency</source>
        <translation>Rekonstruktionskonsistenz</translation>
    </message>
    <message>
        <location filename="../core/heatmap/ScoreMap.cpp" line="45"/>
        <location filename="../core/report/ReportDocument.cpp" line="229"/>
        <source>Attention</source>
        <translation>Aufmerksamkeit</translation>
    </message>
    <message>
        <source>high = the model looked here</source>
        <translation type="vanished">hoch = hier sah das Modell hin</translation>
    </message>
    <message>
        <location filename="../core/heatmap/ScoreMap.cpp" line="49"/>
        <location filename="../core/report/ReportDocument.cpp" line="231"/>
        <source>Evidence</source>
        <translation>Evidenz</translation>
    </message>
    <message>
        <location filename="../core/heatmap/ScoreMap.cpp" line="53"/>
        <location filename="../core/report/ReportDocument.cpp" line="234"/>
        <source>Uncertainty</source>
        <translation>Unsicherheit</translation>
    </message>
    <message>
        <location filename="../core/heatmap/ScoreMap.cpp" line="60"/>
        <source>high = weighed most</source>
        <translation>hoch = am stärksten gewichtet</translation>
    </message>
    <message>
        <location filename="../core/heatmap/ScoreMap.cpp" line="62"/>
        <source>low = unlike its neighbours</source>
        <translation>niedrig = anders als seine Nachbarn</translation>
    </message>
    <message>
        <location filename="../core/heatmap/ScoreMap.cpp" line="64"/>
        <source>high = for the predicted class</source>
        <translation>hoch = für die vorhergesagte Klasse</translation>
    </message>
    <message>
        <location filename="../core/heatmap/ScoreMap.cpp" line="68"/>
        <source>high = the folds disagree</source>
        <translation>hoch = die Folds sind uneins</translation>
    </message>
    <message>
        <location filename="../core/heatmap/ScoreMap.cpp" line="124"/>
        <source>%1 (0 in the middle)</source>
        <translation>%1 (0 in der Mitte)</translation>
    </message>
    <message>
        <location filename="../core/heatmap/ScoreMap.cpp" line="130"/>
        <source>%1 (percentile)</source>
        <translation>%1 (Perzentil)</translation>
    </message>
    <message>
        <location filename="../core/heatmap/ScoreMap.cpp" line="131"/>
        <source>%1 (min–max)</source>
        <translation>%1 (Min–Max)</translation>
    </message>
    <message>
        <location filename="../core/heatmap/ScoreMap.cpp" line="125"/>
        <location filename="../core/heatmap/ScoreMap.cpp" line="132"/>
        <source>hot: %1</source>
        <translation>heiß: %1</translation>
    </message>
    <message>
        <source>hot end: %1</source>
        <translation type="vanished">heißes Ende: %1</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="31"/>
        <source>percentile normalisation (each patch&apos;s rank among the slide&apos;s patches)</source>
        <translation>Perzentil-Normierung (Rang jedes Patches unter den Patches des Schnitts)</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="32"/>
        <source>min–max normalisation</source>
        <translation>Min-Max-Normierung</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="34"/>
        <source>the hot end marks the patches the model weighed most</source>
        <translation>das heiße Ende markiert die Patches, die das Modell am stärksten gewichtete</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="36"/>
        <source>drawn reversed: the hot end marks the patches least like their neighbours (low consistency)</source>
        <translation>umgekehrt gezeichnet: das heiße Ende markiert die Patches, die ihren Nachbarn am wenigsten gleichen (niedrige Konsistenz)</translation>
    </message>
    <message>
        <source>the hot end marks the patches whose attention rank the folds disagree on most (the spread of its percentile)</source>
        <translation type="vanished">das heiße Ende markiert die Patches, über deren Aufmerksamkeitsrang die Folds am meisten uneins sind (die Streuung seines Perzentils)</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="44"/>
        <source>%1: %2 colour map over %3 patches, %4; %5. Drawn at %6 % opacity.</source>
        <translation>%1: Farbskala %2 über %3 Patches, %4; %5. Gezeichnet mit %6 % Deckkraft.</translation>
    </message>
    <message>
        <location filename="../core/session/SlideSession.cpp" line="61"/>
        <source>%1: no slide &quot;%2&quot; in this project</source>
        <translation>%1: kein Schnitt „%2“ in diesem Projekt</translation>
    </message>
    <message>
        <location filename="../core/session/SlideSession.cpp" line="64"/>
        <source>%1: the slide file is missing (the project expects it there)</source>
        <translation>%1: die Schnittdatei fehlt (das Projekt erwartet sie dort)</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="83"/>
        <source>%1 bytes, SHA-1 of the first MiB %2</source>
        <translation>%1 Bytes, SHA-1 des ersten MiB %2</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="87"/>
        <location filename="../core/report/ReportContent.cpp" line="93"/>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="91"/>
        <source> (estimated from the resolution)</source>
        <translation> (aus der Auflösung geschätzt)</translation>
    </message>
    <message>
        <location filename="../core/session/SlideSession.cpp" line="69"/>
        <source>%1: no run &quot;%2&quot; in this project</source>
        <translation>%1: kein Lauf „%2“ in diesem Projekt</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="29"/>
        <source>a scale symmetric about 0 (grey), ± the strongest patch&apos;s evidence</source>
        <translation>eine um 0 (grau) symmetrische Skala, ± die Evidenz des stärksten Patches</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="39"/>
        <source>the hot end marks the patches that push the slide toward %1, the cold end those that push it away</source>
        <translation>das heiße Ende markiert die Patches, die den Schnitt zu %1 hin schieben, das kalte Ende jene, die ihn davon wegschieben</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="42"/>
        <source>the hot end marks the patches whose weight the folds disagree on most (the spread of their attention, in even shares)</source>
        <translation>das heiße Ende markiert die Patches, über deren Gewicht die Folds am meisten uneins sind (die Streuung ihrer Aufmerksamkeit, in gleichen Anteilen)</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="111"/>
        <source>Model results: run %1 has no prediction for this slide.</source>
        <translation>Modellergebnisse: Lauf %1 hat keine Vorhersage für diesen Schnitt.</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="112"/>
        <source>Model results: no model has been applied to this slide.</source>
        <translation>Modellergebnisse: auf diesen Schnitt wurde noch kein Modell angewendet.</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="122"/>
        <source>none (trained afresh)</source>
        <translation>keiner (neu trainiert)</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="146"/>
        <source>Reconstruction consistency: model %1 has no reconstruction.</source>
        <translation>Rekonstruktionskonsistenz: Modell %1 hat keine Rekonstruktion.</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="161"/>
        <location filename="../core/report/ReportDocument.cpp" line="266"/>
        <source>Unclassified</source>
        <translation>Ohne Klasse</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="196"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="218"/>
        <source>Attention rank %1 (percentile %2)</source>
        <translation>Aufmerksamkeitsrang %1 (Perzentil %2)</translation>
    </message>
    <message>
        <location filename="../core/report/ReportContent.cpp" line="224"/>
        <source>Regions: there are no annotations on this slide.</source>
        <translation>Regionen: auf diesem Schnitt gibt es keine Annotationen.</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="123"/>
        <source>µm²</source>
        <translation>µm²</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="123"/>
        <source>px²</source>
        <translation>px²</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="124"/>
        <source>µm</source>
        <translation>µm</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="124"/>
        <source>px</source>
        <translation>px</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="128"/>
        <location filename="../core/report/ReportDocument.cpp" line="319"/>
        <source>Slide report: %1</source>
        <translation>Schnittbericht: %1</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="137"/>
        <source>Warning: this slide is unlike the slides the model was trained on. Do not rely on its prediction.</source>
        <translation>Warnung: Dieser Schnitt ähnelt nicht den Schnitten, mit denen das Modell trainiert wurde. Verlassen Sie sich nicht auf seine Vorhersage.</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="141"/>
        <source>Slide</source>
        <translation>Schnitt</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="142"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="143"/>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="144"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="145"/>
        <source>Microns per pixel</source>
        <translation>Mikrometer je Pixel</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="146"/>
        <source>Objective</source>
        <translation>Objektiv</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="147"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="148"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="148"/>
        <source>not given</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="149"/>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="154"/>
        <source>Slide overview</source>
        <translation>Übersicht des Schnitts</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="178"/>
        <source>Model results</source>
        <translation>Modellergebnisse</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="181"/>
        <source>No model results: this section is left out.</source>
        <translation>Keine Modellergebnisse: dieser Abschnitt entfällt.</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="184"/>
        <source>Predicted class: %1</source>
        <translation>Vorhergesagte Klasse: %1</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="187"/>
        <source>Not to be trusted: the slide is unlike the training data (see Training data check below).</source>
        <translation>Nicht vertrauenswürdig: Der Schnitt ähnelt nicht den Trainingsdaten (siehe Abgleich mit den Trainingsdaten unten).</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="194"/>
        <location filename="../core/report/ReportDocument.cpp" line="244"/>
        <location filename="../core/report/ReportDocument.cpp" line="261"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="194"/>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="195"/>
        <source>Spread over folds (SD)</source>
        <translation>Streuung über die Folds (SD)</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="121"/>
        <source>predicted</source>
        <translation>vorhergesagt</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="153"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="153"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="168"/>
        <source>0.5 (default)</source>
        <translation>0,5 (Vorgabe)</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="170"/>
        <source>0.5 (calibrated)</source>
        <translation>0,5 (kalibriert)</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="172"/>
        <source>%1 (Youden)</source>
        <translation>%1 (Youden)</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="173"/>
        <source>argmax</source>
        <translation>argmax</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="179"/>
        <source>0.5 (validation lacks a class for Youden&apos;s J)</source>
        <translation>0,5 (der Validierung fehlt eine Klasse für das Youden-J)</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="181"/>
        <source>0.5 on calibrated probabilities</source>
        <translation>0,5 auf kalibrierten Wahrscheinlichkeiten</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="183"/>
        <source>Youden&apos;s J on validation: %1</source>
        <translation>Youden-J auf der Validierung: %1</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="184"/>
        <source>largest probability</source>
        <translation>größte Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="196"/>
        <source>ROC, %1 (%2 positive)</source>
        <translation>ROC, %1 (%2 positiv)</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="197"/>
        <source>1 − specificity</source>
        <translation>1 − Spezifität</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="198"/>
        <source>sensitivity</source>
        <translation>Sensitivität</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="214"/>
        <source>Precision–recall, %1</source>
        <translation>Precision–Recall, %1</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="215"/>
        <source>recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="216"/>
        <source>precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="237"/>
        <source>Calibration, %1</source>
        <translation>Kalibrierung, %1</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="238"/>
        <source>predicted probability of %1</source>
        <translation>vorhergesagte Wahrscheinlichkeit für %1</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="239"/>
        <source>observed share</source>
        <translation>beobachteter Anteil</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="254"/>
        <source>%1 calibrated  ECE %2</source>
        <translation>%1 kalibriert  ECE %2</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="267"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="295"/>
        <source>Validation AUC per epoch</source>
        <translation>Validierungs-AUC je Epoche</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="295"/>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="302"/>
        <source>Training loss per epoch</source>
        <translation>Trainingsverlust je Epoche</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="302"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="315"/>
        <source>Run comparison</source>
        <translation>Lauf-Vergleich</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="330"/>
        <source>Tessera run comparison · page %1 · for research use only</source>
        <translation>Tessera-Lauf-Vergleich · Seite %1 · nur für Forschungszwecke</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="364"/>
        <source>Run comparison: %1</source>
        <translation>Lauf-Vergleich: %1</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="373"/>
        <source>%1 · curves score %2 against the rest · AUC intervals: DeLong 95 %</source>
        <translation>%1 · Kurven bewerten %2 gegen den Rest · AUC-Intervalle: DeLong 95 %</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="376"/>
        <location filename="../core/report/ReportDocument.cpp" line="205"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="376"/>
        <location filename="../core/report/ReportDocument.cpp" line="206"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="495"/>
        <source>The folder %1 cannot be made</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="208"/>
        <source>Ensemble</source>
        <translation>Ensemble</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="209"/>
        <source>%1 cross-validation folds; probabilities and maps are their means</source>
        <translation>%1 Folds der Kreuzvalidierung; Wahrscheinlichkeiten und Karten sind ihre Mittelwerte</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="211"/>
        <source>Trained</source>
        <translation>Trainiert</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="212"/>
        <source>Fine-tuned from</source>
        <translation>Feinabgestimmt ab</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="213"/>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="214"/>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="216"/>
        <source>temperature scaling, each fold with its own temperature</source>
        <translation>Temperaturskalierung, jeder Fold mit seiner eigenen Temperatur</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="218"/>
        <source>temperature scaling, T = %1</source>
        <translation>Temperaturskalierung, T = %1</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="219"/>
        <source>none (probabilities as the model gives them)</source>
        <translation>keine (Wahrscheinlichkeiten, wie das Modell sie ausgibt)</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="237"/>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="239"/>
        <source>No annotations on this slide.</source>
        <translation>Keine Annotationen auf diesem Schnitt.</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="244"/>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="245"/>
        <source>Area (%1)</source>
        <translation>Fläche (%1)</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="246"/>
        <source>Perimeter (%1)</source>
        <translation>Umfang (%1)</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="247"/>
        <source>Mean attention (percentile)</source>
        <translation>Mittlere Aufmerksamkeit (Perzentil)</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="257"/>
        <source>Per class</source>
        <translation>Je Klasse</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="261"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="262"/>
        <source>Total area (%1)</source>
        <translation>Gesamtfläche (%1)</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="273"/>
        <source>Crops</source>
        <translation>Ausschnitte</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="161"/>
        <source>Findings</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="42"/>
        <location filename="../core/report/ReportDocument.cpp" line="151"/>
        <source>Training data check</source>
        <translation>Abgleich mit den Trainingsdaten</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="52"/>
        <source>Score</source>
        <translation>Maß</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="52"/>
        <source>This slide</source>
        <translation>Dieser Schnitt</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="52"/>
        <source>Typical</source>
        <translation>Typisch</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="53"/>
        <source>Spread</source>
        <translation>Streuung</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="53"/>
        <source>Spreads above typical</source>
        <translation>Streuungen über typisch</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="59"/>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="66"/>
        <source>Compared with %1 of the run. Flagged above %2: %3.</source>
        <translation>Verglichen mit %1 des Laufs. Markiert über %2: %3.</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="163"/>
        <source>None written.</source>
        <translation>Keiner geschrieben.</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="171"/>
        <source>Not in this report</source>
        <translation>Nicht in diesem Bericht</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="301"/>
        <source>For research use only. Not for diagnostic use. Tessera %1, %2</source>
        <translation>Nur für Forschungszwecke. Nicht für die Diagnostik. Tessera %1, %2</translation>
    </message>
    <message>
        <location filename="../core/report/ReportDocument.cpp" line="304"/>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="319"/>
        <location filename="../core/report/ReportDocument.cpp" line="327"/>
        <source>%1 cannot be written: the PDF could not be started</source>
        <translation>%1 kann nicht geschrieben werden: Das PDF konnte nicht begonnen werden</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="376"/>
        <source>Parent</source>
        <translation>Ausgangslauf</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="377"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="377"/>
        <source>Validation AUC</source>
        <translation>Validierungs-AUC</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="378"/>
        <source>Test AUC</source>
        <translation>Test-AUC</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="378"/>
        <source>Test AP</source>
        <translation>Test-AP</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="378"/>
        <source>ECE</source>
        <translation>ECE</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="379"/>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="397"/>
        <source>Threshold: Youden&apos;s J on the validation slides, or 0.5 on calibrated probabilities where the run&apos;s temperature was fitted. ECE: before → after it.</source>
        <translation>Schwelle: Youden-J auf den Validierungsschnitten, oder 0,5 auf kalibrierten Wahrscheinlichkeiten, wo die Temperatur des Laufs angepasst wurde. ECE: davor → danach.</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="411"/>
        <source>DeLong&apos;s test, %1 slides</source>
        <translation>DeLong-Test, %1-Schnitte</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="403"/>
        <source>Run A</source>
        <translation>Lauf A</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="403"/>
        <source>Run B</source>
        <translation>Lauf B</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="403"/>
        <source>Slides</source>
        <translation>Schnitte</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="404"/>
        <source>AUC A</source>
        <translation>AUC A</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="404"/>
        <source>AUC B</source>
        <translation>AUC B</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="405"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="405"/>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="405"/>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="419"/>
        <source>Settings that differ</source>
        <translation>Abweichende Einstellungen</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="414"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="460"/>
        <source>Confusion matrices, %1 slides (rows: truth)</source>
        <translation>Konfusionsmatrizen, %1-Schnitte (Zeilen: Wahrheit)</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="472"/>
        <source>threshold: %1 · accuracy %2</source>
        <translation>Schwelle: %1 · Genauigkeit %2</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="480"/>
        <source>%1 called %2: %3</source>
        <translation>%1 als %2 eingestuft: %3</translation>
    </message>
    <message>
        <location filename="../core/report/ComparisonReport.cpp" line="487"/>
        <location filename="../core/report/ReportDocument.cpp" line="335"/>
        <source>%1 cannot be written: the PDF could not be completed</source>
        <translation>%1 kann nicht geschrieben werden: Das PDF konnte nicht fertiggestellt werden</translation>
    </message>
    <message>
        <location filename="../core/report/SlideReport.cpp" line="36"/>
        <location filename="../core/report/SlideReport.cpp" line="78"/>
        <source>%1: the folder cannot be created</source>
        <translation>%1: der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../core/project/SqliteAdvice.cpp" line="14"/>
        <source>the disk is full: free some space and try again; the unfinished change was rolled back and everything saved before it is kept</source>
        <translation>Der Datenträger ist voll: Geben Sie Speicherplatz frei und versuchen Sie es erneut; die unvollendete Änderung wurde zurückgenommen, alles zuvor Gespeicherte bleibt erhalten</translation>
    </message>
    <message>
        <location filename="../core/project/SqliteAdvice.cpp" line="17"/>
        <source>the disk could not be read or written (full, unplugged, or a network folder that dropped out): free space or check the disk and try again; the unfinished change was rolled back and everything saved before it is kept</source>
        <translation>Der Datenträger konnte nicht gelesen oder beschrieben werden (voll, getrennt oder ein abgebrochener Netzwerkordner): Geben Sie Speicherplatz frei oder prüfen Sie den Datenträger und versuchen Sie es erneut; die unvollendete Änderung wurde zurückgenommen, alles zuvor Gespeicherte bleibt erhalten</translation>
    </message>
    <message>
        <location filename="../core/project/SqliteAdvice.cpp" line="22"/>
        <source>the project is read-only: Tessera writes project.sqlite and its -wal and -shm files beside it, so the folder must be writable (copy the project to a writable folder to work on it)</source>
        <translation>Das Projekt ist schreibgeschützt: Tessera schreibt project.sqlite und daneben dessen -wal- und -shm-Dateien, der Ordner muss also beschreibbar sein (kopieren Sie das Projekt zum Arbeiten in einen beschreibbaren Ordner)</translation>
    </message>
    <message>
        <location filename="../core/project/SqliteAdvice.cpp" line="27"/>
        <source>another program kept the project locked for longer than Tessera waits (another Tessera window or command, or a backup or sync tool): let it finish or close it, then try again</source>
        <translation>Ein anderes Programm hält das Projekt länger gesperrt, als Tessera wartet (ein anderes Tessera-Fenster oder -Kommando oder ein Sicherungs- oder Synchronisationsprogramm): Lassen Sie es fertig werden oder schließen Sie es und versuchen Sie es dann erneut</translation>
    </message>
    <message>
        <location filename="../core/project/SqliteAdvice.cpp" line="31"/>
        <source>the file cannot be opened: check that the folder exists and is readable and writable</source>
        <translation>Die Datei kann nicht geöffnet werden: Prüfen Sie, ob der Ordner existiert und lesbar und beschreibbar ist</translation>
    </message>
    <message>
        <location filename="../core/project/RunSummary.cpp" line="21"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location filename="../core/project/RunSummary.cpp" line="21"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../core/project/RunSummary.cpp" line="35"/>
        <source> · ensemble of %1 folds</source>
        <translation> · Ensemble aus %1 Folds</translation>
    </message>
    <message>
        <location filename="../core/project/RunSummary.cpp" line="38"/>
        <source> · as %1</source>
        <translation> · wie %1</translation>
    </message>
    <message>
        <location filename="../core/project/RunSummary.cpp" line="52"/>
        <source>Recorded before Tessera kept the validation slides&apos; numbers.</source>
        <translation>Aufgezeichnet, bevor Tessera die Zahlen der Validierungsschnitte speicherte.</translation>
    </message>
    <message>
        <location filename="../core/project/RunSummary.cpp" line="60"/>
        <source>%1 (mean of %2 folds)</source>
        <translation>%1 (Mittel aus %2 Folds)</translation>
    </message>
    <message>
        <location filename="../core/project/RunSummary.cpp" line="61"/>
        <source>The mean of its %1 folds&apos; best validation AUCs, each fold on its own validation slides (%2 in all).</source>
        <translation>Das Mittel der besten Validierungs-AUCs seiner %1 Folds, jeder Fold auf seinen eigenen Validierungsschnitten (insgesamt %2).</translation>
    </message>
    <message>
        <location filename="../core/project/RunSummary.cpp" line="79"/>
        <source>too few slides (%1)</source>
        <translation>zu wenige Schnitte (%1)</translation>
    </message>
    <message>
        <location filename="../core/project/RunSummary.cpp" line="80"/>
        <source>%1 validation slides (%2 per class): an AUC needs at least %3 slides of each class to mean anything.</source>
        <translation>%1 Validierungsschnitte (%2 je Klasse): eine AUC braucht mindestens %3 Schnitte jeder Klasse, um etwas auszusagen.</translation>
    </message>
    <message>
        <location filename="../core/project/RunSummary.cpp" line="90"/>
        <source>AUC on %1 validation slides (%2 per class), with its 95 % bootstrap interval (2000 resamples within each class).</source>
        <translation>AUC auf %1 Validierungsschnitten (%2 je Klasse), mit 95-%-Bootstrap-Intervall (2000 Ziehungen innerhalb jeder Klasse).</translation>
    </message>
    <message>
        <location filename="../core/infer/Predictor.cpp" line="64"/>
        <source>%1 was made from %2-dimensional features, but run %3 takes %4: its predictions are not checked against its training data</source>
        <translation>%1 wurde aus %2-dimensionalen Merkmalen erstellt, Lauf %3 nimmt aber %4: Seine Vorhersagen werden nicht mit seinen Trainingsdaten abgeglichen</translation>
    </message>
    <message>
        <location filename="../core/infer/Predictor.cpp" line="76"/>
        <source>run %1 keeps no reference of its training data (made before Tessera kept one): its predictions are not checked against the slides it learnt from</source>
        <translation>Lauf %1 bewahrt keine Referenz seiner Trainingsdaten auf (entstanden, bevor Tessera eine aufbewahrte): Seine Vorhersagen werden nicht mit den Schnitten abgeglichen, aus denen er gelernt hat</translation>
    </message>
    <message>
        <source>%1 cannot be used as an ensemble: its folds %2 and %3 differ in model, classes or features</source>
        <translation type="vanished">%1 kann nicht als Ensemble dienen: seine Folds %2 und %3 unterscheiden sich in Modell, Klassen oder Merkmalen</translation>
    </message>
    <message>
        <location filename="../core/infer/Predictor.cpp" line="211"/>
        <source>predicting</source>
        <translation>bei der Vorhersage</translation>
    </message>
    <message>
        <source>%1 (%2, the median of %3 judged folds)</source>
        <translation type="vanished">%1 (%2, der Median von %3 urteilenden Folds)</translation>
    </message>
    <message>
        <location filename="../core/infer/Predictor.cpp" line="143"/>
        <source>%1 is a cross-validation with %2 finished fold(s): its ensemble needs at least 2; use one fold&apos;s folder as the run, or let the other folds finish</source>
        <translation>%1 ist eine Kreuzvalidierung mit %2 fertigen Fold(s): ihr Ensemble braucht mindestens 2; nehmen Sie den Ordner eines Folds als Lauf oder lassen Sie die übrigen Folds fertig werden</translation>
    </message>
    <message>
        <location filename="../core/infer/Predictor.cpp" line="157"/>
        <source>%1 cannot be used as an ensemble: its folds %2 and %3 differ in model, classes or features; train the folds again with one command</source>
        <translation>%1 kann nicht als Ensemble dienen: seine Folds %2 und %3 unterscheiden sich in Modell, Klassen oder Merkmalen; trainieren Sie die Folds erneut mit einem Befehl</translation>
    </message>
    <message>
        <location filename="../core/infer/Predictor.cpp" line="303"/>
        <source>%1 (%2, the median of %3 folds)</source>
        <translation>%1 (%2, der Median von %3 Folds)</translation>
    </message>
    <message>
        <location filename="../core/infer/Predictor.cpp" line="313"/>
        <source>run %1&apos;s reference holds too few slides to judge new ones by (%2)</source>
        <translation>die Referenz von Lauf %1 enthält zu wenige Schnitte, um neue daran zu messen (%2)</translation>
    </message>
    <message>
        <location filename="../core/infer/Predictor.cpp" line="355"/>
        <source> (mean of %1 folds)</source>
        <translation> (Mittel aus %1 Folds)</translation>
    </message>
    <message>
        <location filename="../core/infer/Predictor.cpp" line="370"/>
        <source>; each fold&apos;s probabilities calibrated with its own temperature</source>
        <translation>; die Wahrscheinlichkeiten jedes Folds mit seiner eigenen Temperatur kalibriert</translation>
    </message>
    <message>
        <location filename="../core/infer/Predictor.cpp" line="372"/>
        <source>; probabilities calibrated (temperature %1)</source>
        <translation>; Wahrscheinlichkeiten kalibriert (Temperatur %1)</translation>
    </message>
    <message>
        <location filename="../core/infer/Predictor.cpp" line="373"/>
        <source>; reference: %1</source>
        <translation>; Referenz: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="obsolete">%1× {1 %2?}</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingAnnotations.cpp" line="17"/>
        <source>annotations label %1 patches on %2 training slide(s); %3 of them show their slide&apos;s own class and train its attention onto them, the others train it off</source>
        <translation>Annotationen markieren %1 Patches auf %2 Trainingsschnitt(en); %3 davon zeigen die eigene Klasse ihres Schnitts und ziehen seine Aufmerksamkeit auf sich, die übrigen lenken sie ab</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingAnnotations.cpp" line="23"/>
        <source>; classes that are no label class are not used: %1</source>
        <translation>; Klassen, die keine Label-Klasse sind, werden nicht genutzt: %1</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingAnnotations.cpp" line="65"/>
        <source>slide labels from annotations: %1</source>
        <translation>Schnittlabels aus Annotationen: %1</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingAnnotations.cpp" line="68"/>
        <source>unlabelled slides whose annotations decide no label: %1</source>
        <translation>Schnitte ohne Label, deren Annotationen kein Label entscheiden: %1</translation>
    </message>
    <message>
        <location filename="../core/review/RunProposals.cpp" line="24"/>
        <source>The project %1 has no run &apos;%2&apos;</source>
        <translation>Das Projekt %1 hat keinen Lauf „%2“</translation>
    </message>
    <message>
        <location filename="../core/review/RunProposals.cpp" line="29"/>
        <source>Run %1 was trained on &apos;%2&apos;, not on one of the project&apos;s named splits: its training slides are not known here</source>
        <translation>Lauf %1 wurde auf „%2“ trainiert, nicht auf einer benannten Aufteilung des Projekts: seine Trainingsschnitte sind hier nicht bekannt</translation>
    </message>
    <message>
        <location filename="../core/review/RunProposals.cpp" line="61"/>
        <source>%1 is not a training slide of run %2: answers there would train nothing</source>
        <translation>%1 ist kein Trainingsschnitt von Lauf %2: Antworten dort würden nichts trainieren</translation>
    </message>
    <message>
        <location filename="../core/review/RunProposals.cpp" line="64"/>
        <source>%1 is a %2 slide: every patch of it is %2, so there is nothing to ask</source>
        <translation>%1 ist ein %2-Schnitt: jeder seiner Patches ist %2, es gibt nichts zu fragen</translation>
    </message>
    <message>
        <location filename="../core/review/RunProposals.cpp" line="94"/>
        <source>may be missed</source>
        <translation>vielleicht übersehen</translation>
    </message>
    <message>
        <location filename="../core/review/RunProposals.cpp" line="95"/>
        <source>may be a false alarm</source>
        <translation>vielleicht ein Fehlalarm</translation>
    </message>
    <message>
        <location filename="../core/review/RunProposals.cpp" line="97"/>
        <source>Proposal %1</source>
        <translation>Vorschlag %1</translation>
    </message>
    <message>
        <location filename="../core/review/RunProposals.cpp" line="98"/>
        <source>Proposal %1: %2</source>
        <translation>Vorschlag %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewWorkbench.cpp" line="166"/>
        <source>%1 is no longer in the project</source>
        <translation>%1 ist nicht mehr im Projekt</translation>
    </message>
    <message>
        <location filename="../core/compare/RunComparison.cpp" line="114"/>
        <source>%1 is a cross-validation folder: compare its folds (fold_0, fold_1, …)</source>
        <translation>%1 ist ein Kreuzvalidierungsordner: vergleichen Sie seine Folds (fold_0, fold_1, …)</translation>
    </message>
    <message>
        <location filename="../core/compare/RunComparison.cpp" line="117"/>
        <source>%1 has not finished training</source>
        <translation>%1 hat das Training nicht abgeschlossen</translation>
    </message>
    <message>
        <location filename="../core/compare/RunComparison.cpp" line="119"/>
        <source>%1 keeps no per-slide results (evaluation.csv): it was trained before Tessera kept them. Train it again to compare it.</source>
        <translation>%1 hat keine Ergebnisse je Schnitt (evaluation.csv): Er wurde trainiert, bevor Tessera sie aufbewahrte. Trainieren Sie ihn erneut, um ihn zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../core/compare/RunComparison.cpp" line="131"/>
        <source>%1: evaluation.csv names the classes %2, config.json %3</source>
        <translation>%1: evaluation.csv nennt die Klassen %2, config.json %3</translation>
    </message>
    <message>
        <location filename="../core/compare/RunComparison.cpp" line="265"/>
        <source>Compare takes %1 to %2 runs, not %3</source>
        <translation>Der Vergleich nimmt %1 bis %2 Läufe, nicht %3</translation>
    </message>
    <message>
        <location filename="../core/compare/RunComparison.cpp" line="275"/>
        <source>%1 is given twice: compare different runs</source>
        <translation>%1 ist zweimal angegeben: Vergleichen Sie verschiedene Läufe</translation>
    </message>
    <message>
        <location filename="../core/compare/RunComparison.cpp" line="303"/>
        <source>%1 and %2 predict different classes (%3 against %4): they cannot be compared</source>
        <translation>%1 und %2 sagen verschiedene Klassen vorher (%3 gegen %4): Sie lassen sich nicht vergleichen</translation>
    </message>
    <message>
        <location filename="../core/compare/RunComparison.cpp" line="309"/>
        <source>not %1</source>
        <translation>nicht %1</translation>
    </message>
    <message>
        <location filename="../core/compare/SlideRegistration.cpp" line="40"/>
        <source>A registration takes at least %1 point pairs, not %2</source>
        <translation>Eine Registrierung braucht mindestens %1 Punktpaare, nicht %2</translation>
    </message>
    <message>
        <location filename="../core/compare/SlideRegistration.cpp" line="52"/>
        <source>The points of a registration must not all be the same point</source>
        <translation>Die Punkte einer Registrierung dürfen nicht alle derselbe Punkt sein</translation>
    </message>
    <message>
        <location filename="../core/compare/SlideRegistration.cpp" line="68"/>
        <source>The points of a registration lie on one line: click them spread over the section, not along an edge</source>
        <translation>Die Punkte der Registrierung liegen auf einer Linie: Klicken Sie sie über den Schnitt verteilt, nicht entlang einer Kante</translation>
    </message>
    <message>
        <location filename="../core/compare/SlideRegistration.cpp" line="79"/>
        <source>The points clicked in the second slide lie on one line: click the same structures there as in the first</source>
        <translation>Die im zweiten Schnitt geklickten Punkte liegen auf einer Linie: Klicken Sie dort dieselben Strukturen wie im ersten</translation>
    </message>
</context>
<context>
    <name>RunRegistry</name>
    <message>
        <location filename="../core/project/RunRegistry.cpp" line="65"/>
        <source>the job&apos;s process ended without reporting why (killed, out of memory or crashed)</source>
        <translation>der Prozess des Auftrags endete ohne Begründung (beendet, kein Speicher mehr oder abgestürzt)</translation>
    </message>
    <message>
        <source>%1 holds no finished fold to use as an ensemble</source>
        <translation type="vanished">%1 enthält keinen fertigen Fold, der als Ensemble dienen könnte</translation>
    </message>
    <message>
        <location filename="../core/project/RunRegistry.cpp" line="414"/>
        <source>%1 holds %2 finished fold(s): an ensemble needs at least 2</source>
        <translation>%1 enthält %2 fertige(n) Fold(s): ein Ensemble braucht mindestens 2</translation>
    </message>
    <message>
        <location filename="../core/project/RunRegistry.cpp" line="428"/>
        <source>ensemble of %1 folds</source>
        <translation>Ensemble aus %1 Folds</translation>
    </message>
    <message>
        <location filename="../core/project/RunRegistry.cpp" line="454"/>
        <source>registered from its folder before it finished</source>
        <translation>aus seinem Ordner übernommen, bevor er fertig war</translation>
    </message>
</context>
<context>
    <name>RunningJobsPrompt</name>
    <message>
        <location filename="../ui/project/RunningJobsPrompt.cpp" line="14"/>
        <source>Jobs Are Running</source>
        <translation>Aufträge laufen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/project/RunningJobsPrompt.cpp" line="15"/>
        <source>%n job(s) of this project are still running.</source>
        <translation>
            <numerusform>%n Auftrag dieses Projekts läuft noch.</numerusform>
            <numerusform>%n Aufträge dieses Projekts laufen noch.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/project/RunningJobsPrompt.cpp" line="18"/>
        <source>They run on their own: keep them running and see them again when you reopen the project, or stop them (training stops after its current epoch and can be resumed).</source>
        <translation>Sie laufen selbstständig: Lassen Sie sie weiterlaufen und sehen Sie sie beim nächsten Öffnen des Projekts wieder, oder halten Sie sie an (das Training hält nach der laufenden Epoche an und kann fortgesetzt werden).</translation>
    </message>
    <message>
        <location filename="../ui/project/RunningJobsPrompt.cpp" line="20"/>
        <source>Keep Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <location filename="../ui/project/RunningJobsPrompt.cpp" line="21"/>
        <source>Stop Jobs</source>
        <translation>Aufträge anhalten</translation>
    </message>
</context>
<context>
    <name>SlideFiles</name>
    <message>
        <location filename="../ui/workspace/SlideFiles.cpp" line="9"/>
        <source>Whole-slide images (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif *.dcm);;All files (*)</source>
        <translation>Ganzschnittbilder (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif *.dcm);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>TrainSetting</name>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="46"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="54"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="56"/>
        <source>Passes over the training slides; SR-MIL stays near chance for its first ~15.</source>
        <translation>Durchläufe über die Trainingsschnitte; SR-MIL bleibt in den ersten ~15 nahe am Zufall.</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="64"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="66"/>
        <source>Peak AdamW learning rate of the cosine schedule (paper: 5e-4; CLAM&apos;s 2e-4 for the baselines).</source>
        <translation>Höchste AdamW-Lernrate des Kosinusplans (Publikation: 5e-4; CLAMs 2e-4 für die Vergleichsmodelle).</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="75"/>
        <source>Weight decay</source>
        <translation>Gewichtsabnahme</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="77"/>
        <source>AdamW weight decay (paper: 1e-5).</source>
        <translation>AdamW-Gewichtsabnahme (Publikation: 1e-5).</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="84"/>
        <source>Warm-up epochs</source>
        <translation>Aufwärmepochen</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="86"/>
        <source>Epochs of linear warm-up before the cosine.</source>
        <translation>Epochen linearen Aufwärmens vor dem Kosinus.</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="93"/>
        <source>Gradient clipping</source>
        <translation>Gradientenbegrenzung</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="95"/>
        <source>Clip the gradients&apos; norm to this (0 = none).</source>
        <translation>Begrenzt die Norm der Gradienten auf diesen Wert (0 = keine).</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="102"/>
        <source>Class weights</source>
        <translation>Klassengewichte</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="104"/>
        <source>Weigh each slide by its class&apos;s inverse frequency.</source>
        <translation>Gewichtet jeden Schnitt mit der inversen Häufigkeit seiner Klasse.</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="111"/>
        <source>Learn from annotations</source>
        <translation>Aus Annotationen lernen</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="113"/>
        <source>Also train each training slide&apos;s attention onto the patches its annotations give the slide&apos;s class (needs a project; docs/TRAINING.md).</source>
        <translation>Die Aufmerksamkeit jedes Trainingsschnitts zusätzlich auf die Patches trainieren, denen seine Annotationen die Klasse des Schnitts geben (braucht ein Projekt; docs/TRAINING.md).</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="124"/>
        <source>Annotation weight</source>
        <translation>Gewicht der Annotationen</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="126"/>
        <source>Weight of the annotation loss beside the slide loss (with --annotations).</source>
        <translation>Gewicht des Annotationsverlusts neben dem Schnittverlust (mit --annotations).</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="134"/>
        <source>Early stopping</source>
        <translation>Frühes Anhalten</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="136"/>
        <source>Stop after this many epochs without a better validation score (0 = never).</source>
        <translation>Anhalten nach so vielen Epochen ohne bessere Validierung (0 = nie).</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="145"/>
        <source>Select after</source>
        <translation>Auswahl ab</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="147"/>
        <source>Choose the best epoch among those whose 0-based index is above this fraction of the epochs (paper: 0.6).</source>
        <translation>Die beste Epoche unter denen wählen, deren 0-basierter Index über diesem Anteil der Epochen liegt (Publikation: 0,6).</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="156"/>
        <source>Reconstruction weight</source>
        <translation>Rekonstruktionsgewicht</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="158"/>
        <source>SR-MIL&apos;s w_gen: weight of the label-independent reconstruction (paper: 1.8); auto trains 1.8 and 1.0 and keeps the better on validation.</source>
        <translation>w_gen von SR-MIL: Gewicht der label-unabhängigen Rekonstruktion (Paper: 1,8); auto trainiert 1,8 und 1,0 und behält das auf der Validierung bessere.</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="169"/>
        <source>Choose on validation (1.8 / 1.0)</source>
        <translation>Auf der Validierung wählen (1,8 / 1,0)</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="171"/>
        <source>SR-MIL: train once per reconstruction weight (1.8, 1.0) and keep the run with the better validation score, reporting both (the same as --w-gen auto).</source>
        <translation>SR-MIL: je Rekonstruktionsgewicht (1,8; 1,0) einmal trainieren und den Lauf mit dem besseren Validierungswert behalten, beide berichtet (wie --w-gen auto).</translation>
    </message>
    <message>
        <source>SR-MIL&apos;s w_gen: weight of the label-independent reconstruction (paper: 1.8).</source>
        <translation type="vanished">w_gen von SR-MIL: Gewicht der labelunabhängigen Rekonstruktion (Publikation: 1,8).</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="180"/>
        <source>Full-graph CE weight</source>
        <translation>CE-Gewicht des vollen Graphen</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="182"/>
        <source>SR-MIL&apos;s w_ce: classification of the full graph against the masked one.</source>
        <translation>w_ce von SR-MIL: Klassifikation des vollen Graphen gegenüber dem maskierten.</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="191"/>
        <source>Mask rate</source>
        <translation>Maskierungsrate</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="192"/>
        <source>SR-MIL: the share of patches masked and reconstructed from their neighbours (paper: 0.7).</source>
        <translation>SR-MIL: Anteil der Patches, die maskiert und aus ihren Nachbarn rekonstruiert werden (Publikation: 0,7).</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="201"/>
        <source>Hidden size</source>
        <translation>Verborgene Breite</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="203"/>
        <source>SR-MIL: the width of the graph encoder (paper: 64).</source>
        <translation>SR-MIL: Breite des Graph-Encoders (Publikation: 64).</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="210"/>
        <source>Attention heads</source>
        <translation>Attention-Köpfe</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="213"/>
        <source>SR-MIL: the attention heads of each graph layer (paper: 4).</source>
        <translation>SR-MIL: Attention-Köpfe jeder Graph-Schicht (Publikation: 4).</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="220"/>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="221"/>
        <source>Random seed: the same seed gives the same run.</source>
        <translation>Zufallsstartwert: derselbe Startwert ergibt denselben Lauf.</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="228"/>
        <source>Slides per step</source>
        <translation>Schnitte je Schritt</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="230"/>
        <source>Slides whose gradients are averaged into one optimizer step (1 = as published); keep it to resume with another number of processes.</source>
        <translation>Schnitte, deren Gradienten in einem Optimiererschritt gemittelt werden (1 = wie publiziert); beibehalten, um mit einer anderen Zahl von Prozessen fortzusetzen.</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="239"/>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="240"/>
        <source>auto: bf16 mixed precision on CUDA, fp32 on the CPU; or fp32, or bf16 (products in bfloat16, softmax, norms, losses and weights in float32).</source>
        <translation>auto: bf16-Mischgenauigkeit auf CUDA, fp32 auf der CPU; oder fp32, oder bf16 (Produkte in bfloat16, Softmax, Normen, Verluste und Gewichte in float32).</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="248"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="250"/>
        <source>Where LibTorch computes: auto (the first CUDA device if there is one, else the CPU), cpu, cuda or cuda:N.</source>
        <translation>Wo LibTorch rechnet: auto (das erste CUDA-Gerät, falls vorhanden, sonst die CPU), cpu, cuda oder cuda:N.</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="260"/>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="262"/>
        <source>LibTorch&apos;s CPU threads (0 = all cores).</source>
        <translation>CPU-Threads von LibTorch (0 = alle Kerne).</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="269"/>
        <source>Fine-tune from</source>
        <translation>Feinabstimmen ab</translation>
    </message>
    <message>
        <location filename="../core/model/TrainSettings.cpp" line="271"/>
        <source>Fine-tune: start from this run&apos;s best weights (a run folder, or with --project a run name); same model, feature dimension and classes.</source>
        <translation>Feinabstimmen: von den besten Gewichten dieses Laufs ausgehen (ein Laufordner, mit --project ein Laufname); gleiches Modell, gleiche Merkmalsdimension und Klassen.</translation>
    </message>
</context>
<context>
    <name>Trust</name>
    <message>
        <location filename="../core/trust/OodVerdict.cpp" line="25"/>
        <source>patch feature distance</source>
        <translation>Patch-Merkmalsabstand</translation>
    </message>
    <message>
        <location filename="../core/trust/OodVerdict.cpp" line="27"/>
        <source>slide feature mean</source>
        <translation>Merkmalsmittel des Schnitts</translation>
    </message>
    <message>
        <location filename="../core/trust/OodVerdict.cpp" line="29"/>
        <source>reconstruction error</source>
        <translation>Rekonstruktionsfehler</translation>
    </message>
    <message>
        <location filename="../core/trust/OodVerdict.cpp" line="31"/>
        <source>stain (optical density)</source>
        <translation>Färbung (optische Dichte)</translation>
    </message>
    <message>
        <location filename="../core/trust/OodVerdict.cpp" line="38"/>
        <source>how far the slide&apos;s patch features lie from the nearest of the training patches&apos; prototypes, in spreads of each feature</source>
        <translation>wie weit die Patch-Merkmale des Schnitts vom nächsten Prototyp der Trainings-Patches entfernt liegen, in Streuungen jedes Merkmals</translation>
    </message>
    <message>
        <location filename="../core/trust/OodVerdict.cpp" line="42"/>
        <source>how far the slide&apos;s mean feature vector lies from the training slides&apos; means, in their spread per feature</source>
        <translation>wie weit der mittlere Merkmalsvektor des Schnitts von den Mitteln der Trainingsschnitte entfernt liegt, in deren Streuung je Merkmal</translation>
    </message>
    <message>
        <location filename="../core/trust/OodVerdict.cpp" line="46"/>
        <source>how badly the model predicts each patch&apos;s features from its neighbours (1 − mean consistency)</source>
        <translation>wie schlecht das Modell die Merkmale jedes Patches aus seinen Nachbarn vorhersagt (1 − mittlere Konsistenz)</translation>
    </message>
    <message>
        <location filename="../core/trust/OodVerdict.cpp" line="50"/>
        <source>how far the tissue&apos;s mean optical density per colour channel lies from the training slides&apos;</source>
        <translation>wie weit die mittlere optische Dichte des Gewebes je Farbkanal von der der Trainingsschnitte entfernt liegt</translation>
    </message>
    <message>
        <location filename="../core/trust/OodVerdict.cpp" line="67"/>
        <source>Not checked against the training data</source>
        <translation>Nicht mit den Trainingsdaten abgeglichen</translation>
    </message>
    <message>
        <location filename="../core/trust/OodVerdict.cpp" line="68"/>
        <source>Unlike the training data</source>
        <translation>Anders als die Trainingsdaten</translation>
    </message>
    <message>
        <location filename="../core/trust/OodVerdict.cpp" line="69"/>
        <source>Like the training data</source>
        <translation>Wie die Trainingsdaten</translation>
    </message>
    <message>
        <location filename="../core/trust/OodVerdict.cpp" line="77"/>
        <source>Unlike the training data: %1 %2 spreads above typical (flagged above %3)</source>
        <translation>Anders als die Trainingsdaten: %1 %2 Streuungen über typisch (markiert über %3)</translation>
    </message>
    <message>
        <location filename="../core/trust/OodVerdict.cpp" line="82"/>
        <source>Like the training data (score %1, flagged above %2)</source>
        <translation>Wie die Trainingsdaten (Wert %1, markiert über %2)</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="219"/>
        <source>%1 training and %2 validation slides</source>
        <translation>%1 Trainings- und %2 Validierungsschnitten</translation>
    </message>
    <message>
        <source>the 95th percentile of the %1 validation slides&apos; scores (at least %2)</source>
        <translation type="vanished">das 95. Perzentil der Werte der %1 Validierungsschnitte (mindestens %2)</translation>
    </message>
    <message>
        <source>the 95th percentile of %1 validation and %2 held-out training slides&apos; scores (fewer than %3 validation slides; at least %4)</source>
        <translation type="vanished">das 95. Perzentil der Werte von %1 Validierungs- und %2 zurückgehaltenen Trainingsschnitten (weniger als %3 Validierungsschnitte; mindestens %4)</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="223"/>
        <source>the 95th percentile of %1 validation and %2 held-out training slides&apos; scores (at least %3)</source>
        <translation>das 95. Perzentil der Werte von %1 Validierungs- und %2 zurückgehaltenen Trainingsschnitten (mindestens %3)</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="235"/>
        <source>not calibrated: the model&apos;s outputs on validation are not finite numbers</source>
        <translation>nicht kalibriert: Die Ausgaben des Modells auf der Validierung sind keine endlichen Zahlen</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="246"/>
        <source>temperature %1, fitted on %2 validation slides</source>
        <translation>Temperatur %1, angepasst an %2 Validierungsschnitten</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="254"/>
        <source>not calibrated: %1 validation slides (it takes %2)</source>
        <translation>nicht kalibriert: %1 Validierungsschnitte (nötig sind %2)</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="370"/>
        <source>%1 is not a usable trust reference (%2); train the run again to judge new slides against its training data</source>
        <translation>%1 ist keine brauchbare Vertrauensreferenz (%2); trainieren Sie den Lauf erneut, um neue Schnitte mit seinen Trainingsdaten abzugleichen</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="377"/>
        <source>no summary of a known version</source>
        <translation>keine Zusammenfassung einer bekannten Version</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="384"/>
        <source>the feature statistics do not match the codebook</source>
        <translation>die Merkmalsstatistik passt nicht zum Codebuch</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="391"/>
        <source>the feature codebook holds numbers that are not finite or scales that are not positive</source>
        <translation>das Merkmals-Codebuch enthält nicht endliche Zahlen oder nicht positive Skalen</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="399"/>
        <source>%1 and %2 differ in size</source>
        <translation>%1 und %2 sind verschieden groß</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="404"/>
        <source>a spread in %1 is not positive</source>
        <translation>eine Streuung in %1 ist nicht positiv</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="426"/>
        <source>part %1 is not %2</source>
        <translation>Teil %1 ist nicht %2</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="433"/>
        <source>the spread of %1 is not positive</source>
        <translation>die Streuung von %1 ist nicht positiv</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="437"/>
        <source>the statistics of an enabled part are missing</source>
        <translation>die Statistik eines verwendeten Teils fehlt</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="440"/>
        <source>its threshold is not a number</source>
        <translation>sein Schwellenwert ist keine Zahl</translation>
    </message>
    <message>
        <location filename="../core/trust/TrustReference.cpp" line="445"/>
        <source>its temperature is not a positive number</source>
        <translation>seine Temperatur ist keine positive Zahl</translation>
    </message>
</context>
<context>
    <name>tessera::core</name>
    <message>
        <location filename="../core/project/RunRegistry.cpp" line="394"/>
        <source>each of %1 folds against its own training and validation slides</source>
        <translation>jeder der %1 Folds gegen seine eigenen Trainings- und Validierungsschnitte</translation>
    </message>
    <message>
        <location filename="../core/project/RunRegistry.cpp" line="395"/>
        <source>the median fold&apos;s verdict: flagged when at least half the folds flag the slide</source>
        <translation>das Urteil des mittleren Folds: markiert, wenn mindestens die Hälfte der Folds den Schnitt markiert</translation>
    </message>
    <message>
        <location filename="../core/project/RunRegistry.cpp" line="398"/>
        <source>each fold&apos;s own temperature; the ensemble averages the calibrated probabilities</source>
        <translation>die eigene Temperatur jedes Folds; das Ensemble mittelt die kalibrierten Wahrscheinlichkeiten</translation>
    </message>
</context>
<context>
    <name>tessera::core::JobQueue</name>
    <message>
        <location filename="../core/project/JobQueue.cpp" line="84"/>
        <source>taken out of the queue</source>
        <translation>aus der Warteschlange genommen</translation>
    </message>
    <message>
        <location filename="../core/project/JobQueue.cpp" line="174"/>
        <source>; it last said: %1</source>
        <translation>; zuletzt meldete er: %1</translation>
    </message>
    <message>
        <location filename="../core/project/JobQueue.cpp" line="207"/>
        <source>the job it waited for (%1) did not finish</source>
        <translation>der Auftrag, auf den er wartete (%1), wurde nicht fertig</translation>
    </message>
    <message>
        <location filename="../core/project/JobQueue.cpp" line="241"/>
        <source>%1 could not be started (%2)</source>
        <translation>%1 konnte nicht gestartet werden (%2)</translation>
    </message>
</context>
<context>
    <name>tessera::core::MapDifference</name>
    <message>
        <location filename="../core/heatmap/MapDifference.cpp" line="22"/>
        <source>The two maps lie on different patch grids (%1 and %2 pixels): they cannot be subtracted patch by patch</source>
        <translation>Die beiden Karten liegen auf verschiedenen Patch-Rastern (%1 und %2 Pixel): Sie lassen sich nicht Patch für Patch voneinander abziehen</translation>
    </message>
    <message>
        <location filename="../core/heatmap/MapDifference.cpp" line="29"/>
        <source>A map&apos;s scores and patch coordinates disagree</source>
        <translation>Die Werte und Patch-Koordinaten einer Karte passen nicht zusammen</translation>
    </message>
    <message>
        <location filename="../core/heatmap/MapDifference.cpp" line="53"/>
        <source>The two maps share no patch: they were made from different patches of the slide</source>
        <translation>Die beiden Karten haben keinen Patch gemeinsam: Sie wurden aus verschiedenen Patches des Schnitts erstellt</translation>
    </message>
    <message>
        <location filename="../core/heatmap/MapDifference.cpp" line="70"/>
        <source>%1 − %2 (percentile points)</source>
        <translation>%1 − %2 (Perzentilpunkte)</translation>
    </message>
    <message>
        <location filename="../core/heatmap/MapDifference.cpp" line="72"/>
        <source>red: %1 ranks the patch higher; blue: %2 does</source>
        <translation>rot: %1 stuft den Patch höher ein; blau: %2</translation>
    </message>
</context>
<context>
    <name>tessera::core::OodPart</name>
    <message>
        <source>patch feature distance</source>
        <translation type="vanished">Patch-Merkmalsabstand</translation>
    </message>
    <message>
        <source>slide feature mean</source>
        <translation type="vanished">Merkmalsmittel des Schnitts</translation>
    </message>
    <message>
        <source>reconstruction error</source>
        <translation type="vanished">Rekonstruktionsfehler</translation>
    </message>
    <message>
        <source>stain (optical density)</source>
        <translation type="vanished">Färbung (optische Dichte)</translation>
    </message>
    <message>
        <source>how far the slide&apos;s patch features lie from the nearest of the training patches&apos; prototypes, in spreads of each feature</source>
        <translation type="vanished">wie weit die Patch-Merkmale des Schnitts vom nächsten Prototyp der Trainings-Patches entfernt liegen, in Streuungen jedes Merkmals</translation>
    </message>
    <message>
        <source>how far the slide&apos;s mean feature vector lies from the training slides&apos; means, in their spread per feature</source>
        <translation type="vanished">wie weit der mittlere Merkmalsvektor des Schnitts von den Mitteln der Trainingsschnitte entfernt liegt, in deren Streuung je Merkmal</translation>
    </message>
    <message>
        <source>how badly the model predicts each patch&apos;s features from its neighbours (1 − mean consistency)</source>
        <translation type="vanished">wie schlecht das Modell die Merkmale jedes Patches aus seinen Nachbarn vorhersagt (1 − mittlere Konsistenz)</translation>
    </message>
    <message>
        <source>how far the tissue&apos;s mean optical density per colour channel lies from the training slides&apos;</source>
        <translation type="vanished">wie weit die mittlere optische Dichte des Gewebes je Farbkanal von der der Trainingsschnitte entfernt liegt</translation>
    </message>
</context>
<context>
    <name>tessera::core::OodVerdict</name>
    <message>
        <source>Not checked against the training data</source>
        <translation type="vanished">Nicht mit den Trainingsdaten abgeglichen</translation>
    </message>
    <message>
        <source>Unlike the training data</source>
        <translation type="vanished">Anders als die Trainingsdaten</translation>
    </message>
    <message>
        <source>Like the training data</source>
        <translation type="vanished">Wie die Trainingsdaten</translation>
    </message>
    <message>
        <source>Unlike the training data: %1 %2 spreads above typical (flagged above %3)</source>
        <translation type="vanished">Anders als die Trainingsdaten: %1 %2 Streuungen über typisch (markiert über %3)</translation>
    </message>
    <message>
        <source>Like the training data (score %1, flagged above %2)</source>
        <translation type="vanished">Wie die Trainingsdaten (Wert %1, markiert über %2)</translation>
    </message>
</context>
<context>
    <name>tessera::core::RegistrationStore</name>
    <message>
        <location filename="../core/project/RegistrationStore.cpp" line="30"/>
        <source>Cannot read the slide registrations %1: %2</source>
        <translation>Die Schnittregistrierungen %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../core/project/RegistrationStore.cpp" line="37"/>
        <source>The slide registrations %1 are damaged (%2)</source>
        <translation>Die Schnittregistrierungen %1 sind beschädigt (%2)</translation>
    </message>
    <message>
        <location filename="../core/project/RegistrationStore.cpp" line="67"/>
        <source>The slide registrations %1 are damaged (a point pair without 4 numbers)</source>
        <translation>Die Schnittregistrierungen %1 sind beschädigt (ein Punktpaar ohne 4 Zahlen)</translation>
    </message>
    <message>
        <source>The slide registrations %1 are damaged (a point pair without 4 coordinates)</source>
        <translation type="vanished">Die Schnittregistrierungen %1 sind beschädigt (ein Punktpaar ohne 4 Koordinaten)</translation>
    </message>
</context>
<context>
    <name>tessera::core::TrustReference</name>
    <message>
        <source>%1 training and %2 validation slides</source>
        <translation type="vanished">%1 Trainings- und %2 Validierungsschnitten</translation>
    </message>
    <message>
        <source>the 95th percentile of the %1 validation slides&apos; scores (at least %2)</source>
        <translation type="vanished">das 95. Perzentil der Werte der %1 Validierungsschnitte (mindestens %2)</translation>
    </message>
    <message>
        <source>the 95th percentile of %1 validation and %2 held-out training slides&apos; scores (fewer than %3 validation slides; at least %4)</source>
        <translation type="vanished">das 95. Perzentil der Werte von %1 Validierungs- und %2 zurückgehaltenen Trainingsschnitten (weniger als %3 Validierungsschnitte; mindestens %4)</translation>
    </message>
    <message>
        <source>temperature %1, fitted on %2 validation slides</source>
        <translation type="vanished">Temperatur %1, angepasst an %2 Validierungsschnitten</translation>
    </message>
    <message>
        <source>not calibrated: %1 validation slides (it takes %2)</source>
        <translation type="vanished">nicht kalibriert: %1 Validierungsschnitte (nötig sind %2)</translation>
    </message>
    <message>
        <source>%1 is not a usable trust reference (%2); train the run again to judge new slides against its training data</source>
        <translation type="vanished">%1 ist keine brauchbare Vertrauensreferenz (%2); trainieren Sie den Lauf erneut, um neue Schnitte mit seinen Trainingsdaten abzugleichen</translation>
    </message>
    <message>
        <source>no summary of a known version</source>
        <translation type="vanished">keine Zusammenfassung einer bekannten Version</translation>
    </message>
    <message>
        <source>the feature statistics do not match the codebook</source>
        <translation type="vanished">die Merkmalsstatistik passt nicht zum Codebuch</translation>
    </message>
    <message>
        <source>%1 and %2 differ in size</source>
        <translation type="vanished">%1 und %2 sind verschieden groß</translation>
    </message>
    <message>
        <source>a spread in %1 is not positive</source>
        <translation type="vanished">eine Streuung in %1 ist nicht positiv</translation>
    </message>
    <message>
        <source>part %1 is not %2</source>
        <translation type="vanished">Teil %1 ist nicht %2</translation>
    </message>
    <message>
        <source>the spread of %1 is not positive</source>
        <translation type="vanished">die Streuung von %1 ist nicht positiv</translation>
    </message>
    <message>
        <source>the statistics of an enabled part are missing</source>
        <translation type="vanished">die Statistik eines verwendeten Teils fehlt</translation>
    </message>
    <message>
        <source>its temperature is not a positive number</source>
        <translation type="vanished">seine Temperatur ist keine positive Zahl</translation>
    </message>
</context>
<context>
    <name>tessera::core::ViewLayout</name>
    <message>
        <location filename="../core/project/ViewLayout.cpp" line="52"/>
        <source>Cannot read the view layout %1: %2</source>
        <translation>Die Ansichtsaufteilung %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../core/project/ViewLayout.cpp" line="57"/>
        <source>The view layout %1 is damaged (%2); the views stay single until it is saved again</source>
        <translation>Die Ansichtsaufteilung %1 ist beschädigt (%2); die Ansicht bleibt ungeteilt, bis sie neu gespeichert wird</translation>
    </message>
    <message>
        <location filename="../core/project/ViewLayout.cpp" line="71"/>
        <source>unknown split &apos;%1&apos;</source>
        <translation>unbekannte Aufteilung „%1“</translation>
    </message>
    <message>
        <location filename="../core/project/ViewLayout.cpp" line="83"/>
        <source>unknown map &apos;%1&apos;</source>
        <translation>unbekannte Karte „%1“</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AnalysisActions</name>
    <message>
        <location filename="../ui/analysis/AnalysisActions.cpp" line="39"/>
        <source>Results: %1</source>
        <translation>Ergebnisse: %1</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisActions.cpp" line="52"/>
        <source>&amp;Run Model on Slide…</source>
        <translation>Modell auf Schnitt &amp;anwenden…</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisActions.cpp" line="60"/>
        <source>Open &amp;Results…</source>
        <translation>&amp;Ergebnisse öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisActions.cpp" line="61"/>
        <source>Open Results</source>
        <translation>Ergebnisse öffnen</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisActions.cpp" line="62"/>
        <source>Tessera results (*.h5)</source>
        <translation>Tessera-Ergebnisse (*.h5)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AnalysisController</name>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="34"/>
        <source>Extracting features: %1 of %2 patches</source>
        <translation>Merkmale werden extrahiert: %1 von %2 Patches</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="38"/>
        <source>Running the model…</source>
        <translation>Das Modell läuft…</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="48"/>
        <source>%1 does not belong to this slide: patch (%2, %3) lies outside its %4 × %5 pixels.</source>
        <translation>%1 gehört nicht zu diesem Schnitt: Patch (%2, %3) liegt außerhalb seiner %4 × %5 Pixel.</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="56"/>
        <source>%1 has no patch size and a single patch: nothing to draw.</source>
        <translation>%1 hat keine Patchgröße und nur einen Patch: nichts zu zeichnen.</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="87"/>
        <source>Open a slide first, then run a model on it.</source>
        <translation>Öffnen Sie zuerst einen Schnitt und wenden Sie dann ein Modell darauf an.</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="99"/>
        <source>Preparing %1…</source>
        <translation>%1 wird vorbereitet…</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="109"/>
        <source>Applying %1 to %2</source>
        <translation>%1 wird auf %2 angewendet</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="113"/>
        <source>%1: analysis cancelled</source>
        <translation>%1: Analyse abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="114"/>
        <location filename="../ui/analysis/AnalysisController.cpp" line="123"/>
        <source>The slide was closed before its results were ready.</source>
        <translation>Der Schnitt wurde geschlossen, bevor seine Ergebnisse fertig waren.</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="118"/>
        <source>The model failed on %1</source>
        <translation>Das Modell ist an %1 gescheitert</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="147"/>
        <source>Reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <source>%1: analysis cancelled before it started</source>
        <translation type="vanished">%1: Analyse abgebrochen, bevor sie begann</translation>
    </message>
    <message>
        <source>The model failed on %1: %2</source>
        <translation type="vanished">Das Modell ist an %1 gescheitert: %2</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="141"/>
        <source>Open a slide first, then its results.</source>
        <translation>Öffnen Sie zuerst einen Schnitt, dann seine Ergebnisse.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="vanished">%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AnalysisPanel</name>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="66"/>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="72"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="77"/>
        <source>The project&apos;s stored predictions for this slide, the latest first</source>
        <translation>Die gespeicherten Vorhersagen des Projekts für diesen Schnitt, die neueste zuerst</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="98"/>
        <source>Layers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="100"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="101"/>
        <source>Reconstruction consistency</source>
        <translation>Rekonstruktionskonsistenz</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="102"/>
        <source>Uncertainty (folds disagree)</source>
        <translation>Unsicherheit (Folds uneins)</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="103"/>
        <source>Evidence (for or against the prediction)</source>
        <translation>Evidenz (für oder gegen die Vorhersage)</translation>
    </message>
    <message>
        <source>Which way each patch pushes the slide: red toward the predicted class, blue away from it, grey neither. Attention says where the model looks; evidence says what it makes of it. SR-MIL and ABMIL runs make this map.</source>
        <translation type="vanished">In welche Richtung jeder Patch den Schnitt schiebt: rot zur vorhergesagten Klasse hin, blau von ihr weg, grau weder noch. Die Attention zeigt, wohin das Modell schaut; die Evidenz, was es daraus macht. SR-MIL- und ABMIL-Läufe erstellen diese Karte.</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="110"/>
        <source>SR-MIL runs make this map.</source>
        <translation>SR-MIL-Läufe erzeugen diese Karte.</translation>
    </message>
    <message>
        <source>Where the folds of a cross-validation disagree on which patches matter: the spread of each patch&apos;s attention percentile over the folds. Only an ensemble (a --folds run used whole) has one.</source>
        <translation type="vanished">Wo die Folds einer Kreuzvalidierung uneins sind, welche Patches zählen: die Streuung des Aufmerksamkeitsperzentils jedes Patches über die Folds. Nur ein Ensemble (ein als Ganzes genutzter --folds-Lauf) hat eine.</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="105"/>
        <source>Which way each patch pushes the slide: red toward the predicted class, blue away from it, grey neither. Attention says where the model looks; evidence says what it makes of it. A check on the model, not a tumour map: SR-MIL&apos;s patches carry their surroundings, and its evidence can point away from a tumour its attention finds (docs/HEATMAPS.md). SR-MIL and ABMIL runs make this map.</source>
        <translation>In welche Richtung jeder Patch den Schnitt schiebt: rot zur vorhergesagten Klasse hin, blau von ihr weg, grau weder noch. Die Attention zeigt, wohin das Modell schaut; die Evidenz, was es daraus macht. Eine Prüfung des Modells, keine Tumorkarte: Die Patches von SR-MIL tragen ihre Umgebung in sich, und seine Evidenz kann von einem Tumor wegzeigen, den seine Attention findet (docs/HEATMAPS.md). SR-MIL- und ABMIL-Läufe erstellen diese Karte.</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="112"/>
        <source>Where the folds of a cross-validation disagree on which patches matter: the spread over the folds of each patch&apos;s attention, in multiples of an even share (1 = 1/N of the slide). Only an ensemble (a --folds run used whole) has one.</source>
        <translation>Wo die Folds einer Kreuzvalidierung uneins sind, welche Patches zählen: die Streuung der Aufmerksamkeit jedes Patches über die Folds, in Vielfachen eines gleichen Anteils (1 = 1/N des Schnitts). Nur ein Ensemble (ein als Ganzes genutzter --folds-Lauf) hat eine.</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="115"/>
        <source>Tissue mask</source>
        <translation>Gewebemaske</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="116"/>
        <source>Patch grid</source>
        <translation>Patch-Raster</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="133"/>
        <source>Heatmap display</source>
        <translation>Heatmap-Darstellung</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="146"/>
        <source>Percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="147"/>
        <source>Raw (min–max)</source>
        <translation>Rohwerte (Min–Max)</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="167"/>
        <source>Smooth between patches</source>
        <translation>Zwischen Patches glätten</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="168"/>
        <source>Attention colours</source>
        <translation>Farben Attention</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="169"/>
        <source>Evidence colours</source>
        <translation>Farben der Evidenz</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="170"/>
        <source>Consistency colours</source>
        <translation>Farben Konsistenz</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="171"/>
        <source>Uncertainty colours</source>
        <translation>Farben der Unsicherheit</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="192"/>
        <source>Strongest evidence</source>
        <translation>Stärkste Evidenz</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="194"/>
        <source>Most uncertain</source>
        <translation>Am unsichersten</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="299"/>
        <source>%1, ensemble of %2 folds</source>
        <translation>%1, Ensemble aus %2 Folds</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="323"/>
        <source>%1 ± %2 %</source>
        <translation>%1 ± %2 %</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="331"/>
        <source>Mean of %1 folds&apos; calibrated probabilities ± their standard deviation</source>
        <translation>Mittel der kalibrierten Wahrscheinlichkeiten von %1 Folds ± ihre Standardabweichung</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="349"/>
        <source>Not to be trusted: the slide is unlike the training data.</source>
        <translation>Nicht vertrauenswürdig: Der Schnitt ähnelt nicht den Trainingsdaten.</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="363"/>
        <source>&lt;tr&gt;&lt;td&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="365"/>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="367"/>
        <source>&lt;p&gt;%1&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;th align=left&gt;Score&lt;/th&gt;&lt;th&gt;Spreads above typical&lt;/th&gt;&lt;th&gt;Value&lt;/th&gt;&lt;/tr&gt;%2&lt;/table&gt;&lt;p&gt;Flagged above %3: %4.&lt;br&gt;Compared with %5 of the run.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;th align=left&gt;Maß&lt;/th&gt;&lt;th&gt;Streuungen über typisch&lt;/th&gt;&lt;th&gt;Wert&lt;/th&gt;&lt;/tr&gt;%2&lt;/table&gt;&lt;p&gt;Markiert über %3: %4.&lt;br&gt;Verglichen mit %5 des Laufs.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="377"/>
        <source>&lt;p&gt;Each fold&apos;s probabilities calibrated by its own temperature.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Wahrscheinlichkeiten jedes Folds sind mit seiner eigenen Temperatur kalibriert.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="379"/>
        <source>&lt;p&gt;Probabilities calibrated by temperature scaling (T = %1).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wahrscheinlichkeiten durch Temperaturskalierung kalibriert (T = %1).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="383"/>
        <source>&lt;b&gt;⚠ Unlike the training data&lt;/b&gt; (%1 %2 spreads above typical)</source>
        <translation>&lt;b&gt;⚠ Anders als die Trainingsdaten&lt;/b&gt; (%1 %2 Streuungen über typisch)</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="390"/>
        <source>✓ Like the training data (score %1, flagged above %2)</source>
        <translation>✓ Wie die Trainingsdaten (Wert %1, markiert über %2)</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="393"/>
        <source>Not checked against the training data</source>
        <translation>Nicht mit den Trainingsdaten abgeglichen</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="433"/>
        <source>Reading gallery patches</source>
        <translation>Galerie-Patches werden gelesen</translation>
    </message>
    <message>
        <source>Colour map</source>
        <translation type="vanished">Farbskala</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="172"/>
        <source>Scale</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="173"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="174"/>
        <source>Hides the cold end of each map: patches whose normalized score is below this (for consistency, the patches most like their neighbours).</source>
        <translation>Blendet das kalte Ende jeder Karte aus: Patches, deren normierter Wert darunter liegt (bei der Konsistenz die Patches, die ihren Nachbarn am meisten gleichen).</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="176"/>
        <source>Hide below</source>
        <translation>Ausblenden unter</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="191"/>
        <source>Highest attention</source>
        <translation>Höchste Attention</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="193"/>
        <source>Lowest consistency</source>
        <translation>Niedrigste Konsistenz</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="292"/>
        <source>Loading the stored results…</source>
        <translation>Gespeicherte Ergebnisse werden geladen…</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="293"/>
        <source>No model results for this slide. Use Analysis ▸ Run Model on Slide… or Analysis ▸ Open Results…</source>
        <translation>Keine Modellergebnisse für diesen Schnitt. Analyse ▸ Modell auf Schnitt anwenden… oder Analyse ▸ Ergebnisse öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="300"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2), %3 patches</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2), %3 Patches</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="303"/>
        <source>Run: %1
Results: %2</source>
        <translation>Lauf: %1
Ergebnisse: %2</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AnnotationCountHint</name>
    <message>
        <location filename="../ui/training/AnnotationCountHint.cpp" line="41"/>
        <source>counted once the features are extracted</source>
        <translation>gezählt, sobald die Merkmale extrahiert sind</translation>
    </message>
    <message>
        <location filename="../ui/training/AnnotationCountHint.cpp" line="45"/>
        <source>counting annotated patches…</source>
        <translation>annotierte Patches werden gezählt…</translation>
    </message>
    <message>
        <location filename="../ui/training/AnnotationCountHint.cpp" line="52"/>
        <source>the project has no feature set &apos;%1&apos;</source>
        <translation>das Projekt hat keinen Merkmalssatz &apos;%1&apos;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/training/AnnotationCountHint.cpp" line="66"/>
        <source>%1 patches on %n training slide(s)</source>
        <translation>
            <numerusform>%1 Patches auf %n Trainingsschnitt</numerusform>
            <numerusform>%1 Patches auf %n Trainingsschnitten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/training/AnnotationCountHint.cpp" line="70"/>
        <source>Counting annotated patches</source>
        <translation>Annotierte Patches zählen</translation>
    </message>
    <message>
        <location filename="../ui/training/AnnotationCountHint.cpp" line="73"/>
        <source>not counted: %1</source>
        <translation>nicht gezählt: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AnnotationLayer</name>
    <message>
        <location filename="../ui/document/AnnotationLayer.cpp" line="58"/>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AnnotationPanel</name>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="52"/>
        <source>Class:</source>
        <translation>Klasse:</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="54"/>
        <source>The class new annotations get, and the one Assign gives the selection</source>
        <translation>Die Klasse neuer Annotationen und die, die „Zuweisen“ der Auswahl gibt</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="56"/>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="58"/>
        <source>Give the selected annotations this class</source>
        <translation>Den ausgewählten Annotationen diese Klasse geben</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="60"/>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="61"/>
        <source>Add a class with a name and a colour</source>
        <translation>Eine Klasse mit Name und Farbe hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="66"/>
        <source>Untick a class to hide its annotations</source>
        <translation>Eine Klasse abwählen, um ihre Annotationen auszublenden</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="71"/>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="104"/>
        <source>New Class</source>
        <translation>Neue Klasse</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="104"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="108"/>
        <source>Colour of %1</source>
        <translation>Farbe von %1</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="195"/>
        <source>Set Class</source>
        <translation>Klasse setzen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="254"/>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="256"/>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="265"/>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="298"/>
        <source>Unclassified</source>
        <translation>Ohne Klasse</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="255"/>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="282"/>
        <source>No slide open.</source>
        <translation>Kein Schnitt geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="290"/>
        <source>Summing up annotations</source>
        <translation>Annotationen werden zusammengefasst</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="296"/>
        <source>%L1 mm²</source>
        <translation>%L1 mm²</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="296"/>
        <source>%L1 px²</source>
        <translation>%L1 px²</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="297"/>
        <source>%1: %n annotation(s), %2</source>
        <translation>
            <numerusform>%1: %n Annotation, %2</numerusform>
            <numerusform>%1: %n Annotationen, %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationPanel.cpp" line="300"/>
        <source>No annotations on this slide.</source>
        <translation>Keine Annotationen auf diesem Schnitt.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AnnotationPersistence</name>
    <message>
        <location filename="../ui/annotations/AnnotationPersistence.cpp" line="82"/>
        <source>Saving annotations</source>
        <translation>Annotationen werden gespeichert</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AnnotationTableModel</name>
    <message>
        <location filename="../ui/annotations/AnnotationTableModel.cpp" line="75"/>
        <source>Unclassified</source>
        <translation>Ohne Klasse</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationTableModel.cpp" line="77"/>
        <source>detection (%1)</source>
        <translation>Detektion (%1)</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationTableModel.cpp" line="106"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationTableModel.cpp" line="108"/>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationTableModel.cpp" line="110"/>
        <source>Area (µm²)</source>
        <translation>Fläche (µm²)</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationTableModel.cpp" line="110"/>
        <source>Area (px²)</source>
        <translation>Fläche (px²)</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationTableModel.cpp" line="112"/>
        <source>Perimeter (µm)</source>
        <translation>Umfang (µm)</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationTableModel.cpp" line="112"/>
        <source>Perimeter (px)</source>
        <translation>Umfang (px)</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationTableModel.cpp" line="114"/>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationTableModel.cpp" line="116"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationTableModel.cpp" line="118"/>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AnnotationWorkbench</name>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="47"/>
        <source>Pan</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="48"/>
        <source>Drag to move around the slide</source>
        <translation>Ziehen, um sich auf dem Schnitt zu bewegen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="49"/>
        <source>Select</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="50"/>
        <source>Click or drag a band to select; drag to move, drag a handle to reshape</source>
        <translation>Klicken oder einen Rahmen ziehen zum Auswählen; ziehen zum Verschieben, einen Griff ziehen zum Umformen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="53"/>
        <source>Point</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="54"/>
        <source>Click to place a point</source>
        <translation>Klicken, um einen Punkt zu setzen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="55"/>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="56"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="58"/>
        <source>Drag from corner to corner</source>
        <translation>Von Ecke zu Ecke ziehen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="57"/>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="59"/>
        <source>Polygon</source>
        <translation>Polygon</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="60"/>
        <source>Click vertex by vertex; double-click or Enter closes, Backspace takes one back</source>
        <translation>Eckpunkt für Eckpunkt klicken; Doppelklick oder Eingabe schließt, Rücktaste nimmt einen zurück</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="63"/>
        <source>Freehand</source>
        <translation>Freihand</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="64"/>
        <source>Drag around a region</source>
        <translation>Um eine Region herum ziehen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="75"/>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="76"/>
        <source>Annotate</source>
        <translation>Annotieren</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="150"/>
        <source>Import Annotations…</source>
        <translation>Annotationen importieren…</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="152"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="340"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="362"/>
        <source>Import Annotations</source>
        <translation>Annotationen importieren</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="153"/>
        <source>Annotations (*.geojson *.json *.xml);;QuPath GeoJSON (*.geojson *.json);;ASAP XML (*.xml)</source>
        <translation>Annotationen (*.geojson *.json *.xml);;QuPath-GeoJSON (*.geojson *.json);;ASAP-XML (*.xml)</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="159"/>
        <source>Export Annotations…</source>
        <translation>Annotationen exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="160"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="371"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="390"/>
        <source>Export Annotations</source>
        <translation>Annotationen exportieren</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="161"/>
        <source>QuPath GeoJSON (*.geojson);;ASAP XML (*.xml)</source>
        <translation>QuPath-GeoJSON (*.geojson);;ASAP-XML (*.xml)</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="171"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="173"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="185"/>
        <source>Annotate from Heatmap…</source>
        <translation>Aus Heatmap annotieren…</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="188"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="205"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="446"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="471"/>
        <source>Annotate from Heatmap</source>
        <translation>Aus Heatmap annotieren</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="189"/>
        <source>Run a model on this slide first: its heatmap is what gets traced.</source>
        <translation>Wenden Sie zuerst ein Modell auf diesen Schnitt an: seine Heatmap wird nachgezeichnet.</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="344"/>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="347"/>
        <source>Importing annotations</source>
        <translation>Annotationen werden importiert</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="377"/>
        <source>Exporting annotations</source>
        <translation>Annotationen werden exportiert</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="462"/>
        <source>Tracing the heatmap</source>
        <translation>Die Heatmap wird nachgezeichnet</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="472"/>
        <source>%n region(s) traced from the heatmap.</source>
        <translation>
            <numerusform>%n Region aus der Heatmap nachgezeichnet.</numerusform>
            <numerusform>%n Regionen aus der Heatmap nachgezeichnet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="241"/>
        <source>Not saved: open or create a project to keep annotations.</source>
        <translation>Nicht gespeichert: öffnen oder erstellen Sie ein Projekt, um Annotationen zu behalten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="245"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="256"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="261"/>
        <source>Saved in the project (%n annotation(s)).</source>
        <translation>
            <numerusform>Im Projekt gespeichert (%n Annotation).</numerusform>
            <numerusform>Im Projekt gespeichert (%n Annotationen).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="259"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="263"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="308"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="339"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="340"/>
        <source>Open a slide to import annotations onto.</source>
        <translation>Öffnen Sie einen Schnitt, auf den importiert werden soll.</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="325"/>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="327"/>
        <source>%n annotation(s) imported from %1.</source>
        <translation>
            <numerusform>%n Annotation aus %1 importiert.</numerusform>
            <numerusform>%n Annotationen aus %1 importiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="329"/>
        <source>New classes: %1.</source>
        <translation>Neue Klassen: %1.</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="331"/>
        <source>Not kept: %1.</source>
        <translation>Nicht übernommen: %1.</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="370"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="371"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="398"/>
        <source>Open a slide whose annotations to export.</source>
        <translation>Öffnen Sie den Schnitt, dessen Annotationen exportiert werden sollen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="381"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="401"/>
        <source>%n annotation(s) written to %1.</source>
        <translation>
            <numerusform>%n Annotation nach %1 geschrieben.</numerusform>
            <numerusform>%n Annotationen nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="384"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="404"/>
        <source>The format cannot hold: %1.</source>
        <translation>Das Format kann nicht aufnehmen: %1.</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="442"/>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="456"/>
        <source>There is no heatmap on this slide to trace.</source>
        <translation>Auf diesem Schnitt gibt es keine Heatmap zum Nachzeichnen.</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="422"/>
        <source>consistency</source>
        <translation>Konsistenz</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="422"/>
        <source>attention</source>
        <translation>Aufmerksamkeit</translation>
    </message>
    <message>
        <location filename="../ui/annotations/AnnotationWorkbench.cpp" line="429"/>
        <source>%1 %2 (mean %3)</source>
        <translation>%1 %2 (Mittel %3)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::BoxTool</name>
    <message>
        <location filename="../ui/annotations/tools/DrawingTools.cpp" line="76"/>
        <source>Draw Ellipse</source>
        <translation>Ellipse zeichnen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/tools/DrawingTools.cpp" line="76"/>
        <source>Draw Rectangle</source>
        <translation>Rechteck zeichnen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ComparisonWindow</name>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="97"/>
        <source>Compare runs: %1</source>
        <translation>Läufe vergleichen: %1</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="100"/>
        <source>Slides:</source>
        <translation>Schnitte:</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="104"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="106"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="109"/>
        <source>Curves score %1 against the rest; AUC intervals are DeLong&apos;s 95 %.</source>
        <translation>Die Kurven bewerten %1 gegen den Rest; AUC-Intervalle sind DeLongs 95 %.</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="114"/>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="115"/>
        <source>Numbers</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="116"/>
        <source>Confusion</source>
        <translation>Konfusion</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="117"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="164"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="164"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="164"/>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="170"/>
        <source>Slides</source>
        <translation>Schnitte</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="164"/>
        <source>AUC [95 % CI]</source>
        <translation>AUC [95-%-KI]</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="165"/>
        <source>Average precision</source>
        <translation>Average Precision</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="165"/>
        <source>ECE</source>
        <translation>ECE</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="165"/>
        <source>ECE calibrated</source>
        <translation>ECE kalibriert</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="166"/>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="170"/>
        <source>Run A</source>
        <translation>Lauf A</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="170"/>
        <source>Run B</source>
        <translation>Lauf B</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="170"/>
        <source>AUC A</source>
        <translation>AUC A</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="170"/>
        <source>AUC B</source>
        <translation>AUC B</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="170"/>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="170"/>
        <source>p (DeLong)</source>
        <translation>p (DeLong)</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="176"/>
        <source>Each run on the chosen slides</source>
        <translation>Jeder Lauf auf den gewählten Schnitten</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="178"/>
        <source>DeLong&apos;s test for each pair, on the slides both runs scored</source>
        <translation>DeLong-Test für jedes Paar, auf den Schnitten, die beide Läufe bewertet haben</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="195"/>
        <source>threshold: %1</source>
        <translation>Schwelle: %1</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="201"/>
        <source>Rows: true class; columns: predicted. Click a cell for its slides; double-click to open them with %1 applied.</source>
        <translation>Zeilen: wahre Klasse; Spalten: vorhergesagt. Klicken Sie auf eine Zelle für ihre Schnitte; Doppelklick öffnet sie mit %1 angewendet.</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="226"/>
        <source>Slides in the cell (double-click to open)</source>
        <translation>Schnitte in der Zelle (Doppelklick zum Öffnen)</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="245"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="260"/>
        <source>The runs were trained with the same settings.</source>
        <translation>Die Läufe wurden mit denselben Einstellungen trainiert.</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="261"/>
        <source>Only the settings that differ between the runs</source>
        <translation>Nur die Einstellungen, in denen sich die Läufe unterscheiden</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="286"/>
        <source>not calibrated</source>
        <translation>nicht kalibriert</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWindow.cpp" line="312"/>
        <source>— (too few slides)</source>
        <translation>— (zu wenige Schnitte)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ComparisonWorkbench</name>
    <message>
        <location filename="../ui/compare/ComparisonWorkbench.cpp" line="60"/>
        <source>&amp;Compare…</source>
        <translation>&amp;Vergleichen…</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWorkbench.cpp" line="73"/>
        <source>Compare Runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWorkbench.cpp" line="75"/>
        <source>Tick %1 to %2 finished runs:</source>
        <translation>Haken Sie %1 bis %2 abgeschlossene Läufe an:</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWorkbench.cpp" line="120"/>
        <source>The project has no run &apos;%1&apos;</source>
        <translation>Das Projekt hat keinen Lauf &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../ui/compare/ComparisonWorkbench.cpp" line="142"/>
        <source>The project has no slide &apos;%1&apos;</source>
        <translation>Das Projekt hat keinen Schnitt &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ComputeDeviceCache</name>
    <message>
        <location filename="../ui/tasks/ComputeDeviceCache.cpp" line="25"/>
        <source>Looking for GPUs</source>
        <translation>Suche nach GPUs</translation>
    </message>
</context>
<context>
    <name>tessera::ui::CursorReadout</name>
    <message>
        <location filename="../ui/workspace/CursorReadout.cpp" line="26"/>
        <source>x %1, y %2 px</source>
        <translation>x %1, y %2 px</translation>
    </message>
    <message>
        <location filename="../ui/workspace/CursorReadout.cpp" line="28"/>
        <source>  (%1, %2 µm)</source>
        <translation>  (%1, %2 µm)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::FreehandTool</name>
    <message>
        <location filename="../ui/annotations/tools/DrawingTools.cpp" line="207"/>
        <source>Draw Freehand</source>
        <translation>Freihand zeichnen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::HeatmapAnnotateDialog</name>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="21"/>
        <source>Annotate from Heatmap</source>
        <translation>Aus Heatmap annotieren</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="23"/>
        <source>Attention (high)</source>
        <translation>Aufmerksamkeit (hoch)</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="25"/>
        <source>Reconstruction consistency (low)</source>
        <translation>Rekonstruktionskonsistenz (niedrig)</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="26"/>
        <source>Map:</source>
        <translation>Karte:</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="27"/>
        <source>Percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="28"/>
        <source>Automatic (Otsu)</source>
        <translation>Automatisch (Otsu)</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="29"/>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="30"/>
        <source>Otsu splits the scores into two groups; a percentile keeps the top (or, for consistency, the bottom) share of patches; a score is compared as it is</source>
        <translation>Otsu teilt die Werte in zwei Gruppen; ein Perzentil behält den obersten (bei Konsistenz den untersten) Anteil der Patches; ein Wert wird unverändert verglichen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="32"/>
        <source>Threshold:</source>
        <translation>Schwelle:</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="36"/>
        <source>Value:</source>
        <translation>Wert:</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="40"/>
        <source> µm²</source>
        <translation> µm²</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="40"/>
        <source> px²</source>
        <translation> px²</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="41"/>
        <source>Smallest region:</source>
        <translation>Kleinste Region:</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="45"/>
        <source> patches</source>
        <translation> Patches</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="46"/>
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="47"/>
        <source>Unclassified</source>
        <translation>Ohne Klasse</translation>
    </message>
    <message>
        <location filename="../ui/annotations/HeatmapAnnotateDialog.cpp" line="50"/>
        <source>Class:</source>
        <translation>Klasse:</translation>
    </message>
</context>
<context>
    <name>tessera::ui::JobMonitor</name>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="29"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="31"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="32"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="33"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="73"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="90"/>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="90"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="90"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="101"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="101"/>
        <location filename="../ui/jobs/JobMonitor.cpp" line="102"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Loss terms</source>
        <translation type="vanished">Verlustterme</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="103"/>
        <source>Validation AUC</source>
        <translation>Validierungs-AUC</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="103"/>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="104"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="104"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="104"/>
        <source>LR</source>
        <translation>LR</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="117"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="118"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="119"/>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="120"/>
        <source>Stop the job at its next safe point (a finished epoch); resume it later</source>
        <translation>Den Auftrag am nächsten sicheren Punkt (einer beendeten Epoche) anhalten; später fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="121"/>
        <source>Run the job again: training continues from its last checkpoint</source>
        <translation>Den Auftrag erneut starten: das Training setzt am letzten Prüfpunkt fort</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="239"/>
        <source>%1 — %2%3</source>
        <translation>%1 — %2%3</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="259"/>
        <source>epoch %1 of %2 — %3 left</source>
        <translation>Epoche %1 von %2 — noch %3</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="263"/>
        <source>%1 of %2 %3 — %4 left</source>
        <translation>%1 von %2 %3 — noch %4</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="237"/>
        <location filename="../ui/jobs/JobMonitor.cpp" line="266"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="101"/>
        <source>Training and validation loss</source>
        <translation>Trainings- und Validierungs-Loss</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="102"/>
        <source>Terms</source>
        <translation>Terme</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="102"/>
        <source>Each loss term</source>
        <translation>Jeder Loss-Term</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="225"/>
        <source>%1, no progress reported yet</source>
        <translation>%1, noch kein Fortschritt gemeldet</translation>
    </message>
</context>
<context>
    <name>tessera::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="181"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="182"/>
        <source>&amp;Open Slide…</source>
        <translation>Schnitt &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="184"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="189"/>
        <source>Export &amp;Report…</source>
        <translation>&amp;Bericht exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="193"/>
        <source>&amp;Save View as PNG…</source>
        <translation>Ansicht als PNG &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="195"/>
        <source>&amp;Close Slide</source>
        <translation>Schnitt s&amp;chließen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="198"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="200"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="201"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="205"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="222"/>
        <source>&amp;Runs</source>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation type="vanished">An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="vanished">Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="vanished">Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="208"/>
        <source>Show &amp;Tissue Mask</source>
        <translation>&amp;Gewebemaske anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="214"/>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>&amp;Run Model on Slide…</source>
        <translation type="vanished">Modell auf Schnitt &amp;anwenden…</translation>
    </message>
    <message>
        <source>Open &amp;Results…</source>
        <translation type="vanished">&amp;Ergebnisse öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="219"/>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <source>Add &amp;Slides…</source>
        <translation type="vanished">&amp;Schnitte hinzufügen…</translation>
    </message>
    <message>
        <source>Add Slides</source>
        <translation type="vanished">Schnitte hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation type="vanished">&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Add a Folder of Slides</source>
        <translation type="vanished">Einen Ordner mit Schnitten hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Import Labels…</source>
        <translation type="vanished">Labels &amp;importieren…</translation>
    </message>
    <message>
        <source>Import Labels (CLAM CSV)</source>
        <translation type="vanished">Labels importieren (CLAM-CSV)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="vanished">CSV (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Export Labels…</source>
        <translation type="vanished">Labels &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export Labels (CLAM CSV)</source>
        <translation type="vanished">Labels exportieren (CLAM-CSV)</translation>
    </message>
    <message>
        <source>Import S&amp;plit…</source>
        <translation type="vanished">Auf&amp;teilung importieren…</translation>
    </message>
    <message>
        <source>Import a Split (CLAM CSV)</source>
        <translation type="vanished">Eine Aufteilung importieren (CLAM-CSV)</translation>
    </message>
    <message>
        <source>&amp;Train Model…</source>
        <translation type="vanished">Modell &amp;trainieren…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="224"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="225"/>
        <source>&amp;About Tessera</source>
        <translation>&amp;Über Tessera</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="227"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation type="vanished">&amp;Neues Projekt…</translation>
    </message>
    <message>
        <source>New Project: choose an empty folder</source>
        <translation type="vanished">Neues Projekt: einen leeren Ordner wählen</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation type="vanished">&amp;Projekt öffnen…</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation type="vanished">Projekt öffnen</translation>
    </message>
    <message>
        <source>Close Pro&amp;ject</source>
        <translation type="vanished">Projekt sch&amp;ließen</translation>
    </message>
    <message>
        <source>Project %1</source>
        <translation type="vanished">Projekt %1</translation>
    </message>
    <message>
        <source>Open or create a project first: training works on a project&apos;s slides and labels.</source>
        <translation type="vanished">Öffnen oder erstellen Sie zuerst ein Projekt: Das Training arbeitet mit den Schnitten und Labels eines Projekts.</translation>
    </message>
    <message>
        <source>%1 slides added, %2 already in the project, %3 moved, %4 failed</source>
        <translation type="vanished">%1 Schnitte hinzugefügt, %2 schon im Projekt, %3 verschoben, %4 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Some slides were not added:
%1</source>
        <translation type="vanished">Einige Schnitte wurden nicht hinzugefügt:
%1</translation>
    </message>
    <message>
        <source>%1: %2 applied</source>
        <translation type="vanished">%1: %2 übernommen</translation>
    </message>
    <message>
        <source>, %1 slides not in the project (e.g. %2)</source>
        <translation type="vanished">, %1 Schnitte nicht im Projekt (z. B. %2)</translation>
    </message>
    <message>
        <source>Jobs Are Running</source>
        <translation type="vanished">Aufträge laufen</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) of this project are still running.</source>
        <translation type="vanished">
            <numerusform>%n Auftrag dieses Projekts läuft noch.</numerusform>
            <numerusform>%n Aufträge dieses Projekts laufen noch.</numerusform>
        </translation>
    </message>
    <message>
        <source>They run on their own: keep them running and see them again when you reopen the project, or stop them (training stops after its current epoch and can be resumed).</source>
        <translation type="vanished">Sie laufen selbstständig: Lassen Sie sie weiterlaufen und sehen Sie sie beim nächsten Öffnen des Projekts wieder, oder halten Sie sie an (das Training hält nach der laufenden Epoche an und kann fortgesetzt werden).</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation type="vanished">Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Stop Jobs</source>
        <translation type="vanished">Aufträge anhalten</translation>
    </message>
    <message>
        <source>A tile could not be read: %1</source>
        <translation type="vanished">Eine Kachel konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="294"/>
        <source>%1 — Tessera</source>
        <translation>%1 — Tessera</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="304"/>
        <source>Detecting tissue…</source>
        <translation>Gewebe wird erkannt…</translation>
    </message>
    <message>
        <source>Tissue covers %1 % of the slide (saturation threshold %2)</source>
        <translation type="vanished">Gewebe bedeckt %1 % des Schnitts (Sättigungsschwelle %2)</translation>
    </message>
    <message>
        <source>The results were not recorded in the project: %1</source>
        <translation type="vanished">Die Ergebnisse wurden nicht im Projekt vermerkt: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="142"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="145"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="148"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="173"/>
        <source>Jobs: %1</source>
        <translation>Aufträge: %1</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="vanished">%1×</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="322"/>
        <source>Open Slide</source>
        <translation>Schnitt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="331"/>
        <source>There is no slide view to save.</source>
        <translation>Es gibt keine Schnittansicht zum Speichern.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="336"/>
        <source>Cannot write %1 (check the folder exists and is writable).</source>
        <translation>%1 kann nicht geschrieben werden (existiert der Ordner und ist er beschreibbar?).</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="348"/>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="349"/>
        <source>Open a project and one of its slides: a report is made from what the project knows about the slide.</source>
        <translation>Öffnen Sie ein Projekt und einen seiner Schnitte: ein Bericht entsteht aus dem, was das Projekt über den Schnitt weiß.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="366"/>
        <source>Save View as PNG</source>
        <translation>Ansicht als PNG speichern</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="366"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation type="vanished">Ergebnisse: %1</translation>
    </message>
    <message>
        <source>Choose a Training Run</source>
        <translation type="vanished">Trainingslauf wählen</translation>
    </message>
    <message>
        <source>Open Results</source>
        <translation type="vanished">Ergebnisse öffnen</translation>
    </message>
    <message>
        <source>Tessera results (*.h5)</source>
        <translation type="vanished">Tessera-Ergebnisse (*.h5)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Whole-slide viewer and spatially regularized MIL.&lt;/p&gt;&lt;table&gt;</source>
        <translation type="vanished">&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Ganzschnitt-Viewer und räumlich regularisiertes MIL.&lt;/p&gt;&lt;table&gt;</translation>
    </message>
    <message>
        <source>About Tessera</source>
        <translation type="vanished">Über Tessera</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="132"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="68"/>
        <location filename="../ui/MainWindow.cpp" line="276"/>
        <location filename="../ui/MainWindow.cpp" line="295"/>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="134"/>
        <source>Slide</source>
        <translation>Schnitt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="136"/>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Magnification</source>
        <translation type="vanished">Vergrößerung</translation>
    </message>
</context>
<context>
    <name>tessera::ui::OverviewWidget</name>
    <message>
        <location filename="../ui/viewer/OverviewWidget.cpp" line="49"/>
        <source>Reading the overview</source>
        <translation>Die Übersicht wird gelesen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PointTool</name>
    <message>
        <location filename="../ui/annotations/tools/DrawingTools.cpp" line="38"/>
        <source>Add Point</source>
        <translation>Punkt setzen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PolygonTool</name>
    <message>
        <location filename="../ui/annotations/tools/DrawingTools.cpp" line="143"/>
        <source>Draw Polygon</source>
        <translation>Polygon zeichnen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PreferencesDialog</name>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="31"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="36"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="38"/>
        <source>Memory for decoded slide tiles, shared by all open slides. More memory means less re-reading when you pan back.</source>
        <translation>Speicher für dekodierte Kacheln, geteilt von allen offenen Schnitten. Mehr Speicher heißt weniger erneutes Lesen beim Zurückschwenken.</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="40"/>
        <source>Tile cache:</source>
        <translation>Kachel-Cache:</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ProjectActions</name>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="29"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="31"/>
        <source>New Project: choose an empty folder</source>
        <translation>Neues Projekt: einen leeren Ordner wählen</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="35"/>
        <source>Open &amp;Project…</source>
        <translation>&amp;Projekt öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="36"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="40"/>
        <source>Close Pro&amp;ject</source>
        <translation>Projekt sch&amp;ließen</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="52"/>
        <source>Add &amp;Slides…</source>
        <translation>&amp;Schnitte hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="54"/>
        <source>Add Slides</source>
        <translation>Schnitte hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="58"/>
        <source>Add &amp;Folder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="60"/>
        <source>Add a Folder of Slides</source>
        <translation>Einen Ordner mit Schnitten hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="65"/>
        <source>&amp;Import Labels…</source>
        <translation>Labels &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="66"/>
        <source>Import Labels (CLAM CSV)</source>
        <translation>Labels importieren (CLAM-CSV)</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="67"/>
        <location filename="../ui/project/ProjectActions.cpp" line="74"/>
        <location filename="../ui/project/ProjectActions.cpp" line="80"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="71"/>
        <source>&amp;Export Labels…</source>
        <translation>Labels &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="73"/>
        <source>Export Labels (CLAM CSV)</source>
        <translation>Labels exportieren (CLAM-CSV)</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="78"/>
        <source>Import S&amp;plit…</source>
        <translation>Auf&amp;teilung importieren…</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="79"/>
        <source>Import a Split (CLAM CSV)</source>
        <translation>Eine Aufteilung importieren (CLAM-CSV)</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="86"/>
        <source>&amp;Train Model…</source>
        <translation>Modell &amp;trainieren…</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="102"/>
        <source>Project %1</source>
        <translation>Projekt %1</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="115"/>
        <source>Open or create a project first: training works on a project&apos;s slides and labels.</source>
        <translation>Öffnen oder erstellen Sie zuerst ein Projekt: Das Training arbeitet mit den Schnitten und Labels eines Projekts.</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="137"/>
        <source>The results were not recorded in the project: %1</source>
        <translation>Die Ergebnisse wurden nicht im Projekt vermerkt: %1</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="153"/>
        <source>Adding slides…</source>
        <translation>Schnitte werden hinzugefügt…</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="164"/>
        <source>%1 slides added, %2 already in the project, %3 moved, %4 failed</source>
        <translation>%1 Schnitte hinzugefügt, %2 schon im Projekt, %3 verschoben, %4 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="171"/>
        <source>Some slides were not added:
%1</source>
        <translation>Einige Schnitte wurden nicht hinzugefügt:
%1</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="176"/>
        <source>%1: %2 applied</source>
        <translation>%1: %2 übernommen</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectActions.cpp" line="178"/>
        <source>, %1 slides not in the project (e.g. %2)</source>
        <translation>, %1 Schnitte nicht im Projekt (z. B. %2)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ProjectController</name>
    <message>
        <location filename="../ui/project/ProjectController.cpp" line="74"/>
        <source>Adding slides</source>
        <translation>Schnitte werden hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectController.cpp" line="109"/>
        <source>Run %1 is still training: cancel its job first, then delete it.</source>
        <translation>Lauf %1 trainiert noch: brechen Sie zuerst seinen Auftrag ab und löschen Sie ihn dann.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ProjectPanel</name>
    <message>
        <location filename="../ui/project/ProjectPanel.cpp" line="32"/>
        <source>Filter slides, labels, splits…</source>
        <translation>Schnitte, Labels, Aufteilungen filtern…</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectPanel.cpp" line="35"/>
        <source>The split whose parts the table shows</source>
        <translation>Die Aufteilung, deren Teile die Tabelle zeigt</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectPanel.cpp" line="60"/>
        <source>%1 is missing: it is not at %2</source>
        <translation>%1 fehlt: die Datei liegt nicht unter %2</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectPanel.cpp" line="84"/>
        <source>No project open. File ▸ New Project… or Open Project…</source>
        <translation>Kein Projekt geöffnet. Datei ▸ Neues Projekt… oder Projekt öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectPanel.cpp" line="104"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 slides, %3 labelled%4, %5 runs</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 Schnitte, %3 mit Label%4, %5 Läufe</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectPanel.cpp" line="108"/>
        <source>, &lt;span style=&apos;color:#b00020&apos;&gt;%1 missing&lt;/span&gt;</source>
        <translation>, &lt;span style=&apos;color:#b00020&apos;&gt;%1 fehlen&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RegistrationDialog</name>
    <message>
        <location filename="../ui/split/RegistrationDialog.cpp" line="41"/>
        <source>Register %1 onto %2</source>
        <translation>%1 auf %2 registrieren</translation>
    </message>
    <message>
        <location filename="../ui/split/RegistrationDialog.cpp" line="49"/>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <location filename="../ui/split/RegistrationDialog.cpp" line="49"/>
        <source>View 1 (px)</source>
        <translation>Ansicht 1 (px)</translation>
    </message>
    <message>
        <location filename="../ui/split/RegistrationDialog.cpp" line="49"/>
        <source>View 2 (px)</source>
        <translation>Ansicht 2 (px)</translation>
    </message>
    <message>
        <location filename="../ui/split/RegistrationDialog.cpp" line="49"/>
        <source>Residual</source>
        <translation>Restfehler</translation>
    </message>
    <message>
        <location filename="../ui/split/RegistrationDialog.cpp" line="54"/>
        <source>&amp;Remove Pair</source>
        <translation>Paar &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../ui/split/RegistrationDialog.cpp" line="115"/>
        <source>Click in View 1 first, then the same structure in View 2.</source>
        <translation>Klicken Sie zuerst in Ansicht 1, dann auf dieselbe Struktur in Ansicht 2.</translation>
    </message>
    <message>
        <location filename="../ui/split/RegistrationDialog.cpp" line="133"/>
        <source>%1 µm</source>
        <translation>%1 µm</translation>
    </message>
    <message>
        <location filename="../ui/split/RegistrationDialog.cpp" line="133"/>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/split/RegistrationDialog.cpp" line="143"/>
        <source>RMS residual %1 over %n pair(s); the views are linked through the fit.</source>
        <translation>
            <numerusform>Mittlerer Restfehler (RMS) %1 über %n Paar; die Ansichten sind über die Anpassung verknüpft.</numerusform>
            <numerusform>Mittlerer Restfehler (RMS) %1 über %n Paare; die Ansichten sind über die Anpassung verknüpft.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/split/RegistrationDialog.cpp" line="150"/>
        <source>%n more pair(s) needed to fit the registration.</source>
        <translation>
            <numerusform>Für die Registrierung fehlt noch %n Paar.</numerusform>
            <numerusform>Für die Registrierung fehlen noch %n Paare.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/split/RegistrationDialog.cpp" line="154"/>
        <source>Now click the same structure in View 2.</source>
        <translation>Klicken Sie jetzt auf dieselbe Struktur in Ansicht 2.</translation>
    </message>
    <message>
        <location filename="../ui/split/RegistrationDialog.cpp" line="155"/>
        <source>Click a structure in View 1 (a vessel, a gland, a fold), then the same structure in View 2. A drag pans.</source>
        <translation>Klicken Sie auf eine Struktur in Ansicht 1 (ein Gefäß, eine Drüse, eine Falte), dann auf dieselbe Struktur in Ansicht 2. Ziehen verschiebt die Ansicht.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ReportDialog</name>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="46"/>
        <source>Also write the CSVs (annotations, top patches, per-class summary)</source>
        <translation>Auch die CSV-Dateien schreiben (Annotationen, Top-Patches, Übersicht je Klasse)</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="50"/>
        <location filename="../ui/report/ReportDialog.cpp" line="134"/>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="56"/>
        <source>Latest prediction for this slide</source>
        <translation>Neueste Vorhersage für diesen Schnitt</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="68"/>
        <source> µm/px</source>
        <translation> µm/px</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="69"/>
        <source>Resolution of the crops: 0.25 ≈ 40×, 0.5 ≈ 20×, 1 ≈ 10×</source>
        <translation>Auflösung der Ausschnitte: 0,25 ≈ 40×, 0,5 ≈ 20×, 1 ≈ 10×</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="74"/>
        <source>What you concluded (any language; kept in the project)</source>
        <translation>Ihre Schlussfolgerung (in jeder Sprache; wird im Projekt gespeichert)</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="87"/>
        <source>Model results:</source>
        <translation>Modellergebnisse:</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="88"/>
        <source>Author:</source>
        <translation>Autor:</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="89"/>
        <source>Institution:</source>
        <translation>Einrichtung:</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="90"/>
        <source>Page:</source>
        <translation>Seite:</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="91"/>
        <source>Crops at:</source>
        <translation>Ausschnitte mit:</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="92"/>
        <source>Top-attention crops:</source>
        <translation>Ausschnitte höchster Aufmerksamkeit:</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="93"/>
        <source>Findings:</source>
        <translation>Befund:</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="96"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="98"/>
        <source>PDF:</source>
        <translation>PDF:</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="102"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="121"/>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="121"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="137"/>
        <source>Open PDF</source>
        <translation>PDF öffnen</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="138"/>
        <source>Show in Folder</source>
        <translation>Im Ordner zeigen</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="179"/>
        <source>Gathering…</source>
        <translation>Wird zusammengestellt…</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="181"/>
        <source>Gathering the report</source>
        <translation>Der Bericht wird zusammengestellt</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="203"/>
        <source>No preview</source>
        <translation>Keine Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="214"/>
        <source>Drawing the report preview</source>
        <translation>Die Berichtsvorschau wird gezeichnet</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="261"/>
        <source>Choose where to write the PDF.</source>
        <translation>Wählen Sie, wohin das PDF geschrieben wird.</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="263"/>
        <source>%1: the folder cannot be created</source>
        <translation>%1: der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="283"/>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="286"/>
        <source>Exporting the report</source>
        <translation>Der Bericht wird exportiert</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/report/ReportDialog.cpp" line="247"/>
        <source>%1 written (%n page(s)).</source>
        <translation>
            <numerusform>%1 geschrieben (%n Seite).</numerusform>
            <numerusform>%1 geschrieben (%n Seiten).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="249"/>
        <source>CSVs: %1</source>
        <translation>CSV-Dateien: %1</translation>
    </message>
    <message>
        <location filename="../ui/report/ReportDialog.cpp" line="252"/>
        <source>Not included: %1</source>
        <translation>Nicht enthalten: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ReviewPanel</name>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="34"/>
        <source>rejected</source>
        <translation>verworfen</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="35"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="49"/>
        <source>Ask</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="53"/>
        <source>Reject (X)</source>
        <translation>Verwerfen (X)</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="54"/>
        <source>Skip (N)</source>
        <translation>Überspringen (N)</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="56"/>
        <source>Fine-tune with my answers</source>
        <translation>Mit meinen Antworten nachtrainieren</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="61"/>
        <source>Disagreement (attention vs. context)</source>
        <translation>Uneinigkeit (Aufmerksamkeit vs. Kontext)</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="62"/>
        <source>Disagreement (attention vs. evidence)</source>
        <translation>Widerspruch (Attention vs. Evidenz)</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="63"/>
        <source>Unbacked attention (consistency)</source>
        <translation>Ungestützte Aufmerksamkeit (Konsistenz)</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="64"/>
        <source>Highest attention</source>
        <translation>Höchste Aufmerksamkeit</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="65"/>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="66"/>
        <source>How the run chooses what to ask (docs/REVIEW.md)</source>
        <translation>Wie der Lauf auswählt, was er fragt (docs/REVIEW.md)</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="70"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="71"/>
        <source>Ask by</source>
        <translation>Fragen nach</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="72"/>
        <source>Proposals</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="122"/>
        <source>Open a project with a finished run</source>
        <translation>Öffnen Sie ein Projekt mit einem abgeschlossenen Lauf</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="162"/>
        <source>No proposals yet: choose a run and Ask.</source>
        <translation>Noch keine Vorschläge: wählen Sie einen Lauf und „Fragen“.</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="166"/>
        <source>Queues a fine-tuning job from %1 with the project&apos;s annotations, your answers among them</source>
        <translation>Stellt einen Nachtrainingsauftrag von %1 mit den Annotationen des Projekts in die Warteschlange, Ihre Antworten eingeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="169"/>
        <source>Answer some proposals first</source>
        <translation>Beantworten Sie zuerst einige Vorschläge</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="201"/>
        <source>Every proposal is settled.</source>
        <translation>Jeder Vorschlag ist erledigt.</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="205"/>
        <source>the run may have missed something here</source>
        <translation>der Lauf hat hier vielleicht etwas übersehen</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="206"/>
        <source>the run may be wrong to look here</source>
        <translation>der Lauf schaut hier vielleicht zu Unrecht hin</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="207"/>
        <source>ranked by %1</source>
        <translation>gereiht nach %1</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewPanel.cpp" line="208"/>
        <source>&lt;b&gt;%1 of %2&lt;/b&gt; · %3 · %4 (score %5). What is it?</source>
        <translation>&lt;b&gt;%1 von %2&lt;/b&gt; · %3 · %4 (Wert %5). Was ist das?</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ReviewQueue</name>
    <message numerus="yes">
        <location filename="../ui/review/ReviewQueue.cpp" line="77"/>
        <source>%n answered</source>
        <translation>
            <numerusform>%n beantwortet</numerusform>
            <numerusform>%n beantwortet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewQueue.cpp" line="80"/>
        <source>%1, %2 rejected, %3 skipped, %4 open</source>
        <translation>%1, %2 verworfen, %3 übersprungen, %4 offen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ReviewWorkbench</name>
    <message>
        <location filename="../ui/review/ReviewWorkbench.cpp" line="69"/>
        <source>Review</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewWorkbench.cpp" line="145"/>
        <source>Open a project first.</source>
        <translation>Öffnen Sie zuerst ein Projekt.</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewWorkbench.cpp" line="152"/>
        <source>Asking %1 where your answers would teach it most…</source>
        <translation>%1 wird gefragt, wo Ihre Antworten am meisten lehren würden…</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewWorkbench.cpp" line="156"/>
        <source>Proposals from %1</source>
        <translation>Vorschläge von %1</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewWorkbench.cpp" line="230"/>
        <location filename="../ui/review/ReviewWorkbench.cpp" line="232"/>
        <source>Answer proposal %1</source>
        <translation>Vorschlag %1 beantworten</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewWorkbench.cpp" line="240"/>
        <source>The slide %1 is not in the open project: the answer was not saved.</source>
        <translation>Der Schnitt %1 ist nicht im offenen Projekt: die Antwort wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The project is closed: the answer was not saved.</source>
        <translation type="vanished">Das Projekt ist geschlossen: die Antwort wurde nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewWorkbench.cpp" line="281"/>
        <source>Review proposals</source>
        <translation>Vorschläge zur Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewWorkbench.cpp" line="299"/>
        <source>The run that made the proposals is not in the open project.</source>
        <translation>Der Lauf, der die Vorschläge gemacht hat, ist nicht im offenen Projekt.</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewWorkbench.cpp" line="320"/>
        <source>Fine-tuning %1 → %2 with your answers: queued (see Jobs).</source>
        <translation>Nachtraining %1 → %2 mit Ihren Antworten: eingereiht (siehe Aufträge).</translation>
    </message>
    <message>
        <location filename="../ui/review/ReviewWorkbench.cpp" line="337"/>
        <source>&lt;b&gt;Validation AUC&lt;/b&gt; %1 → %2 · &lt;b&gt;test AUC&lt;/b&gt; %3 → %4&lt;br&gt;before: %5&lt;br&gt;after: %6</source>
        <translation>&lt;b&gt;Validierungs-AUC&lt;/b&gt; %1 → %2 · &lt;b&gt;Test-AUC&lt;/b&gt; %3 → %4&lt;br&gt;vorher: %5&lt;br&gt;nachher: %6</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RunChooser</name>
    <message>
        <location filename="../ui/analysis/RunChooser.cpp" line="23"/>
        <source>Run Model on Slide</source>
        <translation>Modell auf Schnitt anwenden</translation>
    </message>
    <message>
        <location filename="../ui/analysis/RunChooser.cpp" line="26"/>
        <location filename="../ui/analysis/RunChooser.cpp" line="68"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/analysis/RunChooser.cpp" line="26"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/analysis/RunChooser.cpp" line="26"/>
        <source>Trained</source>
        <translation>Trainiert</translation>
    </message>
    <message>
        <location filename="../ui/analysis/RunChooser.cpp" line="26"/>
        <source>Val AUC (95 % CI)</source>
        <translation>Val. AUC (95-%-KI)</translation>
    </message>
    <message>
        <location filename="../ui/analysis/RunChooser.cpp" line="69"/>
        <source>Other Folder…</source>
        <translation>Anderer Ordner…</translation>
    </message>
    <message>
        <location filename="../ui/analysis/RunChooser.cpp" line="76"/>
        <location filename="../ui/analysis/RunChooser.cpp" line="110"/>
        <source>Choose a Training Run</source>
        <translation>Trainingslauf wählen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RunsPanel</name>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="94"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="vanished">Modell</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="95"/>
        <source>Parent</source>
        <translation>Vorgänger</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="95"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="96"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="96"/>
        <source>Best</source>
        <translation>Beste</translation>
    </message>
    <message>
        <source>Val AUC</source>
        <translation type="vanished">Val.-AUC</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="95"/>
        <source>Test AUC</source>
        <translation>Test-AUC</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="94"/>
        <source>Val n</source>
        <translation>Val. n</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="41"/>
        <source>none (older run)</source>
        <translation>keine (älterer Lauf)</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="43"/>
        <source>Made before Tessera kept a reference of the training data: its predictions are not checked against it. Train it again to have one.</source>
        <translation>Entstanden, bevor Tessera eine Referenz der Trainingsdaten aufbewahrte: Seine Vorhersagen werden nicht damit abgeglichen. Trainieren Sie ihn erneut, um eine zu erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="49"/>
        <source>yes · ECE %1 → %2</source>
        <translation>ja · ECE %1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="52"/>
        <source>yes · not calibrated</source>
        <translation>ja · nicht kalibriert</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="53"/>
        <source>Reference: %1
Flagged above %2: %3
Calibration: %4</source>
        <translation>Referenz: %1
Markiert über %2: %3
Kalibrierung: %4</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="94"/>
        <source>Val loss</source>
        <translation>Val. Loss</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="94"/>
        <source>Val AUC (95 % CI)</source>
        <translation>Val. AUC (95-%-KI)</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="95"/>
        <source>Trust reference</source>
        <translation>Vertrauensreferenz</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="96"/>
        <source>LR</source>
        <translation>LR</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="96"/>
        <source>w_gen</source>
        <translation>w_gen</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="96"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="97"/>
        <source>Validation slides</source>
        <translation>Validierungsschnitte</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="99"/>
        <source>The best epoch&apos;s validation AUC with its 95 % bootstrap interval; &quot;too few slides&quot; where a class has fewer than %1 validation slides.</source>
        <translation>Die Validierungs-AUC der besten Epoche mit 95-%-Bootstrap-Intervall; „zu wenige Schnitte“, wo eine Klasse weniger als %1 Validierungsschnitte hat.</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="113"/>
        <source>Train…</source>
        <translation>Trainieren…</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="114"/>
        <source>Apply to Slide</source>
        <translation>Auf Schnitt anwenden</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="115"/>
        <source>Show this run&apos;s attention and consistency maps on the current slide</source>
        <translation>Die Attention- und Konsistenzkarten dieses Laufs auf dem aktuellen Schnitt zeigen</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="116"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="117"/>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="118"/>
        <source>Curves, DeLong&apos;s test, calibration and confusion matrices of 2–6 runs</source>
        <translation>Kurven, DeLong-Test, Kalibrierung und Konfusionsmatrizen von 2–6 Läufen</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="obsolete">%1× {1
%2?}</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="228"/>
        <source>Delete Run</source>
        <translation>Lauf löschen</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="229"/>
        <source>Delete run %1 with its folder (weights, metrics, log)? This cannot be undone.</source>
        <translation>Lauf %1 samt Ordner (Gewichte, Metriken, Protokoll) löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SelectTool</name>
    <message>
        <location filename="../ui/annotations/tools/SelectTool.cpp" line="125"/>
        <source>Move Annotation</source>
        <translation>Annotation verschieben</translation>
    </message>
    <message>
        <location filename="../ui/annotations/tools/SelectTool.cpp" line="125"/>
        <source>Edit Vertex</source>
        <translation>Eckpunkt bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/annotations/tools/SelectTool.cpp" line="158"/>
        <source>Delete Annotations</source>
        <translation>Annotationen löschen</translation>
    </message>
    <message>
        <location filename="../ui/annotations/tools/SelectTool.cpp" line="180"/>
        <source>Duplicate Annotations</source>
        <translation>Annotationen duplizieren</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SlideAnalysis</name>
    <message>
        <source>Attention</source>
        <translation type="vanished">Attention</translation>
    </message>
    <message>
        <source>Reconstruction consistency</source>
        <translation type="vanished">Rekonstruktionskonsistenz</translation>
    </message>
    <message>
        <location filename="../ui/document/SlideAnalysis.cpp" line="35"/>
        <source>Patch grid</source>
        <translation>Patch-Raster</translation>
    </message>
    <message>
        <location filename="../ui/document/SlideAnalysis.cpp" line="39"/>
        <source>Chosen patch</source>
        <translation>Gewählter Patch</translation>
    </message>
    <message>
        <location filename="../ui/document/SlideAnalysis.cpp" line="76"/>
        <source>Unlike the training data (%1): do not rely on this map or the prediction</source>
        <translation>Anders als die Trainingsdaten (%1): Verlassen Sie sich nicht auf diese Karte oder die Vorhersage</translation>
    </message>
    <message>
        <location filename="../ui/document/SlideAnalysis.cpp" line="148"/>
        <source> · evidence %1 (p%2; %3)</source>
        <translation> · Evidenz %1 (p%2; %3)</translation>
    </message>
    <message>
        <location filename="../ui/document/SlideAnalysis.cpp" line="153"/>
        <source> · consistency %1 (p%2; %3)</source>
        <translation> · Konsistenz %1 (p%2; %3)</translation>
    </message>
    <message>
        <location filename="../ui/document/SlideAnalysis.cpp" line="158"/>
        <source> · uncertainty %1 (p%2; %3)</source>
        <translation> · Unsicherheit %1 (p%2; %3)</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation type="vanished">Konsistenz</translation>
    </message>
    <message>
        <location filename="../ui/document/SlideAnalysis.cpp" line="144"/>
        <source>attention %1 (p%2)</source>
        <translation>Attention %1 (p%2)</translation>
    </message>
    <message>
        <source> · consistency %1 (p%2)</source>
        <translation type="vanished"> · Konsistenz %1 (p%2)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SlideDocument</name>
    <message>
        <location filename="../ui/document/SlideDocument.cpp" line="71"/>
        <source>Detecting tissue</source>
        <translation>Gewebe wird erkannt</translation>
    </message>
    <message>
        <location filename="../ui/document/SlideDocument.cpp" line="90"/>
        <source>Tissue mask</source>
        <translation>Gewebemaske</translation>
    </message>
    <message>
        <location filename="../ui/document/SlideDocument.cpp" line="92"/>
        <source>Tissue outline</source>
        <translation>Gewebeumriss</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SlideInfoPanel</name>
    <message>
        <location filename="../ui/SlideInfoPanel.cpp" line="22"/>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <location filename="../ui/SlideInfoPanel.cpp" line="22"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/SlideInfoPanel.cpp" line="51"/>
        <source>No slide open</source>
        <translation>Kein Schnitt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/SlideInfoPanel.cpp" line="56"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 × %3 px, %4, %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 × %3 px, %4, %5</translation>
    </message>
    <message>
        <location filename="../ui/SlideInfoPanel.cpp" line="60"/>
        <source>1 level</source>
        <translation>1 Ebene</translation>
    </message>
    <message>
        <location filename="../ui/SlideInfoPanel.cpp" line="60"/>
        <source>%1 levels</source>
        <translation>%1 Ebenen</translation>
    </message>
    <message>
        <location filename="../ui/SlideInfoPanel.cpp" line="63"/>
        <source>&lt;br&gt;%1 µm/px (%2 × %3 mm)</source>
        <translation>&lt;br&gt;%1 µm/px (%2 × %3 mm)</translation>
    </message>
    <message>
        <location filename="../ui/SlideInfoPanel.cpp" line="68"/>
        <source>&lt;br&gt;Objective %1×%2</source>
        <translation>&lt;br&gt;Objektiv %1×%2</translation>
    </message>
    <message>
        <location filename="../ui/SlideInfoPanel.cpp" line="70"/>
        <source> (estimated)</source>
        <translation> (geschätzt)</translation>
    </message>
    <message>
        <location filename="../ui/SlideInfoPanel.cpp" line="72"/>
        <source>&lt;br&gt;Read by Tessera&apos;s TIFF reader</source>
        <translation>&lt;br&gt;Gelesen mit Tesseras TIFF-Leser</translation>
    </message>
    <message>
        <location filename="../ui/SlideInfoPanel.cpp" line="73"/>
        <source>&lt;br&gt;Read by OpenSlide</source>
        <translation>&lt;br&gt;Gelesen mit OpenSlide</translation>
    </message>
    <message>
        <location filename="../ui/SlideInfoPanel.cpp" line="106"/>
        <source>Reading label and macro images</source>
        <translation>Etikett- und Makrobilder werden gelesen</translation>
    </message>
    <message>
        <location filename="../ui/SlideInfoPanel.cpp" line="122"/>
        <source>%1: unreadable</source>
        <translation>%1: nicht lesbar</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SlideTableModel</name>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="40"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="44"/>
        <source>⚠ unlike in %1 of %2</source>
        <translation>⚠ anders in %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="47"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="47"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="54"/>
        <source>%1 of this slide&apos;s %2 predictions were made by runs whose training slides it is unlike: do not rely on them (the Analysis dock and the report say why)</source>
        <translation>%1 der %2 Vorhersagen dieses Schnitts stammen von Läufen, deren Trainingsschnitten er nicht ähnelt: Verlassen Sie sich nicht darauf (das Analyse-Fenster und der Bericht sagen, warum)</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="59"/>
        <source>No prediction of this slide was flagged as unlike its run&apos;s training data</source>
        <translation>Keine Vorhersage dieses Schnitts wurde als anders als die Trainingsdaten ihres Laufs markiert</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="62"/>
        <source>%1 is not there (moved, deleted or not mounted): add it again from its new place</source>
        <translation>%1 ist nicht da (verschoben, gelöscht oder nicht eingehängt): fügen Sie die Datei von ihrem neuen Ort erneut hinzu</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="76"/>
        <source>Slide</source>
        <translation>Schnitt</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="78"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="80"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="82"/>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="84"/>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="86"/>
        <source>Training data</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="88"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SlideTabs</name>
    <message>
        <location filename="../ui/workspace/SlideTabs.cpp" line="21"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../ui/workspace/SlideTabs.cpp" line="55"/>
        <source>Opening %1</source>
        <translation>%1 wird geöffnet</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SlideView</name>
    <message>
        <location filename="../ui/viewer/SlideView.cpp" line="223"/>
        <source>Open a slide (Ctrl+O) or drop one here</source>
        <translation>Schnitt öffnen (Strg+O) oder hierher ziehen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SplitPane</name>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="44"/>
        <source>View %1</source>
        <translation>Ansicht %1</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="46"/>
        <source>View %1 · %2</source>
        <translation>Ansicht %1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="52"/>
        <source>The run whose maps this view shows (runs that have predicted this slide)</source>
        <translation>Der Lauf, dessen Karten diese Ansicht zeigt (Läufe, die diesen Schnitt vorhergesagt haben)</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="55"/>
        <source>no stored results</source>
        <translation>keine gespeicherten Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="62"/>
        <source>− View 1</source>
        <translation>− Ansicht 1</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="64"/>
        <source>Show where View 1 and this view disagree: View 1 minus this view, in percentile points of the chosen map</source>
        <translation>Zeigt, wo Ansicht 1 und diese Ansicht sich unterscheiden: Ansicht 1 minus diese Ansicht, in Perzentilpunkten der gewählten Karte</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="69"/>
        <location filename="../ui/split/SplitPane.cpp" line="79"/>
        <source>Linked</source>
        <translation>Verknüpft</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="72"/>
        <source>Follow the other views&apos; pan, zoom and pointer</source>
        <translation>Verschieben, Zoom und Zeiger der anderen Ansichten folgen</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="79"/>
        <source>Unlinked</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="223"/>
        <location filename="../ui/split/SplitPane.cpp" line="243"/>
        <source>%1 has no map of %2</source>
        <translation>%1 hat keine Karte „%2“</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="232"/>
        <source>A difference needs both views on the same slide; these show two slides</source>
        <translation>Eine Differenz braucht beide Ansichten auf demselben Schnitt; diese zeigen zwei Schnitte</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="237"/>
        <source>Both views need a run for a difference</source>
        <translation>Für eine Differenz brauchen beide Ansichten einen Lauf</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="251"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="255"/>
        <source>View 1 (%1)</source>
        <translation>Ansicht 1 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitPane.cpp" line="256"/>
        <source>View %1 (%2)</source>
        <translation>Ansicht %1 (%2)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SplitWorkbench</name>
    <message>
        <location filename="../ui/split/SplitWorkbench.cpp" line="49"/>
        <source>&amp;One View</source>
        <translation>&amp;Eine Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitWorkbench.cpp" line="49"/>
        <source>&amp;Two Views</source>
        <translation>&amp;Zwei Ansichten</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitWorkbench.cpp" line="49"/>
        <source>&amp;Four Views</source>
        <translation>&amp;Vier Ansichten</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitWorkbench.cpp" line="49"/>
        <source>S&amp;wipe Two Runs</source>
        <translation>Zwei Läufe &amp;wischen</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitWorkbench.cpp" line="59"/>
        <source>&amp;Beside Another Slide…</source>
        <translation>&amp;Neben einem anderen Schnitt…</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitWorkbench.cpp" line="63"/>
        <source>Slide to show beside this one</source>
        <translation>Schnitt, der neben diesem gezeigt wird</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitWorkbench.cpp" line="68"/>
        <source>&amp;Register Slides…</source>
        <translation>Schnitte &amp;registrieren…</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitWorkbench.cpp" line="97"/>
        <source>&amp;Split</source>
        <translation>&amp;Teilen</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitWorkbench.cpp" line="110"/>
        <source>Open a slide first, then split its view.</source>
        <translation>Öffnen Sie zuerst einen Schnitt, dann teilen Sie seine Ansicht.</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitWorkbench.cpp" line="174"/>
        <source>Listing stored results</source>
        <translation>Gespeicherte Ergebnisse werden aufgelistet</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitWorkbench.cpp" line="194"/>
        <source>%1 (%2), %3</source>
        <translation>%1 (%2), %3</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitWorkbench.cpp" line="227"/>
        <source>Open a slide first, then the slide to show beside it.</source>
        <translation>Öffnen Sie zuerst einen Schnitt, dann den Schnitt, der daneben gezeigt wird.</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitWorkbench.cpp" line="232"/>
        <source>Opening %1</source>
        <translation>%1 wird geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/split/SplitWorkbench.cpp" line="279"/>
        <source>Show another slide beside this one first (View ▸ Split ▸ Beside Another Slide…).</source>
        <translation>Zeigen Sie zuerst einen anderen Schnitt neben diesem (Ansicht ▸ Teilen ▸ Neben einem anderen Schnitt…).</translation>
    </message>
</context>
<context>
    <name>tessera::ui::StoredResults</name>
    <message>
        <location filename="../ui/analysis/StoredResults.cpp" line="54"/>
        <source>Listing stored results</source>
        <translation>Gespeicherte Ergebnisse werden aufgelistet</translation>
    </message>
    <message>
        <location filename="../ui/analysis/StoredResults.cpp" line="107"/>
        <source>%1 (%2), %3</source>
        <translation>%1 (%2), %3</translation>
    </message>
    <message>
        <location filename="../ui/analysis/StoredResults.cpp" line="111"/>
        <source>, val. AUC %1</source>
        <translation>, Val.-AUC %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SwipeStage</name>
    <message>
        <location filename="../ui/workspace/SplitView.cpp" line="213"/>
        <source>Drag to swipe between the two runs</source>
        <translation>Ziehen, um zwischen den beiden Läufen zu wischen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TrainingDialog</name>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="50"/>
        <source>Train a Model</source>
        <translation>Ein Modell trainieren</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="58"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>SR-MIL: spatially regularized MIL (GAT encoder, supernode classifier, masked reconstruction). ABMIL and TransMIL are the baselines to compare with.</source>
        <translation type="vanished">SR-MIL: räumlich regularisiertes MIL (GAT-Encoder, Superknoten-Klassifikator, maskierte Rekonstruktion). ABMIL und TransMIL sind die Vergleichsmodelle.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="65"/>
        <source>Run name</source>
        <translation>Name des Laufs</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="65"/>
        <source>The run&apos;s folder under runs/</source>
        <translation>Der Ordner des Laufs unter runs/</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="vanished">Epochen</translation>
    </message>
    <message>
        <source>Passes over the training slides. SR-MIL stays near chance for its first ~15 epochs.</source>
        <translation type="vanished">Durchgänge über die Trainingsschnitte. SR-MIL bleibt in den ersten ~15 Epochen nahe am Zufall.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="vanished">Lernrate</translation>
    </message>
    <message>
        <source>Peak AdamW learning rate (paper: 5e-4), cosine schedule</source>
        <translation type="vanished">Höchste AdamW-Lernrate (Artikel: 5e-4), Kosinus-Verlauf</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="vanished">Gewichtsabnahme</translation>
    </message>
    <message>
        <source>AdamW weight decay (paper: 1e-5)</source>
        <translation type="vanished">AdamW-Gewichtsabnahme (Artikel: 1e-5)</translation>
    </message>
    <message>
        <source>Warm-up epochs</source>
        <translation type="vanished">Aufwärmepochen</translation>
    </message>
    <message>
        <source>Linear warm-up before the cosine</source>
        <translation type="vanished">Lineares Aufwärmen vor dem Kosinus</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation type="vanished">Frühes Anhalten</translation>
    </message>
    <message>
        <source>Stop after this many epochs without a better validation score (0 = never)</source>
        <translation type="vanished">Nach so vielen Epochen ohne besseren Validierungswert anhalten (0 = nie)</translation>
    </message>
    <message>
        <source>Select after</source>
        <translation type="vanished">Auswahl ab</translation>
    </message>
    <message>
        <source>Choose the best epoch only after this fraction of the epochs (paper: 0.6)</source>
        <translation type="vanished">Die beste Epoche erst nach diesem Anteil der Epochen wählen (Artikel: 0,6)</translation>
    </message>
    <message>
        <source>Reconstruction weight</source>
        <translation type="vanished">Rekonstruktionsgewicht</translation>
    </message>
    <message>
        <source>SR-MIL&apos;s w_gen in [0, 2]: weight of the label-independent reconstruction (paper: 1.8)</source>
        <translation type="vanished">w_gen von SR-MIL in [0, 2]: Gewicht der label-unabhängigen Rekonstruktion (Artikel: 1,8)</translation>
    </message>
    <message>
        <source>Full-graph CE weight</source>
        <translation type="vanished">CE-Gewicht des vollen Graphen</translation>
    </message>
    <message>
        <source>SR-MIL&apos;s w_ce in [0, 2]: full graph vs masked graph classification</source>
        <translation type="vanished">w_ce von SR-MIL in [0, 2]: Klassifikation auf dem vollen gegenüber dem maskierten Graphen</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="vanished">Startwert</translation>
    </message>
    <message>
        <source>The same seed gives the same run</source>
        <translation type="vanished">Derselbe Startwert ergibt denselben Lauf</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="72"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="76"/>
        <source>%1 (%2, %3 slides)</source>
        <translation>%1 (%2, %3 Schnitte)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="77"/>
        <source>Extract first…</source>
        <translation>Zuerst extrahieren…</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="79"/>
        <source>handcrafted (no weights)</source>
        <translation>handgefertigt (ohne Gewichte)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="80"/>
        <source>TorchScript encoder (.pt)…</source>
        <translation>TorchScript-Encoder (.pt)…</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="84"/>
        <source>k-fold cross-validation</source>
        <translation>k-fache Kreuzvalidierung</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="88"/>
        <source>(train from scratch)</source>
        <translation>(von Grund auf trainieren)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="92"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="93"/>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="94"/>
        <source>A feature set of the project, or extract features of every slide first</source>
        <translation>Ein Merkmalssatz des Projekts, oder zuerst die Merkmale aller Schnitte extrahieren</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="95"/>
        <source>Extractor</source>
        <translation>Extraktor</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="96"/>
        <source>For &quot;Extract first&quot;: the handcrafted statistics, or any TorchScript image encoder</source>
        <translation>Für „Zuerst extrahieren“: die handgefertigten Statistiken oder ein beliebiger TorchScript-Bildencoder</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="97"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="98"/>
        <source>A train/val/test split of the project, or k folds</source>
        <translation>Eine Aufteilung des Projekts in Training/Validierung/Test, oder k Teile</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="99"/>
        <source>Folds</source>
        <translation>Teile</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="100"/>
        <source>k for k-fold cross-validation (one run per fold)</source>
        <translation>k für die k-fache Kreuzvalidierung (ein Lauf je Teil)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="325"/>
        <source> Range: %1.</source>
        <translation> Bereich: %1.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="342"/>
        <source>Looking for GPUs…</source>
        <translation>Suche nach GPUs…</translation>
    </message>
    <message>
        <source>Fine-tune from</source>
        <translation type="vanished">Feinabstimmen ab</translation>
    </message>
    <message>
        <source>Start from another run&apos;s best weights: same model, classes and feature dimension</source>
        <translation type="vanished">Von den besten Gewichten eines anderen Laufs ausgehen: gleiches Modell, gleiche Klassen und Merkmalsdimension</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="106"/>
        <source>Compute</source>
        <translation>Rechnen</translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="vanished">Gerät</translation>
    </message>
    <message>
        <source>One job runs per device; others wait in the queue</source>
        <translation type="vanished">Je Gerät läuft ein Auftrag; weitere warten in der Warteschlange</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="vanished">Genauigkeit</translation>
    </message>
    <message>
        <source>auto: bf16 mixed precision on CUDA, fp32 on the CPU</source>
        <translation type="vanished">auto: bf16-Mischgenauigkeit auf CUDA, fp32 auf der CPU</translation>
    </message>
    <message>
        <source>CPU threads</source>
        <translation type="vanished">CPU-Threads</translation>
    </message>
    <message>
        <source>0 = all cores</source>
        <translation type="vanished">0 = alle Kerne</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="115"/>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="116"/>
        <source>Data-parallel workers, one per GPU</source>
        <translation>Datenparallele Arbeitsprozesse, einer je GPU</translation>
    </message>
    <message>
        <source>Slides per step</source>
        <translation type="vanished">Schnitte je Schritt</translation>
    </message>
    <message>
        <source>Slides averaged into one optimizer step (1 = as published)</source>
        <translation type="vanished">Schnitte, die in einen Optimiererschritt gemittelt werden (1 = wie veröffentlicht)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="126"/>
        <source>Cluster Command…</source>
        <translation>Cluster-Befehl…</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="135"/>
        <source>Train on a Cluster</source>
        <translation>Auf einem Cluster trainieren</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="141"/>
        <source>GPUs per node</source>
        <translation>GPUs je Knoten</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="144"/>
        <source>(this machine has none: set the cluster node&apos;s)</source>
        <translation>(dieser Rechner hat keine: die des Cluster-Knotens eintragen)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="151"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="169"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="225"/>
        <source>TorchScript Encoder</source>
        <translation>TorchScript-Encoder</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="226"/>
        <source>TorchScript (*.pt *.pth);;All files (*)</source>
        <translation>TorchScript (*.pt *.pth);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ViewNavigation</name>
    <message>
        <location filename="../ui/workspace/ViewNavigation.cpp" line="30"/>
        <location filename="../ui/workspace/ViewNavigation.cpp" line="31"/>
        <source>Magnification</source>
        <translation>Vergrößerung</translation>
    </message>
    <message>
        <location filename="../ui/workspace/ViewNavigation.cpp" line="41"/>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../ui/workspace/ViewNavigation.cpp" line="50"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../ui/workspace/ViewNavigation.cpp" line="51"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/workspace/ViewNavigation.cpp" line="66"/>
        <source>A tile could not be read: %1</source>
        <translation>Eine Kachel konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/workspace/ViewNavigation.cpp" line="70"/>
        <source>Tissue covers %1 % of the slide (saturation threshold %2)</source>
        <translation>Gewebe bedeckt %1 % des Schnitts (Sättigungsschwelle %2)</translation>
    </message>
    <message>
        <location filename="../ui/workspace/ViewNavigation.cpp" line="96"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
</context>
</TS>
