<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="50"/>
        <source>Whole-slide images (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif);;All files (*)</source>
        <translation>Ganzschnittbilder (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="34"/>
        <source>give the run a name</source>
        <translation>geben Sie dem Lauf einen Namen</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="36"/>
        <source>use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; only (it names a folder)</source>
        <translation>nur Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos; verwenden (er benennt einen Ordner)</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="38"/>
        <source>a run named &apos;%1&apos; exists already</source>
        <translation>ein Lauf namens &apos;%1&apos; existiert bereits</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="44"/>
        <source>the project has no feature set &apos;%1&apos;</source>
        <translation>das Projekt hat keinen Merkmalssatz &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="46"/>
        <source>feature set &apos;%1&apos; has no slides yet</source>
        <translation>der Merkmalssatz &apos;%1&apos; hat noch keine Schnitte</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="53"/>
        <source>choose &apos;handcrafted&apos; or a TorchScript file (.pt) that exists</source>
        <translation>wählen Sie &apos;handcrafted&apos; oder eine vorhandene TorchScript-Datei (.pt)</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="55"/>
        <source>the patch size must be at least 16 px and the magnification positive</source>
        <translation>die Patchgröße muss mindestens 16 px und die Vergrößerung positiv sein</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="62"/>
        <source>label at least two classes of slides first (%1)</source>
        <translation>versehen Sie zuerst Schnitte aus mindestens zwei Klassen mit Labels (%1)</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="66"/>
        <source>k-fold cross-validation needs at least 3 folds</source>
        <translation>die k-fache Kreuzvalidierung braucht mindestens 3 Teile</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="68"/>
        <source>the project has no split &apos;%1&apos;: import one, or choose k folds</source>
        <translation>das Projekt hat keine Aufteilung &apos;%1&apos;: importieren Sie eine oder wählen Sie k Teile</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="74"/>
        <source>the project has no run &apos;%1&apos;</source>
        <translation>das Projekt hat keinen Lauf &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="80"/>
        <source>run &apos;%1&apos; has no trained weights yet</source>
        <translation>Lauf &apos;%1&apos; hat noch keine trainierten Gewichte</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="82"/>
        <source>run &apos;%1&apos; is a %2 model; fine-tune it as %2</source>
        <translation>Lauf &apos;%1&apos; ist ein %2-Modell; stimmen Sie ihn als %2 fein ab</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="85"/>
        <source>run &apos;%1&apos; knows the classes %2, the project&apos;s labels are %3</source>
        <translation>Lauf &apos;%1&apos; kennt die Klassen %2, die Labels des Projekts sind %3</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="89"/>
        <source>run &apos;%1&apos; was trained on %2-dimensional features, &apos;%3&apos; has %4</source>
        <translation>Lauf &apos;%1&apos; wurde auf %2-dimensionalen Merkmalen trainiert, &apos;%3&apos; hat %4</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="104"/>
        <source>there is no device &apos;%1&apos; on this machine</source>
        <translation>auf diesem Rechner gibt es kein Gerät &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="120"/>
        <source>Extract features for %1</source>
        <translation>Merkmale für %1 extrahieren</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="148"/>
        <source>Train %1 (%2)</source>
        <translation>%1 trainieren (%2)</translation>
    </message>
    <message>
        <location filename="../core/project/TrainingPlan.cpp" line="149"/>
        <source>Fine-tune %1 from %2 (%3)</source>
        <translation>%1 ab %2 feinabstimmen (%3)</translation>
    </message>
</context>
<context>
    <name>RunRegistry</name>
    <message>
        <location filename="../core/project/RunRegistry.cpp" line="63"/>
        <source>the job&apos;s process ended without reporting why (killed, out of memory or crashed)</source>
        <translation>der Prozess des Auftrags endete ohne Begründung (beendet, kein Speicher mehr oder abgestürzt)</translation>
    </message>
    <message>
        <location filename="../core/project/RunRegistry.cpp" line="336"/>
        <source>registered from its folder before it finished</source>
        <translation>aus seinem Ordner übernommen, bevor er fertig war</translation>
    </message>
</context>
<context>
    <name>tessera::core::JobQueue</name>
    <message>
        <location filename="../core/project/JobQueue.cpp" line="78"/>
        <source>taken out of the queue</source>
        <translation>aus der Warteschlange genommen</translation>
    </message>
    <message>
        <location filename="../core/project/JobQueue.cpp" line="142"/>
        <source>; it last said: %1</source>
        <translation>; zuletzt meldete er: %1</translation>
    </message>
    <message>
        <location filename="../core/project/JobQueue.cpp" line="175"/>
        <source>the job it waited for (%1) did not finish</source>
        <translation>der Auftrag, auf den er wartete (%1), wurde nicht fertig</translation>
    </message>
    <message>
        <location filename="../core/project/JobQueue.cpp" line="204"/>
        <source>%1 could not be started (%2)</source>
        <translation>%1 konnte nicht gestartet werden (%2)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AnalysisController</name>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="41"/>
        <source>Extracting features: %1 of %2 patches</source>
        <translation>Merkmale werden extrahiert: %1 von %2 Patches</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="45"/>
        <source>Running the model…</source>
        <translation>Das Modell läuft…</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="55"/>
        <source>%1 does not belong to this slide: patch (%2, %3) lies outside its %4 × %5 pixels.</source>
        <translation>%1 gehört nicht zu diesem Schnitt: Patch (%2, %3) liegt außerhalb seiner %4 × %5 Pixel.</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="63"/>
        <source>%1 has no patch size and a single patch: nothing to draw.</source>
        <translation>%1 hat keine Patchgröße und nur einen Patch: nichts zu zeichnen.</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="91"/>
        <source>Open a slide first, then run a model on it.</source>
        <translation>Öffnen Sie zuerst einen Schnitt und wenden Sie dann ein Modell darauf an.</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="111"/>
        <source>Preparing %1…</source>
        <translation>%1 wird vorbereitet…</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="125"/>
        <source>The slide was closed before its results were ready.</source>
        <translation>Der Schnitt wurde geschlossen, bevor seine Ergebnisse fertig waren.</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="139"/>
        <source>The model failed on %1: %2</source>
        <translation>Das Modell ist an %1 gescheitert: %2</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisController.cpp" line="148"/>
        <source>Open a slide first, then its results.</source>
        <translation>Öffnen Sie zuerst einen Schnitt, dann seine Ergebnisse.</translation>
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
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="77"/>
        <source>Layers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="79"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="80"/>
        <source>Reconstruction consistency</source>
        <translation>Rekonstruktionskonsistenz</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="81"/>
        <source>Tissue mask</source>
        <translation>Gewebemaske</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="82"/>
        <source>Patch grid</source>
        <translation>Patch-Raster</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="100"/>
        <source>Heatmap display</source>
        <translation>Heatmap-Darstellung</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="106"/>
        <source>Percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="107"/>
        <source>Raw (min–max)</source>
        <translation>Rohwerte (Min–Max)</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="127"/>
        <source>Smooth between patches</source>
        <translation>Zwischen Patches glätten</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="128"/>
        <source>Colour map</source>
        <translation>Farbskala</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="129"/>
        <source>Scale</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="130"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="131"/>
        <source>Hide below</source>
        <translation>Ausblenden unter</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="143"/>
        <source>Highest attention</source>
        <translation>Höchste Attention</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="144"/>
        <source>Lowest consistency</source>
        <translation>Niedrigste Konsistenz</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="220"/>
        <source>No model results for this slide. Use Analysis ▸ Run Model on Slide… or Analysis ▸ Open Results…</source>
        <translation>Keine Modellergebnisse für diesen Schnitt. Analyse ▸ Modell auf Schnitt anwenden… oder Analyse ▸ Ergebnisse öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="225"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2), %3 patches</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2), %3 Patches</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="228"/>
        <source>Run: %1
