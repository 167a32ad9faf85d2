<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>tessera::ui::MainWindow</name>
    <message><source>&amp;File</source><translation>&amp;Datei</translation></message>
    <message><source>&amp;Open Slide…</source><translation>Schnitt &amp;öffnen…</translation></message>
    <message><source>Open &amp;Recent</source><translation>&amp;Zuletzt geöffnet</translation></message>
    <message><source>&amp;Save View as PNG…</source><translation>Ansicht als PNG &amp;speichern…</translation></message>
    <message><source>&amp;Close Slide</source><translation>Schnitt s&amp;chließen</translation></message>
    <message><source>&amp;Quit</source><translation>&amp;Beenden</translation></message>
    <message><source>&amp;Edit</source><translation>&amp;Bearbeiten</translation></message>
    <message><source>&amp;Preferences…</source><translation>&amp;Einstellungen…</translation></message>
    <message><source>&amp;View</source><translation>&amp;Ansicht</translation></message>
    <message><source>&amp;Fit to Window</source><translation>An &amp;Fenster anpassen</translation></message>
    <message><source>Zoom &amp;In</source><translation>Ver&amp;größern</translation></message>
    <message><source>Zoom &amp;Out</source><translation>Ver&amp;kleinern</translation></message>
    <message><source>Show &amp;Tissue Mask</source><translation>&amp;Gewebemaske anzeigen</translation></message>
    <message><source>&amp;Help</source><translation>&amp;Hilfe</translation></message>
    <message><source>&amp;About Tessera</source><translation>&amp;Über Tessera</translation></message>
    <message><source>Overview</source><translation>Übersicht</translation></message>
    <message><source>Slide</source><translation>Schnitt</translation></message>
    <message><source>Magnification</source><translation>Vergrößerung</translation></message>
</context>
<context>
    <name>tessera::ui::SlideView</name>
    <message><source>Open a slide (Ctrl+O) or drop one here</source><translation>Schnitt öffnen (Strg+O) oder hierher ziehen</translation></message>
</context>
</TS>
