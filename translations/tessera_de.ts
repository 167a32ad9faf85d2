<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="52"/>
        <source>Whole-slide images (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif);;All files (*)</source>
        <translation>Ganzschnittbilder (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AnalysisPanel</name>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="62"/>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="73"/>
        <source>Layers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="75"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="76"/>
        <source>Reconstruction consistency</source>
        <translation>Rekonstruktionskonsistenz</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="77"/>
        <source>Tissue mask</source>
        <translation>Gewebemaske</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="78"/>
        <source>Patch grid</source>
        <translation>Patch-Raster</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="96"/>
        <source>Heatmap display</source>
        <translation>Heatmap-Darstellung</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="102"/>
        <source>Percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="103"/>
        <source>Raw (min–max)</source>
        <translation>Rohwerte (Min–Max)</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="123"/>
        <source>Smooth between patches</source>
        <translation>Zwischen Patches glätten</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="124"/>
        <source>Colour map</source>
        <translation>Farbskala</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="125"/>
        <source>Scale</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="126"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="127"/>
        <source>Hide below</source>
        <translation>Ausblenden unter</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="139"/>
        <source>Highest attention</source>
        <translation>Höchste Attention</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="140"/>
        <source>Lowest consistency</source>
        <translation>Niedrigste Konsistenz</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="225"/>
        <source>No model results for this slide. Use Analysis ▸ Run Model on Slide… or Analysis ▸ Open Results…</source>
        <translation>Keine Modellergebnisse für diesen Schnitt. Analyse ▸ Modell auf Schnitt anwenden… oder Analyse ▸ Ergebnisse öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="230"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2), %3 patches</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2), %3 Patches</translation>
    </message>
    <message>
        <location filename="../ui/analysis/AnalysisPanel.cpp" line="233"/>
        <source>Run: %1
Results: %2</source>
        <translation>Lauf: %1
Ergebnisse: %2</translation>
    </message>
</context>
<context>
    <name>tessera::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="117"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="118"/>
        <source>&amp;Open Slide…</source>
        <translation>Schnitt &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="120"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="122"/>
        <source>&amp;Save View as PNG…</source>
        <translation>Ansicht als PNG &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124"/>
        <source>&amp;Close Slide</source>
        <translation>Schnitt s&amp;chließen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="127"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="129"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="130"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="133"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="134"/>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="139"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="145"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="153"/>
        <source>Show &amp;Tissue Mask</source>
        <translation>&amp;Gewebemaske anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="157"/>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="158"/>
        <source>&amp;Run Model on Slide…</source>
        <translation>Modell auf Schnitt &amp;anwenden…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="160"/>
        <source>Open &amp;Results…</source>
        <translation>&amp;Ergebnisse öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="162"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="163"/>
        <source>&amp;About Tessera</source>
        <translation>&amp;Über Tessera</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="165"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="202"/>
        <source>x %1, y %2 px</source>
        <translation>x %1, y %2 px</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="204"/>
        <source>  (%1, %2 µm)</source>
        <translation>  (%1, %2 µm)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="211"/>
        <source>A tile could not be read: %1</source>
        <translation>Eine Kachel konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="247"/>
        <source>%1 — Tessera</source>
        <translation>%1 — Tessera</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="264"/>
        <source>Detecting tissue…</source>
        <translation>Gewebe wird erkannt…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="278"/>
        <source>Tissue covers %1 % of the slide (saturation threshold %2)</source>
        <translation>Gewebe bedeckt %1 % des Schnitts (Sättigungsschwelle %2)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="308"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="346"/>
        <source>Open Slide</source>
        <translation>Schnitt öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="355"/>
        <source>There is no slide view to save.</source>
        <translation>Es gibt keine Schnittansicht zum Speichern.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="360"/>
        <source>Cannot write %1 (check the folder exists and is writable).</source>
        <translation>%1 kann nicht geschrieben werden (existiert der Ordner und ist er beschreibbar?).</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="369"/>
        <source>Save View as PNG</source>
        <translation>Ansicht als PNG speichern</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="369"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="396"/>
        <source>Open a slide first, then run a model on it.</source>
        <translation>Öffnen Sie zuerst einen Schnitt und wenden Sie dann ein Modell darauf an.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="409"/>
        <source>Extracting features: %1 of %2 patches</source>
        <translation>Merkmale werden extrahiert: %1 von %2 Patches</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="413"/>
        <source>Running the model…</source>
        <translation>Modell läuft…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="423"/>
        <source>Preparing %1…</source>
        <translation>%1 wird vorbereitet…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="442"/>
        <source>The model failed on %1: %2</source>
        <translation>Das Modell ist an %1 gescheitert: %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="464"/>
        <source>The slide was closed before its results were ready.</source>
        <translation>Der Schnitt wurde geschlossen, bevor seine Ergebnisse fertig waren.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="473"/>
        <source>%1 does not belong to this slide: patch (%2, %3) lies outside its %4 × %5 pixels.</source>
        <translation>%1 gehört nicht zu diesem Schnitt: Patch (%2, %3) liegt außerhalb seiner %4 × %5 Pixel.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="480"/>
        <source>%1 has no patch size and a single patch: nothing to draw.</source>
        <translation>%1 hat keine Patch-Größe und nur einen Patch: nichts zu zeichnen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="494"/>
        <source>Results: %1</source>
        <translation>Ergebnisse: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="502"/>
        <source>Choose a Training Run</source>
        <translation>Trainingslauf wählen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="510"/>
        <source>Open Results</source>
        <translation>Ergebnisse öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="510"/>
        <source>Tessera results (*.h5)</source>
        <translation>Tessera-Ergebnisse (*.h5)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="529"/>
        <source>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Whole-slide viewer and spatially regularized MIL.&lt;/p&gt;&lt;table&gt;</source>
        <translation>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Ganzschnitt-Viewer und räumlich regularisiertes MIL.&lt;/p&gt;&lt;table&gt;</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="537"/>
        <source>About Tessera</source>
        <translation>Über Tessera</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="74"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="60"/>
        <location filename="../ui/MainWindow.cpp" line="225"/>
        <location filename="../ui/MainWindow.cpp" line="248"/>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="80"/>
        <source>Slide</source>
        <translation>Schnitt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="86"/>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="101"/>
        <location filename="../ui/MainWindow.cpp" line="102"/>
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
    <name>tessera::ui::SlideAnalysis</name>
    <message>
        <location filename="../ui/analysis/SlideAnalysis.cpp" line="73"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../ui/analysis/SlideAnalysis.cpp" line="73"/>
        <source>Consistency</source>
        <translation>Konsistenz</translation>
    </message>
    <message>
        <location filename="../ui/analysis/SlideAnalysis.cpp" line="131"/>
        <source>attention %1 (p%2)</source>
        <translation>Attention %1 (p%2)</translation>
    </message>
    <message>
        <location filename="../ui/analysis/SlideAnalysis.cpp" line="135"/>
        <source> · consistency %1 (p%2)</source>
        <translation> · Konsistenz %1 (p%2)</translation>
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
    <name>tessera::ui::SlideView</name>
    <message>
        <location filename="../ui/viewer/SlideView.cpp" line="423"/>
        <source>Open a slide (Ctrl+O) or drop one here</source>
        <translation>Schnitt öffnen (Strg+O) oder hierher ziehen</translation>
    </message>
</context>
</TS>