Results: %2</source>
        <translation>Lauf: %1
Ergebnisse: %2</translation>
    </message>
</context>
<context>
    <name>tessera::ui::JobMonitor</name>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="28"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="30"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="31"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="32"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="69"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="82"/>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="82"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="82"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="93"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="93"/>
        <location filename="../ui/jobs/JobMonitor.cpp" line="94"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="94"/>
        <source>Loss terms</source>
        <translation>Verlustterme</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="95"/>
        <source>Validation AUC</source>
        <translation>Validierungs-AUC</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="95"/>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="96"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="96"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="106"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="107"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="108"/>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="109"/>
        <source>Stop the job at its next safe point (a finished epoch); resume it later</source>
        <translation>Den Auftrag am nächsten sicheren Punkt (einer beendeten Epoche) anhalten; später fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="110"/>
        <source>Run the job again: training continues from its last checkpoint</source>
        <translation>Den Auftrag erneut starten: das Training setzt am letzten Prüfpunkt fort</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="201"/>
        <source>%1 — %2%3</source>
        <translation>%1 — %2%3</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="220"/>
        <source>epoch %1 of %2 — %3 left</source>
        <translation>Epoche %1 von %2 — noch %3</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="223"/>
        <source>%1 of %2 %3 — %4 left</source>
        <translation>%1 von %2 %3 — noch %4</translation>
    </message>
    <message>
        <location filename="../ui/jobs/JobMonitor.cpp" line="226"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
</context>
<context>
    <name>tessera::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="185"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="186"/>
        <source>&amp;Open Slide…</source>
        <translation>Schnitt &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="188"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="191"/>
        <source>&amp;Save View as PNG…</source>
        <translation>Ansicht als PNG &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="193"/>
        <source>&amp;Close Slide</source>
        <translation>Schnitt s&amp;chließen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="196"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="198"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="199"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="202"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="203"/>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="212"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="213"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="215"/>
        <source>Show &amp;Tissue Mask</source>
        <translation>&amp;Gewebemaske anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="219"/>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="220"/>
        <source>&amp;Run Model on Slide…</source>
        <translation>Modell auf Schnitt &amp;anwenden…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="222"/>
        <source>Open &amp;Results…</source>
        <translation>&amp;Ergebnisse öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="224"/>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="230"/>
        <source>Add &amp;Slides…</source>
        <translation>&amp;Schnitte hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="231"/>
        <source>Add Slides</source>
        <translation>Schnitte hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="236"/>
        <source>Add &amp;Folder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="237"/>
        <source>Add a Folder of Slides</source>
        <translation>Einen Ordner mit Schnitten hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="243"/>
        <source>&amp;Import Labels…</source>
        <translation>Labels &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="244"/>
        <source>Import Labels (CLAM CSV)</source>
        <translation>Labels importieren (CLAM-CSV)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="245"/>
        <location filename="../ui/MainWindow.cpp" line="252"/>
        <location filename="../ui/MainWindow.cpp" line="258"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="249"/>
        <source>&amp;Export Labels…</source>
        <translation>Labels &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="250"/>
        <source>Export Labels (CLAM CSV)</source>
        <translation>Labels exportieren (CLAM-CSV)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="256"/>
        <source>Import S&amp;plit…</source>
        <translation>Auf&amp;teilung importieren…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="257"/>
        <source>Import a Split (CLAM CSV)</source>
        <translation>Eine Aufteilung importieren (CLAM-CSV)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="263"/>
        <source>&amp;Train Model…</source>
        <translation>Modell &amp;trainieren…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="266"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="267"/>
        <source>&amp;About Tessera</source>
        <translation>&amp;Über Tessera</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="269"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="283"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="284"/>
        <source>New Project: choose an empty folder</source>
        <translation>Neues Projekt: einen leeren Ordner wählen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="288"/>
        <source>Open &amp;Project…</source>
        <translation>&amp;Projekt öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="289"/>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="293"/>
        <source>Close Pro&amp;ject</source>
        <translation>Projekt sch&amp;ließen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="308"/>
        <source>Project %1</source>
        <translation>Projekt %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="320"/>
        <source>Open or create a project first: training works on a project&apos;s slides and labels.</source>
        <translation>Öffnen oder erstellen Sie zuerst ein Projekt: Das Training arbeitet mit den Schnitten und Labels eines Projekts.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="347"/>
        <source>%1 slides added, %2 already in the project, %3 moved, %4 failed</source>
        <translation>%1 Schnitte hinzugefügt, %2 schon im Projekt, %3 verschoben, %4 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="354"/>
        <source>Some slides were not added:
%1</source>
        <translation>Einige Schnitte wurden nicht hinzugefügt:
%1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="359"/>
        <source>%1: %2 applied</source>
        <translation>%1: %2 übernommen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="361"/>
        <source>, %1 slides not in the project (e.g. %2)</source>
        <translation>, %1 Schnitte nicht im Projekt (z. B. %2)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="372"/>
        <source>Jobs Are Running</source>
        <translation>Aufträge laufen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="373"/>
        <source>%n job(s) of this project are still running.</source>
        <translation>
            <numerusform>%n Auftrag dieses Projekts läuft noch.</numerusform>
            <numerusform>%n Aufträge dieses Projekts laufen noch.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="375"/>
        <source>They run on their own: keep them running and see them again when you reopen the project, or stop them (training stops after its current epoch and can be resumed).</source>
        <translation>Sie laufen selbstständig: Lassen Sie sie weiterlaufen und sehen Sie sie beim nächsten Öffnen des Projekts wieder, oder halten Sie sie an (das Training hält nach der laufenden Epoche an und kann fortgesetzt werden).</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="377"/>
        <source>Keep Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="378"/>
        <source>Stop Jobs</source>
        <translation>Aufträge anhalten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="442"/>
        <source>x %1, y %2 px</source>
        <translation>x %1, y %2 px</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="444"/>
        <source>  (%1, %2 µm)</source>
        <translation>  (%1, %2 µm)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="396"/>
        <source>A tile could not be read: %1</source>
        <translation>Eine Kachel konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="479"/>
        <source>%1 — Tessera</source>
        <translation>%1 — Tessera</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="490"/>
        <source>Detecting tissue…</source>
        <translation>Gewebe wird erkannt…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="400"/>
        <source>Tissue covers %1 % of the slide (saturation threshold %2)</source>
        <translation>Gewebe bedeckt %1 % des Schnitts (Sättigungsschwelle %2)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119"/>
        <source>The results were not recorded in the project: %1</source>
        <translation>Die Ergebnisse wurden nicht im Projekt vermerkt: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="154"/>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="157"/>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="160"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="500"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="517"/>
        <source>Open Slide</source>
        <translation>Schnitt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="526"/>
        <source>There is no slide view to save.</source>
        <translation>Es gibt keine Schnittansicht zum Speichern.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="531"/>
        <source>Cannot write %1 (check the folder exists and is writable).</source>
        <translation>%1 kann nicht geschrieben werden (existiert der Ordner und ist er beschreibbar?).</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="540"/>
        <source>Save View as PNG</source>
        <translation>Ansicht als PNG speichern</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="540"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="104"/>
        <source>Results: %1</source>
        <translation>Ergebnisse: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="582"/>
        <source>Choose a Training Run</source>
        <translation>Trainingslauf wählen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="590"/>
        <source>Open Results</source>
        <translation>Ergebnisse öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="590"/>
        <source>Tessera results (*.h5)</source>
        <translation>Tessera-Ergebnisse (*.h5)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="609"/>
        <source>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Whole-slide viewer and spatially regularized MIL.&lt;/p&gt;&lt;table&gt;</source>
        <translation>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Ganzschnitt-Viewer und räumlich regularisiertes MIL.&lt;/p&gt;&lt;table&gt;</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="617"/>
        <source>About Tessera</source>
        <translation>Über Tessera</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="144"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="72"/>
        <location filename="../ui/MainWindow.cpp" line="455"/>
        <location filename="../ui/MainWindow.cpp" line="480"/>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="146"/>
        <source>Slide</source>
        <translation>Schnitt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="149"/>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="93"/>
        <location filename="../ui/MainWindow.cpp" line="94"/>
        <source>Magnification</source>
        <translation>Vergrößerung</translation>
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
        <location filename="../ui/project/ProjectPanel.cpp" line="59"/>
        <source>%1 is missing: it is not at %2</source>
        <translation>%1 fehlt: die Datei liegt nicht unter %2</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectPanel.cpp" line="81"/>
        <source>No project open. File ▸ New Project… or Open Project…</source>
        <translation>Kein Projekt geöffnet. Datei ▸ Neues Projekt… oder Projekt öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectPanel.cpp" line="100"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 slides, %3 labelled%4, %5 runs</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 Schnitte, %3 mit Label%4, %5 Läufe</translation>
    </message>
    <message>
        <location filename="../ui/project/ProjectPanel.cpp" line="104"/>
        <source>, &lt;span style=&apos;color:#b00020&apos;&gt;%1 missing&lt;/span&gt;</source>
        <translation>, &lt;span style=&apos;color:#b00020&apos;&gt;%1 fehlen&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RunsPanel</name>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="42"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="42"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="42"/>
        <source>Parent</source>
        <translation>Vorgänger</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="42"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="42"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="42"/>
        <source>Best</source>
        <translation>Beste</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="43"/>
        <source>Val AUC</source>
        <translation>Val.-AUC</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="43"/>
        <source>Test AUC</source>
        <translation>Test-AUC</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="43"/>
        <source>LR</source>
        <translation>LR</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="43"/>
        <source>w_gen</source>
        <translation>w_gen</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="43"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="52"/>
        <source>Train…</source>
        <translation>Trainieren…</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="53"/>
        <source>Apply to Slide</source>
        <translation>Auf Schnitt anwenden</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="54"/>
        <source>Show this run&apos;s attention and consistency maps on the current slide</source>
        <translation>Die Attention- und Konsistenzkarten dieses Laufs auf dem aktuellen Schnitt zeigen</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="55"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="126"/>
        <source>Delete Run</source>
        <translation>Lauf löschen</translation>
    </message>
    <message>
        <location filename="../ui/project/RunsPanel.cpp" line="127"/>
        <source>Delete run %1 with its folder (weights, metrics, log)? This cannot be undone.</source>
        <translation>Lauf %1 samt Ordner (Gewichte, Metriken, Protokoll) löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SlideAnalysis</name>
    <message>
        <location filename="../ui/analysis/SlideAnalysis.cpp" line="24"/>
        <location filename="../ui/analysis/SlideAnalysis.cpp" line="72"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../ui/analysis/SlideAnalysis.cpp" line="27"/>
        <source>Reconstruction consistency</source>
        <translation>Rekonstruktionskonsistenz</translation>
    </message>
    <message>
        <location filename="../ui/analysis/SlideAnalysis.cpp" line="34"/>
        <source>Patch grid</source>
        <translation>Patch-Raster</translation>
    </message>
    <message>
        <location filename="../ui/analysis/SlideAnalysis.cpp" line="72"/>
        <source>Consistency</source>
        <translation>Konsistenz</translation>
    </message>
    <message>
        <location filename="../ui/analysis/SlideAnalysis.cpp" line="132"/>
        <source>attention %1 (p%2)</source>
        <translation>Attention %1 (p%2)</translation>
    </message>
    <message>
        <location filename="../ui/analysis/SlideAnalysis.cpp" line="136"/>
        <source> · consistency %1 (p%2)</source>
        <translation> · Konsistenz %1 (p%2)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SlideDocument</name>
    <message>
        <location filename="../ui/document/SlideDocument.cpp" line="74"/>
        <source>Tissue mask</source>
        <translation>Gewebemaske</translation>
    </message>
    <message>
        <location filename="../ui/document/SlideDocument.cpp" line="76"/>
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
        <location filename="../ui/SlideInfoPanel.cpp" line="111"/>
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
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="44"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="50"/>
        <source>%1 is not there (moved, deleted or not mounted): add it again from its new place</source>
        <translation>%1 ist nicht da (verschoben, gelöscht oder nicht eingehängt): fügen Sie die Datei von ihrem neuen Ort erneut hinzu</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="64"/>
        <source>Slide</source>
        <translation>Schnitt</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="66"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="68"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="70"/>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="72"/>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <location filename="../ui/project/SlideTableModel.cpp" line="74"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SlideTabs</name>
    <message>
        <location filename="../ui/workspace/SlideTabs.cpp" line="27"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SlideView</name>
    <message>
        <location filename="../ui/viewer/SlideView.cpp" line="167"/>
        <source>Open a slide (Ctrl+O) or drop one here</source>
        <translation>Schnitt öffnen (Strg+O) oder hierher ziehen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TrainingDialog</name>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="45"/>
        <source>Train a Model</source>
        <translation>Ein Modell trainieren</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="48"/>
        <location filename="../ui/training/TrainingDialog.cpp" line="63"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="64"/>
        <source>SR-MIL: spatially regularized MIL (GAT encoder, supernode classifier, masked reconstruction). ABMIL and TransMIL are the baselines to compare with.</source>
        <translation>SR-MIL: räumlich regularisiertes MIL (GAT-Encoder, Superknoten-Klassifikator, maskierte Rekonstruktion). ABMIL und TransMIL sind die Vergleichsmodelle.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="66"/>
        <source>Run name</source>
        <translation>Name des Laufs</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="66"/>
        <source>The run&apos;s folder under runs/</source>
        <translation>Der Ordner des Laufs unter runs/</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="67"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="68"/>
        <source>Passes over the training slides. SR-MIL stays near chance for its first ~15 epochs.</source>
        <translation>Durchgänge über die Trainingsschnitte. SR-MIL bleibt in den ersten ~15 Epochen nahe am Zufall.</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="69"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="69"/>
        <source>Peak AdamW learning rate (paper: 5e-4), cosine schedule</source>
        <translation>Höchste AdamW-Lernrate (Artikel: 5e-4), Kosinus-Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="70"/>
        <source>Weight decay</source>
        <translation>Gewichtsabnahme</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="70"/>
        <source>AdamW weight decay (paper: 1e-5)</source>
        <translation>AdamW-Gewichtsabnahme (Artikel: 1e-5)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="71"/>
        <source>Warm-up epochs</source>
        <translation>Aufwärmepochen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="71"/>
        <source>Linear warm-up before the cosine</source>
        <translation>Lineares Aufwärmen vor dem Kosinus</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="72"/>
        <source>Early stopping</source>
        <translation>Frühes Anhalten</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="73"/>
        <source>Stop after this many epochs without a better validation score (0 = never)</source>
        <translation>Nach so vielen Epochen ohne besseren Validierungswert anhalten (0 = nie)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="74"/>
        <source>Select after</source>
        <translation>Auswahl ab</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="75"/>
        <source>Choose the best epoch only after this fraction of the epochs (paper: 0.6)</source>
        <translation>Die beste Epoche erst nach diesem Anteil der Epochen wählen (Artikel: 0,6)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="76"/>
        <source>Reconstruction weight</source>
        <translation>Rekonstruktionsgewicht</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="77"/>
        <source>SR-MIL&apos;s w_gen in [0, 2]: weight of the label-independent reconstruction (paper: 1.8)</source>
        <translation>w_gen von SR-MIL in [0, 2]: Gewicht der label-unabhängigen Rekonstruktion (Artikel: 1,8)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="78"/>
        <source>Full-graph CE weight</source>
        <translation>CE-Gewicht des vollen Graphen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="79"/>
        <source>SR-MIL&apos;s w_ce in [0, 2]: full graph vs masked graph classification</source>
        <translation>w_ce von SR-MIL in [0, 2]: Klassifikation auf dem vollen gegenüber dem maskierten Graphen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="80"/>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="80"/>
        <source>The same seed gives the same run</source>
        <translation>Derselbe Startwert ergibt denselben Lauf</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="83"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="87"/>
        <source>%1 (%2, %3 slides)</source>
        <translation>%1 (%2, %3 Schnitte)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="88"/>
        <source>Extract first…</source>
        <translation>Zuerst extrahieren…</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="90"/>
        <source>handcrafted (no weights)</source>
        <translation>handgefertigt (ohne Gewichte)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="91"/>
        <source>TorchScript encoder (.pt)…</source>
        <translation>TorchScript-Encoder (.pt)…</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="95"/>
        <source>k-fold cross-validation</source>
        <translation>k-fache Kreuzvalidierung</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="99"/>
        <source>(train from scratch)</source>
        <translation>(von Grund auf trainieren)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="102"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="103"/>
        <source>Features</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="104"/>
        <source>A feature set of the project, or extract features of every slide first</source>
        <translation>Ein Merkmalssatz des Projekts, oder zuerst die Merkmale aller Schnitte extrahieren</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="105"/>
        <source>Extractor</source>
        <translation>Extraktor</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="106"/>
        <source>For &quot;Extract first&quot;: the handcrafted statistics, or any TorchScript image encoder</source>
        <translation>Für „Zuerst extrahieren“: die handgefertigten Statistiken oder ein beliebiger TorchScript-Bildencoder</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="107"/>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="107"/>
        <source>A train/val/test split of the project, or k folds</source>
        <translation>Eine Aufteilung des Projekts in Training/Validierung/Test, oder k Teile</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="108"/>
        <source>Folds</source>
        <translation>Teile</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="108"/>
        <source>k for k-fold cross-validation (one run per fold)</source>
        <translation>k für die k-fache Kreuzvalidierung (ein Lauf je Teil)</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="109"/>
        <source>Fine-tune from</source>
        <translation>Feinabstimmen ab</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="110"/>
        <source>Start from another run&apos;s best weights: same model, classes and feature dimension</source>
        <translation>Von den besten Gewichten eines anderen Laufs ausgehen: gleiches Modell, gleiche Klassen und Merkmalsdimension</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="115"/>
        <source>Compute</source>
        <translation>Rechnen</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="124"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="124"/>
        <source>One job runs per device; others wait in the queue</source>
        <translation>Je Gerät läuft ein Auftrag; weitere warten in der Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="125"/>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="126"/>
        <source>auto: bf16 mixed precision on CUDA, fp32 on the CPU</source>
        <translation>auto: bf16-Mischgenauigkeit auf CUDA, fp32 auf der CPU</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="127"/>
        <source>CPU threads</source>
        <translation>CPU-Threads</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="127"/>
        <source>0 = all cores</source>
        <translation>0 = alle Kerne</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="135"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="161"/>
        <source>TorchScript Encoder</source>
        <translation>TorchScript-Encoder</translation>
    </message>
    <message>
        <location filename="../ui/training/TrainingDialog.cpp" line="162"/>
        <source>TorchScript (*.pt *.pth);;All files (*)</source>
        <translation>TorchScript (*.pt *.pth);;Alle Dateien (*)</translation>
    </message>
</context>
</TS>
